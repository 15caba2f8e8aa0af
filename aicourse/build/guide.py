"""The instructor guide, ``docs/instructor-guide.md``, put together from what already exists.

Nothing in the guide is a second copy that could drift: the lesson table, timings, objectives
and exercise counts come from ``lessons.toml`` and the questions modules; each lesson's
discussion and key points come from the lesson notebook; the model answers to the written
exercises come from the solutions notebook (via ``aicourse/answers``). Only the teaching notes
are written for the guide, in ``docs/instructor/`` (one file per lesson, plus the general
chapters). ``python tasks.py headers`` rewrites the guide.
"""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build import nbfiles
from aicourse.build.lessontext import questions, section

NOTES = Path("docs") / "instructor"
GUIDE = Path("docs") / "instructor-guide.md"
MARKER = ("<!-- written by `python tasks.py headers` from lessons.toml, the notebooks and "
          "docs/instructor/; edit those, not this file -->")
#: The headings every lesson's notes file has, in this order.
NOTE_HEADINGS = ["Lesson plan: one 50-minute class", "Hands-on variant", "Self-study",
                 "Common misconceptions", "Teaching the discussion"]
#: General chapters, in order: (file in docs/instructor, heading in the guide). Those named in
#: AFTER_LESSONS come after the lessons, the others before them.
CHAPTERS = [("running-the-course.md", "Running the course"),
            ("checklist.md", "Pre-class checklist"),
            ("teachers-kit.md", "The teacher's kit"),
            ("short-versions.md", "Short versions: one or two periods"),
            ("facilitation.md", "Facilitating a politically sensitive discussion"),
            ("capstone-rubric.md", "Rubric for the capstone"),
            ("evidence-gaps.md", "Known evidence gaps")]
AFTER_LESSONS = ("capstone-rubric.md", "evidence-gaps.md")
KINDS = {"NumberQuestion": "compute", "ChartQuestion": "chart", "ChoiceQuestion": "interpret",
         "TextQuestion": "discuss", "SourcedListQuestion": "research",
         "VoiceQuestion": "research"}


def model_answers(lesson: meta.Lesson) -> dict[str, str]:
    """The written model answers (text questions) from the solutions, by question id."""
    found = {}
    for q in questions(lesson):
        answer = q.solution_text() if type(q).__name__ == "TextQuestion" else None
        if not answer:
            continue
        try:  # code that assigns the answer text, as the solutions notebooks write it
            tree = ast.parse(answer)
            texts = [n.value.value for n in tree.body if isinstance(n, ast.Assign)
                     and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)]
        except SyntaxError:  # the answer written as plain text
            texts = [re.sub(r"^Model answer:\s*", "", answer)]
        if texts:
            found[q.qid] = " ".join(texts[-1].split())
    return found


def _table(lessons: list[meta.Lesson], root: Path) -> list[str]:
    rows = ["| Lesson | Teaching | Exercises | Total | Exercises by kind |", "|---|---|---|---|---|"]
    for l in lessons:
        kinds = [KINDS.get(type(q).__name__, "other") for q in questions(l)]
        summary = ", ".join(f"{kinds.count(k)} {k}" for k in dict.fromkeys(kinds)) or "none"
        rows.append(f"| {l.number} {l.title} | {l.minutes_teaching} min | "
                    f"{l.minutes_exercises} min | {l.minutes} min | {summary} |")
    teaching = sum(l.minutes_teaching for l in lessons)
    exercises = sum(l.minutes_exercises for l in lessons)
    total = teaching + exercises
    rows += ["", f"**In all:** {teaching} minutes of teaching and {exercises} minutes of "
             f"exercises, {total} minutes ({total / 60:.1f} hours). Taught as 50-minute classes "
             f"with the exercises as homework, the course needs about "
             f"{math.ceil(teaching / 50)} to {len(lessons)} classes; with the exercises in class, "
             f"about {math.ceil(total / 50)} classes."]
    return rows


def _chapter(root: Path, name: str) -> str:
    """A file of docs/instructor/, with its links made relative to the guide (one folder up)."""
    text = (root / NOTES / name).read_text(encoding="utf-8").strip()
    return re.sub(r"\]\(\.\./(?!\.\./)", "](", text)


def text(root: Path = meta.ROOT) -> str:
    course, lessons = meta.load(root)
    written = [l for l in lessons if l.available(root)]
    lines = [MARKER, "", f"# Instructor guide: {course['title']}", "",
             "For teachers who run the course in class, and for anyone who supports learners "
             "working alone. The lesson table, timings, objectives, discussion questions, key "
             "points and model answers below are taken from the lessons themselves, so they "
             "match what learners see.", "", "## The course at a glance", ""]
    lines += _table(written, root)
    for name, heading in CHAPTERS:
        if name not in AFTER_LESSONS:
            lines += ["", f"## {heading}", "", _chapter(root, name)]
    lines += ["", "## Lesson by lesson"]
    for l in written:
        notebook = "\n".join(nbfiles.source(c) for c in nbfiles.read(l.path(root=root))["cells"]
                             if c["cell_type"] == "markdown")
        lines += ["", f"### {l.number} {l.title}", "", l.overview, "",
                  f"**Time:** {l.minutes_teaching} minutes of teaching"
                  + (f", {l.minutes_exercises} minutes of exercises" if l.has_exercises else "")
                  + f". **Prerequisites:** {'; '.join(l.prerequisites)}. "
                  f"[Lesson](../notebooks/{l.filename})"
                  + (f" · [exercises](../exercises/{l.filename}) · [solutions](../solutions/{l.filename})"
                     if l.has_exercises and l.path("solutions", root).is_file() else ""), "",
                  "**Objectives:** after the lesson learners can", ""]
        lines += [f"- {o}" for o in l.objectives]
        notes_file = root / NOTES / f"{l.number}.md"
        notes = (_chapter(root, notes_file.name) if notes_file.is_file()
                 else "*Teaching notes for this lesson are not written yet.*")
        lines += ["", re.sub(r"^## ", "#### ", notes, flags=re.M)]
        discussion = section(notebook, "Discussion")
        if discussion:
            lines += ["", "#### The discussion as learners see it", "", discussion]
        for qid, answer in model_answers(l).items():
            lines += ["", f"#### Model answer to the written exercise ({qid})", "", f"> {answer}"]
        points = section(notebook, "Key points")
        if points:
            lines += ["", "#### Key points", "", points]
    for name, heading in CHAPTERS:
        if name in AFTER_LESSONS:
            lines += ["", f"## {heading}", "", _chapter(root, name)]
    return "\n".join(lines) + "\n"


def write(root: Path = meta.ROOT) -> bool:
    """Write the guide if anything changed; return True if it did."""
    if not (root / NOTES).is_dir():
        return False
    new = text(root)
    path = root / GUIDE
    if path.is_file() and path.read_text(encoding="utf-8") == new:
        return False
    path.write_text(new, encoding="utf-8")
    return True
