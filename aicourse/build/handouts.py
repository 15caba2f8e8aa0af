"""Printable handouts: PDF worksheets, printed by Chromium from HTML the course renders.

    python3 tasks.py handouts [FOLDER]      (default: handouts/)

- ``claim-rating-sheet.pdf``: every claim of ``data/claims.csv`` with the lesson(s) that test
  it and its kind, the five verdicts to tick, and lines for the reason (lesson 08's scale);
- ``NN_lesson.pdf`` for each lesson: the discussion cards to cut out (the class's ground rules
  from the instructor guide, the question, one card per view with everything written under it,
  the closing questions), then the exercise questions with room to answer, and the lesson's
  key terms with their Chinese names and pinyin.

Everything is read from the course (claims table, notebooks, question objects, glossary,
``docs/instructor/facilitation.md``), so a handout changes when its lesson does. The HTML each
PDF is printed from is kept beside it (open it in a browser to print it another way). Needs
Debian's Chromium (see ``aicourse.build.browser``); the Chinese characters need a CJK font (Debian's
``fonts-noto-cjk``).
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build import browser, glossary, lessontext, outdir

FACILITATION = Path("docs") / "instructor" / "facilitation.md"
CLAIM_SHEET = "claim-rating-sheet"

STYLE = """
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "Liberation Sans", Arial, sans-serif;
       font-size: 10.5pt; line-height: 1.4; color: #111; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 4pt; color: #0072B2; }
