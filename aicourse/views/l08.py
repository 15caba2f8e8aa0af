"""Lesson 08, the capstone: browse each claim's evidence, rate the claims, save and compare,
look back at the two claims written down in lesson 00; and the plumbing of the lesson's charts.

The learner's ratings are a table with one row per claim (claim_id, claim, my_verdict,
my_reason). They are saved as a CSV file in ``my-work/`` at the root of the course folder: the
folder is not part of the course's repository (it is in .gitignore), so updating the course
with git or nbgitpuller never overwrites it. Lesson 00 writes the learner's two expected claims
to ``my-work/expectations.csv`` (columns claim_id, claim, why, written_at), if the learner did it.
"""

from __future__ import annotations

import html
import os
from datetime import datetime
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from aicourse import charts, data, lessons
from aicourse.errors import CourseError
from aicourse.views.l00 import claim_options, work_folder  # the same dropdown as lesson 00
from aicourse.widgets import ViewError, ViewResult, choice

VERDICTS = ["supported", "partly supported", "not supported", "outdated", "not checkable"]
NOT_RATED = "not rated yet"
MEANINGS = {
    "supported": "the evidence backs the claim as stated",
    "partly supported": "part of the claim holds, or it holds only with a qualification",
    "not supported": "the evidence contradicts the claim",
    "outdated": "the claim was true once but newer evidence changes it",
    "not checkable": "no data could confirm or refute it (a forecast, or a judgement without a measure)",
}
KINDS = {"fact": "a fact: it can be checked against data",
         "judgement": "a judgement: data can inform it but not settle it",
         "forecast": "a forecast: about the future, so it cannot be checked yet"}
COLUMNS = ["claim_id", "claim", "my_verdict", "my_reason"]
FILE_NAME = "capstone_evaluation.csv"
#: The file in which lesson 00 saves the two claims a learner expects to hold.
FONT = charts.MIN_FONT


class SaveError(CourseError):
    """The evaluation could not be saved or read; the message says why, in plain words."""


def claims() -> pd.DataFrame:
    return data.load("claims")


def claim_ids() -> list[str]:
    return list(claims()["claim_id"])


def _lesson_names() -> dict[str, str]:
    return {l.number: f"{l.number} {l.title}" for l in lessons.load()[1]}


def _pairs(claim_id: str) -> list[tuple[str, str]]:
    """(dataset, source_id) of each row a claim's reference verdict rests on."""
    row = claims().set_index("claim_id").loc[claim_id]
    text = "" if pd.isna(row["evidence"]) else str(row["evidence"])
    return [tuple(p.split(":", 1)) for p in text.split("|") if ":" in p]


def evidence(claim_id: str) -> pd.DataFrame:
    """The sources the course's reference verdict rests on, with what each one says."""
    pairs = _pairs(claim_id)
    if not pairs:
        return pd.DataFrame({"evidence": ["The course's data hold no figure that tests this "
                                          "claim directly."]})
    sources = data.sources().set_index("source_id")
    titles = data.datasets().set_index("dataset")["title"]
    return pd.DataFrame([{
        "dataset": titles.get(dataset, dataset),
        "source": f"{sources.loc[sid, 'publisher']} ({sources.loc[sid, 'date']})",
        "quality": sources.loc[sid, "quality"],
        "what it says": sources.loc[sid, "excerpt"],
    } for dataset, sid in pairs])


def claim_view(claim: str = "C01") -> ViewResult:
    """A card for one claim (without the course's verdict) and the evidence behind it."""
    choice(claim, claim_ids(), "a claim (C01 to C21)")
    row = claims().set_index("claim_id").loc[claim]
    names = _lesson_names()
    tested = ", ".join(names.get(n, n) for n in str(row["lessons"]).split("|"))
    card = (f"{claim}: “{row['claim']}”",
            f"Paragraph {row['paragraph']} of the article; theme: {row['theme']}. This is "
            f"{KINDS[row['claim_type']]}. Tested in lesson(s) {tested}.",
            f"Evidence to look for: {row['evidence_to_look_for']}")
    return ViewResult(table=evidence(claim), notes=card,
                      sources=tuple(dict.fromkeys(sid for _, sid in _pairs(claim))))


