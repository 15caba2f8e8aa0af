"""Serve the course with JupyterLab on loopback and drive it with headless Chromium (tests only).

Shared by the browser test and anyone who wants to look at the course as a learner does::

    with lab_server(copy_of_course, state) as server, chromium() as browser:
        page = new_page(browser)
        open_lab(page, server)
        report = run_notebook(page, "notebooks/01_the_2017_plan.ipynb", shots, [4])

JupyterLab starts with ``--LabApp.expose_app_in_browser=True`` (as JupyterLab's own UI tests,
galata, do), so the page has ``window.jupyterapp``: the harness opens a notebook, clears its
outputs and runs it through the application's commands (``docmanager:open``,
``notebook:clear-all-cell-outputs``, ``notebook:run-all-cells``), and waits on the notebook's
own kernel connection (its ``sessionContext``) rather than on menu labels or status-bar text.
Nothing waits a fixed time. A Run All that starts no cell is tried once more, and the retry is
recorded in the report (the test shows it as a warning).

Never downloads a browser: it uses Debian's Chromium (``/usr/bin/chromium``, or the path in
``$AICOURSE_CHROMIUM``) through Playwright.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import servers

from aicourse.build.browser import CHROMIUM, CHROMIUM_ARGS, chromium  # noqa: F401 (the tests use them)
from aicourse.build.browser import available as chromium_available
from aicourse.build.kernelenv import kernel_env

# JupyterLab user settings for a test run: no news or update pop-ups, start the kernel without
# asking, and draw every cell (JupyterLab 4 otherwise leaves off-screen cells out of the page).
SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings":
        {"autoStartDefaultKernel": True, "windowingMode": "none"},
}
#: Where screenshots of each notebook after its run are written (printed after the test run).
SCREENSHOTS = Path(os.environ.get("AICOURSE_SCREENSHOTS",
                                  Path(tempfile.gettempdir()) / "aicourse-screenshots"))
#: Longest waits, in milliseconds: a page and kernel starting, a whole notebook running.
START_MS, RUN_MS, REDRAW_MS = 90_000, 180_000, 30_000


@contextlib.contextmanager
def lab_server(folder: Path, state: Path):
    """JupyterLab serving ``folder`` on a loopback port it chooses; yields a ``servers.Server``."""
    settings = state / "settings"
    for name, values in SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    runtime = state / "runtime"
    runtime.mkdir(parents=True, exist_ok=True)
    env = kernel_env()  # kernels run as a learner's do
    env.update(JUPYTERLAB_SETTINGS_DIR=str(settings), JUPYTER_RUNTIME_DIR=str(runtime),
               JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"))
    process = servers.start(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--port=0",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={secrets.token_hex(16)}",
         "--allow-root", f"--ServerApp.root_dir={folder}", "--LabApp.expose_app_in_browser=True"],
        cwd=folder, env=env, log=state / "jupyterlab.log")
    try:
        yield servers.wait_for_server(process, runtime)
    finally:
        servers.stop(process)


def need_chromium() -> None:
    """Skip the calling test without Chromium, or fail if AICOURSE_REQUIRE_BROWSER=1 (CI)."""
    import pytest

    if not chromium_available():
        from aicourse.build.browser import missing_message

        message = f"no browser test: {missing_message()}"
        if os.environ.get("AICOURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


def new_page(browser):
    return browser.new_page(viewport={"width": 1280, "height": 1000})


@dataclass
class Report:
    notebook: str
    seconds: float = 0.0
    code_cells: int = 0
    code_cells_shown: int = 0
    errors: list[str] = field(default_factory=list)
    output_charts: int = 0  # image outputs of the cells (live widget views aside)
    widget_cells: int = 0
    widgets_drawn: int = 0
    widgets_redrawn: int = 0
    charts: int = 0
    charts_in_widgets: int = 0
    descriptions: int = 0
    charts_described: int = 0
    problems: list[str] = field(default_factory=list)
    retries: list[str] = field(default_factory=list)
    screenshot: str = ""


# --- JavaScript run in the page, on JupyterLab's application object -------------------------

OPEN = """async (path) => {
  const app = window.jupyterapp;
  await app.restored;
  const old = window.aicoursePanel;
  if (old && !old.isDisposed) {  // one notebook at a time: stop the last one's kernel, close it
    await old.sessionContext.shutdown();
    old.dispose();
  }
  const panel = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
  await panel.context.ready;
  await panel.sessionContext.ready;
  window.aicoursePanel = panel;
  return panel.id;
}"""
# The kernel answers: connected, idle, and its kernel_info reply has come (before that, Run All
# can reach a kernel that is not yet listening and silently do nothing).
KERNEL_IDLE = """() => {
  const session = window.aicoursePanel.sessionContext.session;
  const kernel = session && session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""
KERNEL_INFO = """async () => {
  await window.aicoursePanel.sessionContext.session.kernel.info;
  return true;
}"""
RUN_ALL = """async () => {
  const app = window.jupyterapp, panel = window.aicoursePanel;
  app.shell.activateById(panel.id);
  await app.commands.execute('notebook:clear-all-cell-outputs');
  const ok = await app.commands.execute('notebook:run-all-cells');
  const code = Array.from(panel.content.model.cells).filter(c => c.type === 'code');
  return {ok: ok === true, run: code.filter(c => c.executionCount !== null).length,
          cells: code.length};
}"""
OUTPUTS = """() => Array.from(window.aicoursePanel.content.model.cells)
  .filter(c => c.type === 'code').map(c => c.outputs.toJSON())"""
# Every chart on the page is followed, in the same cell, by its text description.
CHARTS = """() => {
  const images = [...document.querySelectorAll('.jp-Notebook .jp-RenderedImage img')];
  const described = images.filter(img => {
    const output = img.closest('.jp-OutputArea-child');
    const next = output && output.nextElementSibling;
    const summary = next && next.querySelector('details summary');
    return !!summary && summary.textContent.trim() === 'Text description of the chart';
  });
  const summaries = [...document.querySelectorAll('.jp-Notebook details summary')]
    .filter(s => s.textContent.trim() === 'Text description of the chart');
  const live = images.filter(img => img.closest('.widget-output, .jupyter-widgets-output-area'));
  return {charts: images.length, described: described.length, descriptions: summaries.length,
          in_widgets: live.length};
}"""
# A widget cell has finished drawing: its live view (an Output widget) or an error is on the page.
WIDGET_SETTLED = """(cell) => !!cell.querySelector('.widget-output, .jupyter-widgets-output-area')
  || cell.textContent.includes('Error displaying widget')"""


def open_lab(page, server: servers.Server) -> None:
    """Load JupyterLab in ``page`` with an empty workspace."""
    page.goto(f"{server.url}/lab?reset&token={server.token}")  # reset: no old workspace
    page.wait_for_function("() => window.jupyterapp !== undefined", timeout=START_MS)


def open_notebook(page, notebook: str) -> None:
    """Open ``notebook`` through JupyterLab's commands (closing the one open before, and
    stopping its kernel) and wait until its kernel answers."""
    page.evaluate(OPEN, notebook)
    page.wait_for_function(KERNEL_IDLE, timeout=START_MS)
    page.evaluate(KERNEL_INFO)


def run_all(page, report: Report) -> None:
    """Clear every output, run every cell, and wait until the kernel is idle again.

    If Run All starts no cell at all, it is asked once more and the retry is recorded in
    ``report.retries``; a run that stops at an error is not retried (the errors are reported).
    """
    for attempt in (1, 2):
        result = page.evaluate(RUN_ALL)
        page.wait_for_function(KERNEL_IDLE, timeout=RUN_MS)
        if result["run"] > 0 or result["cells"] == 0:
            break
        report.retries.append(f"Run All ran no cell on attempt {attempt} ({result})")
    if result["run"] < result["cells"]:
        report.problems.append(f"{result['cells'] - result['run']} of {result['cells']} code "
                               "cells did not run (Run All stopped early)")


def _errors(outputs: list[list[dict]]) -> list[str]:
    found = []
    for index, cell in enumerate(outputs):
        for out in cell:
            if out["output_type"] == "error":
                found.append(f"code cell {index}: {out['ename']}: {out['evalue']}"[:300])
            elif out["output_type"] == "stream" and out.get("name") == "stderr":
                text = out["text"] if isinstance(out["text"], str) else "".join(out["text"])
                found.append(f"code cell {index}: {text}"[:300])
    return found


def _output_html(cell) -> str:
    return cell.locator(".widget-output, .jupyter-widgets-output-area").last.inner_html()


def _move_first_control(page, cell) -> bool:
    """Move the first control of a widget; return False if it has none we know how to move."""
    select = cell.locator(".jupyter-widgets select")
    if select.count():
        options = select.first.locator("option")
        current = select.first.input_value()
        values = [options.nth(i).get_attribute("value") for i in range(options.count())]
        other = next((v for v in values if v != current), None)
        if other is None:
            return False
        select.first.select_option(other)
        return True
    handle = cell.locator(".widget-slider .noUi-handle")
    if handle.count():
        handle.first.focus()
        page.keyboard.press("ArrowRight")
        return True
    return False


def check_widget(page, cell, index: int, report: Report) -> None:
    """The widget in ``cell`` is drawn, and moving its first control redraws its live view."""
    report.widget_cells += 1
    cell.element_handle().wait_for_element_state("visible", timeout=START_MS)
    page.wait_for_function(WIDGET_SETTLED, arg=cell.element_handle(), timeout=REDRAW_MS)
    text = cell.locator(".jp-Cell-outputArea").first.text_content() or ""
    if "Error displaying widget" in text or "interactive(" in text or "VBox(" in text:
        report.problems.append(f"code cell {index}: widget not drawn")
        return
    report.widgets_drawn += 1
    view = cell.locator(".widget-output, .jupyter-widgets-output-area").last
    before = _output_html(cell)
    if not _move_first_control(page, cell):
        report.problems.append(f"code cell {index}: no control to move")
        return
    try:
        page.wait_for_function("([el, old]) => el.innerHTML !== old",
                               arg=[view.element_handle(), before], timeout=REDRAW_MS)
        page.wait_for_function(KERNEL_IDLE, timeout=REDRAW_MS)
    except Exception as exc:  # Playwright's TimeoutError
        report.problems.append(f"code cell {index}: output did not change after moving a "
                               f"control ({type(exc).__name__})")
        return
    after = view.text_content() or ""
    if "Cannot draw this view" in after:
        report.problems.append(f"code cell {index}: {after[:200]}")
        return
    report.widgets_redrawn += 1


def run_notebook(page, notebook: str, shots: Path, widget_cells: list[int]) -> Report:
    """Open ``notebook`` in ``page`` (where JupyterLab is loaded: ``open_lab``), run all its
    cells, and report what a learner would see.

    ``widget_cells``: positions (among code cells) of the cells that create a widget. The
    notebook stays open, with its kernel, for the caller to look further, until the next one
    is opened.
    """
    report = Report(notebook)
    started = time.monotonic()
    open_notebook(page, notebook)
    run_all(page, report)
    outputs = page.evaluate(OUTPUTS)
    report.code_cells = len(outputs)
    report.errors = _errors(outputs)
    cells = page.locator(".jp-Notebook .jp-CodeCell")
    report.code_cells_shown = cells.count()
    for index in widget_cells:
        check_widget(page, cells.nth(index), index, report)
    shown = page.evaluate(CHARTS)
    report.charts, report.charts_described = shown["charts"], shown["described"]
    report.descriptions, report.charts_in_widgets = shown["descriptions"], shown["in_widgets"]
    report.output_charts = sum("image/png" in out.get("data", {}) for cell in outputs for out in cell)
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / (notebook.replace("/", "__").replace(".ipynb", ".png"))
    page.screenshot(path=str(shot), full_page=True)
    report.screenshot = str(shot)
    report.seconds = time.monotonic() - started
    return report
