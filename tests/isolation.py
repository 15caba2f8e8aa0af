"""Runs that must not touch the real course or the network (a test helper).

- ``copy_course``: what the notebooks and their test run need, copied, so that a run (autosave,
  a learner's saved work) can never write into the real files;
- ``tree``: every file of a folder with a hash of its content, to show nothing was written;
- ``can_isolate``: whether this machine can make a network namespace with only loopback
  (``unshare -n``: Linux, as root or with unprivileged user namespaces), and if not, why;
- ``offline_command``: a command line that runs inside such a namespace.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

#: What a copy of the course holds: the notebooks, what they import and read, and what pytest
#: needs to run them the way the main test session does (settings, conftest, test helpers).
COURSE_PARTS = ("aicourse", "data", "notebooks", "exercises", "solutions", "lessons.toml",
                "glossary.toml", "conftest.py", "pytest.ini", "tests")


def copy_course(root: Path, target: Path) -> Path:
    """Copy what the notebooks need into ``target``, so nothing can write into the real files."""
    target.mkdir(parents=True, exist_ok=True)
    for part in COURSE_PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns(
                "__pycache__", ".ipynb_checkpoints", "my-work"))
        elif src.is_file():
            shutil.copy2(src, target / part)
    return target


def tree(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (bytecode caches aside) with a hash of its content."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


@cache
def can_isolate() -> str | None:
    """None if a network namespace with only loopback can be made here, else why not."""
    if sys.platform != "linux":
        return f"network namespaces (unshare -n) are a Linux feature; this is {sys.platform}"
    if not (shutil.which("unshare") and shutil.which("ip")):
        return "unshare or ip is missing (Debian packages util-linux, iproute2)"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"cannot make a network namespace here: {probe.stderr.strip()}"
    return None


def offline_command(command: list[str]) -> list[str]:
    """``command`` run in a new network namespace where only loopback is up.

    The command's words go to the shell as positional parameters, never into its script, so
    paths with spaces or quotes stay whole.
    """
    return ["unshare", "-n", "--", "sh", "-c", 'ip link set lo up && exec "$@"', "sh", *command]


def interfaces() -> list[str]:
    """The network interfaces this process sees (in a namespace made by unshare -n: lo only)."""
    import socket

    return sorted(name for _, name in socket.if_nameindex())

