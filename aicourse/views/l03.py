"""Lesson 03: the compare widget, and the plumbing of the lesson's charts.

Pure functions. A *measure* is one figure as one AI Index edition (or one conference count)
prints it for one year; measures from different editions are never mixed in one chart. The
chart helpers draw what a chart cell of the lesson names (bars, points, labels) and assemble
alt texts, so that each chart cell reads like the analysis it draws.
"""

from __future__ import annotations

from functools import cache

import matplotlib.pyplot as plt
import pandas as pd

from aicourse import charts, data
from aicourse.logic.l03 import (  # noqa: F401 (shared with the questions)
    AREAS,
    ARENA,
    BENCHMARKS,
    CHINA,
    EPOCH,
    LEAD_ORDER,
    SECOND_READINGS,
    US,
    lead_measures,
    population,
)
from aicourse.widgets import ViewError, ViewResult, choice

TOTALS, SHARES, PER_CAPITA = "totals", "share of the world", "per million people"
NORMALISATIONS = [TOTALS, SHARES, PER_CAPITA]
#: Rows that are not one country or area.
NOT_A_COUNTRY = {"World", "Rest of world", "All countries", "United States and China"}
#: Areas that contain countries listed beside them; shown only when no member is listed.
EUROPE_AREAS = {"EU and UK", "European Union", "Europe"}
EUROPEAN = {"France", "Germany", "United Kingdom"}
#: The measure the widget shows first.
DEFAULT = "granted AI patents, 2022 (AI Index 2024)"


def _label(name: str, year: int, edition: int | None) -> str:
    return f"{name}, {year} (AI Index {edition})" if edition else f"{name}, {year}"


def _measures() -> dict[str, pd.DataFrame]:
    """Every measure the widget offers, by label: rows of country, value, unit, kind, source_id."""
    return _measures_in(str(data.find_data_dir()))  # a new data folder gets its own measures


@cache
def _measures_in(data_dir: str) -> dict[str, pd.DataFrame]:
    """The measures of the data in ``data_dir`` (cached per folder, so AICOURSE_DATA is read)."""
    found: dict[str, pd.DataFrame] = {}
    pubs = data.load("ai_publications")
    pubs = pubs[pubs["institution"].isna()]
    for (metric, edition, year), rows in pubs.groupby(["metric", "edition", "data_year"]):
        countries = rows[~rows["country"].isin(NOT_A_COUNTRY)]
        if len(countries) < 2:
            continue
        kind = "share" if rows["unit"].iloc[0] == "percent of world" else "count"
        found[_label(metric, year, edition)] = pd.DataFrame({
            "country": rows["country"], "value": rows["value"], "kind": kind,
            "qualifier": rows["qualifier"], "source_id": rows["source_id"]})
    models = data.load("notable_models")
    models = models[models["start_year"].isna() & (models["edition"] <= 2025)]
    for (measure, edition, year), rows in models.groupby(["measure", "edition", "data_year"]):
        if rows["country"].isin(EUROPEAN).any():  # no area beside its own members
            rows = rows[~rows["country"].isin(EUROPE_AREAS)]
        found[_label(measure, year, edition)] = pd.DataFrame({
            "country": rows["country"], "value": rows["count"].astype(float), "kind": "count",
            "qualifier": pd.NA, "source_id": rows["source_id"]})
    papers = data.load("conference_papers")
    papers = papers[papers["measure"] == "accepted papers"]
    for (conference, year), rows in papers.groupby(["conference", "conference_year"]):
        if (~rows["country"].isin(NOT_A_COUNTRY)).sum() >= 2:
            found[_label(f"{conference} accepted papers", year, None)] = pd.DataFrame({
                "country": rows["country"], "value": rows["value"], "kind": "count",
                "qualifier": rows["qualifier"], "source_id": rows["source_id"]})
    return found


def measure_options() -> list[str]:
    """The measures the widget offers, in a stable order."""
    return sorted(_measures())


