"""Test-run plumbing shared by tests/ and the notebooks run by nbval.

- Every test and every notebook kernel runs in debug mode (AICOURSE_DEBUG=1): a fault in the
  course's own code (an expected answer, a view) raises instead of being reported to a learner.
- Solutions notebooks run in strict mode: their kernels start with AICOURSE_STRICT=1, so a
  failed check raises and fails the run. Other notebooks start without it.
- In the untouched exercise notebooks, every check must say "Not attempted yet". nbval does not
  compare the outputs of cells stored unexecuted (as exercises are), so the cell is judged here,
  on the outputs of nbval's own run (no second kernel).
- The notebooks that nbval collected are recorded, so a test can compare them with the
  notebooks on disk.
"""

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
CHECK_CALL = re.compile(r"\b\w+\.check\(")
NOT_ATTEMPTED = "Not attempted yet"


def pytest_collection_modifyitems(session, config, items):
    config.aicourse_notebooks = sorted(
        {str(Path(str(item.path)).resolve().relative_to(ROOT)) for item in items
         if str(item.path).endswith(".ipynb")})


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # nbval starts a notebook's kernel when its first cell is set up, so this runs first.
    # Only solutions notebooks run strict; every other item (a lesson notebook, or a test that
    # starts its own kernels or servers) sees the environment a learner has.
    if str(item.path).endswith(".ipynb") and Path(str(item.path)).parent.name == "solutions":
        os.environ["AICOURSE_STRICT"] = "1"
    else:
        os.environ.pop("AICOURSE_STRICT", None)
    os.environ["AICOURSE_DEBUG"] = "1"
    if str(item.path).endswith(".ipynb"):
        os.environ.pop("MPLBACKEND", None)


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
    """Say where the browser test left its screenshots, if it ran during this session."""
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from labdriver import SCREENSHOTS  # one definition of the folder, shared with the test

    shots = sorted(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.is_dir() else []
    if shots and getattr(config, "_aicourse_started", 0) <= max(p.stat().st_mtime for p in shots):
        terminalreporter.write_line(f"Browser screenshots ({len(shots)}): {SCREENSHOTS}")


def pytest_configure(config):
    import time

    config._aicourse_started = time.time()
