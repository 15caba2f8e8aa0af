"""The glossary: well-formed entries, and every written lesson lists and links its terms."""

import re
import unicodedata

import pytest

from aicourse import lessons
from aicourse.build import glossary, nbfiles

ROOT = lessons.ROOT
TERMS = glossary.load()
COURSE, LESSONS = lessons.load()
NUMBERS = {l.number for l in LESSONS}
TONES = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
ALLOWED_IN_ZH = set("0123456789+、·（）()")


def test_there_is_a_glossary():
    assert len(TERMS) >= 40


def test_terms_are_unique_and_in_order():
    names = [t["term"] for t in TERMS]
    assert len({n.lower() for n in names}) == len(names)
    assert names == sorted(names, key=str.lower)


@pytest.mark.parametrize("term", TERMS, ids=[t["term"][:30] for t in TERMS])
def test_entry_is_complete(term):
    assert set(term) <= {"term", "zh", "pinyin", "definition", "lessons"}
    assert 20 <= len(term["definition"]) <= 200 and "\n" not in term["definition"]
    assert term["lessons"] and set(term["lessons"]) <= NUMBERS
    assert ("zh" in term) == ("pinyin" in term), "characters and pinyin go together"
    if "zh" in term:
        assert all(unicodedata.name(ch, "").startswith("CJK") or ch in ALLOWED_IN_ZH
                   for ch in term["zh"]), term["zh"]
        assert TONES.search(term["pinyin"]), f"pinyin without tone marks: {term['pinyin']}"
        assert not re.search(r"[\u4e00-\u9fff]", term["pinyin"])


def test_the_plan_is_in_it_with_its_chinese_title():
    plan = [t for t in TERMS if t.get("zh") == "新一代人工智能发展规划"]
    assert plan and "guīhuà" in plan[0]["pinyin"]


def test_page_lists_every_term_and_is_current():
    page = nbfiles.read(ROOT / "notebooks" / glossary.PAGE)
    text = nbfiles.source(page["cells"][0])
    assert text.startswith(glossary.MARKER)
    assert all(f"**{t['term'].replace('|', chr(92) + '|')}**" in text for t in TERMS)
    assert page["cells"] == nbfiles.normalise(glossary.page(COURSE, TERMS))["cells"]


@pytest.mark.parametrize("lesson", [l for l in LESSONS if l.available()], ids=lambda l: l.slug)
def test_each_lesson_names_its_terms_and_links_the_glossary(lesson):
    header = nbfiles.source(nbfiles.read(lesson.path())["cells"][0])
    terms = glossary.terms_for(lesson.number, TERMS)
    assert len(terms) >= 3
    assert f"[glossary]({glossary.PAGE})" in header and all(t in header for t in terms)
