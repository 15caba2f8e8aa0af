"""Serve the course with JupyterLab on loopback and drive it with headless Chromium (tests only).

Shared by the browser test and anyone who wants to look at the course as a learner does::

    with lab_server(copy_of_course) as url:
        with chromium() as browser:
            report = run_notebook(browser, url, "notebooks/01_the_2017_plan.ipynb", shots)

Never downloads a browser: it uses Debian's Chromium (``/usr/bin/chromium``, or the path in
``$AICOURSE_CHROMIUM``) through Playwright.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from aicourse.browser import CHROMIUM, CHROMIUM_ARGS, chromium  # noqa: F401 (the tests use them)
from aicourse.browser import available as chromium_available  # noqa: F401
# JupyterLab user settings for a test run: no news or update pop-ups, start the kernel without
# asking, and draw every cell (JupyterLab 4 otherwise leaves off-screen cells out of the page).
SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings":
        {"autoStartDefaultKernel": True, "windowingMode": "none"},
}
COURSE_PARTS = ("aicourse", "data", "notebooks", "exercises", "solutions", "lessons.toml")
#: Where screenshots of each notebook after its run are written (printed after the test run).
SCREENSHOTS = Path(os.environ.get("AICOURSE_SCREENSHOTS",
                                  Path(tempfile.gettempdir()) / "aicourse-screenshots"))


def copy_course(root: Path, target: Path) -> Path:
    """Copy what the notebooks need, so autosave can never touch the real files."""
    target.mkdir(parents=True, exist_ok=True)
    for part in COURSE_PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target / part)
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until_answers(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped early (exit code {process.returncode})")
        if _answers(url):
            return
        time.sleep(0.3)
    raise TimeoutError(f"no answer from {url} within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    """Stop a server started in its own process group, by its process id."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=5)


@contextlib.contextmanager
def lab_server(folder: Path, state: Path):
    """JupyterLab serving ``folder`` on a free loopback port; yields (base URL, token)."""
    settings = state / "settings"
    for name, values in SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(state / "runtime"))
    for name in ("MPLBACKEND", "AICOURSE_STRICT"):  # run as a learner does
        env.pop(name, None)
    port, token = free_port(), secrets.token_hex(16)
    log = open(state / "jupyterlab.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", "--allow-root",
         f"--ServerApp.root_dir={folder}", "--ServerApp.port_retries=0"],
        cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(f"{base}/api/status?token={token}", process)
        yield base, token
    finally:
        stop(process)
        log.close()


def need_chromium() -> None:
    """Skip the calling test without Chromium, or fail if AICOURSE_REQUIRE_BROWSER=1 (CI)."""
    import pytest

    if not chromium_available():
        from aicourse.browser import missing_message

        message = f"no browser test: {missing_message()}"
        if os.environ.get("AICOURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


@dataclass
class Report:
    notebook: str
    seconds: float = 0.0
    code_cells: int = 0
    errors: list[str] = field(default_factory=list)
    widget_cells: int = 0
    widgets_drawn: int = 0
    widgets_redrawn: int = 0
    charts: int = 0
    descriptions: int = 0
    problems: list[str] = field(default_factory=list)
    screenshot: str = ""


IDLE = ("() => [...document.querySelectorAll('.jp-StatusBar-Item, .jp-StatusBar-TextItem')]"
        ".some(e => /\\|\\s*Idle/.test(e.textContent))")
STARTED = ("() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')]"
           ".some(e => /\\[(\\*|\\d+)\\]/.test(e.textContent))")
NONE_RUN = ("() => ![...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')]"
            ".some(e => /\\d/.test(e.textContent))")
ALL_RUN = ("() => { const p = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell "
           ".jp-InputArea-prompt')]; return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }")


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


def open_and_run(page, base: str, token: str, notebook: str, shots: Path, report: Report) -> None:
    """Open ``notebook`` in ``page``, clear its stored outputs, run every cell, wait for idle."""
    page.goto(f"{base}/lab/tree/{notebook}?token={token}&reset")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)  # the kernel, not just the page, is ready
    # Stored notebooks open with execution counts: clear them, so that a count means a run.
    page.click(".lm-MenuBar-itemLabel:text-is('Edit')")
    page.click(".lm-Menu-itemLabel:text-is('Clear Outputs of All Cells')")
    page.wait_for_function(NONE_RUN, timeout=20_000)
    for attempt in range(3):
        # On a busy machine "Run All" can come before the kernel really listens, and then
        # silently does nothing: if no cell starts, ask again.
        page.click(".lm-MenuBar-itemLabel:text-is('Run')")
        page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
        try:
            page.wait_for_function(STARTED, timeout=20_000)
            break
        except Exception:
            report.problems.append(f"Run All did nothing (attempt {attempt + 1})")
    else:
        raise TimeoutError("Run All Cells did not start any cell")
    report.problems = [p for p in report.problems if not p.startswith("Run All did nothing")]
    try:
        page.wait_for_function(ALL_RUN, timeout=120_000)
    except Exception:
        prompts = page.locator(".jp-Notebook .jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        status = page.locator(".jp-StatusBar-Item").all_inner_texts()
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "FAILED.png"))
        raise TimeoutError(f"not every cell ran: prompts {prompts}; status bar {status}")
    page.wait_for_function(IDLE, timeout=180_000)
    page.wait_for_timeout(500)


def run_notebook(browser, base: str, token: str, notebook: str, shots: Path,
                 widget_cells: list[int]) -> Report:
    """Open ``notebook``, run all its cells, and report what a learner would see.

    ``widget_cells``: positions (among code cells) of the cells that create a widget.
    """
    report = Report(notebook)
    started = time.monotonic()
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    try:
        open_and_run(page, base, token, notebook, shots, report)
        cells = page.locator(".jp-Notebook .jp-CodeCell")
        report.code_cells = cells.count()
        report.charts = page.locator(".jp-RenderedImage img").count()
        report.descriptions = page.locator(
            "details summary:text-is('Text description of the chart')").count()
        stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        report.errors = [stderr.nth(i).inner_text()[:300] for i in range(stderr.count())]
        for index in widget_cells:
            report.widget_cells += 1
            cell = cells.nth(index)
            text = cell.locator(".jp-Cell-outputArea").first.inner_text()
            if "Error displaying widget" in text or "interactive(" in text or "VBox(" in text:
                report.problems.append(f"code cell {index}: widget not drawn")
                continue
            if not cell.locator(".jupyter-widgets").count():
                report.problems.append(f"code cell {index}: no widget on the page")
                continue
            report.widgets_drawn += 1
            before = _output_html(cell)
            if not _move_first_control(page, cell):
                report.problems.append(f"code cell {index}: no control to move")
                continue
            try:
                page.wait_for_function(
                    "([el, old]) => el.innerHTML !== old",
                    arg=[cell.locator(".widget-output, .jupyter-widgets-output-area").last
                         .element_handle(), before], timeout=15_000)
                page.wait_for_function(IDLE, timeout=30_000)
                report.widgets_redrawn += 1
            except Exception:
                report.problems.append(f"code cell {index}: output did not change after "
                                       "moving a control")
            after = cell.locator(".jp-Cell-outputArea").first.inner_text()
            if "Cannot draw this view" in after:
                report.problems.append(f"code cell {index}: {after[:200]}")
        shots.mkdir(parents=True, exist_ok=True)
        shot = shots / (notebook.replace("/", "__").replace(".ipynb", ".png"))
        page.screenshot(path=str(shot), full_page=True)
        report.screenshot = str(shot)
    finally:
        page.close()
    report.seconds = time.monotonic() - started
    return report
