"""Find the course data, load a dataset with the types of the data dictionary, cite its sources.

The data live in ``data/`` at the repository root:

- ``datasets.csv``: one row per dataset (title, description, key columns, whether rows are sourced);
- ``dictionary.csv``: one row per column (type, unit, allowed values, range, meaning);
- ``sources.csv``: one row per source (publisher, title, date, URL, quality, excerpt);
- one CSV file per dataset.

``load("aidp_targets")`` returns a DataFrame whose columns have the dictionary's types. A
malformed file raises ``DataError`` with a message that names the file, line and column.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd

from aicourse.errors import DataError, install_handler

#: How many publishers a chart's source line names before "and N more".
MAX_NAMED = 6
#: Types a column may have in the data dictionary.
TYPES = ("str", "int", "float", "date")

#: How good a copy of a source is (the ``quality`` column of sources.csv), best first.
QUALITY = {
    "primary": "the issuing body's own page (a ministry, a statistics office, the UN, Stanford HAI ...)",
    "reprint": "a reputable news outlet reprinting or reporting an official text or figure "
               "(Xinhua, People's Daily, Reuters, AP ...)",
    "secondary": "a third party's summary or analysis (a think tank, a news analysis, a law firm's "
                 "note, an encyclopedia, a transcription of a report)",
    "weak": "an aggregator, mirror, copy on an unrelated site, content farm or blog of unknown "
            "authorship: kept only where nothing better was found, with the reason in the data notes",
}

#: What kind of figure or record a row holds (the ``figure_kind`` column of every dataset).
FIGURE_KINDS = {
    "official target": "a goal a government set (a plan's target for a future year)",
    "official statistic": "a figure an official statistics body published (NBS, a central bank ...)",
    "official document": "a law, regulation, notice or official announcement, or a fact stated in one",
    "official summary": "an official body's own summary of a document in other words",
    "official statement": "what a government body or an official said in office",
    "news report of an official figure": "a news report of a figure that an official body stated",
    "research institute estimate": "an estimate by a research institute (state-linked such as CAICT, "
                                   "or independent such as Stanford HAI or Epoch AI)",
    "independent estimate": "an estimate by a private firm or analyst (IC Insights, SemiAnalysis ...)",
    "developer's claim": "a figure a firm publishes about its own product (a training cost, a score)",
    "leaderboard standing": "a model's place or score on a public leaderboard on a given date",
    "news report": "a figure a news outlet reports that no official body stated (a share price, "
                   "app downloads)",
    "news conversion": "a news report's conversion of a figure into another currency",
    "translation": "a published English translation or paraphrase of a Chinese text",
    "expert assessment": "a named person's or organisation's judgement, quoted (an opinion, not a figure)",
    "company statement": "what a company said about itself",
    "reference information": "a settled fact of reference (a headquarters city, what a benchmark "
                             "measures, a release date)",
}


def find_data_dir() -> Path:
    """Return the ``data/`` folder, wherever the notebook runs.

    Looks, in order, at ``$AICOURSE_DATA``, at ``data/`` in the working folder and each
    folder above it (notebooks/, exercises/, solutions/, or a copy of the files on a
    JupyterHub), and at ``data/`` beside this package.
    """
    candidates = []
    if os.environ.get("AICOURSE_DATA"):
        candidates.append(Path(os.environ["AICOURSE_DATA"]))
    here = Path.cwd().resolve()
    candidates += [folder / "data" for folder in (here, *here.parents)]
    candidates.append(Path(__file__).resolve().parent.parent / "data")
    for folder in candidates:
        if (folder / "dictionary.csv").is_file():
            return folder
    raise DataError(
        "Could not find the course's data folder (a folder named 'data' holding "
        "dictionary.csv). Open the notebook from inside the course folder, or set the "
        "environment variable AICOURSE_DATA to the data folder."
    )


def _read_raw(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise DataError(f"The data file {path.name} is missing from {path.parent}.")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataError(f"{path.name} could not be read as a UTF-8 CSV file: {exc}") from None


@cache
def _tables(data_dir: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    folder = Path(data_dir)
    return _read_raw(folder / "datasets.csv"), _read_raw(folder / "dictionary.csv")


def datasets() -> pd.DataFrame:
    """The list of datasets: name, title, description, key columns, sourced (yes/no)."""
    return _tables(str(find_data_dir()))[0].copy()


def dictionary(name: str | None = None) -> pd.DataFrame:
    """The data dictionary, for every dataset or for one."""
    table = _tables(str(find_data_dir()))[1]
    if name is not None:
        table = table[table["dataset"] == name]
    return table.reset_index(drop=True).copy()


def _convert(raw: pd.DataFrame, spec: pd.DataFrame, filename: str) -> pd.DataFrame:
    out = {}
    for _, col in spec.iterrows():
        name, kind = col["column"], col["type"]
        required = col["required"] == "yes"
        allowed = [v for v in col["values"].split("|") if v] if col["values"] else []
        if kind == "date":
            low = date.fromisoformat(col["min"]) if col["min"] else date.min
            high = date.fromisoformat(col["max"]) if col["max"] else date.max
        else:
            low = float(col["min"]) if col["min"] else -math.inf
            high = float(col["max"]) if col["max"] else math.inf
        values = []
        for i, text in enumerate(raw[name]):
            where = f"{filename}, line {i + 2}, column '{name}'"
            text = text.strip()
            if text == "":
                if required:
                    raise DataError(f"{where}: a value is required but the cell is empty.")
                values.append(None)
                continue
            if allowed and text not in allowed:
                raise DataError(f"{where}: '{text}' is not one of {', '.join(allowed)}.")
            if kind == "str":
                values.append(text)
                continue
            try:
                if kind == "int":
                    value = int(text)
                elif kind == "float":
                    value = float(text)
                else:  # exactly YYYY-MM-DD: not 2020/01/01, 01/02/2020 or 20200101
                    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                        raise ValueError
                    value = date.fromisoformat(text)
            except ValueError:
                expected = {"int": "a whole number", "float": "a number",
                            "date": "a date written YYYY-MM-DD"}[kind]
                raise DataError(f"{where}: '{text}' is not {expected}.") from None
            if not low <= value <= high:
                raise DataError(f"{where}: {value} is outside the allowed range {low} to {high}.")
            values.append(pd.Timestamp(value) if kind == "date" else value)
        dtype = {"str": "string", "int": "Int64", "float": "float64", "date": "datetime64[ns]"}[kind]
        out[name] = pd.Series(values, dtype=dtype if kind != "float" else None).astype(dtype)
    return pd.DataFrame(out)


@cache
def _load(data_dir: str, name: str) -> pd.DataFrame:
    folder = Path(data_dir)
    listing, _ = _tables(data_dir)
    if name not in set(listing["dataset"]):
        close = difflib.get_close_matches(name, list(listing["dataset"]), n=3)
        shown = name if len(name) <= 40 and name.isprintable() else name[:40].encode(
            "unicode_escape").decode("ascii") + "…"
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise DataError(f"There is no dataset called '{shown}'.{hint} The list of datasets is "
                        "in data/datasets.csv (or run data.datasets()).")
    spec = dictionary(name)
    filename = f"{name}.csv"
    raw = _read_raw(folder / filename)
    declared, found = list(spec["column"]), list(raw.columns)
    if declared != found:
        missing = [c for c in declared if c not in found]
        extra = [c for c in found if c not in declared]
        raise DataError(
            f"{filename}: its columns do not match the data dictionary"
            + (f"; missing: {', '.join(missing)}" if missing else "")
            + (f"; not described: {', '.join(extra)}" if extra else "")
            + ("; same columns in another order" if not missing and not extra else "")
            + "."
        )
    table = _convert(raw, spec, filename)
    key = [k for k in listing.set_index("dataset").loc[name, "key"].split("|") if k]
    if key:
        dup = table.duplicated(subset=key, keep="first")  # the later row of each pair
        if dup.any():
            line = int(dup.to_numpy().nonzero()[0][0]) + 2
            raise DataError(f"{filename}, line {line}: the key ({', '.join(key)}) repeats an earlier row.")
    known = None
    for column in [c for c in table.columns if c.endswith("source_id")]:  # also coord_source_id ...
        known = known or set(sources()["source_id"])
        for i, sid in enumerate(table[column]):
            if not pd.isna(sid) and sid not in known:
                raise DataError(f"{filename}, line {i + 2}, column '{column}': "
                                f"'{sid}' is not in sources.csv.")
    return table


def load(name: str) -> pd.DataFrame:
    """Load one dataset by name (the file name without ``.csv``), typed and validated."""
    if not isinstance(name, str):
        raise DataError("A dataset name is text, such as 'aidp_targets', not a value of type "
                        f"{type(name).__name__}.")
    return _load(str(find_data_dir()), name).copy()


@cache
def _sources(data_dir: str) -> pd.DataFrame:
    return _read_raw(Path(data_dir) / "sources.csv")


def sources() -> pd.DataFrame:
    """The sources table: source_id, publisher, title, date, url, quality, language, excerpt."""
    return _sources(str(find_data_dir())).copy()


def source_line(table: pd.DataFrame | list[str], prefix: str = "Source",
                most: int | None = MAX_NAMED) -> str:
    """A short source line for a chart: publisher and date of each source the rows use, the
    first ``most`` of them named (``most=None`` names every one, for a chart whose points come
    from many sources)."""
    ids = list(dict.fromkeys(table["source_id"] if isinstance(table, pd.DataFrame) else table))
    found = sources().set_index("source_id")
    names: dict[str, list[str]] = {}
    for sid in ids:
        row = found.loc[sid]
        short = re.split(r" \(|, ", row["publisher"])[0]  # "Xinhua (via ...)" -> "Xinhua"
        year = row["date"][:4] if row["date"][:1].isdigit() else "n.d."
        names.setdefault(short, [])
        if year not in names[short]:
            names[short].append(year)
    parts = [f"{name} ({', '.join(sorted(years))})" for name, years in names.items()]
    if most is not None and len(parts) > most:
        parts = parts[:most] + [f"and {len(parts) - most} more"]
    label = prefix + ("s" if prefix == "Source" and len(names) > 1 else "")
    return f"{label}: " + "; ".join(parts) + ". Full references: data/sources.csv."


def _setup_notebook() -> None:
    """In a notebook only (an IPython shell is running): show a ``DataError`` as its message,
    without a traceback, and text columns (claims, titles) in full in tables. A script or a
    test that imports this module gets neither: pandas' options and IPython stay as they were."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with every route
        return
    if get_ipython() is not None:
        install_handler()
        pd.set_option("display.max_colwidth", 200)


