"""Slides for projection: one deck per lesson, made from the lesson notebook.

    python3 tasks.py slides [FOLDER]        (default: slides/)

Each deck is one HTML file that holds everything it shows (styles, a few lines of script, the
charts as images), so it opens in any browser with no network and no install, and can be sent
as one file. A deck has, in the order of the lesson: the title and overview, the objectives,
each "pause and predict" prompt and each chart (redrawn at projector resolution, twice the
notebook's), the discussion (its question, its views side by side with everything written under
them, such as quoted proponents, and its closing questions) and the key points. All of it is
read from the notebook (see ``lessontext``), so a deck changes when its lesson does.

Arrow keys, Page Up/Down, space and a presenter's clicker move between slides; ``f`` toggles
full screen; the address ends in ``#n`` for slide n. Text that would overflow a slide is made
smaller until it fits. Printing gives one slide per page.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build import lessontext, nbfiles, outdir

#: Charts are redrawn at this many dots per inch (the notebooks store them at charts.DPI, 100):
#: 1600 x 900 pixels, sharp on a full-HD projector.
PROJECTOR_DPI = 200
WIDTH, HEIGHT = 1600, 900
PREDICT = "Pause and predict"
#: Views up to this many characters in all are shown side by side on one slide; longer ones
#: (with long quotations, say) get a slide each.
SIDE_BY_SIDE = 1600
#: Sections after which the lesson body ends.
END = ("Discussion", "Key points", "Sources and limitations")


@dataclass
class Slide:
    kind: str  # title, objectives, predict, chart, discussion, views or view, closing, points
    heading: str
    body: str = ""  # HTML
    image: str = ""  # base64 PNG
    alt: str = ""


def _html(markdown: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(markdown)


def _prompt(text: str) -> str | None:
    """The text of a "pause and predict" prompt in a markdown cell, or None."""
    match = re.search(rf"^###\s+{PREDICT}\s*\n(.*?)(?=^#|\Z)", text, re.S | re.M)
    return match.group(1).strip() if match else None


def body_slides(nb: dict) -> list[Slide]:
    """The prompts and charts of the lesson body, in order, each under its section's title."""
    found, section = [], ""
    for cell in nb["cells"]:
        text = nbfiles.source(cell)
        if cell["cell_type"] == "markdown":
            if text.startswith("<!--"):
                continue
            headings = re.findall(r"^## (.+?)\s*$", text, re.M)
            prompt = _prompt(text)
            if prompt:
                found.append(Slide("predict", PREDICT, _html(prompt)))
            if headings:
                section = headings[-1]
                if section in END:
                    break
            continue
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                alt = output.get("metadata", {}).get("image/png", {}).get("alt", "")
                found.append(Slide("chart", section, image="".join(png).replace("\n", ""),
                                   alt=alt))
    return found


def discussion_slides(discussion: lessontext.Discussion) -> list[Slide]:
    if not discussion:
        return []
    slides = [Slide("discussion", "Discussion", _html("\n\n".join(discussion.intro)))]
    views = discussion.views
    if views and sum(len(text) for _, text in views) <= SIDE_BY_SIDE:
        columns = "".join(f'<div class="view"><h3>{html.escape(label)}</h3>{_html(text)}</div>'
                          for label, text in views)
        slides.append(Slide("views", "Two views" if len(views) == 2 else f"{len(views)} views",
                            f'<div class="views">{columns}</div>'))
    else:  # too long to read side by side on a projector: one view a slide
        slides += [Slide("view", label, _html(text)) for label, text in views]
    if discussion.closing:
        slides.append(Slide("closing", "Discuss", _html("\n\n".join(discussion.closing))))
    return slides


