"""The reading copy: every notebook becomes a page, links resolve, charts keep their alt text."""

import json

import pytest

from aicourse import lessons
from aicourse.build import outdir, site

ROOT = lessons.ROOT
NOTEBOOKS = sorted(p.relative_to(ROOT) for f in lessons.FOLDERS for p in (ROOT / f).glob("*.ipynb"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    return out, site.build(out)


def test_every_notebook_has_a_page(built):
    out, pages = built
    for path in NOTEBOOKS:
        assert (out / path.with_suffix(".html")) in pages
    assert (out / "index.html").is_file() and (out / "notebooks" / "index.html").is_file()


def test_the_marker_lists_every_file_the_build_wrote(built):
    """A later build may remove these files, and only these (see test_outdir.py)."""
    out, pages = built
    listed = set(json.loads((out / outdir.MARKER).read_text(encoding="utf-8"))["files"])
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert listed == on_disk - {outdir.MARKER}
    assert {p.relative_to(out).as_posix() for p in pages} <= listed


def test_every_internal_link_resolves(built):
    out, pages = built
    broken = []
    for page in (p for p in pages if p.suffix == ".html"):
        for target, fragment in site.local_targets(page):
            if not target.is_file():
                broken.append(f"{page.relative_to(out)} -> {target}")
            elif fragment and target.suffix == ".html" and fragment not in site.parse(target).ids:
                broken.append(f"{page.relative_to(out)} -> {target.name}#{fragment}")
    assert broken == []


def test_lessons_link_to_each_other_as_pages(built):
    out, _ = built
    links = site.parse(out / "notebooks" / "01_the_2017_plan.html").links
    assert "02_the_ecosystem.html" in links and "index.html" in links
    assert not [l for l in links if l.endswith(".ipynb") and not l.startswith("http")]


def test_every_chart_keeps_its_alt_text(built):
    out, _ = built
    charts = 0
    for path in NOTEBOOKS:
        for alt in site.parse(out / path.with_suffix(".html")).images:
            assert alt.strip() and "No description" not in alt, path
            charts += 1
    assert charts >= 10


def test_pages_load_nothing_from_the_network(built):
    _, pages = built
    for page in pages:
        remote = [l for l in site.parse(page).loads if l.startswith(("http:", "https:", "//"))]
        assert remote == [], page


def test_answer_key_is_a_page_of_the_reading_copy(built):
    out, pages = built
    key = out / "docs" / "answer-key.html"
    assert key in pages and "Answer key" in key.read_text(encoding="utf-8")
    assert "answer-key.html" in site.parse(out / "docs" / "instructor-guide.html").links