def blank_evaluation() -> pd.DataFrame:
    """One row per claim, not rated yet."""
    table = claims()[["claim_id", "claim"]].copy()
    table["my_verdict"] = NOT_RATED
    table["my_reason"] = ""
    return table.reset_index(drop=True)


def _checked(evaluation) -> pd.DataFrame:
    if not isinstance(evaluation, pd.DataFrame) or not set(COLUMNS) <= set(evaluation.columns):
        raise SaveError("the evaluation must be a table with the columns "
                        f"{', '.join(COLUMNS)} (start from views.blank_evaluation()).")
    table = evaluation[COLUMNS].copy()
    table["my_verdict"] = table["my_verdict"].fillna(NOT_RATED).astype(str).str.strip()
    table["my_reason"] = table["my_reason"].fillna("").astype(str)
    bad = sorted(set(table["my_verdict"]) - set(VERDICTS) - {NOT_RATED})
    if bad:
        raise SaveError(f"'{bad[0][:40]}' is not a verdict; use one of: {', '.join(VERDICTS)}.")
    unknown = sorted(set(table["claim_id"].astype(str)) - set(claim_ids()))
    if unknown:
        raise SaveError(f"'{unknown[0][:20]}' is not a claim of the course (C01 to C21).")
    return table


def _readable(target: Path) -> bool:
    try:
        _checked(pd.read_csv(target, dtype=str, keep_default_na=False))
    except (OSError, ValueError, SaveError):
        return False
    return True


def save_evaluation(evaluation, folder: Path | None = None) -> str:
    """Write the evaluation to my-work/capstone_evaluation.csv; return what was done, in words.

    Nothing the learner saved is lost: the file being replaced is kept as
    ``capstone_evaluation.previous.csv``, and a file this course cannot read (edited by hand or
    in a spreadsheet) is kept under a new name with the time in it, never overwritten.
    """
    table = _checked(evaluation)
    folder = Path(folder) if folder else work_folder()
    target = folder / FILE_NAME
    kept = ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".csv.partial")
        table.assign(saved_at=datetime.now().isoformat(timespec="seconds")).to_csv(
            partial, index=False, encoding="utf-8")
        if target.is_file():
            if _readable(target):
                aside = target.with_name(f"{target.stem}.previous.csv")
            else:
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                aside = target.with_name(f"{target.stem}.unreadable-{stamp}.csv")
                kept = f" The file that was there could not be read; it is kept as {aside.name}."
            os.replace(target, aside)
        os.replace(partial, target)  # a half-written file never replaces a good one
    except OSError as exc:
        raise SaveError(f"could not write {target} ({exc.strerror or 'not allowed'}). Copy the "
                        "table with evaluation.to_csv(...) to a folder you can write to.") from None
    rated = int((table["my_verdict"] != NOT_RATED).sum())
    return f"Saved {rated} of {len(table)} ratings to {folder.name}/{FILE_NAME}.{kept}"


def load_evaluation(folder: Path | None = None) -> tuple[pd.DataFrame, str]:
    """The saved evaluation merged onto every claim, and a sentence on what was found.

    A missing or unreadable file gives a blank evaluation (the file is left as it is).
    """
    target = (Path(folder) if folder else work_folder()) / FILE_NAME
    blank = blank_evaluation()
    if not target.is_file():
        return blank, "No saved evaluation yet: every claim starts as 'not rated yet'."
    try:
        saved = _checked(pd.read_csv(target, dtype=str, keep_default_na=False))
    except (OSError, ValueError, SaveError) as exc:
        reason = str(exc) if isinstance(exc, SaveError) else "it is not a readable CSV table"
        return blank, (f"Could not use {target.name} ({reason}); starting afresh. The file is "
                       "left as it is.")
    merged = blank.drop(columns=["my_verdict", "my_reason"]).merge(
        saved[["claim_id", "my_verdict", "my_reason"]].drop_duplicates("claim_id", keep="last"),
        on="claim_id", how="left").fillna({"my_verdict": NOT_RATED, "my_reason": ""})
    rated = int((merged["my_verdict"] != NOT_RATED).sum())
    return merged, f"Loaded your saved evaluation: {rated} of {len(merged)} claims rated."