_setup_notebook()


class References(pd.DataFrame):
    """A table of references that always displays every row (pandas shortens long tables)."""

    @property
    def _constructor(self):
        return References

    def _repr_html_(self):
        with pd.option_context("display.max_rows", len(self) + 1):
            return super()._repr_html_()

    def __repr__(self):
        with pd.option_context("display.max_rows", len(self) + 1):
            return super().__repr__()


def references(table: pd.DataFrame) -> pd.DataFrame:
    """Full references (publisher, title, date, URL, quality) for the rows of a table."""
    ids = list(dict.fromkeys(table["source_id"]))
    refs = sources().set_index("source_id").loc[ids, ["publisher", "title", "date", "url", "quality"]]
    return References(refs.reset_index())


# --- the data cut-off and readable reference lists ---------------------------------------------

def source_date(text: str) -> pd.Timestamp | None:
    """The date of a source as a Timestamp (a year alone counts as 1 January), or None (n.d.)."""
    text = (text or "").strip()
    if re.fullmatch(r"\d{4}", text):
        return pd.Timestamp(f"{text}-01-01")
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text):
        return pd.Timestamp(text if len(text) == 10 else f"{text}-01")
    return None


def lesson_datasets(lesson: str) -> list[str]:
    """The datasets a lesson uses, as the ``lessons`` column of datasets.csv records them."""
    listing = datasets()
    return [row["dataset"] for _, row in listing.iterrows() if lesson in row["lessons"].split("|")]


