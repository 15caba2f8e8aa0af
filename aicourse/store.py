"""Run the lesson and solution notebooks and store their outputs, so readers see the charts.

Re-runnable: ``python tasks.py store`` (or ``python -m aicourse.store [files...]``).

Outputs are stored as a fresh kernel produces them (the tests compare them with nbval), with
two exceptions: live widget views are dropped (they need a running kernel; the static picture
beside each widget stays) and notebook metadata is reduced to the normal form of ``nbfiles``.
Solutions run in strict mode, so a failed check stops the run.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from aicourse import lessons as meta
from aicourse import nbfiles

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def targets(root: Path = meta.ROOT) -> list[Path]:
    _, lessons = meta.load(root)
    return [l.path(kind, root) for l in lessons for kind in ("notebooks", "solutions")
            if l.path(kind, root).is_file()]


def execute(path: Path) -> dict:
    from nbclient import NotebookClient

    os.environ.pop("MPLBACKEND", None)
    strict = path.parent.name == "solutions"
    os.environ["AICOURSE_STRICT"] = "1" if strict else ""
    import nbformat

    node = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    NotebookClient(node, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nb = node  # a NotebookNode is a dict
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = [o for o in cell["outputs"] if WIDGET_VIEW not in o.get("data", {})]
    return nb


def run(paths: list[Path]) -> list[Path]:
    changed = []
    for path in paths:
        started = time.perf_counter()
        nb = execute(path)
        print(f"ran {path.relative_to(meta.ROOT)} in {time.perf_counter() - started:.1f} s",
              flush=True)
        if nbfiles.write(nb, path):
            changed.append(path)
    return changed


if __name__ == "__main__":
    chosen = [Path(a).resolve() for a in sys.argv[1:]] or targets()
    for p in run(chosen):
        print(f"stored {p.relative_to(meta.ROOT)}")
