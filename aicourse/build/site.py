"""A reading copy of the course: every notebook rendered to static HTML with its stored outputs.

    python3 tasks.py html [FOLDER]      (default: site/)

For reading offline or publishing on a website, without running anything. Links between
notebooks point to the HTML pages; every chart keeps its alt text (nbconvert's templates drop
the alt metadata, so charts are written as <img> elements carrying it); no page loads anything
from the network (the templates' script tags for require.js and MathJax, which the course
does not need, are removed). Markdown documents in docs/ that the pages link to are rendered
too. Open FOLDER/index.html.
"""

from __future__ import annotations

import copy
import html
import json
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build import nbfiles, outdir

#: A relative link to a notebook or a Markdown document (not http:, not an anchor only).
LOCAL_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)\s]+?)\.(ipynb|md)(#[^)\s]*)?\)")
REMOTE_SCRIPT = re.compile(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>\s*')
#: An image the page would fetch from the network (a badge): shown as its alt text instead.
REMOTE_IMAGE = re.compile(r'<img\b[^>]*\bsrc="https?://[^"]*"[^>]*>')


def _offline_images(body: str) -> str:
    def alt(match):
        found = re.search(r'\balt="([^"]*)"', match.group(0))
        return found.group(1) if found else ""
    return REMOTE_IMAGE.sub(alt, body)


def _html_links(text: str) -> str:
    return LOCAL_LINK.sub(lambda m: f"]({m.group(1)}.html{m.group(3) or ''})", text)


def _images_with_alt(nb: dict) -> dict:
    """Charts as <img> elements that carry their alt text."""
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = _html_links(nbfiles.source(cell))
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            alt = output.get("metadata", {}).get("image/png", {}).get("alt")
            if "image/png" in data and alt:
                png = "".join(data["image/png"]).replace("\n", "")
                output["data"] = {"text/html": (
                    f'<img src="data:image/png;base64,{png}" alt="{html.escape(alt)}" '
                    'style="max-width: 100%; height: auto">')}
                output["metadata"] = {}
    return nb


def _exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab", exclude_anchor_links=False)


def render_notebook(path: Path, exporter=None) -> str:
    import nbformat

    nb = _images_with_alt(copy.deepcopy(nbfiles.read(path)))
    node = nbformat.reads(json.dumps(nb), as_version=4)  # joins the lines of each source
    body, _ = (exporter or _exporter()).from_notebook_node(node, resources={
        "metadata": {"name": path.stem}})
    return _offline_images(REMOTE_SCRIPT.sub("", body))


def render_markdown(path: Path, title: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    body = _offline_images(markdown2html_mistune(_html_links(path.read_text(encoding="utf-8"))))
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title>"
            "<style>body{max-width:60rem;margin:2rem auto;padding:0 1rem;"
            "font-family:sans-serif;line-height:1.5} table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:.3rem}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")


class _Links(HTMLParser):
    """The href and src values of a page, the resources a browser loads with it (scripts,
    stylesheets, images: not the pages its links lead to), and the ids it defines."""

    def __init__(self):
        super().__init__()
        self.links, self.ids, self.images, self.loads = [], set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.links += [attrs[k] for k in ("href", "src") if attrs.get(k)]
        if attrs.get("src"):
            self.loads.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.loads.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "img":
            self.images.append(attrs.get("alt") or "")


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def local_targets(page: Path) -> list[tuple[Path, str]]:
    """(file, fragment) for every relative link of a page."""
    found = []
    for link in parse(page).links:
        if link.startswith(("http:", "https:", "mailto:", "data:", "#")):
            continue
        target, _, fragment = link.partition("#")
        found.append(((page.parent / target).resolve(), fragment))
    return found


def _copy_linked_files(out: Path, root: Path, pages: list[Path]) -> list[Path]:
    """Files the pages link to that are not pages (data, licence) are copied as they are."""
    out_resolved = out.resolve()
    copied = []
    for page in pages:
        for target, _ in local_targets(page):
            if target.exists() or out_resolved not in target.parents:
                continue
            source = root / target.relative_to(out_resolved)
            if source.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                copied.append(target)
    return copied


def build(out: Path, root: Path = meta.ROOT) -> list[Path]:
    """Render every notebook and linked document into ``out``; return the pages written.

    ``out`` must be new, empty, or a reading copy written before (see ``outdir``): nothing
    that the course did not write there is removed.
    """
    out = outdir.prepare(out, root, "reading copy")
    written = []
    exporter = _exporter()
    for folder in meta.FOLDERS:
        for path in sorted((root / folder).glob("*.ipynb")):
            target = out / folder / f"{path.stem}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_notebook(path, exporter), encoding="utf-8")
            written.append(target)
    for path in sorted(root.glob("*.md")) + sorted((root / "docs").rglob("*.md")):
        target = out / path.relative_to(root).with_suffix(".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_markdown(path, path.stem.replace("-", " ")), encoding="utf-8")
        written.append(target)
    index = out / "index.html"
    index.write_text('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                     '<meta http-equiv="refresh" content="0; url=notebooks/index.html">'
                     "<title>Contents</title></head><body>"
                     '<p><a href="notebooks/index.html">Contents of the course</a></p>'
                     "</body></html>\n", encoding="utf-8")
    written.append(index)
    copied = _copy_linked_files(out, root, written)
    outdir.finish(out, written + copied)
    return written


def main(args: list[str]) -> int:
    return outdir.command(args, meta.ROOT / "site", build, lambda pages, folder, _:
                          f"wrote {len(pages)} pages; open {folder / 'index.html'}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
