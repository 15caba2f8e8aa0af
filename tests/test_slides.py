"""Slides: a deck per lesson that opens with no network, with every slide and chart drawn.

Every deck is built from the charts stored in the notebooks (fast), and lesson 00's deck once
more the way the task builds it, by running the lesson with charts redrawn for a projector.
One headless Chromium opens all of them with every request other than local files refused, and
checks each deck: every slide is there and fits, every chart loads, nothing was fetched, no
script error, and the keys move between slides.
"""

import base64
import html
import re
import struct

import labdriver
import pytest

from aicourse import lessons
from aicourse.build import browser, lessontext, nbfiles, slides

ROOT = lessons.ROOT
COURSE, LESSONS = lessons.load()
WRITTEN = [l for l in LESSONS if l.available()]


def _png_size(b64: str) -> tuple[int, int]:
    return struct.unpack(">II", base64.b64decode(b64[:44])[16:24])


def _expected(lesson):
    """(prompts, charts) of the lesson body, counted from the notebook itself."""
    nb = nbfiles.read(lesson.path())
    body = "\n".join(nbfiles.source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    body = body.split("\n## Discussion", 1)[0]
    prompts = len(re.findall(r"^### Pause and predict", body, re.M))
    charts, ended = 0, False
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and re.search(r"^## Discussion", nbfiles.source(cell),
                                                         re.M):
            ended = True
        if not ended:
            charts += sum("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
    return prompts, charts


@pytest.mark.parametrize("lesson", WRITTEN, ids=[l.slug for l in WRITTEN])
def test_deck_has_every_part_of_the_lesson(lesson):
    deck = slides.deck(lesson, nbfiles.read(lesson.path()))
    kinds = [s.kind for s in deck]
    prompts, charts = _expected(lesson)
    assert kinds[:2] == ["title", "objectives"] and kinds[-1] == "points"
    assert kinds.count("predict") == prompts and kinds.count("chart") == charts >= 2
    assert all(s.alt for s in deck if s.kind == "chart")
    discussion = lessontext.discussion(lesson)
    assert "discussion" in kinds
    if discussion.views:
        shown = " ".join(s.heading + s.body for s in deck if s.kind in ("views", "view"))
        for label, text in discussion.views:
            assert html.escape(label) in shown
            for quote in re.findall(r'"([^"]{12,})"', text):  # quoted proponents, word for word
                assert html.escape(quote, quote=False) in shown


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    labdriver.need_chromium()
    stored = slides.build(tmp_path_factory.mktemp("slides"), rerun=False)
    projector = slides.build(tmp_path_factory.mktemp("projector"), only=["00"])
    return stored, projector


def _open(page, path):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=30_000)
    return errors


STATE = """() => [...document.querySelectorAll('.slide')].map(s => {
  const boxes = [s.querySelector('.body'), ...s.querySelectorAll('.view')];
  return {kind: s.className.replace('slide ', '').replace(' current', ''),
          overflow: boxes.some(b => b.scrollHeight > b.clientHeight + 1
                                    || b.scrollWidth > b.clientWidth + 1),
          images: [...s.querySelectorAll('img')].map(i => [i.complete, i.naturalWidth, i.alt]),
          text: s.innerText};
})"""


def test_every_deck_opens_offline_with_its_slides_and_charts(decks):
    stored, projector = decks
    with browser.chromium() as chromium:
        page = browser.offline_page(chromium, viewport={"width": 1280, "height": 720})
        for deck in [*stored, *projector]:
            lesson = next(l for l in WRITTEN if l.slug == deck.stem)
            errors = _open(page, deck)
            state = page.evaluate(STATE)
            expected = slides.deck(lesson, nbfiles.read(lesson.path()))
            where = deck.parent.name + "/" + deck.name
            assert [s["kind"] for s in state] == [s.kind for s in expected], where
            assert not [i for i, s in enumerate(state, 1) if s["overflow"]], where
            images = [i for s in state for i in s["images"]]
            assert len(images) == _expected(lesson)[1], where
            assert all(done and width > 0 and alt for done, width, alt in images), where
            if deck in projector:
                assert {width for _, width, _ in images} == {1600}, "charts at projector size"
            assert lesson.title in state[0]["text"]
            assert errors == [] and page.refused == [], where
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert page.evaluate("location.hash") == "#3"
        assert page.evaluate("[...document.querySelectorAll('.slide')].indexOf("
                             "document.querySelector('.slide.current'))") == 2
        page.keyboard.press("End")
        assert page.evaluate("document.querySelector('.slide.current').classList.contains('points')")


def test_projector_charts_are_twice_the_notebooks(decks):
    _, projector = decks
    html = projector[0].read_text(encoding="utf-8")
    sizes = {_png_size(b64) for b64 in re.findall(r'src="data:image/png;base64,([^"]+)"', html)}
    assert sizes == {(1600, 900)}


def test_long_views_get_a_slide_each():
    long = lessontext.parse_discussion(
        "**A question?**\n\n- **View A: one.** " + "word " * 400
        + '\n- **View B: two.** Short, with a quote: "as someone said".\n\nWhich is stronger?')
    assert [s.kind for s in slides.discussion_slides(long)] == [
        "discussion", "view", "view", "closing"]