def compare_table(evaluation) -> pd.DataFrame:
    """Your verdict beside the course's reference verdict and its reason, claim by claim."""
    table = _checked(evaluation)
    reference = claims()[["claim_id", "reference_verdict", "verdict_reason"]]
    out = table.merge(reference, on="claim_id", how="left")
    out["same"] = [("not rated" if mine == NOT_RATED else "yes" if mine == ref else "no")
                   for mine, ref in zip(out["my_verdict"], out["reference_verdict"])]
    return out[["claim_id", "my_verdict", "reference_verdict", "same", "verdict_reason"]]


def rating_form(folder: Path | None = None):
    """A form: choose a claim, read its evidence, give a verdict and a reason, save, compare."""
    import ipywidgets as w
    from IPython.display import display

    from aicourse import widgets

    state, message = load_evaluation(folder)
    state = state.set_index("claim_id")
    choose = w.Dropdown(options=claim_options(), value=claim_ids()[0], description="Claim",
                        layout=w.Layout(width="95%"))
    verdict = w.Dropdown(options=[NOT_RATED, *VERDICTS], description="Your verdict")
    reason = w.Textarea(placeholder="Your reason, in a sentence or two, naming the evidence",
                        description="Your reason", layout=w.Layout(width="95%", height="70px"))
    save = w.Button(description="Save to my-work", icon="save", layout=w.Layout(width="auto"))
    compare = w.Button(description="Compare with the course", layout=w.Layout(width="auto"))
    status = w.HTML()
    card, result = w.Output(), w.Output()
    for control in (choose, verdict, reason):
        control.style.description_width = "initial"
    loading = {"now": False}

    def progress(text: str = "") -> None:
        rated = int((state["my_verdict"] != NOT_RATED).sum())
        status.value = f"<p>{html.escape(text)} Rated so far: {rated} of {len(state)}.</p>"

    def show_claim(_change=None) -> None:
        loading["now"] = True
        verdict.value = state.loc[choose.value, "my_verdict"]
        reason.value = state.loc[choose.value, "my_reason"]
        loading["now"] = False
        with card:
            card.clear_output(wait=True)
            widgets.render(claim_view, {"claim": choose.value})

    def remember(_change=None) -> None:
        if not loading["now"]:
            state.loc[choose.value, ["my_verdict", "my_reason"]] = [verdict.value, reason.value]
            progress()

    def do_save(_button) -> None:
        try:
            progress(save_evaluation(state.reset_index()[COLUMNS], folder))
        except SaveError as exc:
            progress(f"Not saved: {exc}")

    def do_compare(_button) -> None:
        with result:
            result.clear_output(wait=True)
            display(compare_table(state.reset_index()[COLUMNS]))

    choose.observe(show_claim, names="value")
    verdict.observe(remember, names="value")
    reason.observe(remember, names="value")
    save.on_click(do_save)
    compare.on_click(do_compare)
    show_claim()
    progress(message)
    return w.VBox([choose, card, verdict, reason, w.HBox([save, compare]), status, result])


def draw_stacked(ax, counts: pd.DataFrame) -> None:
    """Horizontal bars, one per row of ``counts``, stacked by its columns, first row at the top,
    with a legend (the colours name the parts of each bar)."""
    left = pd.Series(0, index=counts.index)
    for colour, part in zip(charts.PALETTE, counts.columns):
        ax.barh(counts.index, counts[part], left=left, color=colour, label=part)
        left += counts[part]
    ax.invert_yaxis()
    ax.legend(loc="lower right", fontsize=FONT)


