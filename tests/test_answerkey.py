"""The answer key is current, covers every question, and each answer it gives passes its check."""

import re

import pytest

from aicourse import lessons
from aicourse.build import answerkey, lessontext

ROOT = lessons.ROOT
_, LESSONS = lessons.load()
WRITTEN = [l for l in LESSONS if l.available()]
PAGE = (ROOT / answerkey.PAGE).read_text(encoding="utf-8")


def _entry(lesson, qid: str) -> str:
    """The key's text for one question of one lesson."""
    part = PAGE.split(f"\n## {lesson.number} ", 1)[1].split("\n## ", 1)[0]
    return part.split(f"\n### {qid} · ", 1)[1].split("\n### ", 1)[0].split("\n", 1)[1]


def test_key_is_what_the_generator_writes():
    assert PAGE == answerkey.text(), "run python3 tasks.py headers"


@pytest.mark.parametrize("lesson", WRITTEN, ids=[l.slug for l in WRITTEN])
def test_every_question_has_an_answer_that_passes_its_check(lesson):
    asked = lessontext.exercises(lesson)
    assert [e.qid for e in asked] == [q.qid for q in lessontext.questions(lesson)], \
        "every question is asked in the exercise notebook, in order"
    for exercise in asked:
        q, entry = exercise.question, _entry(lesson, exercise.qid)
        kind = type(q).__name__
        if kind in ("NumberQuestion", "ChoiceQuestion"):
            shown = re.match(r"\*\*([^*( ]+)", entry.strip()).group(1)
            answer = shown if kind == "ChoiceQuestion" else float(shown.replace(",", ""))
            assert q.evaluate(answer).passed, f"{lesson.number} {q.qid}: the key says {shown}"
        if kind == "ChoiceQuestion":
            assert q.explanation(q.correct) in entry
        if kind == "TextQuestion":
            assert all(point in entry for point in q.points) and "Model answer:" in entry
        if kind in ("NumberQuestion", "ChartQuestion"):
            assert "```python" in entry, "the worked code is shown"


def test_key_is_linked_from_the_guide_chapters():
    assert "answer-key.md" in (ROOT / "docs" / "instructor" / "teachers-kit.md").read_text()
