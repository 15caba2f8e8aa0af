"""Handouts: the HTML of every handout holds what it should; printed, the PDFs hold the text.

Every handout's HTML is checked (it is cheap). Three are printed to PDF with Chromium in one
browser (the claim-rating sheet, and lessons 01 and 08, which between them have every kind of
exercise and Chinese key terms; every handout is printed by the same code) and read back with
pdftotext (Debian's poppler-utils): page count, the text on each page, cards kept on the first
page, each claim kept whole on one page, and Chinese characters drawn with a CJK font.
"""

import html
import os
import re
import shutil
import subprocess

import labdriver
import pytest

from aicourse import data, lessons
from aicourse.build import browser, glossary, handouts, lessontext

ROOT = lessons.ROOT
_, LESSONS = lessons.load()
WRITTEN = [l for l in LESSONS if l.available()]
PRINTED = [handouts.CLAIM_SHEET, "01_the_2017_plan", "08_capstone"]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pages(pdf) -> list[str]:
    """The text of each page of a PDF."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def _zh_terms(lesson) -> list[str]:
    return [t["zh"] for t in glossary.load() if lesson.number in t.get("lessons", []) and t.get("zh")]


@pytest.mark.parametrize("lesson", WRITTEN, ids=[l.slug for l in WRITTEN])
def test_each_lesson_handout_has_its_cards_exercises_and_terms(lesson):
    text = html.unescape(handouts.lesson_sheet(lesson))
    discussion = lessontext.discussion(lesson)
    for label, _ in discussion.views:
        assert label in text
    for exercise in lessontext.exercises(lesson):
        assert exercise.heading in text
    for rule in handouts.ground_rules():
        assert rule in text
    for zh in _zh_terms(lesson):
        assert zh in text


def test_ground_rules_come_from_the_guide():
    assert len(handouts.ground_rules()) >= 4


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    labdriver.need_chromium()
    if not shutil.which("pdftotext"):
        message = "no PDF test: pdftotext is missing (apt-get install poppler-utils)"
        if os.environ.get("AICOURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path_factory.mktemp("handouts")
    with browser.chromium() as chromium:
        page = browser.offline_page(chromium)
        pdfs = handouts.build(out, only=PRINTED, page=page)
        # Which fonts drew the Chinese key terms (Chromium's own record of the glyphs it used)?
        page.goto((out / "01_the_2017_plan.html").as_uri())
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "td.zh"})["nodeIds"]
        fonts = [{f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode",
                                                     {"nodeId": n})["fonts"]} for n in nodes]
        yield out, {p.stem: p for p in pdfs}, fonts, list(page.refused)


def test_only_the_chosen_handouts_are_printed_with_nothing_fetched(printed):
    out, pdfs, _, refused = printed
    assert sorted(pdfs) == sorted(PRINTED) and refused == []
    assert sorted(p.name for p in out.glob("*.html")) == sorted(f"{n}.html" for n in PRINTED)


def test_claim_sheet_has_every_claim_whole_on_a_page(printed):
    _, pdfs, _, _ = printed
    pages = _pages(pdfs[handouts.CLAIM_SHEET])
    claims = data.load("claims")
    per_page = [len(re.findall(r"\bC\d\d\b ·", page)) for page in pages]
    reasons = [page.count("Reason (name the evidence)") for page in pages]
    assert per_page == reasons, "a claim and its verdicts and reason lines share a page"
    assert sum(per_page) == len(claims) and all(per_page) and len(pages) <= 7
    text = _flat("\n".join(pages))
    for claim in claims["claim"]:  # pdftotext joins a word hyphenated at a line's end
        assert _flat(claim).replace("-", "") in text.replace("-", "")
    for verdict in ("partly supported", "not checkable", "outdated"):
        assert text.count(verdict) >= len(claims)
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]


@pytest.mark.parametrize("slug", PRINTED[1:])
def test_lesson_handout_cards_first_then_exercises(printed, slug):
    _, pdfs, _, _ = printed
    lesson = next(l for l in LESSONS if l.slug == slug)
    pages = [_flat(p) for p in _pages(pdfs[slug])]
    discussion = lessontext.discussion(lesson)
    assert "Discussion cards" in pages[0] and "Exercises ·" not in pages[0]
    for label, _ in discussion.views:
        assert _flat(label) in pages[0], "the cards fit on the first page"
    start = next(i for i, p in enumerate(pages) if "Exercises ·" in p)
    rest = " ".join(pages[start:])
    for exercise in lessontext.exercises(lesson):
        assert _flat(exercise.heading) in rest
    for zh in _zh_terms(lesson):
        assert zh in rest.replace(" ", "")
    assert 2 <= len(pages) <= 8


def test_chinese_is_drawn_with_a_cjk_font(printed):
    _, _, fonts, _ = printed
    assert fonts and all(any("CJK" in family for family in used) for used in fonts), \
        f"Chinese drawn with {fonts[:2]}, not a CJK font: apt-get install fonts-noto-cjk"