def stacked_alt(counts: pd.DataFrame, what: str) -> str:
    """Alt text of stacked bars: each row with the count of each part."""
    return (f"Stacked horizontal bars of {what}: "
            + "; ".join(f"{i}: " + charts.describe(((p, n) for p, n in r.items() if n), sep=", ")
                        for i, r in counts.iterrows()) + ".")


def verdicts_view(by: str = "theme") -> ViewResult:
    """The course's reference verdicts, counted by theme or by kind of claim."""
    if by not in ("theme", "claim_type"):
        raise ViewError("choose 'theme' or 'claim_type'.")
    table = claims()
    counts = pd.crosstab(table[by], table["reference_verdict"]).reindex(
        columns=[v for v in VERDICTS if v in set(table["reference_verdict"])])
    fig, ax = plt.subplots()
    draw_stacked(ax, counts)
    label = {"theme": "Theme of the claim", "claim_type": "Kind of claim"}[by]
    totals = table["reference_verdict"].value_counts()
    charts.finish(
        fig, ax, title=f"Reference verdicts on the {len(table)} claims, by {label.lower()}",
        subtitle=", ".join(f"{totals[v]} {v}" for v in counts.columns),
        xlabel="Number of claims", ylabel=label,
        source="Source: the course's claims table (data/claims.csv), built from lessons 01-07.",
        alt=stacked_alt(counts, f"the course's reference verdicts by {label.lower()}"))
    return ViewResult(figure=fig, table=counts)


def scorecard_alt(scorecard: pd.DataFrame) -> str:
    """Alt text of the bars of the latest reported figures as percentages of their targets."""
    return ("Horizontal bars of the latest reported figure as a percentage of the official target: "
            + "; ".join(f"{r['measure']} {r['percent of target']}% ({charts.num(r['reported'])} "
                        f"for {r['reported for']} against {charts.num(r['target'])} for "
                        f"{r['target for']})" for _, r in scorecard.iterrows())
            + ". The line marks 100 percent.")


def look_back(evaluation: pd.DataFrame | None = None, folder: Path | None = None) -> ViewResult:
    """The two claims written down in lesson 00 beside the course's verdicts and, when an
    evaluation is given, the learner's own; a note saying what was found. A missing or unreadable
    file gives a note and no table (the file is left as it is)."""
    from aicourse.views.l00 import read_expectations  # the reader that goes with lesson 00's writer

    saved, message = read_expectations(folder)
    if saved is None:
        return ViewResult(notes=(message,))
    saved = saved[["claim_id", "why"]].drop_duplicates("claim_id")
    reference = claims()[["claim_id", "claim", "claim_type", "reference_verdict"]]
    table = saved.merge(reference, on="claim_id", how="inner")
    notes = [f"The {len(table)} claims you expected to hold in lesson 00, with the course's "
             "verdict on each."]
    if isinstance(evaluation, pd.DataFrame) and {"claim_id", "my_verdict"} <= set(evaluation.columns):
        mine = evaluation.drop_duplicates("claim_id", keep="last").set_index("claim_id")["my_verdict"]
        table["my_verdict"] = table["claim_id"].map(mine).fillna(NOT_RATED)
        held = int(table["my_verdict"].isin(["supported", "partly supported"]).sum())
        notes.append(f"By your own verdicts, {held} of them hold at least in part.")
    table = table.rename(columns={"why": "why you expected it (lesson 00)", "claim_type": "kind",
                                  "my_verdict": "your verdict", "reference_verdict":
                                  "the course's verdict"})
    sources = tuple(dict.fromkeys(sid for cid in table["claim_id"] for _, sid in _pairs(cid)))
    return ViewResult(table=table, notes=tuple(notes), sources=sources)