def _year_of(label: str) -> int:
    return int(label.split(", ")[-1][:4])


def compare_table(measure: str, normalisation: str = TOTALS) -> pd.DataFrame:
    """The countries' values for one measure and normalisation, largest first.

    Raises ViewError, in plain words, when the normalisation cannot be applied to the measure.
    """
    choice(measure, measure_options(), "a measure")
    if not isinstance(normalisation, str) or normalisation not in NORMALISATIONS:
        raise ViewError("choose 'totals', 'share of the world' or 'per million people'.")
    rows = _measures()[measure]
    kind = rows["kind"].iloc[0]
    world = rows[rows["country"] == "World"]
    countries = rows[~rows["country"].isin(NOT_A_COUNTRY)].copy()
    if kind == "share" and normalisation != SHARES:
        raise ViewError("this measure is published only as shares of the world total, so there "
                        "are no totals to show or to divide by population. Choose 'share of the "
                        "world'.")
    extra: list[str] = []
    left_out: list[str] = []
    other_year: list[str] = []
    if normalisation == TOTALS:
        countries["shown"] = countries["value"]
        unit = "count"
    elif normalisation == SHARES and kind == "share":
        countries["shown"] = countries["value"]
        unit = "percent of world"
    elif normalisation == SHARES:
        if world.empty:
            raise ViewError("the data hold no world total for this measure, so no share of the "
                            "world can be computed. Choose 'totals' or another measure.")
        countries["shown"] = 100 * countries["value"] / float(world["value"].iloc[0])
        extra = world["source_id"].tolist()
        unit = "percent of world (computed from counts)"
    else:
        year = _year_of(measure)
        shown = []
        for country, value in zip(countries["country"], countries["value"]):
            found = population(country, year)
            shown.append(value / found[0] if found else float("nan"))
            extra += found[1] if found else []
            if not found:
                left_out.append(country)
            elif found[2] != year:
                other_year.append(f"{country} ({found[2]})")
        countries["shown"] = shown
        countries = countries.dropna(subset=["shown"])
        if countries.empty:
            raise ViewError("the data hold no population figures for these countries in this "
                            "year. Choose another measure.")
        unit = "per million people"
    sources = list(dict.fromkeys(countries["source_id"].tolist() + extra))
    table = countries.sort_values("shown", ascending=False)
    table = table[["country", "shown", "qualifier"]].rename(columns={"shown": unit})
    table.attrs["sources"] = sources
    table.attrs["unit"] = unit
    table.attrs["left_out"] = left_out
    table.attrs["other_year"] = other_year
    return table.reset_index(drop=True)


def compare_view(measure: str = DEFAULT, normalisation: str = TOTALS) -> ViewResult:
    """Bars for each country on one measure, China highlighted; the figure, the table, notes."""
    table = compare_table(measure, normalisation)
    unit = table.attrs["unit"]
    values = table[unit]
    fig, ax = plt.subplots()
    colours = [charts.PALETTE[5] if c == "China" else charts.PALETTE[0] for c in table["country"]]
    ax.bar(table["country"], values, color=colours)
    ax.tick_params(axis="x", labelsize=9)
    approx = table["qualifier"].notna().any()
    digits = {TOTALS: 0, SHARES: 1, PER_CAPITA: 2}[normalisation]
    ylabel = {"count": "Count", "per million people": "Count per million people"}.get(
        unit, "Percent of world total")
    name, _, edition = measure.partition(" (")
    title = f"{name[:1].upper()}{name[1:]}: {normalisation}"
    if len(title) > charts.MAX_TITLE:  # the y-axis label names the normalisation too
        title = f"{name[:1].upper()}{name[1:]}"[:charts.MAX_TITLE]
    rounded = [round(v, digits) for v in values]
    first = table["country"].iloc[0]  # the table is sorted, largest first
    fig = charts.finish(
        fig, ax, title=title,
        subtitle=(f"{first} has the largest value ({charts.num(rounded[0])}) of the "
                  f"{len(table)} countries or areas the source names"),
        xlabel="Country or area" + (f" ({edition}" if edition else ""), ylabel=ylabel,
        source=data.source_line(table.attrs["sources"]),
        alt=(f"Bar chart of {measure}, {normalisation}"
             + (" (some values approximate)" if approx else "") + ": "
             + charts.describe(zip(table["country"], rounded), sep=", ") + "."))
    shown = table.copy()
    shown[unit] = shown[unit].round(digits)
    notes = []
    if table.attrs["left_out"]:
        notes.append("Left out, because the data hold no population figure for them near that "
                     f"year: {', '.join(table.attrs['left_out'])}.")
    if table.attrs["other_year"]:
        notes.append("Population of a neighbouring year used for: "
                     f"{', '.join(table.attrs['other_year'])}.")
    return ViewResult(figure=fig, table=shown.fillna(""), notes=tuple(notes),
                      sources=tuple(table.attrs["sources"]))


