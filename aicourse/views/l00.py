"""Lesson 00's views: pick a claim of the article and see which lesson tests it; write down two
claims you expect to hold, which lesson 08 shows again beside your verdicts.

The two claims are saved in ``my-work/expectations.csv`` at the root of the course folder, the
learner's own folder that course updates never overwrite (lesson 08 saves its evaluation there
too). ``read_expectations`` reads them back for lesson 08 (``views.l08.look_back``).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pandas as pd

from aicourse import charts, data, lessons
from aicourse.errors import CourseError
from aicourse.widgets import ViewError, ViewResult

EXPECTATIONS = "expectations.csv"
COLUMNS = ["claim_id", "claim", "why"]
KINDS = ["fact", "judgement", "forecast"]


def claims() -> pd.DataFrame:
    return data.load("claims")


def claim_options() -> list[tuple[str, str]]:
    """(label, claim_id) pairs for a dropdown, in the article's order."""
    return [(f"{r.claim_id}: {r.claim[:70]}{'…' if len(r.claim) > 70 else ''}", r.claim_id)
            for r in claims().itertuples()]


def _evidence_ids(evidence) -> tuple[str, ...]:
    """The source_ids of a claim's evidence column ('dataset:source_id|...')."""
    text = "" if pd.isna(evidence) else str(evidence)
    return tuple(dict.fromkeys(p.split(":", 1)[1] for p in text.split("|") if ":" in p))


def claim_view(claim_id: str = "C03") -> ViewResult:
    """One claim as a card: what it says, its kind, and the lesson(s) that test it."""
    from IPython.display import Markdown

    table = claims().set_index("claim_id")
    if not isinstance(claim_id, str) or claim_id not in table.index:
        raise ViewError("choose one of the claims in the list.")
    row = table.loc[claim_id]
    _, all_lessons = lessons.load()
    titles = {l.number: f"{l.number} {l.title}" + ("" if l.available() else " (in preparation)")
              for l in all_lessons}
    tested = "; ".join(titles[n] for n in row["lessons"].split("|"))
    card = Markdown(
        f"**{claim_id}** (paragraph {row['paragraph']} of the article): {row['claim']}\n\n"
        f"- **Theme:** {row['theme']}\n"
        f"- **Kind of claim:** {row['claim_type']}\n"
        f"- **Tested in lesson:** {tested}\n"
        f"- **Evidence to look for:** {row['evidence_to_look_for']}\n")
    return ViewResult(table=card, sources=_evidence_ids(row["evidence"]))


# --- the alt texts of the lesson's two charts ----------------------------------------------------

def kinds_alt(by_theme: pd.DataFrame) -> str:
    """Alt text of the stacked bars of claims by theme and kind."""
    totals = by_theme.sum(axis=1).sort_values(ascending=False)
    kinds = by_theme.sum()
    split = ", ".join(f"{charts.num(kinds.get(k, 0))} {k}s" for k in KINDS)
    return (f"Horizontal stacked bar chart of the article's {charts.num(totals.sum())} claims by "
            f"theme, split into {split}. Claims per theme: {charts.describe(totals.items())}.")


def per_lesson_alt(per_lesson: pd.Series) -> str:
    """Alt text of the bar chart of claims per lesson."""
    return ("Bar chart of the number of the article's claims each lesson tests: "
            + charts.describe((f"lesson {k}", v) for k, v in per_lesson.items()) + ".")


# --- two claims you expect to hold ---------------------------------------------------------------

def work_folder(root: Path | None = None) -> Path:
    """The learner's own folder, beside the course's folders; course updates leave it alone."""
    return Path(root or lessons.ROOT) / "my-work"


def _problem(claim_ids, why) -> str | None:
    """What is wrong with two claims and a reason, in words; None when they can be saved."""
    if claim_ids is ... and why is ...:
        return ("Not written down yet: replace the first ... with two claim ids from the table, "
                "as a list such as [\"C..\", \"C..\"], and the second with one sentence saying why. "
                "Nothing was saved.")
    if isinstance(claim_ids, str):
        return "give the two claim ids as a list, such as [\"C..\", \"C..\"], not as one text."
    if not isinstance(claim_ids, (list, tuple)) or len(claim_ids) != 2:
        return "give exactly two claim ids, as a list such as [\"C..\", \"C..\"]."
    known = set(claims()["claim_id"])
    for cid in claim_ids:
        if not isinstance(cid, str) or cid.strip().upper() not in known:
            shown = repr(cid)[:20]
            return f"{shown} is not a claim id of the table: use C01 to C{len(known):02d}."
    if claim_ids[0].strip().upper() == claim_ids[1].strip().upper():
        return "give two different claims."
    if not isinstance(why, str) or len(why.split()) < 4:
        return "say in one sentence (four words or more) why you expect them to hold."
    return None


def write_down(claim_ids, why, folder: Path | None = None) -> None:
    """Check two claim ids and a reason, save them in my-work/expectations.csv, say what was done.

    The file being replaced is kept as expectations.previous.csv. Nothing a learner types raises:
    a problem is named in a sentence and nothing is saved.
    """
    problem = _problem(claim_ids, why)
    if problem:
        print(problem if problem.startswith("Not written") else f"Not saved: {problem}")
        return
    ids = [c.strip().upper() for c in claim_ids]
    table = claims().set_index("claim_id").loc[ids, ["claim"]].reset_index()
    table["why"] = why.strip()
    table["written_at"] = datetime.now().isoformat(timespec="seconds")
    folder = Path(folder) if folder else work_folder()
    target = folder / EXPECTATIONS
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if target.is_file():
            os.replace(target, target.with_name("expectations.previous.csv"))
        table.to_csv(target, index=False, encoding="utf-8")
    except OSError as exc:
        print(f"Not saved: could not write {target} ({exc.strerror or 'not allowed'}). "
              f"Write the two ids on paper: {ids[0]} and {ids[1]}.")
        return
    print(f"Written down: you expect {ids[0]} and {ids[1]} to hold. Saved in "
          f"{folder.name}/{EXPECTATIONS}; lesson 08 shows them beside your verdicts. (On Binder "
          "the file is lost when the session ends: note the two ids on paper too.)")


class ReadError(CourseError):
    """The saved expectations could not be read; the message says why."""


def read_expectations(folder: Path | None = None) -> tuple[pd.DataFrame | None, str]:
    """The two claims written down in lesson 00 (claim_id, claim, why), and a sentence on what
    was found; None when there is no readable file (the file is left as it is)."""
    target = (Path(folder) if folder else work_folder()) / EXPECTATIONS
    if not target.is_file():
        return None, (f"No two claims were written down in lesson 00 ({work_folder().name}/"
                      f"{EXPECTATIONS} is missing). Which two would you have picked then?")
    try:
        saved = pd.read_csv(target, dtype=str, keep_default_na=False)
        if not set(COLUMNS) <= set(saved.columns) or _problem(list(saved["claim_id"]),
                                                                saved["why"].iloc[0]):
            raise ReadError("it is not the file lesson 00 writes")
    except (OSError, ValueError, IndexError, ReadError):
        return None, (f"Could not read {target.name} (edited by hand?); it is left as it is. "
                      "Write the two claims down again in lesson 00.")
    return saved[COLUMNS], "Your two claims from lesson 00, as you wrote them down."
