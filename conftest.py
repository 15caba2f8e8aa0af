"""Test-run plumbing shared by tests/ and the notebooks run by nbval.

- Solutions notebooks run in strict mode: their kernels start with AICOURSE_STRICT=1, so a
  failed check raises and fails the run. Other notebooks start without it.
- The notebooks that nbval collected are recorded, so a test can compare them with the
  notebooks on disk.
"""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent


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
    if str(item.path).endswith(".ipynb"):
        os.environ.pop("MPLBACKEND", None)


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
