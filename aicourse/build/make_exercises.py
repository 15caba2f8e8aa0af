"""Write ``exercises/`` from ``solutions/`` (one source for both), and the answers file.

Re-runnable: ``python tasks.py exercises`` (or ``python -m aicourse.build.make_exercises``).

In a solutions notebook:

- code between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` (nbgrader's markers) is removed.
  The cell keeps the placeholder line written above the block (``answer = ...``), so the
  untouched exercise runs and its check says "not attempted yet";
- in Markdown cells, text between ``<!-- BEGIN SOLUTION -->`` and ``<!-- END SOLUTION -->``
  is replaced by an invitation to write an answer;
- cells tagged ``solutions-only`` are dropped (their answers are still recorded: this is where
  the answers to a lesson's "check your understanding" questions ``r1``, ``r2`` ... live).

Each removed code block becomes the answer that ``qN.solution()`` (or ``rN.solution()``) shows,
where ``qN`` is the question whose ``qN.check(`` call stands in the same cell. The answers go to
``aicourse/answers/lNN.json``. Outputs are cleared in exercises/.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build import headers, nbfiles

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
MD_BEGIN, MD_END = "<!-- BEGIN SOLUTION -->", "<!-- END SOLUTION -->"
MD_PLACEHOLDER = "*Write your answer here.*"
CHECK_CALL = re.compile(r"\b([qr]\d+)\.check\(")
MODEL_ANSWER = re.compile(r'^\w+ = """\n?(.*?)\n?"""\s*$', re.S)


class MarkerError(ValueError):
    pass


def strip_code(text: str, where: str) -> tuple[str, str | None]:
    """Return (the code without solution blocks, the removed code or None)."""
    kept, removed, inside = [], [], False
    for line in text.splitlines(keepends=True):
        mark = line.strip()
        if mark == BEGIN:
            if inside:
                raise MarkerError(f"{where}: {BEGIN} inside another solution block")
            inside = True
        elif mark == END:
            if not inside:
                raise MarkerError(f"{where}: {END} without {BEGIN}")
            inside = False
        elif inside:
            removed.append(line)
        else:
            kept.append(line)
    if inside:
        raise MarkerError(f"{where}: {BEGIN} without {END}")
    if not removed and BEGIN not in text:
        return text, None
    return "".join(kept).rstrip("\n"), "".join(removed).rstrip("\n")


def strip_markdown(text: str) -> str:
    pattern = re.compile(re.escape(MD_BEGIN) + r".*?" + re.escape(MD_END), re.S)
    return pattern.sub(MD_PLACEHOLDER, text)


def answer_text(code: str) -> str:
    """How ``solution()`` shows a removed block: the model answer's text, or the code."""
    match = MODEL_ANSWER.match(code.strip())
    if match:
        return "Model answer:\n\n" + match.group(1).strip()
    return code


def convert(solution_nb: dict, where: str) -> tuple[dict, dict[str, str]]:
    """Return the exercise notebook and the answers {question id: text}."""
    cells, answers = [], {}
    for n, cell in enumerate(solution_nb["cells"]):
        dropped = "solutions-only" in cell.get("metadata", {}).get("tags", [])
        text = nbfiles.source(cell)
        if dropped and cell["cell_type"] != "code":
            continue
        if cell["cell_type"] == "code":
            kept, removed = strip_code(text, f"{where}, cell {n}")
            if removed is not None:
                ids = CHECK_CALL.findall(text)
                if len(set(ids)) != 1:
                    raise MarkerError(f"{where}, cell {n}: a solution block needs exactly one "
                                      f"qN.check( call in its cell (found {sorted(set(ids))})")
                answers[ids[0]] = answer_text(removed)
            if not dropped:
                cells.append(nbfiles.code(kept, cell.get("metadata", {}).get("tags"), cell.get("id")))
        else:
            cells.append(nbfiles.markdown(strip_markdown(text), cell.get("metadata", {}).get("tags"),
                                          cell.get("id")))
    return nbfiles.notebook(cells), answers


def build(root: Path = meta.ROOT) -> dict[Path, str]:
    """Compute every generated file: {path: text}. Writes nothing."""
    course, lessons = meta.load(root)
    files = {}
    for lesson in lessons:
        src = lesson.path("solutions", root)
        if not src.is_file():
            continue
        nb, answers = convert(nbfiles.read(src), str(src.relative_to(root)))
        nb = headers.apply(nb, course, lessons, lesson, "exercises", root)
        files[lesson.path("exercises", root)] = nbfiles.dumps(nb, clear_outputs=True)
        files[root / "aicourse" / "answers" / f"l{lesson.number}.json"] = json.dumps(
            answers, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    return files


def _stale(files: dict[Path, str]) -> list[Path]:
    return [path for path, text in files.items()
            if not path.is_file() or path.read_text(encoding="utf-8") != text]


def stale(root: Path = meta.ROOT) -> list[Path]:
    """Generated files that differ from what ``build`` would write now."""
    return _stale(build(root))


def run(root: Path = meta.ROOT) -> list[Path]:
    """Write the generated files that changed (building them once); return them."""
    files = build(root)
    changed = _stale(files)
    for path in changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[path], encoding="utf-8")
    from aicourse.build import answerkey  # the key shows the answers just written

    if changed and answerkey.write(root):
        changed.append(root / answerkey.PAGE)
    return changed


if __name__ == "__main__":
    for path in run():
        print(f"wrote {path.relative_to(meta.ROOT)}")
    sys.exit(0)
