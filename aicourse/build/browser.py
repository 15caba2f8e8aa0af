"""Debian's Chromium, headless, driven through Playwright: for printing handouts and for tests.

Never downloads a browser (no ``playwright install``): it uses ``/usr/bin/chromium`` (Debian's
``chromium`` package), or the path in ``$AICOURSE_CHROMIUM``.

- ``chromium()``: a headless browser, closed on exit;
- ``offline_page(browser)``: a page that may load only local files (``file:``, ``data:``,
  ``blob:``); every other request is refused and listed in ``page.refused``;
- ``print_pdf(page, html_file, pdf_file)``: Chromium's own print to PDF (the engine behind
  ``chromium --headless --print-to-pdf``), with the page sizes the HTML's CSS asks for. One
  browser prints every handout, which is several times faster than one ``chromium`` process
  per file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from aicourse.errors import CourseError

CHROMIUM = os.environ.get("AICOURSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
LOCAL = ("file:", "data:", "blob:", "about:")


class NoBrowser(CourseError):
    """Chromium or Playwright is missing; the message says how to install them."""


def available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).is_file()


def missing_message() -> str:
    return (f"Chromium ({CHROMIUM}) or the Python package playwright is missing. Install them "
            "with: apt-get install chromium (Debian/Ubuntu), and pip install -r "
            "requirements-test.txt (python3 tasks.py does this). Never run playwright install.")


@contextlib.contextmanager
def chromium():
    if not available():
        raise NoBrowser(missing_message())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def offline_page(browser, **options):
    """A new page that loads only local files; refused requests are listed in ``page.refused``."""
    page = browser.new_page(**options)
    page.refused = []

    def route(r):
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            page.refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return page


def print_pdf(page, html_file: Path, pdf_file: Path, footer: str | None = None) -> None:
    """Print a local HTML file to PDF, with the page size its CSS asks for and an optional
    footer (Chromium's template: the classes pageNumber and totalPages are filled in)."""
    page.goto(Path(html_file).resolve().as_uri())
    page.evaluate("document.fonts.ready.then(() => true)")
    page.pdf(path=str(pdf_file), prefer_css_page_size=True, print_background=True,
             display_header_footer=bool(footer), header_template="<span></span>",
             footer_template=footer or "<span></span>")