def deck(lesson: meta.Lesson, nb: dict, root: Path = meta.ROOT) -> list[Slide]:
    markdown = "\n".join(nbfiles.source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    time = f"{lesson.minutes_teaching} minutes of teaching" + (
        f", {lesson.minutes_exercises} of exercises" if lesson.has_exercises else "")
    slides = [Slide("title", f"{lesson.number} · {lesson.title}",
                    f'<p class="overview">{html.escape(lesson.overview)}</p>'
                    f'<p class="time">{html.escape(time)}</p>')]
    if lesson.objectives:
        slides.append(Slide("objectives", "After this lesson you can",
                            "<ul>" + "".join(f"<li>{html.escape(o)}</li>" for o in lesson.objectives)
                            + "</ul>"))
    slides += body_slides(nb)
    slides += discussion_slides(lessontext.parse_discussion(lessontext.section(markdown,
                                                                               "Discussion")))
    points = lessontext.section(markdown, "Key points")
    if points:
        slides.append(Slide("points", "Key points", _html(points)))
    return slides


STYLE = f"""
*{{box-sizing:border-box}}
html,body{{margin:0;height:100%;background:#222;overflow:hidden;
  font-family:"Noto Sans","Noto Sans CJK SC","Liberation Sans",Arial,sans-serif}}
.stage{{position:absolute;left:50%;top:50%;width:{WIDTH}px;height:{HEIGHT}px;
  transform-origin:center center}}
.slide{{position:absolute;inset:0;background:#fff;color:#111;padding:56px 80px 40px;
  display:flex;flex-direction:column;visibility:hidden}}
.slide.current{{visibility:visible}}
.slide h2{{margin:0 0 24px;font-size:48px;color:#0072B2;line-height:1.15}}
.slide .body{{flex:1;min-height:0;overflow:hidden;font-size:34px;line-height:1.35}}
.slide .body p{{margin:0 0 .6em}}
.slide .body li{{margin-bottom:.35em}}
.slide footer{{display:flex;justify-content:space-between;font-size:20px;color:#666;
  padding-top:12px;border-top:2px solid #E69F00}}
.slide.title h2{{font-size:64px;margin-top:120px}}
.slide.title .overview{{font-size:30px;color:#333}}
.slide.title .time{{font-size:26px;color:#666}}
.slide.predict{{background:#FFF8E6}}
.slide.predict h2{{color:#D55E00}}
.slide.chart{{padding:28px 48px 24px}}
.slide.chart h2{{font-size:34px;margin-bottom:12px}}
.slide.chart .body{{display:flex;align-items:center;justify-content:center}}
.slide.chart img{{width:100%;height:100%;object-fit:contain}}
.views{{display:flex;gap:36px;height:100%}}
.view{{flex:1;border-top:8px solid #0072B2;background:#F2F7FB;padding:18px 24px;overflow:hidden}}
.view + .view{{border-top-color:#E69F00;background:#FDF6EA}}
.view h3{{margin:0 0 .4em;font-size:1.05em}}
blockquote{{margin:.3em 0 .6em;padding-left:.8em;border-left:5px solid #999;color:#333}}
code{{font-size:.9em}}
@media print{{
  @page{{size:{WIDTH}px {HEIGHT}px;margin:0}}
  html,body{{overflow:visible;background:#fff;height:auto}}
  .stage{{position:static;transform:none!important;width:auto;height:auto}}
  .slide{{position:relative;visibility:visible;width:{WIDTH}px;height:{HEIGHT}px;
    break-after:page}}
}}
"""

SCRIPT = f"""
(function(){{
  const stage = document.querySelector('.stage');
  const slides = [...document.querySelectorAll('.slide')];
  let current = 0;
  function scale(){{
    const k = Math.min(innerWidth / {WIDTH}, innerHeight / {HEIGHT});
    stage.style.transform = 'translate(-50%, -50%) scale(' + k + ')';
  }}
  function fit(slide){{
    const body = slide.querySelector('.body');
    if (!body || slide.classList.contains('chart')) return;
    let size = 100;
    body.style.fontSize = '';
    const base = parseFloat(getComputedStyle(body).fontSize);
    const boxes = [body, ...body.querySelectorAll('.view')];
    const over = () => boxes.some(b => b.scrollHeight > b.clientHeight + 1
                                       || b.scrollWidth > b.clientWidth + 1);
    while (over() && size > 35) {{
      size -= 5;
      body.style.fontSize = (base * size / 100) + 'px';
    }}
  }}
  function show(n){{
    current = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach((s, k) => s.classList.toggle('current', k === current));
    if (location.hash !== '#' + (current + 1)) history.replaceState(null, '', '#' + (current + 1));
  }}
  document.addEventListener('keydown', e => {{
    if (['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'n'].includes(e.key)) show(current + 1);
    else if (['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p'].includes(e.key)) show(current - 1);
    else if (e.key === 'Home') show(0);
    else if (e.key === 'End') show(slides.length - 1);
    else if (e.key === 'f') {{
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen();
    }} else return;
    e.preventDefault();
  }});
  document.addEventListener('click', e => show(current + (e.clientX < innerWidth / 3 ? -1 : 1)));
  addEventListener('resize', scale);
  addEventListener('hashchange', () => show(parseInt(location.hash.slice(1) || '1', 10) - 1));
  scale();
  show(parseInt(location.hash.slice(1) || '1', 10) - 1);
  const images = [...document.images].map(img => img.complete ? Promise.resolve()
    : new Promise(done => {{ img.onload = done; img.onerror = done; }}));
  Promise.all(images).then(() => {{ slides.forEach(fit); document.body.dataset.ready = '1'; }});
}})();
"""


def page(course: dict, lesson: meta.Lesson, slides: list[Slide]) -> str:
    parts = []
    for n, s in enumerate(slides, 1):
        if s.kind == "chart":
            inner = (f'<img src="data:image/png;base64,{s.image}" alt="{html.escape(s.alt)}">')
        else:
            inner = s.body
        parts.append(
            f'<section class="slide {s.kind}" id="slide-{n}" aria-label="Slide {n}">'
            f"<h2>{html.escape(s.heading)}</h2><div class=\"body\">{inner}</div>"
            f"<footer><span>{html.escape(lesson.number + ' ' + lesson.title)} · "
            f"{html.escape(course['title'])}</span><span>{n} / {len(slides)}</span></footer>"
            "</section>")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(lesson.number + ' ' + lesson.title)}: slides</title>"
            f"<style>{STYLE}</style></head>\n<body>\n<main class=\"stage\">\n"
            + "\n".join(parts) + f"\n</main>\n<script>{SCRIPT}</script>\n</body></html>\n")


