"""Lesson 03's widget: compare countries on one research measure, as totals, shares or per capita.

Pure functions. A *measure* is one figure as one AI Index edition (or one conference count)
prints it for one year; measures from different editions are never mixed in one chart.
"""

from __future__ import annotations

from functools import cache

import matplotlib.pyplot as plt
import pandas as pd

from aicourse import charts, data
from aicourse.widgets import ViewError, choice

TOTALS, SHARES, PER_CAPITA = "totals", "share of the world", "per million people"
NORMALISATIONS = [TOTALS, SHARES, PER_CAPITA]
#: Areas that are sums of members in the population table (the AI Index's "EU and UK").
AREAS = {"EU and UK": ["European Union", "United Kingdom"]}
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


def population(country: str, year: int) -> tuple[float, list[str], int] | None:
    """Population in millions, its source ids and the year used; None if the data have none.

    The year asked for comes first, then the year before, then the year after (a per-capita
    figure changes little in a year; the view says when another year was used). Where the table
    has two figures for a country and year (China: NBS and UN), the national statistics
    office's comes first. An area of AREAS is the sum of its members, all for the same year.
    """
    table = data.load("world_population")
    table = table.assign(estimate=table["figure_kind"].eq("independent estimate"))
    members = AREAS.get(country, [country])
    for used in (year, year - 1, year + 1):
        total, ids = 0.0, []
        for member in members:
            rows = table[(table["country"] == member) & (table["year"] == used)]
            if rows.empty:
                break
            rows = rows.sort_values("estimate")
            total += float(rows["population_thousand"].iloc[0]) / 1000
            ids.append(rows["source_id"].iloc[0])
        else:
            return total, ids, used
    return None


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


def compare_view(measure: str = DEFAULT, normalisation: str = TOTALS):
    """Bars for each country on one measure, China highlighted; the figure, a note, the table."""
    table = compare_table(measure, normalisation)
    unit = table.attrs["unit"]
    values = table[unit]
    fig, ax = plt.subplots()
    colours = [charts.PALETTE[5] if c == "China" else charts.PALETTE[0] for c in table["country"]]
    ax.bar(table["country"], values, color=colours)
    ax.tick_params(axis="x", labelsize=8)
    approx = table["qualifier"].notna().any()
    digits = {TOTALS: 0, SHARES: 1, PER_CAPITA: 2}[normalisation]
    ylabel = {"count": "Count", "per million people": "Count per million people"}.get(
        unit, "Percent of world total")
    name, _, edition = measure.partition(" (")
    title = f"{name[:1].upper()}{name[1:]}: {normalisation}"
    if len(title) > charts.MAX_TITLE:  # the y-axis label names the normalisation too
        title = f"{name[:1].upper()}{name[1:]}"[:charts.MAX_TITLE]
    fig = charts.finish(
        fig, ax, title=title,
        xlabel="Country or area" + (f" ({edition}" if edition else ""), ylabel=ylabel,
        source=data.source_line(table.attrs["sources"]),
        alt=(f"Bar chart of {measure}, {normalisation}"
             + (" (some values approximate)" if approx else "") + ": "
             + ", ".join(f"{c} {v:,.{digits}f}" for c, v in zip(table["country"], values)) + "."))
    shown = table.copy()
    shown[unit] = shown[unit].round(digits)
    notes = []
    if table.attrs["left_out"]:
        notes.append("Left out, because the data hold no population figure for them near that "
                     f"year: {', '.join(table.attrs['left_out'])}.")
    if table.attrs["other_year"]:
        notes.append("Population of a neighbouring year used for: "
                     f"{', '.join(table.attrs['other_year'])}.")
    return [fig, shown.fillna(""), *notes]
