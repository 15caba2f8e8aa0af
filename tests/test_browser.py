"""Every lesson and solution notebook, run in JupyterLab in a real (headless) browser.

For each notebook: open it, run all cells, wait until the kernel is idle and every cell has
run, then check that no error output is shown, that every widget is drawn, and that moving one
control of each widget redraws its output. Screenshots go to the folder printed at the end of
the test run.

Needs Debian's Chromium (apt-get install chromium) and the Python package playwright (in
requirements-test.txt). Without them the test is skipped, unless AICOURSE_REQUIRE_BROWSER=1
(CI sets it), which turns the skip into a failure.
"""

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
    labdriver.need_chromium()
    folder = labdriver.copy_course(ROOT, tmp_path_factory.mktemp("course"))
    state = tmp_path_factory.mktemp("jupyter-state")
    with labdriver.lab_server(folder, state) as (base, token):
        with labdriver.chromium() as browser:
            yield browser, base, token, folder


def test_there_are_notebooks_to_open():
    assert len(NOTEBOOKS) >= 3


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(lab, notebook):
    browser, base, token, _ = lab
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


CAPSTONE = "notebooks/08_capstone.ipynb"


@pytest.mark.skipif(not (ROOT / CAPSTONE).is_file(), reason="lesson 08 is not written yet")
def test_capstone_form_saves_the_learners_verdicts(lab):
    """A learner rates a claim in the form, saves, and finds the file in my-work/."""
    browser, base, token, folder = lab
    saved = folder / "my-work" / "capstone_evaluation.csv"
    saved.unlink(missing_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    try:
        labdriver.open_and_run(page, base, token, CAPSTONE, SHOTS, labdriver.Report(CAPSTONE))
        form = page.locator(".jp-CodeCell").filter(has_text="views.rating_form()")
        selects = form.locator(".jupyter-widgets select")
        selects.nth(0).select_option(index=3)  # claim C04
        selects.nth(1).select_option(label="not supported")
        form.locator("textarea").fill("BATX has Xiaomi as its X (lesson 02)")
        form.locator("button", has_text="Save to my-work").click()
        page.wait_for_function("(el) => el.innerText.includes('Saved 1 of 21')",
                               arg=form.element_handle(), timeout=15_000)
        form.locator("button", has_text="Compare with the course").click()
        page.wait_for_function("(el) => el.innerText.includes('reference_verdict')",
                               arg=form.element_handle(), timeout=15_000)
        form.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "capstone_form.png"))
    finally:
        page.close()
    rows = saved.read_text(encoding="utf-8")
    assert "C04," in rows and "not supported,BATX has Xiaomi as its X (lesson 02)" in rows
