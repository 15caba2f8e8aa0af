"""The notebooks run with no network, give their stored outputs, and write nothing into the course.

nbval runs every notebook that has code (notebooks/, exercises/, solutions/) in a fresh kernel,
as the main session would, but inside a network namespace where only the loopback interface
exists (``unshare -n``), on a copy of the course. nbval compares every stored output with the
fresh one (strict mode, ``pytest.ini``), so "runs offline" and "gives the stored outputs" are
one run. Where that run is possible, the main session leaves the notebooks to it (conftest.py),
so each notebook runs once; a session that selected some notebooks (-k 01_the) runs those.

Needs Linux, root (or unprivileged user namespaces), `unshare` and `ip` (util-linux,
iproute2); without them this test is skipped and the main session runs nbval itself, unless
AICOURSE_REQUIRE_OFFLINE=1 (CI sets it), which turns the skip into a failure.
"""

import json
import os
import subprocess
import sys

import pytest
from isolation import can_isolate, copy_course, offline_command, tree

from aicourse import lessons
from aicourse.build.kernelenv import kernel_env

ROOT = lessons.ROOT
NOTEBOOKS = [p.relative_to(ROOT).as_posix() for p in lessons.runnable_notebooks()]


@pytest.fixture(scope="module")
def chosen(request) -> list[str]:
    """The notebooks this session handed over (conftest.py), or all of them when it selected
    none (this file run alone)."""
    return getattr(request.config, "aicourse_handed_over", []) or NOTEBOOKS


@pytest.fixture(scope="module")
def offline_run(tmp_path_factory, chosen):
    why = can_isolate()
    if why:
        if os.environ.get("AICOURSE_REQUIRE_OFFLINE") == "1":
            pytest.fail(why)
        pytest.skip(why)
    base = tmp_path_factory.mktemp("offline")
    folder = copy_course(ROOT, base / "course")
    before = tree(folder)
    report = base / "nbval-outcomes.json"
    env = kernel_env()
    env["AICOURSE_NBVAL_REPORT"] = str(report)
    longest_first = sorted(chosen, key=lambda n: ("notebooks", "solutions", "exercises")
                           .index(n.split("/")[0]))  # lessons take longest: start them first
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               *longest_first]  # pytest.ini gives nbval's options and -n 2 --dist loadfile
    result = subprocess.run(offline_command(command), cwd=folder, env=env, capture_output=True,
                            text=True, encoding="utf-8", timeout=900)
    (base / "nbval-run.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert report.is_file(), f"the nbval run ended early:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    found = json.loads(report.read_text(encoding="utf-8"))
    found["exit"] = result.returncode
    found["tail"] = result.stdout[-2000:]
    return found, before, tree(folder)


def test_only_loopback_was_reachable(offline_run):
    report, _, _ = offline_run
    assert report["interfaces"] == ["lo"]


def test_nbval_ran_every_notebook_chosen(offline_run, chosen):
    report, _, _ = offline_run
    ran = {o["nodeid"].split("::")[0] for o in report["outcomes"]}
    assert sorted(ran) == sorted(chosen)
    assert report["exit"] == 0 or any(o["outcome"] == "failed" for o in report["outcomes"]), \
        f"nbval's run failed outside the notebooks:\n{report['tail']}"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_offline_with_its_stored_outputs(offline_run, chosen, notebook):
    if notebook not in chosen:
        pytest.skip("this session selected other notebooks")
    report, _, _ = offline_run
    mine = [o for o in report["outcomes"] if o["nodeid"].split("::")[0] == notebook]
    assert mine, f"nbval did not run {notebook}"
    failed = [o for o in mine if o["outcome"] == "failed"]
    assert not failed, "\n\n".join(f"{o['nodeid']} ({o['when']}):\n{o['message']}" for o in failed)


def test_running_the_notebooks_writes_nothing_into_the_course(offline_run):
    _, before, after = offline_run
    assert after == before
