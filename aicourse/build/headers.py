"""Write the generated parts of the notebooks and the README from ``lessons.toml``.

Re-runnable: ``python tasks.py headers`` (or ``python -m aicourse.build.headers``). Generated cells
start with a marker comment; every run removes the marked cells and writes them anew:

- ``<!-- header: ...`` the title, overview, time, prerequisites, questions, objectives, launch link;
- ``<!-- nav: ...``    previous | contents | exercises | next, at the top and the bottom;
- ``# setup: ...``     the code cell that lets the notebook import ``aicourse``.

It also writes the contents page ``notebooks/index.ipynb``, the glossary page
``notebooks/glossary.ipynb`` (from ``glossary.toml``), the instructor guide
``docs/instructor-guide.md`` (see ``aicourse.build.guide``), the answer key ``docs/answer-key.md``
(see ``aicourse.build.answerkey``) and the lesson map in README.md (between
``<!-- lessons:start -->`` and ``<!-- lessons:end -->``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build import answerkey, glossary, guide, nbfiles

HEADER = "<!-- header: written by `python tasks.py headers` from lessons.toml; edit there -->"
NAV = "<!-- nav: written by `python tasks.py headers` from lessons.toml -->"
SETUP = "# setup: written by `python tasks.py headers`; it lets this notebook import aicourse"
#: What a generated cell's source starts with, colon included, and the cell's type. A cell of
#: the author's whose text merely begins alike ("# setup the figure") is not generated.
MARKERS = {"header": ("<!-- header:", "markdown"), "nav": ("<!-- nav:", "markdown"),
           "setup": ("# setup:", "code")}
CONTENTS = "index.ipynb"

SETUP_CODE = f"""{SETUP}
import sys
from pathlib import Path

_root = next((p for p in [Path.cwd(), *Path.cwd().parents] if (p / "aicourse").is_dir()), None)
if _root is None:
    print("Could not find the course folder (the one holding 'aicourse'). "
          "Open this notebook from inside the course folder.")
else:
    sys.path.insert(0, str(_root))"""


def generated_kind(cell: dict) -> str | None:
    """"header", "nav" or "setup" for a generated cell, else None."""
    text = nbfiles.source(cell)
    for kind, (marker, cell_type) in MARKERS.items():
        if cell["cell_type"] == cell_type and text.startswith(marker):
            return kind
    return None


def is_generated(cell: dict) -> bool:
    return generated_kind(cell) is not None


def _minutes(lesson: meta.Lesson, kind: str) -> str:
    if kind == "exercises" or kind == "solutions":
        return f"about {lesson.minutes_exercises} minutes"
    extension = (f" (and an optional extension of {lesson.minutes_extension} minutes)"
                 if lesson.minutes_extension else "")
    if lesson.has_exercises:
        return (f"about {lesson.minutes} minutes: {lesson.minutes_teaching} teaching, "
                f"{lesson.minutes_exercises} exercises{extension}")
    return f"about {lesson.minutes_teaching} minutes{extension}"


def cutoff_words(lesson: meta.Lesson) -> str:
    """The data cut-off a lesson states: its own datasets' newest source (lesson 00 introduces the
    whole course, so it states the course's)."""
    from aicourse import data

    return data.cutoff_sentence(None if lesson.number == "00" else lesson.number)