# --- the lesson's charts: drawing and alt texts -------------------------------------------------

#: Colours by country in the lesson's charts (Okabe–Ito).
COLOURS = {CHINA: charts.PALETTE[5], US: charts.PALETTE[0], "EU and UK": charts.PALETTE[2]}
#: The AI Index edition read only in a transcription not yet checked against the report: its
#: points are drawn hollow with a dashed edge and labelled "unchecked" (a point that a second
#: source confirms is drawn filled).
UNCHECKED_EDITION = 2026


def table_alt(table: pd.DataFrame, unit: str = "") -> str:
    """'row: column value, column value; row: ...' for every cell of a small table."""
    return "; ".join(f"{row}: " + charts.describe(values.items(), unit, sep=", ")
                     for row, values in table.iterrows())


def grouped_bars(ax, table: pd.DataFrame, labels: list[str] | None = None) -> None:
    """One group of bars per row of ``table``, one bar (and colour) per column, with a legend."""
    width = 0.8 / len(table.columns)
    for i, column in enumerate(table.columns):
        offset = (i - (len(table.columns) - 1) / 2) * width
        ax.bar([x + offset for x in range(len(table))], table[column], width,
               color=COLOURS.get(column, charts.PALETTE[i % len(charts.PALETTE)]), label=column)
    ax.set_xticks(range(len(table)))
    ax.set_xticklabels(labels if labels is not None else [str(r) for r in table.index])
    ax.legend(loc="upper left", ncol=len(table.columns))


def _point_label(edition: int, old_method: int | None) -> str:
    if edition == old_method:
        return f"{edition} ed., old method"
    if edition == UNCHECKED_EDITION:
        return f"{edition} ed., unchecked"
    return f"{edition} ed."


def edition_points(ax, rows: pd.DataFrame, *, old_method: int | None = None) -> None:
    """Points of ``value`` by ``data_year``, one colour and marker per country, never joined.

    Filled: an edition of the current method; hollow: the ``old_method`` edition; hollow with a
    dashed edge: UNCHECKED_EDITION. Each point is labelled with its edition (above the points of
    the first country, below those of the second); a legend says what the styles mean.
    """
    from matplotlib.lines import Line2D

    for marker, shift, (country, group) in zip("os", (9, -17), rows.groupby("country")):
        colour = COLOURS.get(country, charts.PALETTE[0])
        for edition, points in group.groupby("edition"):
            hollow = edition in (old_method, UNCHECKED_EDITION)
            ax.scatter(points["data_year"], points["value"], s=70, marker=marker, zorder=3,
                       facecolors="white" if hollow else colour, edgecolors=colour,
                       linewidths=1.5, linestyles="--" if edition == UNCHECKED_EDITION else "-")
            for year, value in zip(points["data_year"], points["value"]):
                ax.annotate(f"{edition} ed.", (year, value), xytext=(0, shift), ha="center",
                            textcoords="offset points", fontsize=9)
        last = group.sort_values("data_year").tail(1)
        ax.annotate(country, (last["data_year"].item(), last["value"].item()), xytext=(12, -4),
                    textcoords="offset points", fontsize=10, color=colour, fontweight="bold")
    grey = "#555555"
    key = [Line2D([], [], marker="o", linestyle="", color=grey, label="current method"),
           Line2D([], [], marker="o", linestyle="", markerfacecolor="white", color=grey,
                  label=f"{old_method} edition: old method")]
    if (rows["edition"] == UNCHECKED_EDITION).any():
        key.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="white",
                          markeredgecolor=grey, color=grey, markeredgewidth=1.5,
                          label=f"{UNCHECKED_EDITION} edition: unchecked (dashed edge)"))
    ax.legend(handles=key, loc="upper center")


