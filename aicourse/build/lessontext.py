"""The parts of a lesson's text that the teacher's materials reuse, read from the notebooks.

The instructor guide, the answer key, the slides and the handouts all show parts of a lesson
(its discussion and key points, its "pause and predict" prompts, its exercise prompts). They
read them here, from the notebooks, so that nothing is typed twice and nothing drifts:

- ``section(markdown, heading)``: the text under a ``## heading``;
- ``discussion(lesson)``: the discussion, split into its question, its views (the list items
  that start with a bold "View ..."; a view keeps everything written under it, such as a quoted
  proponent) and the closing questions;
- ``exercises(lesson)``: each exercise's heading and prompt, with its question object.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build import nbfiles

#: A list item at the start of a line (``- ``, ``* `` or ``1. ``), not indented.
ITEM = re.compile(r"^(?:[-*]|\d+[.)])\s+")
VIEW = re.compile(r"^\*\*View\b", re.I)
CHECK_CALL = re.compile(r"\b(q\d+|practice)\.check\(")
HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$", re.M)


def markdown(path: Path) -> str:
    """Every markdown cell of a notebook, joined."""
    return "\n".join(nbfiles.source(c) for c in nbfiles.read(path)["cells"]
                     if c["cell_type"] == "markdown")


def section(text: str, heading: str) -> str:
    """The text under a '## heading' of a notebook's markdown, up to the next '## '."""
    match = re.search(rf"^## {re.escape(heading)}\s*\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    return match.group(1).strip() if match else ""


def questions(lesson: meta.Lesson) -> list:
    """The lesson's question objects (``aicourse/questions/lNN.py``), in order; none if it has no
    questions module. A module that exists but fails to import is a fault in the course, and its
    error is raised."""
    name = f"aicourse.questions.l{lesson.number}"
    try:
        return importlib.import_module(name).QUESTIONS
    except ModuleNotFoundError as exc:
        if exc.name != name:  # the module exists, but something it imports does not
            raise
        return []


def blocks(text: str) -> list[str]:
    """Paragraphs and top-level list items; indented lines stay with the item above them."""
    found: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        starts_item = bool(ITEM.match(line))
        if not line.strip():
            if current and not ITEM.match(current[0]):
                found.append("\n".join(current))
                current = []
            elif current:
                current.append("")
            continue
        indented = line.startswith((" ", "\t"))
        if current and (starts_item or (not indented and ITEM.match(current[0])
                                        and current[-1] == "")):
            found.append("\n".join(current).strip("\n"))
            current = []
        current.append(line)
    if current:
        found.append("\n".join(current).strip("\n"))
    return [b for b in found if b.strip()]


@dataclass
class Discussion:
    intro: list[str] = field(default_factory=list)
    views: list[tuple[str, str]] = field(default_factory=list)  # (label, the rest of the view)
    closing: list[str] = field(default_factory=list)
    text: str = ""

    def __bool__(self) -> bool:
        return bool(self.text)


def split_view(item: str) -> tuple[str, str]:
    """'- **View A: met early.** Text' -> ('View A: met early', 'Text')."""
    body = ITEM.sub("", item, count=1)
    match = re.match(r"\*\*(.+?)\*\*\s*(.*)", body, re.S)
    label, rest = match.group(1).strip().rstrip(".:"), match.group(2)
    rest = re.sub(r"^[ \t]+", "", rest, flags=re.M)  # continuation lines lose their indent
    return label, rest.strip()


def parse_discussion(text: str) -> Discussion:
    parts = blocks(text)
    views = [i for i, b in enumerate(parts) if ITEM.match(b) and VIEW.match(ITEM.sub("", b, 1))]
    if not views:
        return Discussion(intro=parts, text=text)
    first, last = views[0], views[-1]
    # Anything between the first and the last view that is not a view (a quote set under a
    # view, say) belongs to the view above it.
    grouped: list[list[str]] = []
    for i in range(first, last + 1):
        if i in views:
            grouped.append([parts[i]])
        else:
            grouped[-1].append(parts[i])
    out = []
    for group in grouped:
        label, rest = split_view(group[0])
        out.append((label, "\n\n".join([rest, *group[1:]]).strip()))
    return Discussion(intro=parts[:first], views=out, closing=parts[last + 1:], text=text)


def discussion(lesson: meta.Lesson, root: Path = meta.ROOT) -> Discussion:
    return parse_discussion(section(markdown(lesson.path(root=root)), "Discussion"))


@dataclass
class Exercise:
    qid: str
    heading: str  # e.g. "Exercise 1 (compute): the growth the core targets require"
    prompt: str  # the markdown under the heading, up to the code cell with the check
    question: object = None
    after: str = ""  # markdown between the check and the next exercise (a follow-up note)

    @property
    def kind(self) -> str:
        match = re.search(r"\(([^)]+)\)", self.heading)
        return match.group(1) if match else ""


def exercise_notebook(lesson: meta.Lesson, root: Path = meta.ROOT) -> Path:
    """Where a lesson's questions are asked: its exercise notebook, or the lesson (00)."""
    path = lesson.path("exercises", root)
    return path if path.is_file() else lesson.path("notebooks", root)


def exercises(lesson: meta.Lesson, root: Path = meta.ROOT) -> list[Exercise]:
    """Each question of the lesson with the heading and text that ask it, in order."""
    by_id = {q.qid: q for q in questions(lesson)}
    found: list[Exercise] = []
    heading, prompt = "", []
    for cell in nbfiles.read(exercise_notebook(lesson, root))["cells"]:
        text = nbfiles.source(cell)
        if cell["cell_type"] == "markdown":
            if text.startswith("<!--"):  # generated header and navigation
                continue
            last = list(HEADING.finditer(text))
            if last:
                heading, prompt = last[-1].group(2), [text[last[-1].end():].strip()]
            elif found and not prompt and found[-1].heading == heading:
                found[-1].after = (found[-1].after + "\n\n" + text).strip()  # after the check
            else:
                prompt.append(text.strip())
            continue
        match = CHECK_CALL.search(text)
        if match and match.group(1) in by_id and match.group(1) not in {e.qid for e in found}:
            found.append(Exercise(match.group(1), heading, "\n\n".join(p for p in prompt if p),
                                  by_id[match.group(1)]))
            prompt = []
    return found