def header_text(course: dict, lesson: meta.Lesson, kind: str, terms: list[str] | None = None,
                cutoff: str | None = None) -> str:
    title = {"notebooks": f"{lesson.number} · {lesson.title}",
             "exercises": f"Exercises {lesson.number} · {lesson.title}",
             "solutions": f"Solutions {lesson.number} · {lesson.title}"}[kind]
    binder = meta.binder_url(course, f"{kind}/{lesson.filename}")
    lines = [HEADER, f"*{course['title']}*", "", f"# {title}", ""]
    if kind == "notebooks":
        lines += [lesson.overview, ""]
    elif kind == "exercises":
        lines += [f"Exercises for lesson {lesson.number}. Write your answer where a cell says "
                  "`...`, run the cell, and the check under it tells you whether it is right. "
                  "`qN.hint()` gives a hint (run it again for the next one); `qN.solution()` "
                  "shows the answer when you ask for it.", ""]
    else:
        lines += [f"The answered version of the exercises for lesson {lesson.number}. This is "
                  "the one source of the exercises: `python tasks.py exercises` writes "
                  "`exercises/` from it by removing the code between `### BEGIN SOLUTION` and "
                  "`### END SOLUTION`.", ""]
    lines += [f"- **Time:** {_minutes(lesson, kind)}"]
    if lesson.prerequisites:
        lines += [f"- **Prerequisites:** {'; '.join(lesson.prerequisites)}"]
    lines += [f"- **Run it in the browser:** [launch on Binder]({binder}) "
              "(starting can take a few minutes)"]
    if kind == "notebooks" and terms:
        lines += [f"- **Terms** (meanings in the [glossary]({glossary.PAGE})): {', '.join(terms)}"]
    if kind == "notebooks" and cutoff:
        lines += [f"- **{cutoff.split(':')[0]}:**{cutoff.split(':', 1)[1]}"]
    lines += [""]
    if kind == "notebooks":
        lines += ["**Questions this lesson answers**", ""]
        lines += [f"- {q}" for q in lesson.questions] + [""]
        lines += ["**Learning objectives**: after this lesson you can", ""]
        lines += [f"- {o}" for o in lesson.objectives]
    return "\n".join(lines).rstrip() + "\n"


def nav_text(lessons: list[meta.Lesson], lesson: meta.Lesson, kind: str, root: Path) -> str:
    written = [l for l in lessons if l.available(root)]
    i = written.index(lesson)
    parts = []
    if kind == "notebooks":
        if i > 0:
            parts.append(f"[← {written[i - 1].number} {written[i - 1].title}]({written[i - 1].filename})")
        parts.append(f"[Contents]({CONTENTS})")
        if (root / glossary.FILE).is_file():
            parts.append(f"[Glossary]({glossary.PAGE})")
        if lesson.has_exercises and lesson.path("exercises", root).is_file():
            parts.append(f"[Exercises](../exercises/{lesson.filename})")
        if i + 1 < len(written):
            parts.append(f"[{written[i + 1].number} {written[i + 1].title} →]({written[i + 1].filename})")
    else:
        parts.append(f"[← Lesson {lesson.number}: {lesson.title}](../notebooks/{lesson.filename})")
        parts.append(f"[Contents](../notebooks/{CONTENTS})")
        if (root / glossary.FILE).is_file():
            parts.append(f"[Glossary](../notebooks/{glossary.PAGE})")
        later = [l for l in written[i + 1:] if l.path(kind, root).is_file()]
        if later:
            parts.append(f"[{kind.capitalize()} {later[0].number} →]({later[0].filename})")
    return NAV + "\n" + " | ".join(parts) + "\n"


def apply(nb: dict, course: dict, lessons: list[meta.Lesson], lesson: meta.Lesson, kind: str,
          root: Path = meta.ROOT) -> dict:
    """Return ``nb`` with its generated cells written anew (each keeps the id it had)."""
    body = [cell for cell in nb["cells"] if not is_generated(cell)]
    ids = {"header": "header", "nav": "nav-top", "setup": "setup"}
    navs = [c.get("id") for c in nb["cells"] if generated_kind(c) == "nav"]
    for cell in nb["cells"]:
        found = generated_kind(cell)
        if found in ("header", "setup") and cell.get("id"):
            ids[found] = cell["id"]
    top = navs[0] if navs else None
    bottom = navs[-1] if len(navs) > 1 else None
    old_setup = [c for c in nb["cells"] if nbfiles.source(c) == SETUP_CODE]
    setup = old_setup[0] if old_setup else nbfiles.code(SETUP_CODE, cell_id=ids["setup"])
    nav = nav_text(lessons, lesson, kind, root)
    terms = glossary.terms_for(lesson.number, glossary.load(root))
    cutoff = cutoff_words(lesson) if kind == "notebooks" else None
    nb["cells"] = ([nbfiles.markdown(header_text(course, lesson, kind, terms, cutoff),
                                     cell_id=ids["header"]),
                    nbfiles.markdown(nav, cell_id=top or "nav-top"), setup] + body
                   + [nbfiles.markdown(nav, cell_id=bottom or "nav-bottom")])
    return nb


