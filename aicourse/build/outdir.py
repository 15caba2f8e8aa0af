"""Output folders that the course's tasks write: never delete what the course did not write.

A task that writes a folder (the reading copy, and any later generated output) asks
``prepare(folder)`` first. A folder is usable when it does not exist, is empty, or holds the
marker file that this module left there on an earlier run. In the last case only the files that
the marker lists (the files of that earlier run) are removed; anything a person added beside them
stays. The course root, a folder above it, a folder holding files of the course, and anything
inside ``.git`` are refused whatever they hold. ``finish(folder, files)`` writes the marker.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aicourse.errors import CourseError

MARKER = ".written-by-aicourse.json"
#: Folders of the course itself, refused even when the course is not a git checkout.
COURSE_FOLDERS = ("aicourse", "data", "docs", "exercises", "notebooks", "solutions", "tests",
                  ".ci", ".git", "my-work")


class OutputFolderError(CourseError):
    """The folder cannot be written without touching files the course did not write there."""


def _tracked(root: Path) -> list[Path]:
    """The course's files as git knows them (empty when this is not a git checkout)."""
    try:
        listing = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True,
                                 check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return [root / name for name in listing.decode("utf-8", "replace").split("\0") if name]


def _refusal(out: Path, root: Path) -> str | None:
    """Why ``out`` is not a folder a task may write, or None."""
    if out == root:
        return "it is the course folder itself"
    if out in root.parents:
        return "the course folder is inside it"
    if out.is_relative_to(root):
        first = out.relative_to(root).parts[0]
        if first == ".git":
            return "it is inside git's own folder"
        if out == root / first and first in COURSE_FOLDERS:
            return "it is one of the course's own folders"
    if any(path.is_relative_to(out) for path in _tracked(root)):
        return "it holds files of the course"
    return None


def _listed(out: Path) -> list[Path] | None:
    """The files the marker lists (inside ``out`` only), or None when there is no marker."""
    marker = out / MARKER
    if not marker.is_file():
        return None
    try:
        names = json.loads(marker.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError):
        return None
    files = []
    for name in names:
        path = (out / str(name)).resolve()
        if path.is_relative_to(out) and path != out:
            files.append(path)
    return files


def prepare(out: Path, root: Path, what: str = "output") -> Path:
    """Make ``out`` ready for a fresh copy of ``what``; return it resolved.

    Raises OutputFolderError, with a message that names the full path, when the folder holds
    anything the course did not write there.
    """
    out, root = Path(out).resolve(), Path(root).resolve()
    reason = _refusal(out, root)
    if reason:
        raise OutputFolderError(f"Not writing the {what} to {out}: {reason}. Choose a new folder "
                                "(or leave the folder out to use the task's own default).")
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"Not writing the {what} to {out}: a file of that name exists.")
    if not out.exists() or not any(out.iterdir()):
        out.mkdir(parents=True, exist_ok=True)
        return out
    files = _listed(out)
    if files is None:
        raise OutputFolderError(
            f"Not writing the {what} to {out}: the folder exists and holds files that this course "
            "did not write. Choose a new or empty folder, or remove that one yourself.")
    for path in files:
        if path.is_file() or path.is_symlink():
            path.unlink()
    (out / MARKER).unlink()
    # Folders left empty by that (deepest first) go too; a folder with anything else stays.
    for folder in sorted((p for p in out.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(folder.iterdir()):
            folder.rmdir()
    return out


def finish(out: Path, files: list[Path]) -> None:
    """Record the files this run wrote into ``out``, so a later run removes only those."""
    out = Path(out).resolve()
    names = sorted({Path(f).resolve().relative_to(out).as_posix() for f in files})
    (out / MARKER).write_text(json.dumps({"written_by": "aicourse", "files": names}, indent=1)
                              + "\n", encoding="utf-8")


def command(args: list[str], default: Path, build: Callable[[Path], Any],
            report: Callable[[Any, Path, float], str], errors: tuple = ()) -> int:
    """The ``main`` of a task that writes a folder: the folder given (or ``default``), built by
    ``build``; a refusal (or one of ``errors``) is printed as a message, never a traceback."""
    folder = Path(args[0]).resolve() if args else default
    started = time.perf_counter()
    try:
        result = build(folder)
    except (OutputFolderError, *errors) as problem:
        print(problem, file=sys.stderr)
        return 2
    print(report(result, folder, time.perf_counter() - started))
    return 0
