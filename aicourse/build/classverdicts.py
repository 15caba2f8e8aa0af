"""Class verdicts: a class's capstone files, put together without names.

    python3 tasks.py classverdicts FOLDER [OUT]       (default OUT: class-verdicts/)

A teacher collects the learners' ``my-work/capstone_evaluation.csv`` files (lesson 08) into
FOLDER, under any names and in subfolders if need be. This reads every file, never changes
one, and writes to OUT:

- ``class-verdicts.png``: for each claim, the share of the learners who gave each verdict, with
  the course's reference verdict beside it (house style, text description in the table file);
- ``class-splits.md``: where the class split (no verdict given by more than half of those who
  rated the claim), where it agreed, and how often it agreed with the course;
- ``class-verdicts.csv``: the counts, claim by claim and verdict by verdict;
- ``class-reasons.csv``: every reason given, by claim and verdict, sorted so that it cannot be
  traced to a learner.

No output names a file or a learner. What happened to each file is printed for the teacher:
used, or left out and why (a copy of another file, an earlier save kept by lesson 08, a file
that is empty or not a table), and any row that could not be counted, so nothing is lost
without a word. Files saved by a spreadsheet are read too: a byte-order mark, Windows-1252
text, semicolons between columns, verdicts in capitals or with spaces around them.
"""

from __future__ import annotations

import hashlib
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from aicourse import charts
from aicourse import lessons as meta
from aicourse.build import outdir
from aicourse.views import l08

NOT_RATED = l08.NOT_RATED
#: Names lesson 08 gives the files it keeps aside; they are not a learner's current verdicts.
KEPT_ASIDE = re.compile(r"\.(previous|unreadable-[\d-]+)\.csv$", re.I)
#: A claim is split when its most common verdict has at most this share of the ratings.
SPLIT = 0.5
FILES = ("class-verdicts.png", "class-splits.md", "class-verdicts.csv", "class-reasons.csv")


class Unusable(Exception):
    """A file that cannot be counted; the message says why, for the teacher."""


@dataclass
class Learner:
    name: str  # the file, relative to the folder (printed for the teacher, never written)
    ratings: dict[str, tuple[str, str]]  # claim_id -> (verdict, reason)
    notes: list[str] = field(default_factory=list)
    digest: str = ""


def _text(raw: bytes) -> tuple[str, str]:
    """The file's text and, when it was not UTF-8, a note on how it was read."""
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "read as Windows-1252 text (saved by a spreadsheet)"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "read as Latin-1 text"


def read(path: Path, name: str) -> Learner:
    """One learner's verdicts from a file; raises Unusable with the reason."""
    raw = path.read_bytes()
    if not raw.strip():
        raise Unusable("the file is empty")
    if b"\0" in raw[:4096]:
        raise Unusable("not a CSV text file (it holds binary data; was it saved as .xlsx?)")
    text, note = _text(raw)
    first = text.splitlines()[0] if text.splitlines() else ""
    sep = max((",", ";", "\t"), key=first.count)
    try:
        table = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        raise Unusable(f"not a readable CSV table ({str(exc).splitlines()[0][:80]})") from None
    table.columns = [str(c).strip().lower() for c in table.columns]
    if not {"claim_id", "my_verdict"} <= set(table.columns):
        raise Unusable("it has no claim_id and my_verdict columns (is it the file lesson 08 "
                       f"saves? its columns: {', '.join(list(table.columns)[:5])})")
    known = set(l08.claim_ids())
    learner = Learner(name, {}, [note] if note else [])
    reasons = table["my_reason"] if "my_reason" in table.columns else pd.Series("", table.index)
    for number, (claim, verdict, reason) in enumerate(
            zip(table["claim_id"], table["my_verdict"], reasons), start=2):
        claim = claim.strip().upper()
        verdict = " ".join(verdict.split()).lower()
        if not claim and not verdict:
            continue
        if claim not in known:
            learner.notes.append(f"line {number}: '{claim[:20]}' is not a claim of the course; "
                                 "row not counted")
            continue
        if verdict in ("", NOT_RATED):
            continue
        if verdict not in l08.VERDICTS:
            learner.notes.append(f"line {number} ({claim}): '{verdict[:30]}' is not a verdict; "
                                 "counted as not rated")
            continue
        if claim in learner.ratings:
            learner.notes.append(f"line {number}: {claim} is rated twice; the later row counts "
                                 "(as in lesson 08)")
        learner.ratings[claim] = (verdict, " ".join(str(reason).split()))
    if not learner.ratings:
        raise Unusable("it rates no claim")
    learner.digest = hashlib.sha256(raw).hexdigest()
    return learner


