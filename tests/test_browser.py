"""Every lesson and solution notebook, run in JupyterLab in a real (headless) browser.

For each notebook: open it, run all cells, wait until the kernel is idle and every cell has
run, then check that no error output is shown, that every widget is drawn, and that moving one
control of each widget redraws its output. Screenshots go to the folder printed at the end of
the test run.

Needs Debian's Chromium (apt-get install chromium) and the Python package playwright (in
requirements-test.txt). Without them the test is skipped, unless AICOURSE_REQUIRE_BROWSER=1
(CI sets it), which turns the skip into a failure.
"""

import os
from pathlib import Path

import pytest

import labdriver
from aicourse import lessons, nbfiles

ROOT = lessons.ROOT
SHOTS = labdriver.SCREENSHOTS
NOTEBOOKS = sorted(
    str(p.relative_to(ROOT)) for folder in ("notebooks", "solutions")
    for p in (ROOT / folder).glob("*.ipynb")
    if any(c["cell_type"] == "code" for c in nbfiles.read(p)["cells"]))


def widget_cells(notebook: str) -> list[int]:
    code = [c for c in nbfiles.read(ROOT / notebook)["cells"] if c["cell_type"] == "code"]
    return [i for i, c in enumerate(code) if "widgets.explore(" in nbfiles.source(c)]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if not labdriver.chromium_available():
        message = (f"no browser test: Chromium ({labdriver.CHROMIUM}) or playwright is missing. "
                   "Install them with: apt-get install chromium (Debian/Ubuntu) and "
                   "pip install -r requirements-test.txt")
        if os.environ.get("AICOURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    folder = labdriver.copy_course(ROOT, tmp_path_factory.mktemp("course"))
    state = tmp_path_factory.mktemp("jupyter-state")
    with labdriver.lab_server(folder, state) as (base, token):
        with labdriver.chromium() as browser:
            yield browser, base, token


def test_there_are_notebooks_to_open():
    assert len(NOTEBOOKS) >= 3


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(lab, notebook):
    browser, base, token = lab
    expected_widgets = widget_cells(notebook)
    report = labdriver.run_notebook(browser, base, token, notebook, SHOTS, expected_widgets)
    assert report.code_cells == len([c for c in nbfiles.read(ROOT / notebook)["cells"]
                                     if c["cell_type"] == "code"])
    assert report.errors == [], f"error output shown in {notebook}: {report.errors}"
    assert report.problems == [], report.problems
    assert report.widgets_drawn == len(expected_widgets)
    assert report.widgets_redrawn == len(expected_widgets)
    assert Path(report.screenshot).is_file()
    # every chart on the page is followed by its text description (JupyterLab drops alt text)
    stored_charts = sum("image/png" in o.get("data", {}) for c in nbfiles.read(ROOT / notebook)["cells"]
                        for o in c.get("outputs", []))
    assert report.charts >= stored_charts
    assert report.descriptions == report.charts
