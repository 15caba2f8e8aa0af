"""The class pack: a copy of the course for learners, without the solutions.

    python3 tasks.py classpack [FOLDER] [--zip]      (default: class-pack/)

The pack holds the lessons, the exercises, the data, the helper package, a README for learners
and the requirements (so that ``python3 tasks.py lab``, Binder and a hub work as for the full
course). It leaves out ``solutions/``, the answers files (``aicourse/answers/*.json``) and the
teacher's documents in ``docs/`` (guide, answer key). Without the answers files
``qN.solution()`` tells the learner that the teacher holds the solutions; checks and hints work
as usual. A link in a notebook to a file the pack leaves out becomes plain text.

``--zip`` also writes FOLDER/<folder name>.zip, the same files under one folder, to upload to
a learning platform. The folder is written through ``outdir``: nothing the course did not write
is ever removed.
"""

from __future__ import annotations

import re
import shutil
import sys
import zipfile
from pathlib import Path, PurePosixPath

from aicourse import lessons as meta
from aicourse.build import nbfiles, outdir

#: What the pack copies from the course, folders and files.
PARTS = ("notebooks", "exercises", "data", "aicourse", "lessons.toml", "glossary.toml",
         "requirements.txt", "requirements-test.txt", "environment.yml", "tasks.py", "LICENSE",
         "LICENSE-CONTENT.md", "CITATION.cff", ".gitignore")
#: Left out of the copied folders: the answers, and caches.
LEFT_OUT = ("aicourse/answers/*.json", "*/__pycache__/*", "*.pyc", "*/.ipynb_checkpoints/*")
#: A Markdown link to a relative path: [text](target).
LINK = re.compile(r"\[([^\]]+)\]\((?!https?:|mailto:|#)([^)\s#]+)(#[^)\s]*)?\)")


def _left_out(relative: str) -> bool:
    path = PurePosixPath(relative)
    return any(path.match(pattern) for pattern in LEFT_OUT)


def files(root: Path = meta.ROOT) -> list[str]:
    """The course files the pack copies, relative to the course folder (POSIX style)."""
    found = []
    for part in PARTS:
        source = root / part
        if source.is_file():
            found.append(part)
        elif source.is_dir():
            found += [p.relative_to(root).as_posix() for p in sorted(source.rglob("*"))
                      if p.is_file() and not _left_out(p.relative_to(root).as_posix())]
    return found


def unlink_missing(text: str, here: PurePosixPath, present: set[str]) -> str:
    """Links to files that are not in the pack become their text."""
    def replace(match: re.Match) -> str:
        target = (here.parent / match.group(2)).as_posix()
        parts: list[str] = []
        for piece in target.split("/"):  # resolve ../ without touching the disk
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece not in ("", "."):
                parts.append(piece)
        return match.group(0) if "/".join(parts) in present else match.group(1)

    return LINK.sub(replace, text)


def readme(root: Path = meta.ROOT) -> str:
    course, lessons = meta.load(root)
    rows = ["| # | Lesson | Exercises | Minutes |", "|---|---|---|---|"]
    for l in lessons:
        if not l.available(root):
            continue
        exercises = (f"[exercises](exercises/{l.filename})" if l.path("exercises", root).is_file()
                     else "none")
        rows.append(f"| {l.number} | [{l.title}](notebooks/{l.filename}) | {exercises} | "
                    f"{l.minutes} |")
    return "\n".join([
        f"# {course['title']}", "",
        "Your copy of the course. Start with lesson 00, "
        "[notebooks/00_start_here.ipynb](notebooks/00_start_here.ipynb); the contents page is "
        "[notebooks/index.ipynb](notebooks/index.ipynb).", "",
        "## Lessons", "", *rows, "",
        "## How to start", "",
        "- **With the link your teacher gives you** (Binder or your school's JupyterHub): click it "
        "and wait until JupyterLab opens. On Binder the first start can take a few minutes, and "
        "a session forgets everything when it stops: download your work before you leave "
        "(right-click a file, then Download).",
        "- **On your own computer** (Python 3.11 or newer): in this folder, run "
        "`python3 tasks.py lab` (on Windows `py tasks.py lab`). The first run installs what the "
        "course needs into `.venv/` (about 500 MB).", "",
        "## Exercises, checks and hints", "",
        "Each exercise has a cell with `...` for your answer and a check under it: it says "
        "\"Not attempted yet\" until you answer, gives feedback on a wrong answer and confirms a "
        "right one. `q1.hint()` gives a hint (run it again for the next one). Your teacher holds "
        "the solutions: ask when you have tried and used the hints.", "",
        "Lesson 08 saves your verdicts on the article's claims to "
        "`my-work/capstone_evaluation.csv`; hand that file in if your teacher asks for it.", "",
        "## Licences", "",
        "Code: MIT (`LICENSE`). Lesson text, notebooks and data: Creative Commons Attribution 4.0 "
        "(`LICENSE-CONTENT.md`). How to cite the course: `CITATION.cff`.", ""])


def build(out: Path, root: Path = meta.ROOT, *, zip_it: bool = False) -> list[Path]:
    """Write the pack into ``out``; return every file written."""
    out = outdir.prepare(out, root, "class pack")
    chosen = files(root)
    present = set(chosen) | {"README.md"}
    written = []
    for name in chosen:
        source, target = root / name, out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".ipynb"):
            nb = nbfiles.read(source)
            changed = False
            for cell in nb["cells"]:
                if cell["cell_type"] == "markdown":
                    text = nbfiles.source(cell)
                    new = unlink_missing(text, PurePosixPath(name), present)
                    if new != text:
                        cell["source"] = new.splitlines(keepends=True)
                        changed = True
            if changed:
                nbfiles.write(nb, target)
            else:
                shutil.copyfile(source, target)
        else:
            shutil.copyfile(source, target)
        written.append(target)
    (out / "README.md").write_text(readme(root), encoding="utf-8")
    written.append(out / "README.md")
    if zip_it:
        archive = out / f"{out.name}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in written:
                bundle.write(path, f"{out.name}/{path.relative_to(out).as_posix()}")
        written.append(archive)
    outdir.finish(out, written)
    return written


def main(args: list[str]) -> int:
    zip_it = "--zip" in args
    return outdir.command(
        [a for a in args if a != "--zip"], meta.ROOT / "class-pack",
        lambda folder: build(folder, zip_it=zip_it),
        lambda written, folder, _: f"wrote the class pack ({len(written)} files, no solutions) "
        f"to {folder}" + (f"; zip: {folder / (folder.name + '.zip')}" if zip_it else ""))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
