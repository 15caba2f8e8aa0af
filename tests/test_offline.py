"""The course runs with no network, gives the same text twice, and writes nothing into itself.

All notebooks run (twice each) in a network namespace where only the loopback interface
exists, on a copy of the course. The test needs root (or unprivileged user namespaces) and
`unshare` and `ip` (util-linux, iproute2); without them it is skipped, unless
AICOURSE_REQUIRE_OFFLINE=1 (CI sets it).
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import labdriver
from aicourse import lessons, nbfiles

ROOT = lessons.ROOT
NOTEBOOKS = sorted(str(p.relative_to(ROOT)) for folder in lessons.FOLDERS
                   for p in (ROOT / folder).glob("*.ipynb")
                   if any(c["cell_type"] == "code" for c in nbfiles.read(p)["cells"]))


def can_isolate() -> str | None:
    """None if a network namespace can be made here, else why not."""
    if not (shutil.which("unshare") and shutil.which("ip")):
        return "unshare or ip is missing (packages util-linux, iproute2)"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"cannot make a network namespace here: {probe.stderr.strip()}"
    return None


def tree(folder: Path) -> dict[str, str]:
    """Every file below folder (bytecode caches aside) with a hash of its content."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def offline_run(tmp_path_factory):
    why = can_isolate()
    if why:
        if os.environ.get("AICOURSE_REQUIRE_OFFLINE") == "1":
            pytest.fail(why)
        pytest.skip(why)
    folder = labdriver.copy_course(ROOT, tmp_path_factory.mktemp("offline") / "course")
    before = tree(folder)
    script = str(Path(__file__).with_name("run_notebooks.py"))
    command = (f"ip link set lo up && exec {sys.executable} {script} {folder} "
               + " ".join(NOTEBOOKS))
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    env.pop("AICOURSE_STRICT", None)
    started = time.monotonic()
    result = subprocess.run(["unshare", "-n", "sh", "-c", command], capture_output=True,
                            text=True, timeout=600, env=env)
    # Kept for diagnosis: how long each notebook took, and where a stalled run was waiting.
    (tmp_path_factory.getbasetemp() / "offline-run.log").write_text(
        f"total {time.monotonic() - started:.1f} s\n" + result.stderr)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout), before, tree(folder)


def test_only_loopback_was_reachable(offline_run):
    report, _, _ = offline_run
    assert report["interfaces"] == ["lo"]


def test_every_notebook_ran_offline(offline_run):
    report, _, _ = offline_run
    assert sorted(report["runs"]) == NOTEBOOKS
    assert len(report["retries"]) <= 1, f"more than one stalled run: {report['retries']}"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_two_runs_give_the_same_text(offline_run, notebook):
    first, second = offline_run[0]["runs"][notebook]
    assert first == second


@pytest.mark.parametrize("notebook", [n for n in NOTEBOOKS if not n.startswith("exercises/")])
def test_offline_text_matches_the_stored_outputs(offline_run, notebook):
    import nbformat

    sys.path.insert(0, str(Path(__file__).parent))
    from run_notebooks import text_outputs

    stored = text_outputs(nbformat.read(ROOT / notebook, as_version=4))
    assert offline_run[0]["runs"][notebook][0] == stored


def test_running_the_notebooks_writes_nothing_into_the_course(offline_run):
    _, before, after = offline_run
    assert after == before