def points_alt(rows: pd.DataFrame, old_method: int | None = None) -> str:
    """'China 2021: 5.9 (2022 ed. (old method)); ...' for the points of ``edition_points``."""
    return "; ".join(f"{r.country} {r.data_year}: {charts.num(r.value)} "
                     f"({_point_label(r.edition, old_method)})"
                     for r in rows.sort_values(["country", "data_year"]).itertuples())


# --- how good are the models? -----------------------------------------------------------------


def _month(as_of: str) -> pd.Timestamp:
    return pd.Timestamp(f"{as_of}-01")


def arena_gaps(gaps: pd.DataFrame) -> pd.DataFrame:
    """The Arena gaps (US lead in percent) by edition and month, one row per figure however
    many sources give it; ``sources`` counts them and ``checked`` says whether the figure is
    the report's own text or, for the unchecked edition, confirmed by a second source."""
    arena = gaps[gaps["benchmark"].isin(ARENA) & (gaps["unit"] == "percent")]
    table = (arena.groupby(["edition", "as_of", "value"])["source_id"].nunique()
             .rename("sources").reset_index())
    table["checked"] = (table["edition"] != UNCHECKED_EDITION) | (table["sources"] > 1)
    return table


def gap_bars(ax, static: pd.DataFrame) -> None:
    """Paired bars of the benchmark gaps at the end of 2023 and of 2024, with their values."""
    for i, (month, colour) in enumerate(zip(["2023-12", "2024-12"], [charts.PALETTE[4], charts.PALETTE[0]])):
        bars = ax.bar([x + (i - 0.5) * 0.4 for x in range(len(static))], static[month], 0.4,
                      color=colour, label=f"end of {month[:4]}")
        ax.bar_label(bars, fmt="%g", fontsize=9)
    ax.set_xticks(range(len(static)))
    ax.set_xticklabels(static.index)
    ax.legend(loc="upper left")


def gap_alt(static: pd.DataFrame) -> str:
    """The figures of the benchmark-gap chart in words."""
    return ("Paired bars of the US lead over the best Chinese model, AI Index 2025, percentage "
            "points: " + "; ".join(f"{b}: {charts.num(r['2023-12'])} at the end of 2023, "
                                   f"{charts.num(r['2024-12'])} at the end of 2024"
                                   for b, r in static.iterrows()) + ".")


def arena_lines(ax, arena: pd.DataFrame) -> None:
    """The Arena gap by month, one line per edition (never joined across editions); a figure
    only the unchecked edition's transcription gives is hollow with a dashed edge."""
    for colour, (edition, rows) in zip([charts.PALETTE[0], charts.PALETTE[1]], arena.groupby("edition")):
        months = [_month(m) for m in rows["as_of"]]
        ax.plot(months, rows["value"], color=colour, linewidth=1.5)
        for month, value, checked in zip(months, rows["value"], rows["checked"]):
            ax.scatter([month], [value], s=70, zorder=3, color=colour,
                       facecolors=colour if checked else "white", linewidths=1.5,
                       linestyles="-" if checked else "--")
            ax.annotate(f"{value:g}%" + ("" if checked else " (unchecked)"), (month, value),
                        xytext=(9, -3), textcoords="offset points", fontsize=9)
        middle = months[0] + (months[-1] - months[0]) / 2
        ax.annotate(f"{edition} edition", (middle, rows["value"].mean()), xytext=(0, 16),
                    textcoords="offset points", fontsize=10, color=colour, fontweight="bold",
                    ha="center")
    ticks = sorted({_month(m) for m in arena["as_of"]})
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{t:%b %Y}" for t in ticks])
    ax.set_ylim(0, max(arena["value"]) * 1.2)