def source_ids(names: list[str], lesson: str | None = None) -> list[str]:
    """Every source_id (and second source, such as coord_source_id) of the rows of ``names``;
    of a dataset with a ``lesson`` column (the voices), only that lesson's rows."""
    ids: dict[str, None] = {}
    for name in names:
        table = load(name)
        if lesson and "lesson" in table.columns:
            table = table[table["lesson"] == lesson]
        for column in [c for c in table.columns if c.endswith("source_id")]:
            ids.update(dict.fromkeys(table[column].dropna()))
    return list(ids)


def cutoff(ids: list[str]) -> tuple[pd.Timestamp | None, str]:
    """The newest date among these sources, and that date in words ("July 2026", or "2025"
    when the newest source gives only its year)."""
    found = sources().set_index("source_id").loc[list(ids), "date"]
    dated = [(source_date(d), d) for d in found if source_date(d) is not None]
    if not dated:
        return None, "an unknown date"
    newest, text = max(dated)
    return newest, newest.strftime("%Y") if len(text) == 4 else newest.strftime("%B %Y")


def cutoff_sentence(lesson: str | None = None) -> str:
    """'Figures as published up to <month year>': the newest source of a lesson's datasets, or of
    the whole course when no lesson is given. Generated, never typed, so it moves with the data."""
    names = lesson_datasets(lesson) if lesson else list(datasets()["dataset"])
    _, words = cutoff(source_ids(names, lesson))
    scope = f"lesson {lesson}'s" if lesson else "the course's"
    return (f"Data cut-off: figures as published up to {words} (the newest source in {scope} "
            "data).")