h2 { font-size: 13pt; margin: 12pt 0 4pt; color: #0072B2; break-after: avoid; }
h3 { font-size: 11pt; margin: 0 0 4pt; }
p { margin: 0 0 5pt; }
ul, ol { margin: 0 0 5pt; padding-left: 16pt; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
.who { display: flex; gap: 12mm; margin: 6pt 0 10pt; }
.who span { flex: 1; border-bottom: 1px solid #555; padding-bottom: 2pt; color: #555; }
.note { color: #444; font-size: 9.5pt; }
.page-break { break-before: page; }
.claim, .exercise, .card { break-inside: avoid; }
.claim { border: 1px solid #999; padding: 6pt 8pt; margin-bottom: 7pt; }
.claim .meta { font-size: 9pt; color: #444; }
.claim .text { font-weight: 600; margin: 2pt 0 4pt; }
.boxes { display: flex; flex-wrap: wrap; gap: 3pt 12pt; font-size: 9.5pt; margin: 2pt 0; }
.box { display: inline-block; width: 9pt; height: 9pt; border: 1px solid #111;
       margin-right: 3pt; vertical-align: -1pt; }
.line { border-bottom: 1px solid #888; height: 8mm; }
.label { font-size: 9pt; color: #444; margin-top: 3pt; }
.card { border: 1.5px dashed #555; padding: 8pt 10pt; margin: 0 0 8pt; }
.card .tag { font-size: 8.5pt; color: #666; text-transform: uppercase; letter-spacing: .04em; }
.card.view-a { border-left: 6px solid #0072B2; }
.card.view-b { border-left: 6px solid #E69F00; }
.exercise { margin: 0 0 10pt; padding-bottom: 6pt; border-bottom: 1px solid #ddd; }
.sketch { border: 1px solid #888; height: 62mm; margin-top: 4pt;
          background-image: linear-gradient(#eee 1px, transparent 1px),
                            linear-gradient(90deg, #eee 1px, transparent 1px);
          background-size: 5mm 5mm; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; }
td.blank { height: 9mm; }
.terms { break-inside: avoid; }
.terms td, .terms th { font-size: 8.5pt; padding: 2pt 4pt; }
.zh { font-family: "Noto Sans CJK SC", "Noto Sans CJK", sans-serif; white-space: nowrap; }
"""


def _md(text: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(text)


def _page(title: str, body: str) -> str:
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")


def _lines(count: int) -> str:
    return '<div class="line"></div>' * count


def _who() -> str:
    return '<div class="who"><span>Name</span><span>Class</span><span>Date</span></div>'


def ground_rules(root: Path = meta.ROOT) -> list[str]:
    """The ground rules of the instructor guide: the bold opening of each numbered rule."""
    path = root / FACILITATION
    if not path.is_file():
        return []
    part = path.read_text(encoding="utf-8").split("### Ground rules", 1)[-1].split("\n### ", 1)[0]
    return re.findall(r"^\d+\.\s+\*\*(.+?)\*\*", part, re.M)


def claim_sheet(root: Path = meta.ROOT) -> str:
    from aicourse import data
    from aicourse.views import l08

    course, lessons = meta.load(root)
    titles = {l.number: l.title for l in lessons}
    verdicts = "".join(f'<span><span class="box"></span>{html.escape(v)}</span>' for v in l08.VERDICTS)
    meanings = "".join(f"<li><strong>{html.escape(v)}</strong>: {html.escape(m)}</li>"
                       for v, m in l08.MEANINGS.items())
    parts = ["<h1>Checking the article: claim-rating sheet</h1>",
             f'<p class="note">{html.escape(course["title"])} · lesson 08</p>', _who(),
             "<p>For each claim, tick the verdict the evidence supports and give your reason in a "
             "sentence that names the evidence (a lesson, a figure and its year, or a source). "
             "The verdicts:</p>", f"<ul>{meanings}</ul>"]
    for row in data.load("claims").itertuples():
        tested = ", ".join(f"{n} {titles.get(n, '')}".strip() for n in str(row.lessons).split("|"))
        parts.append(
            f'<div class="claim"><div class="meta"><strong>{row.claim_id}</strong> · paragraph '
            f"{row.paragraph} · {html.escape(row.claim_type)} · tested in lesson "
            f"{html.escape(tested)}</div>"
            f'<div class="text">{html.escape(row.claim)}</div>'
            f'<div class="boxes">{verdicts}</div>'
            f'<div class="label">Reason (name the evidence):</div>{_lines(2)}</div>')
    return _page("Claim-rating sheet", "\n".join(parts))


def _answer_space(exercise: lessontext.Exercise) -> str:
    q = exercise.question
    kind = type(q).__name__
    if kind == "NumberQuestion":
        return (f'<div class="label">Your answer ({html.escape(q.unit)}):</div>{_lines(1)}'
                f'<div class="label">How you worked it out:</div>{_lines(2)}')
    if kind == "ChoiceQuestion":
        letters = "".join(f'<span><span class="box"></span>{html.escape(k)}</span>'
                          for k in q.options)
        return (f'<div class="label">Your choice:</div><div class="boxes">{letters}</div>'
                f'<div class="label">Why:</div>{_lines(2)}')
    if kind == "ChartQuestion":
        return ('<div class="label">Sketch the chart: a title, both axes labelled with units, '
                'and a source line under it.</div><div class="sketch"></div>')
    if kind == "TextQuestion":
        return (f'<div class="label">Your answer (at least {q.min_words} words):</div>'
                + _lines(max(6, q.min_words // 9)))
    if kind == "SourcedListQuestion":
        rows = "".join('<tr><td class="blank"></td><td class="blank"></td></tr>'
                       for _ in range(q.min_items + 1))
        return (f"<table><tr><th>Example (what it is, who runs it)</th><th>source_id</th></tr>"
                f"{rows}</table>")
    return _lines(3)


def _cards(lesson: meta.Lesson, root: Path) -> list[str]:
    discussion = lessontext.discussion(lesson, root)
    if not discussion:
        return []
    where = f"Lesson {lesson.number} discussion"
    cards = []
    rules = ground_rules(root)
    if rules:
        cards.append(("rules", "Ground rules", "<ol>" + "".join(
            f"<li>{html.escape(r)}</li>" for r in rules) + "</ol>"))
    cards.append(("question", "The question", _md("\n\n".join(discussion.intro))))
    for n, (label, text) in enumerate(discussion.views):
        cards.append((f"view-{'ab'[n % 2]}", label, _md(text)))
    if discussion.closing:
        cards.append(("closing", "To discuss", _md("\n\n".join(discussion.closing))))
    out = [f"<h1>Discussion cards · {html.escape(lesson.number + ' ' + lesson.title)}</h1>",
           '<p class="note">Cut along the dashed lines. Deal the views at random: arguing a '
           "view is not holding it.</p>"]
    for n, (kind, heading, body) in enumerate(cards, 1):
        out.append(f'<div class="card {kind}"><div class="tag">{where} · card {n} of '
                   f'{len(cards)}</div><h3>{html.escape(heading)}</h3>{body}</div>')
    return out


def _terms(lesson: meta.Lesson, root: Path) -> list[str]:
    """The lesson's glossary terms that have a Chinese name, in a compact table."""
    terms = sorted((t for t in glossary.load(root)
                    if lesson.number in t.get("lessons", []) and t.get("zh")),
                   key=lambda t: t["term"].lower())
    if not terms:
        return []
    cells = [f"<td><strong>{html.escape(t['term'])}</strong></td>"
             f'<td class="zh">{html.escape(t["zh"])}</td><td>{html.escape(t.get("pinyin", ""))}</td>'
             for t in terms]
    half = (len(cells) + 1) // 2
    rows = "".join(f"<tr>{left}{right}</tr>" for left, right in
                   zip(cells[:half], cells[half:] + ["<td></td><td></td><td></td>"]))
    head = "<th>Term</th><th>Chinese</th><th>Pinyin</th>"
    return ['<div class="terms"><h2>Key terms in Chinese</h2>',
            f"<table><tr>{head}{head}</tr>{rows}</table>",
            '<p class="note">Meanings: the glossary (notebooks/glossary.ipynb).</p></div>']


def lesson_sheet(lesson: meta.Lesson, root: Path = meta.ROOT) -> str:
    course, _ = meta.load(root)
    parts = _cards(lesson, root)
    exercises = lessontext.exercises(lesson, root)
    if exercises:
        parts += [f'<h1 class="{"page-break" if parts else ""}">Exercises · '
                  f"{html.escape(lesson.number + ' ' + lesson.title)}</h1>",
                  f'<p class="note">{html.escape(course["title"])}. The notebook version checks '
                  "your answers and gives hints.</p>", _who()]
        for e in exercises:
            parts.append(f'<div class="exercise"><h2>{html.escape(e.heading or e.qid)}</h2>'
                         f"{_md(e.prompt)}{_answer_space(e)}</div>")
    parts += _terms(lesson, root)
    return _page(f"{lesson.number} {lesson.title}: handout", "\n".join(parts))


FOOTER = ('<div style="font-size:7.5pt;width:100%;padding:0 14mm;color:#666;'
          'font-family:sans-serif;display:flex;justify-content:space-between">'
          "<span>{title}</span><span>page <span class=\"pageNumber\"></span> of "
          '<span class="totalPages"></span></span></div>')


def sheets(root: Path = meta.ROOT) -> dict[str, tuple[str, str]]:
    """Every handout: {file name without suffix: (title, HTML)}."""
    _, lessons = meta.load(root)
    found = {CLAIM_SHEET: ("Claim-rating sheet", claim_sheet(root))}
    for lesson in lessons:
        if lesson.available(root):
            found[lesson.slug] = (f"{lesson.number} {lesson.title}", lesson_sheet(lesson, root))
    return found


def build(out: Path, root: Path = meta.ROOT, *, only: list[str] | None = None,
          page=None) -> list[Path]:
    """Write the HTML of every handout into ``out`` and print it to PDF; return the PDFs.

    ``only`` prints only those handouts (names without suffix); ``page`` is a browser page
    to print with (by default a headless Chromium is started for the run).
    """
    out = outdir.prepare(out, root, "handouts")
    course, _ = meta.load(root)
    chosen = {name: value for name, value in sheets(root).items() if not only or name in only}
    written, pdfs = [], []
    for name, (_, text) in chosen.items():
        (out / f"{name}.html").write_text(text, encoding="utf-8")
        written.append(out / f"{name}.html")

    def print_all(page) -> None:
        for name, (title, _) in chosen.items():
            footer = FOOTER.format(title=html.escape(f"{course['title']} · {title}"))
            browser.print_pdf(page, out / f"{name}.html", out / f"{name}.pdf", footer)
            pdfs.append(out / f"{name}.pdf")

    try:
        if page is not None:
            print_all(page)
        else:
            with browser.chromium() as chromium:
                print_all(browser.offline_page(chromium))
    finally:
        outdir.finish(out, written + pdfs)
    return pdfs


def main(args: list[str]) -> int:
    return outdir.command(args, meta.ROOT / "handouts", build, lambda pdfs, folder, seconds:
                          f"wrote {len(pdfs)} PDF handouts in {seconds:.0f} s to {folder}",
                          errors=(browser.NoBrowser,))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