def collect(folder: Path, skip: Path | None = None) -> tuple[list[Learner], list[str]]:
    """Every learner's file in ``folder`` (not under ``skip``), and a report line per file."""
    folder = Path(folder).resolve()
    learners, report, seen = [], [], {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if skip and path.resolve().is_relative_to(skip):
            continue
        name = path.relative_to(folder).as_posix()
        if path.suffix.lower() != ".csv":
            report.append(f"left out  {name}: not a .csv file")
            continue
        if KEPT_ASIDE.search(path.name):
            report.append(f"left out  {name}: an earlier save that lesson 08 kept aside; the "
                          "learner's current file counts")
            continue
        try:
            learner = read(path, name)
        except Unusable as problem:
            report.append(f"left out  {name}: {problem}")
            continue
        except OSError as exc:
            report.append(f"left out  {name}: could not be read ({exc.strerror})")
            continue
        same = seen.get(learner.digest)
        content = tuple(sorted(learner.ratings.items()))
        twin = seen.get(content) if any(r for _, r in learner.ratings.values()) else None
        if same or twin:
            why = "the same file as" if same else "the same verdicts and reasons as"
            report.append(f"left out  {name}: {why} {(same or twin).name} (handed in twice?)")
            continue
        seen[learner.digest] = seen[content] = learner
        learners.append(learner)
        report.append(f"used      {name}: {len(learner.ratings)} claims rated")
        report += [f"          {name}: {note}" for note in learner.notes]
    return learners, report


def tally(learners: list[Learner]) -> pd.DataFrame:
    """Claim by claim: how many learners gave each verdict, and the course's reference."""
    claims = l08.claims().set_index("claim_id")
    counts = pd.DataFrame(0, index=claims.index, columns=l08.VERDICTS)
    for learner in learners:
        for claim, (verdict, _) in learner.ratings.items():
            counts.loc[claim, verdict] += 1
    counts["rated"] = counts[l08.VERDICTS].sum(axis=1)
    counts["reference_verdict"] = claims["reference_verdict"]
    return counts


def splits(counts: pd.DataFrame) -> pd.DataFrame:
    """Where the class split: the most common verdicts, their share, agreement with the course."""
    claims = l08.claims().set_index("claim_id")
    rows = []
    for claim, row in counts.iterrows():
        votes = row[l08.VERDICTS].astype(int)
        rated = int(row["rated"])
        top = votes.max()
        leaders = [v for v in l08.VERDICTS if votes[v] == top and top > 0]
        share = top / rated if rated else float("nan")
        rows.append({
            "claim_id": claim, "claim": claims.loc[claim, "claim"], "rated": rated,
            "most_common": " / ".join(leaders) if leaders else "none",
            "share_most_common": share,
            "verdicts_given": int((votes > 0).sum()),
            "reference_verdict": row["reference_verdict"],
            "agree_with_course": votes.get(row["reference_verdict"], 0) / rated if rated else float("nan"),
            "split": bool(rated and share <= SPLIT),
        })
    table = pd.DataFrame(rows)
    return table.sort_values(["share_most_common", "claim_id"], na_position="last",
                             ignore_index=True)


def chart(counts: pd.DataFrame, learners: int):
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    shares = counts[l08.VERDICTS].div(counts["rated"].where(counts["rated"] > 0), axis=0) * 100
    shares = shares.fillna(0)
    colours = dict(zip(l08.VERDICTS, charts.PALETTE))
    fig, ax = plt.subplots()
    rows = list(range(len(counts)))
    left = pd.Series(0.0, index=counts.index)
    for verdict in l08.VERDICTS:
        edges = ["#000000" if ref == verdict else "none" for ref in counts["reference_verdict"]]
        ax.barh(rows, shares[verdict], left=left, color=colours[verdict], height=0.75,
                edgecolor=edges, linewidth=1.2, label=verdict)
        left += shares[verdict]
    ax.set_yticks(rows, list(counts.index))
    ax.scatter([104] * len(counts), rows,
               c=[colours.get(v, "#999999") for v in counts["reference_verdict"]],
               marker="s", s=30, edgecolors="#000000", linewidths=0.8, zorder=3)
    ax.text(104, -1.1, "course", ha="center", va="bottom", fontsize=7)
    for y, rated in enumerate(counts["rated"]):
        if not rated:
            ax.text(1, y, "not rated by anyone", va="center", fontsize=6.5, color="#444444")
    ax.set_xlim(0, 107)
    ax.set_xticks(range(0, 101, 20))
    ax.set_ylim(len(counts) - 0.5, -1.3)
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(axis="y", visible=False)
    handles = [Patch(color=colours[v], label=v) for v in l08.VERDICTS]
    handles.append(Patch(facecolor="white", edgecolor="#000000", label="the course's verdict"))
    ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=7.5)
    summary = []
    for claim, row in counts.iterrows():
        given = ", ".join(f"{v} {int(row[v])}" for v in l08.VERDICTS if row[v])
        summary.append(f"{claim}: {given or 'not rated'} (course: {row['reference_verdict']})")
    return charts.finish(
        fig, ax, title="The class's verdicts on each claim, beside the course's",
        xlabel="Share of the learners who rated the claim (%)", ylabel="Claim",
        source=(f"Source: {learners} learners' capstone files (lesson 08), names left out; the "
                "course's reference verdicts from data/claims.csv."),
        alt=("Stacked horizontal bars, one per claim, of the share of learners giving each "
             "verdict, with the course's reference verdict outlined and as a square on the "
             "right. Number of learners per verdict: " + "; ".join(summary) + "."))


