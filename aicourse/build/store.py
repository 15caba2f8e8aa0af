"""Run the lesson and solution notebooks and store their outputs, so readers see the charts.

Re-runnable: ``python tasks.py store`` (or ``python -m aicourse.build.store [files...]``).

Outputs are stored as a fresh kernel produces them (the tests compare them with nbval), with
two exceptions: live widget views are dropped (they need a running kernel; the static picture
beside each widget stays) and notebook metadata is reduced to the normal form of ``nbfiles``.
Solutions run in strict mode, so a failed check stops the run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build import nbfiles
from aicourse.build.kernelenv import use_kernel_env

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def targets(root: Path = meta.ROOT) -> list[Path]:
    _, lessons = meta.load(root)
    return [l.path(kind, root) for l in lessons for kind in ("notebooks", "solutions")
            if l.path(kind, root).is_file()]


def _in_slices(get_msg, step: float = 0.5):
    """``get_msg`` that waits in short slices instead of one long wait.

    With the asyncio kernel client a message that arrives while nobody is waiting on its socket
    can go unnoticed until the wait times out (nbclient issue #312), so a widget cell whose reply
    came in 3 seconds could hold the run for the whole cell timeout. Waiting again every half
    second looks at the socket anew and finds the message.
    """
    from queue import Empty

    async def get(timeout=None, **kwargs):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = step if deadline is None else max(0.0, min(step, deadline - time.monotonic()))
            try:
                return await get_msg(timeout=left, **kwargs)
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise

    return get


def client_class():
    """nbclient's NotebookClient, with the kernel's shell and IOPub channels read in slices."""
    from nbclient import NotebookClient

    class Client(NotebookClient):
        async def async_start_new_kernel_client(self):
            kc = await super().async_start_new_kernel_client()
            for channel in (kc.shell_channel, kc.iopub_channel):
                channel.get_msg = _in_slices(channel.get_msg)
            return kc

    return Client


def execute(path: Path) -> dict:
    use_kernel_env(strict=path.parent.name == "solutions")
    import nbformat

    node = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    client_class()(node, timeout=300, kernel_name="python3",
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
