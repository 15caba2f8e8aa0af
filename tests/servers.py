"""Start a Jupyter server on a port it chooses itself, find it, and stop it (a test helper).

The server is told ``--port=0``: the operating system gives it a free port when it binds, so
no other process can take the port between choosing and binding it (as with a port picked in
advance). The server writes where it listens to ``jpserver-<pid>.json`` in its runtime folder
(``JUPYTER_RUNTIME_DIR``, a fresh folder per server), which is read here.

Stopping uses process groups (``os.killpg``), so a server's kernels stop with it: POSIX only.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

#: Why a test that starts a server skips on Windows.
NOT_POSIX = ("needs POSIX process groups (os.killpg) to stop a Jupyter server with its kernels; "
             "on Windows, open the course with `py tasks.py lab` and look by hand")
POSIX = os.name == "posix"


@dataclass
class Server:
    process: subprocess.Popen
    url: str  # http://127.0.0.1:PORT (no trailing slash)
    token: str


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_for_server(process: subprocess.Popen, runtime_dir: Path, timeout: float = 60) -> Server:
    """Wait until the server started as ``process`` has written its runtime file and answers."""
    deadline = time.monotonic() + timeout
    info = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped early (exit code {process.returncode})")
        if info is None:
            for path in runtime_dir.glob("jpserver-*.json"):
                with contextlib.suppress(OSError, ValueError):
                    info = json.loads(path.read_text(encoding="utf-8"))
        if info is not None:
            url = info["url"].rstrip("/")
            if _answers(f"{url}/api/status?token={info['token']}"):
                return Server(process, url, info["token"])
        time.sleep(0.2)
    raise TimeoutError(f"no Jupyter server answered within {timeout} s "
                       f"(runtime folder {runtime_dir}: {sorted(p.name for p in runtime_dir.glob('*'))})")


def start(command: list[str], *, cwd: Path, env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start ``command`` in its own process group, its output going to ``log``."""
    with open(log, "w", encoding="utf-8") as out:  # the child keeps its own handle
        return subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    """Stop a server started by ``start`` (with its kernels), by its process group."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, 9)
            process.wait(timeout=5)
