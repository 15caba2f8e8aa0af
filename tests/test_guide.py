"""The instructor guide is current, and every written lesson has its teaching notes."""

import re

import pytest

from aicourse import lessons
from aicourse.build import guide

ROOT = lessons.ROOT
COURSE, LESSONS = lessons.load()
WRITTEN = [l for l in LESSONS if l.available()]


def test_guide_is_what_the_generator_writes():
    assert (ROOT / guide.GUIDE).read_text(encoding="utf-8") == guide.text(), \
        "run python3 tasks.py headers"


@pytest.mark.parametrize("lesson", WRITTEN, ids=[l.slug for l in WRITTEN])
def test_every_lesson_has_notes_with_every_part(lesson):
    path = ROOT / guide.NOTES / f"{lesson.number}.md"
    assert path.is_file(), f"write {path.relative_to(ROOT)}"
    headings = re.findall(r"^## (.+)$", path.read_text(encoding="utf-8"), re.M)
    assert headings == guide.NOTE_HEADINGS


@pytest.mark.parametrize("lesson", WRITTEN, ids=[l.slug for l in WRITTEN])
def test_guide_carries_each_lessons_own_words(lesson):
    text = (ROOT / guide.GUIDE).read_text(encoding="utf-8")
    assert f"### {lesson.number} {lesson.title}" in text
    for objective in lesson.objectives:
        assert f"- {objective}" in text
    assert f"| {lesson.number} {lesson.title} | {lesson.minutes_teaching} min |" in text
    written = [q for q in guide.questions(lesson) if type(q).__name__ == "TextQuestion"]
    for q in written:
        answer = guide.model_answers(lesson)[q.qid]
        assert len(answer.split()) >= 40 and f"> {answer}" in text


def test_total_time_is_the_sum_of_the_lessons():
    text = (ROOT / guide.GUIDE).read_text(encoding="utf-8")
    total = sum(l.minutes for l in WRITTEN)
    assert f"{total} minutes ({total / 60:.1f} hours)" in text


def test_general_chapters_exist():
    text = (ROOT / guide.GUIDE).read_text(encoding="utf-8")
    for name, heading in guide.CHAPTERS:
        assert (ROOT / guide.NOTES / name).is_file() and f"## {heading}" in text
    assert "hublink" in text and "Start the image before class" in text


def test_a_broken_questions_module_is_a_fault_not_none(monkeypatch):
    """A lesson without a questions module has no questions; a module that fails to import
    (a fault in the course) raises, instead of the guide quietly listing no exercises."""
    import dataclasses
    import importlib

    lesson = next(l for l in LESSONS if l.number == "01")
    assert guide.questions(lesson)
    assert guide.questions(dataclasses.replace(lesson, number="99")) == []

    def fails(name, *args):
        raise ModuleNotFoundError("No module named 'pandas_typo'", name="pandas_typo")

    monkeypatch.setattr(importlib, "import_module", fails)
    with pytest.raises(ModuleNotFoundError):
        guide.questions(lesson)
def test_evidence_gaps_are_dated_items_that_are_easy_to_edit():
    text = (ROOT / guide.NOTES / "evidence-gaps.md").read_text(encoding="utf-8")
    items = re.findall(r"^- (.*)$", text, re.M)
    assert items and all(re.search(r"\(as of [A-Z][a-z]+ \d{4}\)", item) for item in items)


def test_short_versions_and_facilitation_are_in_the_guide():
    text = (ROOT / guide.GUIDE).read_text(encoding="utf-8")
    for words in ("### One period (50 minutes)", "### Two periods", "### Ground rules",
                  "### When a discussion turns personal", "### When something breaks",
                  "#### Hands-on variant"):
        assert words in text
