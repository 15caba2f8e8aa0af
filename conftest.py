"""Test-run plumbing shared by tests/ and the notebooks run by nbval.

- Every test and every notebook kernel runs in debug mode (AICOURSE_DEBUG=1): a fault in the
  course's own code (an expected answer, a view) raises instead of being reported to a learner.
- Solutions notebooks run in strict mode: their kernels start with AICOURSE_STRICT=1, so a
  failed check raises and fails the run. Other notebooks, and every other test, start without
  it and without MPLBACKEND (``aicourse.build.kernelenv``).
- In the untouched exercise notebooks, every check must say "Not attempted yet". nbval does not
  compare the outputs of cells stored unexecuted (as exercises are), so the cell is judged here,
  on the outputs of nbval's own run (no second kernel).
- The notebooks run once. Where this machine can make a network namespace
  (``tests/isolation.py``) and the offline test is part of the session, nbval runs inside it
  (``tests/test_offline.py``), on a copy of the course, and this session hands its notebook
  items over to that run instead of running them a second time. Elsewhere this session runs
  them itself.
- The notebooks nbval collected are recorded, so a test can compare them with the notebooks on
  disk; a run started with ``AICOURSE_NBVAL_REPORT=FILE`` writes each item's outcome there.
"""

import json
import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
CHECK_CALL = re.compile(r"\b\w+\.check\(")
NOT_ATTEMPTED = "Not attempted yet"
sys.path.insert(0, str(ROOT / "tests"))  # the tests' helper modules (isolation, labdriver)
sys.path.insert(0, str(ROOT))

from aicourse.build.kernelenv import use_kernel_env  # noqa: E402

#: Set in the environment of the nbval run inside the network namespace.
INNER_RUN = "AICOURSE_NBVAL_REPORT"
OFFLINE_TEST = "test_offline.py"
#: The two longest test files start first, one on each xdist worker (pytest.ini turns off
#: xdist's own ordering by number of tests), so neither waits behind the short ones.
FIRST = ("test_browser.py", OFFLINE_TEST)


def _is_notebook(item) -> bool:
    return str(item.path).endswith(".ipynb")


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected what they deselect
def pytest_collection_modifyitems(session, config, items):
    items.sort(key=lambda item: item.path.name not in FIRST)  # stable: the rest keep their order
    notebooks = [item for item in items if _is_notebook(item)]
    config.aicourse_notebooks = sorted(
        {Path(str(item.path)).resolve().relative_to(ROOT).as_posix() for item in notebooks})
    config.aicourse_handed_over = []
    if not notebooks or os.environ.get(INNER_RUN):
        return
    if not any(item.path.name == OFFLINE_TEST for item in items):
        return
    from isolation import can_isolate

    if can_isolate() is None:
        items[:] = [item for item in items if not _is_notebook(item)]
        config.hook.pytest_deselected(items=notebooks)
        config.aicourse_handed_over = config.aicourse_notebooks


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # nbval starts a notebook's kernel when its first cell is set up, so this runs first.
    # Only solutions notebooks run strict; every other item (a lesson notebook, or a test that
    # starts its own kernels or servers) sees the environment a learner has.
    use_kernel_env(strict=_is_notebook(item) and Path(str(item.path)).parent.name == "solutions")
    os.environ["AICOURSE_DEBUG"] = "1"


def pytest_runtest_logreport(report):
    if os.environ.get(INNER_RUN) and (report.when == "call" or report.outcome != "passed"):
        _OUTCOMES.append({"nodeid": report.nodeid, "when": report.when,
                          "outcome": report.outcome,
                          "message": report.longreprtext[-3000:] if report.failed else ""})


_OUTCOMES: list[dict] = []


def pytest_sessionfinish(session, exitstatus):
    """In the nbval run inside the network namespace, write every item's outcome for the test
    that started it (only the main process writes: with xdist, workers send it their reports)."""
    path = os.environ.get(INNER_RUN)
    if path and not hasattr(session.config, "workerinput"):
        from isolation import interfaces

        Path(path).write_text(json.dumps({"interfaces": interfaces(), "outcomes": _OUTCOMES},
                                         indent=1), encoding="utf-8")


def _shown(outputs) -> str:
    """The text a learner reads in a cell's outputs."""
    parts = []
    for out in outputs or []:
        parts.append(out.get("text", "") if out.get("output_type") == "stream"
                     else out.get("data", {}).get("text/plain", ""))
    return "\n".join("".join(p) if isinstance(p, list) else p for p in parts)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    path = Path(str(item.path))
    source = getattr(getattr(item, "cell", None), "source", "")
    if path.suffix == ".ipynb" and path.parent.name == "exercises" and CHECK_CALL.search(source):
        outputs = getattr(item, "test_outputs", None)
        assert outputs is not None, "nbval no longer keeps a cell's outputs in test_outputs"
        shown = _shown(outputs)
        if NOT_ATTEMPTED not in shown:
            pytest.fail(f"{path.name}: an untouched exercise should say '{NOT_ATTEMPTED}', "
                        f"but its check shows: {shown[:300]!r}", pytrace=False)
    return result


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    offline_ran = any(getattr(r, "nodeid", "").startswith(f"tests/{OFFLINE_TEST}::test_notebook")
                      and getattr(r, "when", None) == "call"
                      for reports in terminalreporter.stats.values() for r in reports)
    if offline_ran:
        terminalreporter.write_line(
            f"The notebooks ran once, with nbval inside a network namespace ({OFFLINE_TEST}); "
            "this session did not run them again.")
    from labdriver import SCREENSHOTS  # one definition of the folder, shared with the test

    shots = sorted(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.is_dir() else []
    if shots and getattr(config, "_aicourse_started", 0) <= max(p.stat().st_mtime for p in shots):
        terminalreporter.write_line(f"Browser screenshots ({len(shots)}): {SCREENSHOTS}")


def pytest_configure(config):
    import time

    config._aicourse_started = time.time()