def arena_alt(arena: pd.DataFrame) -> str:
    """The figures of the Arena chart in words."""
    return ("Lines, one per AI Index edition, of the US lead on the Chatbot Arena in percent: "
            + "; ".join(f"{r.edition} edition, {_month(r.as_of):%B %Y}: {charts.num(r.value)}%"
                        + ("" if r.checked else " (unchecked)") for r in arena.itertuples()) + ".")


# --- who leads? -----------------------------------------------------------------------------------

#: Short names of the measures, for the chart's axis.
LEAD_SHORT = {
    "share of AI publications": "AI publications (share)",
    "share of AI publication citations": "AI citations (share)",
    "papers among the 100 most-cited AI publications": "100 most-cited papers",
    "share of granted AI patents": "granted AI patents (share)",
    "notable AI models": "notable AI models",
    "private AI investment (USD billion)": "private AI investment",
    "top Chatbot Arena score": "top Chatbot Arena score",
    "share of AI supercomputer performance": "AI supercomputers (share)",
}


def lead_chart(ax, leads: pd.DataFrame) -> None:
    """China's value as a percentage of the US value, one row per measure, one marker per
    source (the unchecked edition hollow with a dashed edge), and a line at 100 (parity)."""
    leads = leads.dropna(subset=["China as % of US"]).reset_index()
    measures = [m for m in LEAD_ORDER if m in set(leads["measure"])]
    style = {"AI Index 2025": ("o", charts.PALETTE[0], 0.17), "AI Index 2026": ("o", charts.PALETTE[1], -0.17),
             EPOCH: ("D", charts.PALETTE[2], 0.0)}
    for source, rows in leads.groupby("source"):
        marker, colour, shift = style[source]
        unchecked = source == f"AI Index {UNCHECKED_EDITION}"
        y = [len(measures) - 1 - measures.index(m) + shift for m in rows["measure"]]
        ax.scatter(rows["China as % of US"], y, s=60, marker=marker, color=colour, zorder=3,
                   facecolors="white" if unchecked else colour, linewidths=1.5,
                   linestyles="--" if unchecked else "-",
                   label=source + (" (unchecked)" if unchecked else ""))
        for x, yy in zip(rows["China as % of US"], y):
            ax.annotate(f"{x:.0f}%", (x, yy), xytext=(7, -4), textcoords="offset points", fontsize=9)
    ax.axvline(100, color="#555555", linewidth=1, linestyle=":")
    ax.annotate("parity (100%)", (100, len(measures) - 0.5), xytext=(4, 0),
                textcoords="offset points", fontsize=9, color="#555555")
    ax.set_yticks(range(len(measures)))
    ax.set_yticklabels([LEAD_SHORT[m] for m in reversed(measures)])
    ax.set_xlim(0, leads["China as % of US"].max() * 1.15)
    ax.set_ylim(-0.6, len(measures) - 0.2)
    ax.legend(loc="lower right")


def lead_alt(leads: pd.DataFrame) -> str:
    """The figures of the lead chart in words."""
    rows = leads.dropna(subset=["China as % of US"]).reset_index()
    return "; ".join(f"{r['measure']} ({r['source']}, {r['year']}): {r['China as % of US']:.0f}%"
                     for _, r in rows.iterrows())
