"""The answer key, ``docs/answer-key.md``: every question of every lesson with its answer, on one page.

Written by ``python tasks.py headers`` (and by ``python tasks.py exercises``, which writes the
answers it reads). Nothing in it is typed: each answer comes from the question object
(``aicourse/questions/lNN.py``: the value computed from the data, the correct letter and its
explanation, the points a written answer should make) and from the solutions notebook (the code
or the model answer, through ``aicourse/answers``). A test fails when the page is out of date.
The class pack (``python tasks.py classpack``) leaves it out.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build import guide, lessontext

PAGE = Path("docs") / "answer-key.md"
MARKER = ("<!-- written by `python tasks.py headers` from the questions (aicourse/questions) and the "
          "solutions notebooks; edit those, not this file -->")


def number(value: float, integer: bool = False) -> str:
    """A value as the key shows it: whole numbers as they are, others to four digits."""
    if integer:
        return str(int(value))
    if abs(value) >= 1000:
        return f"{value:,.1f}"
    return f"{value:#.4g}".rstrip(".")


def _code(text: str) -> list[str]:
    return ["", "```python", text.strip(), "```"]


def _quote(text: str) -> list[str]:
    return ["", *[f"> {line}".rstrip() for line in text.strip().splitlines()]]


def _examples(code: str) -> list[tuple[str, str]]:
    """The (example, source_id) pairs a solution assigns, or [] if it assigns none."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            pairs = list(value.items()) if isinstance(value, dict) else value
            if isinstance(pairs, list) and all(isinstance(p, tuple) and len(p) == 2 for p in pairs):
                return [(str(a), str(b)) for a, b in pairs]
    return []


def answer(q, lesson: meta.Lesson) -> list[str]:
    """The answer to one question, as Markdown lines."""
    kind = type(q).__name__
    solution = q.solution_text()
    if kind == "NumberQuestion":
        value = q.expected
        shown = number(value, q.integer)
        if "fraction" in q.unit:
            shown += f" ({value:.1%})"
        tolerance = "exactly" if q.integer else f"to {q.precision.replace(' are enough', '')}"
        lines = [f"**{shown}** ({q.unit}); the check accepts the answer {tolerance}."]
        return lines + (_code(solution) if solution else [])
    if kind == "ChoiceQuestion":
        letter = q.correct
        return [f"**{letter}**: {q.options[letter]}.", "",
                f"*Why:* {q.explanation(letter)}"]
    if kind == "ChartQuestion":
        shown = []
        for what, (values, labels) in q.expected_series().items():
            pairs = ", ".join(f"{label}: {value:,.6g}" for value, label in zip(values, labels))
            shown.append(f"{what}: {pairs}" if len(q.expected_series()) > 1 else pairs)
        parts = ["the values " + "; ".join(shown) + (" (in any order)" if q.any_order else ""),
                 f"an axis label or title that names the unit ({' or '.join(q.units)}"
                 + (f", in {q.scale}" if q.scale else "") + ")",
                 "a title and an x-axis label"]
        if q.log_scale:
            parts.append("a logarithmic value axis")
        if q.need_source:
            parts.append("a source line")
        lines = ["The chart must show " + "; ".join(parts) + "."]
        return lines + (_code(solution) if solution else [])
    if kind == "TextQuestion":
        lines = [f"A written answer of at least {q.min_words} words. Points to look for:", ""]
        lines += [f"{i}. {p}" for i, p in enumerate(q.points, 1)]
        model = guide.model_answers(lesson).get(q.qid)
        if model:
            lines += ["", "Model answer:", *_quote(model)]
        return lines
    if kind == "SourcedListQuestion":
        lines = [f"At least {q.min_items} examples, each with a `source_id` from "
                 "`data/sources.csv` that supports it (the teacher judges the support)."]
        pairs = _examples(solution or "")
        if pairs:
            from aicourse import data

            known = data.sources().set_index("source_id")
            lines += ["", "Examples from the solutions:", ""]
            for example, sid in pairs:
                where = (f"{known.loc[sid, 'publisher']}, {known.loc[sid, 'date']}"
                         if sid in known.index else "not in data/sources.csv")
                lines.append(f"- {example} (`{sid}`: {where})")
        elif solution:
            lines += _code(solution)
        return lines
    return _code(solution) if solution else ["*No answer recorded.*"]


def text(root: Path = meta.ROOT) -> str:
    course, lessons = meta.load(root)
    lines = [MARKER, "", f"# Answer key: {course['title']}", "",
             "For teachers. Every question of every lesson with its answer: values as the "
             "course's data give them today (with the unit and how close the check wants them), "
             "the correct letter with its explanation, the points and a model answer for written "
             "answers, and the code of the worked solution. The class pack "
             "(`python3 tasks.py classpack`) does not contain this page.", "",
             "Written answers have no single right answer: mark them with the points listed "
             "and the rubric in the [instructor guide](instructor-guide.md).", ""]
    for lesson in lessons:
        if not lesson.available(root):
            continue
        found = lessontext.exercises(lesson, root)
        if not found:
            continue
        where = "exercises" if lesson.path("exercises", root).is_file() else "notebooks"
        lines += [f"## {lesson.number} {lesson.title}", "",
                  f"[{where}/{lesson.filename}](../{where}/{lesson.filename})", ""]
        for exercise in found:
            heading = exercise.heading or exercise.qid
            lines += [f"### {exercise.qid} · {heading}", ""]
            lines += answer(exercise.question, lesson)
            lines.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip("\n") + "\n"


def write(root: Path = meta.ROOT) -> bool:
    """Write the answer key if anything changed; return True if it did."""
    path = root / PAGE
    new = text(root)
    if path.is_file() and path.read_text(encoding="utf-8") == new:
        return False
    path.write_text(new, encoding="utf-8")
    return True