class ReferenceList(str):
    """A numbered list of references that displays as Markdown, with clickable links."""

    def _repr_markdown_(self):
        return str(self)

    def __repr__(self):
        return str(self)


def reference_list(table: pd.DataFrame | list[str], lesson: str | None = None) -> ReferenceList:
    """The sources of a table's rows as a short list a person can read: publisher, title, date,
    quality and link, weak copies marked; ``references`` gives the same sources as a table."""
    ids = list(dict.fromkeys(table["source_id"] if isinstance(table, pd.DataFrame) else table))
    found = sources().set_index("source_id").loc[ids]
    counts = found["quality"].value_counts()
    lines = []
    if lesson:
        lines += [cutoff_sentence(lesson), ""]
    lines += [f"{len(found)} sources: " + ", ".join(f"{counts.get(q, 0)} {q}" for q in QUALITY)
              + ". Quality levels: " + "; ".join(f"*{q}*, {m}" for q, m in QUALITY.items()) + ".", ""]
    for number, (sid, row) in enumerate(found.iterrows(), 1):
        mark = " **(weak copy)**" if row["quality"] == "weak" else ""
        title = row["title"].replace("[", "(").replace("]", ")").replace("*", "")
        lines.append(f"{number}. {row['publisher']}, *{title}* ({row['date']}). "
                     f"Quality: {row['quality']}{mark}. [{sid}]({row['url']})")
    return ReferenceList("\n".join(lines) + "\n")


def voice_list(lesson: str) -> ReferenceList:
    """The named voices of a lesson's discussion, view by view: who said it, in what role, when,
    their words (with an English translation where the original is not English) and the source.
    The course's own words frame each view; the voices are quotations, not the course's view."""
    table = load("voices")
    table = table[table["lesson"] == lesson]
    if table.empty:
        raise DataError(f"The voices table has no rows for lesson {lesson}.")
    found = sources().set_index("source_id")
    lines = []
    for view, rows in table.groupby("view", sort=True):
        lines += [f"**View {view}: who argues it**", ""]
        for _, r in rows.sort_values("date").iterrows():
            quote = f"“{r['quote']}”"
            if not pd.isna(r["quote_en"]) and r["quote_en"]:
                quote += f" (English: “{r['quote_en']}”, translated by {r['quote_en_by']})"
            src = found.loc[r["source_id"]]
            weak = ", weak copy" if src["quality"] == "weak" else ""
            lines.append(f"- **{r['speaker']}** ({r['role']}, {r['date']}): {quote} "
                         f"[{r['source_id']}]({src['url']}){weak}")
        lines.append("")
    return ReferenceList("\n".join(lines))
