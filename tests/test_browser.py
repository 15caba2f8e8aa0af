"""Every lesson, run in JupyterLab in a real (headless) browser, as a learner sees it.

For each lesson notebook: open it, clear its outputs and run all cells through JupyterLab's own
commands (tests/labdriver.py), then check that no error output is shown, that every widget is
drawn, that moving one control of each widget redraws its live view, and that every chart on
the page is followed by its text description. The capstone's form saves a learner's verdict
into my-work/. Screenshots go to the folder printed at the end of the test run.

Which notebooks: the lessons (notebooks/), each once. nbval has already run every notebook,
solutions and exercises included, in a fresh kernel and compared its text outputs; what only a
browser shows is how the front end draws widgets, charts with their descriptions and HTML
(tables, check feedback), and the lessons hold every widget and chart of the course and every
kind of output the solutions show (lesson 00 shows a check's feedback). Running the solutions
here too would add about ten notebook runs and no new kind of output.

Needs Debian's Chromium (apt-get install chromium) and the Python package playwright (in
requirements-test.txt). Without them the test is skipped, unless AICOURSE_REQUIRE_BROWSER=1
(CI sets it), which turns the skip into a failure.
"""

import warnings
from pathlib import Path

import labdriver
import pytest
import servers
from isolation import copy_course

from aicourse import data, lessons
from aicourse.build import nbfiles

ROOT = lessons.ROOT
SHOTS = labdriver.SCREENSHOTS
NOTEBOOKS = [p.relative_to(ROOT).as_posix() for p in lessons.runnable_notebooks(folders=("notebooks",))]
CAPSTONE = "notebooks/08_capstone.ipynb"


class RetryWarning(UserWarning):
    """The harness had to ask JupyterLab twice (shown in pytest's warnings summary)."""


def code_cells(notebook: str) -> list[dict]:
    return [c for c in nbfiles.read(ROOT / notebook)["cells"] if c["cell_type"] == "code"]


def widget_cells(notebook: str) -> list[int]:
    return [i for i, c in enumerate(code_cells(notebook)) if "widgets.explore(" in nbfiles.source(c)]


class Lab:
    """One JupyterLab server and one page for the module. Each notebook runs once; the last one
    run stays open for a test that looks further (the capstone's form, after lesson 08's run)."""

    def __init__(self, page, folder):
        self.page, self.folder = page, folder
        self.current: tuple[str, labdriver.Report] | None = None

    def run(self, notebook: str) -> labdriver.Report:
        if self.current is None or self.current[0] != notebook:
            report = labdriver.run_notebook(self.page, notebook, SHOTS, widget_cells(notebook))
            for retry in report.retries:
                warnings.warn(RetryWarning(f"{notebook}: {retry}"), stacklevel=2)
            self.current = (notebook, report)
        return self.current[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    labdriver.need_chromium()
    if not servers.POSIX:
        pytest.skip(servers.NOT_POSIX)
    folder = copy_course(ROOT, tmp_path_factory.mktemp("course"))
    state = tmp_path_factory.mktemp("jupyter-state")
    with labdriver.lab_server(folder, state) as server, labdriver.chromium() as browser:
        page = labdriver.new_page(browser)
        labdriver.open_lab(page, server)
        yield Lab(page, folder)


def test_every_lesson_is_opened():
    written = [l.path().relative_to(ROOT).as_posix() for l in lessons.load()[1] if l.available()]
    assert NOTEBOOKS == sorted(written)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_lesson_runs_in_jupyterlab(lab, notebook):
    report = lab.run(notebook)
    stored = code_cells(notebook)
    assert report.code_cells == report.code_cells_shown == len(stored)
    assert report.errors == [], f"error output shown in {notebook}: {report.errors}"
    assert report.problems == [], report.problems
    expected_widgets = len(widget_cells(notebook))
    assert report.widgets_drawn == report.widgets_redrawn == expected_widgets
    # every chart is drawn (the stored file has as many) and followed by its text description
    stored_charts = sum("image/png" in o.get("data", {}) for c in stored for o in c["outputs"])
    assert report.output_charts == stored_charts
    assert report.charts - report.charts_in_widgets == stored_charts
    assert report.charts_described == report.descriptions == report.charts
    assert Path(report.screenshot).is_file()


def test_capstone_form_saves_the_learners_verdicts(lab):
    """A learner rates a claim in the form, saves, and finds the file in my-work/."""
    claims = data.load("claims")
    claim = claims["claim_id"].iloc[3]
    saved = lab.folder / "my-work" / "capstone_evaluation.csv"
    saved.unlink(missing_ok=True)
    lab.run(CAPSTONE)
    page = lab.page
    form = page.locator(".jp-CodeCell").filter(has_text="views.rating_form()")
    selects = form.locator(".jupyter-widgets select")
    selects.nth(0).select_option(index=3)  # the fourth claim
    selects.nth(1).select_option(label="not supported")
    form.locator("textarea").fill("BATX has Xiaomi as its X (lesson 02)")
    form.locator("button", has_text="Save to my-work").click()
    page.wait_for_function(
        "([el, n]) => el.textContent.includes(`Saved 1 of ${n}`)",
        arg=[form.element_handle(), len(claims)], timeout=labdriver.REDRAW_MS)
    form.locator("button", has_text="Compare with the course").click()
    page.wait_for_function("(el) => el.textContent.includes('reference_verdict')",
                           arg=form.element_handle(), timeout=labdriver.REDRAW_MS)
    form.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "capstone_form.png"))
    rows = saved.read_text(encoding="utf-8")
    assert f"{claim}," in rows and "not supported,BATX has Xiaomi as its X (lesson 02)" in rows