def projector_notebook(path: Path) -> dict:
    """Run a lesson notebook with its charts drawn at PROJECTOR_DPI; return it with outputs."""
    import nbformat

    from aicourse.build import store

    nb = nbfiles.read(path)
    setup = next((i for i, c in enumerate(nb["cells"]) if nbfiles.source(c).startswith("# setup:")),
                 -1)
    nb["cells"].insert(setup + 1, nbfiles.code(
        f"from aicourse import charts as _charts\n_charts.EXPORT_DPI = {PROJECTOR_DPI}"))
    for name in ("MPLBACKEND", "AICOURSE_STRICT"):  # run as a learner does, with figures drawn
        os.environ.pop(name, None)
    node = nbformat.reads(json.dumps(nbfiles.normalise(nb)), as_version=4)
    store.client_class()(node, timeout=300, kernel_name="python3",
                         resources={"metadata": {"path": str(path.parent)}}).execute()
    return node


def build(out: Path, root: Path = meta.ROOT, *, rerun: bool = True,
          only: list[str] | None = None) -> list[Path]:
    """Write a deck per lesson into ``out``; return the decks.

    ``rerun`` runs each lesson to redraw its charts at projector resolution; without it the
    charts stored in the notebook are used (what the notebook shows, at 100 dpi). ``only``
    limits the decks to those lesson numbers.
    """
    out = outdir.prepare(out, root, "slides")
    course, lessons = meta.load(root)
    chosen = [l for l in lessons if l.available(root) and (not only or l.number in only)]
    paths = [l.path(root=root) for l in chosen]
    if rerun:  # two lessons at a time: each waits on its own kernel most of the time
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=2) as pool:
            notebooks = list(pool.map(projector_notebook, paths))
    else:
        notebooks = [nbfiles.read(p) for p in paths]
    written = []
    links = []
    for lesson, nb in zip(chosen, notebooks):
        target = out / f"{lesson.slug}.html"
        target.write_text(page(course, lesson, deck(lesson, nb, root)), encoding="utf-8")
        written.append(target)
        links.append(f'<li><a href="{target.name}">{html.escape(lesson.number + " " + lesson.title)}'
                     "</a></li>")
    index = out / "index.html"
    index.write_text('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                     f"<title>Slides: {html.escape(course['title'])}</title></head><body>"
                     f"<h1>Slides</h1><p>{html.escape(course['title'])}. Open a deck; arrow keys "
                     "move between slides, f is full screen.</p><ul>" + "".join(links)
                     + "</ul></body></html>\n", encoding="utf-8")
    outdir.finish(out, [*written, index])
    return written


def main(args: list[str]) -> int:
    return outdir.command(args, meta.ROOT / "slides", build, lambda decks, folder, seconds:
                          f"wrote {len(decks)} decks in {seconds:.0f} s; open "
                          f"{folder / 'index.html'}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
