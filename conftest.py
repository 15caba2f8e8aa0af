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
    if str(item.path).endswith(".ipynb"):
        os.environ.pop("MPLBACKEND", None)
        if Path(str(item.path)).parent.name == "solutions":
            os.environ["AICOURSE_STRICT"] = "1"
        else:
            os.environ.pop("AICOURSE_STRICT", None)