def contents_notebook(course: dict, lessons: list[meta.Lesson], root: Path) -> dict:
    lines = [HEADER, f"# {course['title']}", "", course["summary"], "",
             "| Lesson | Topics | Minutes | Exercises |", "|---|---|---|---|"]
    for l in lessons:
        if l.available(root):
            ex = (f"[exercises](../exercises/{l.filename})"
                  if l.path("exercises", root).is_file() else "none")
            lines.append(f"| [{l.number} {l.title}]({l.filename}) | {l.topics} | {l.minutes} | {ex} |")
        else:
            lines.append(f"| {l.number} {l.title} *(in preparation)* | {l.topics} | | |")
    lines += ["", "Start with [00 Start here](00_start_here.ipynb). Minutes are for teaching plus "
              "exercises. Every figure in the course comes from `data/`, where each row names "
              "its source (see `data/sources.csv`)."]
    if (root / glossary.FILE).is_file():
        lines += ["", f"Terms, with Chinese names and pinyin: the [glossary]({glossary.PAGE})."]
    if (root / guide.NOTES).is_dir():
        lines += ["", f"For teachers: the [instructor guide](../{guide.GUIDE.as_posix()}) (timings, "
                  "lesson plans, discussion notes, model answers, a rubric for the capstone, and "
                  "how to run the course on Binder or a JupyterHub)."]
    return nbfiles.notebook([nbfiles.markdown("\n".join(lines) + "\n", cell_id="contents")])


def readme_table(course: dict, lessons: list[meta.Lesson], root: Path) -> str:
    rows = ["| # | Lesson | Topics | Minutes | Launch |", "|---|---|---|---|---|"]
    for l in lessons:
        if l.available(root):
            link = f"[notebook](notebooks/{l.filename})"
            launch = f"[Binder]({meta.binder_url(course, f'notebooks/{l.filename}')})"
            rows.append(f"| {l.number} | {l.title} ({link}) | {l.topics} | {l.minutes} | {launch} |")
        else:
            rows.append(f"| {l.number} | {l.title} (in preparation) | {l.topics} | | |")
    from aicourse import data

    total = sum(l.minutes for l in lessons if l.available(root))
    rows += ["", f"Written so far: {total} minutes of teaching and exercises. "
             f"{data.cutoff_sentence()}"]
    return "\n".join(rows)


def run(root: Path = meta.ROOT) -> list[Path]:
    """Write every generated part; return the files that changed."""
    course, lessons = meta.load(root)
    changed = []
    for lesson in lessons:
        for kind in meta.FOLDERS:
            path = lesson.path(kind, root)
            if not path.is_file():
                continue
            nb = apply(nbfiles.read(path), course, lessons, lesson, kind, root)
            if nbfiles.write(nb, path, clear_outputs=(kind == "exercises")):
                changed.append(path)
    index = root / "notebooks" / CONTENTS
    if nbfiles.write(contents_notebook(course, lessons, root), index):
        changed.append(index)
    terms = glossary.load(root)
    if terms:
        page = root / "notebooks" / glossary.PAGE
        if nbfiles.write(glossary.page(course, terms), page):
            changed.append(page)
    if guide.write(root):
        changed.append(root / guide.GUIDE)
    if answerkey.write(root):
        changed.append(root / answerkey.PAGE)
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = re.sub(r"(<!-- lessons:start -->\n).*?(<!-- lessons:end -->)",
                 lambda m: m.group(1) + readme_table(course, lessons, root) + "\n" + m.group(2),
                 text, flags=re.S)
    if new != text:
        readme.write_text(new, encoding="utf-8")
        changed.append(readme)
    return changed


if __name__ == "__main__":
    for path in run():
        print(f"wrote {path.relative_to(meta.ROOT)}")
    sys.exit(0)