def _percent(value: float) -> str:
    return "" if pd.isna(value) else f"{value:.0%}"


def split_page(table: pd.DataFrame, learners: int, alt: str) -> str:
    split = table[table["split"]]
    agreed = table[(table["rated"] > 0) & ~table["split"]]
    lines = ["# Where the class split", "",
             f"{learners} learners' files, no names. A claim counts as *split* when no verdict was "
             f"given by more than {SPLIT:.0%} of the learners who rated it; those claims are the "
             "best ones to discuss.", "",
             f"**Split ({len(split)}):** " + (", ".join(split["claim_id"]) or "none") + ". "
             f"**Agreed ({len(agreed)}):** " + (", ".join(agreed["claim_id"]) or "none") + ".", "",
             "| Claim | Rated by | Most common verdict | Its share | Verdicts given | "
             "The course's verdict | Agree with the course | Split |",
             "|---|---|---|---|---|---|---|---|"]
    for row in table.itertuples():
        lines.append(f"| {row.claim_id}: {row.claim} | {row.rated} | {row.most_common} | "
                     f"{_percent(row.share_most_common)} | {row.verdicts_given} | "
                     f"{row.reference_verdict} | {_percent(row.agree_with_course)} | "
                     f"{'yes' if row.split else ''} |")
    lines += ["", f"![{alt}](class-verdicts.png)", "",
              "The course's reference verdict is one reading of the evidence, not the answer: "
              "a class verdict that differs from it, with named evidence, is worth discussing.", ""]
    return "\n".join(lines)


def build(folder: Path, out: Path, root: Path = meta.ROOT) -> tuple[list[Path], list[str], int]:
    """Read the class's files in ``folder``, write the results to ``out``.

    Returns (files written, report lines for the teacher, number of learners counted).
    """
    folder, out = Path(folder).resolve(), Path(out).resolve()
    if not folder.is_dir():
        raise outdir.OutputFolderError(f"{folder} is not a folder: give the folder that holds "
                                       "the learners' capstone_evaluation.csv files.")
    if out == folder or folder.is_relative_to(out):
        raise outdir.OutputFolderError(f"Not writing the class verdicts to {out}: it holds the "
                                       "learners' files. Choose another folder.")
    learners, report = collect(folder, skip=out)
    if not learners:
        return [], report, 0
    out = outdir.prepare(out, root, "class verdicts")
    counts = tally(learners)
    figure = chart(counts, len(learners))
    alt = charts.alt_text(figure)
    figure.savefig(out / FILES[0], dpi=200)
    import matplotlib.pyplot as plt

    plt.close(figure)
    table = splits(counts)
    (out / FILES[1]).write_text(split_page(table, len(learners), alt), encoding="utf-8")
    counts.rename_axis("claim_id").reset_index().to_csv(out / FILES[2], index=False)
    reasons = sorted((claim, verdict, reason) for learner in learners
                     for claim, (verdict, reason) in learner.ratings.items() if reason)
    pd.DataFrame(reasons, columns=["claim_id", "verdict", "reason"]).to_csv(out / FILES[3],
                                                                            index=False)
    written = [out / name for name in FILES]
    outdir.finish(out, written)
    return written, report, len(learners)


def main(args: list[str]) -> int:
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if args else 2
    folder = Path(args[0]).resolve()
    out = Path(args[1]).resolve() if len(args) > 1 else meta.ROOT / "class-verdicts"
    try:
        written, report, learners = build(folder, out)
    except outdir.OutputFolderError as problem:
        print(problem, file=sys.stderr)
        return 2
    print("\n".join(report))
    if not learners:
        print(f"No learner's file in {folder} could be counted (see above); nothing written.")
        return 1
    print(f"\n{learners} learners counted; their files were read, not changed. Written to {out}: "
          + ", ".join(p.name for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
