"""Lesson 05's widgets: the export-control timeline and the import-substitution scenario.

Pure functions. The timeline filters the rows of ``export_controls`` by actor, kind of measure
and years. The scenario starts from the latest sourced value of a share (or of the chip import
bill) and applies a constant yearly change that the learner states: it is a calculation from
stated assumptions, not a forecast, and the chart says so.
"""

from __future__ import annotations

import math
import re
import textwrap
from datetime import date

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from aicourse import charts, data
from aicourse.widgets import ViewError, choice

ALL = "all"
#: The years the timeline covers.
FIRST_YEAR, LAST_YEAR = 2018, 2025
#: Lanes of the timeline, top to bottom.
ACTORS = ["United States", "Netherlands", "Japan", "China", "TechInsights"]
#: Events are numbered on the chart when this many or fewer are shown.
MAX_LABELS = 12
#: How each kind of event is drawn: marker, filled or not, legend label.
EVENT_STYLE = {
    "announced": ("o", False, "announced or issued"),
    "issued": ("o", False, "announced or issued"),
    "in force": ("o", True, "in force"),
    "lifted": ("X", True, "lifted, rescinded or suspended"),
    "rescinded": ("X", True, "lifted, rescinded or suspended"),
    "suspended": ("X", True, "lifted, rescinded or suspended"),
    "found": ("*", True, "technology milestone found"),
}

SHARE_ALL = "share made in China, all firms"
SHARE_HQ = "share made in China, China-headquartered firms"
IMPORTS = "chip import value"
PATHS = [SHARE_ALL, SHARE_HQ, IMPORTS]
_MEASURE = {
    SHARE_ALL: "China-based IC production share of China IC market",
    SHARE_HQ: "China-headquartered firms' IC production share of China IC market",
}
GOAL_MEASURE = "goal: share of chips made in China"
#: Limits of the yearly change: percentage points for a share, percent for the import bill.
MAX_POINTS, MAX_PERCENT = 20, 50
SCENARIO_LAST_YEAR = 2040
NOT_A_FORECAST = "A scenario computed from stated assumptions, not a forecast."


# --- the timeline ---------------------------------------------------------------------------

def actor_options() -> list[str]:
    return [ALL, *ACTORS]


def kind_options() -> list[str]:
    return [ALL, *sorted(data.load("export_controls")["measure_type"].unique())]


def _year(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ViewError(f"{name} must be a whole number (a year).")
    if isinstance(value, float) and (math.isnan(value) or not value.is_integer()):
        raise ViewError(f"{name} must be a whole number (a year).")
    return int(value)


def timeline_table(actor: str = ALL, kind: str = ALL, first_year: int = FIRST_YEAR,
                   last_year: int = LAST_YEAR) -> pd.DataFrame:
    """The events for one actor (or all), one kind of measure (or all), between two years."""
    choice(actor, actor_options(), "an actor", listed=True)
    choice(kind, kind_options(), "a kind of measure")
    first = _year(first_year, "The first year")
    last = _year(last_year, "The last year")
    if not (FIRST_YEAR <= first <= LAST_YEAR and FIRST_YEAR <= last <= LAST_YEAR):
        raise ViewError(f"the years must lie between {FIRST_YEAR} and {LAST_YEAR}, the years "
                        "the data cover.")
    if first > last:
        raise ViewError("the first year comes after the last year; swap them.")
    events = data.load("export_controls")
    year = events["date"].dt.year
    chosen = events[(year >= first) & (year <= last)
                    & ((events["actor"] == actor) if actor != ALL else True)
                    & ((events["measure_type"] == kind) if kind != ALL else True)]
    if chosen.empty:
        raise ViewError(f"no event in the data matches these settings ({actor}, {kind}, "
                        f"{first}–{last}). Choose another actor, kind of measure or period.")
    return chosen.sort_values("date", kind="stable").reset_index(drop=True)


def _when(row) -> str:
    return row["date"].strftime("%Y-%m" if row["date_precision"] == "month" else "%Y-%m-%d")


def timeline_view(actor: str = ALL, kind: str = ALL, first_year: int = FIRST_YEAR,
                  last_year: int = LAST_YEAR):
    """Each event as a point in its actor's lane; the figure, the table of events and a note."""
    events = timeline_table(actor, kind, first_year, last_year)
    first, last = int(first_year), int(last_year)
    numbered = len(events) <= MAX_LABELS
    lane = {a: len(ACTORS) - 1 - i for i, a in enumerate(ACTORS)}
    fig, ax = plt.subplots()
    events["lane"] = events["actor"].map(lane)
    events["style"] = events["event"].map(lambda e: EVENT_STYLE[e][2])
    for (who, style), rows in events.groupby(["actor", "style"], sort=False):
        marker, filled, _ = next(v for v in EVENT_STYLE.values() if v[2] == style)
        colour = charts.PALETTE[ACTORS.index(who)]
        ax.scatter(rows["date"], rows["lane"], s=130 if marker == "*" else 60, marker=marker,
                   facecolors=colour if filled else "white", edgecolors=colour, linewidths=1.5,
                   zorder=3)
    if numbered:
        for i, row in events.iterrows():
            ax.annotate(str(i + 1), (row["date"], row["lane"]), xytext=(0, 8),
                        textcoords="offset points", ha="center", fontsize=8)
    ax.set_yticks(list(lane.values()))
    ax.set_yticklabels(list(lane))
    ax.set_ylim(-0.7, len(ACTORS) - 0.3)
    ax.set_xlim(date(first, 1, 1), date(last, 12, 31))
    styles = dict.fromkeys(v for v in EVENT_STYLE.values() if v[2] in set(events["style"]))
    ax.legend(handles=[Line2D([], [], marker=m, linestyle="", markersize=8 if m != "*" else 11,
                              markerfacecolor="#444444" if filled else "white",
                              markeredgecolor="#444444", label=label)
                       for m, filled, label in styles],
              loc="lower left", fontsize=8, ncol=2)
    who = "all actors" if actor == ALL else actor
    title = f"Export controls and responses, {first}–{last}: {who}"
    listed = "; ".join(f"{_when(r)} {r['actor']} {r['measure_type']} ({r['event']})"
                       for _, r in events.head(MAX_LABELS).iterrows())
    more = f"; and {len(events) - MAX_LABELS} more" if len(events) > MAX_LABELS else ""
    fig = charts.finish(
        fig, ax, title=title,
        xlabel="Date" + ("" if kind == ALL else f" (kind of measure: {kind})"),
        ylabel="Who acted",
        source=data.source_line(events),
        alt=(f"Timeline with one lane per actor, {len(events)} events from {first} to {last}"
             + ("" if kind == ALL else f", kind of measure {kind}") + f": {listed}{more}."))
    table = pd.DataFrame({
        "no.": range(1, len(events) + 1),
        "date": [_when(r) for _, r in events.iterrows()],
        "actor": events["actor"], "kind": events["measure_type"], "event": events["event"],
        "measure": events["measure"], "targets": events["targets"],
    })
    note = (f"{len(events)} events. " + ("The numbers on the chart are the 'no.' column."
                                         if numbered else
                                         f"Narrow the filters to {MAX_LABELS} events or fewer to "
                                         "see them numbered on the chart."))
    return [fig, note, table]


# --- the scenario ---------------------------------------------------------------------------

def latest(path: str) -> dict:
    """The latest sourced value a scenario starts from: year, value, who said it, source id."""
    if path == IMPORTS:
        trade = data.load("trade")
        rows = trade[(trade["product"] == "integrated circuits") & (trade["measure"] == "import value")
                     & (trade["figure_kind"] != "independent estimate") & trade["qualifier"].isna()]
        row = rows.sort_values("year").iloc[-1]
        return {"year": int(row["year"]), "value": float(row["value"]),
                "edition": "customs figure as reported", "source_id": row["source_id"]}
    shares = data.load("ic_self_sufficiency")
    rows = shares[(shares["measure"] == _MEASURE[path]) & (shares["status"] == "reported")]
    row = rows.sort_values("year").iloc[-1]
    return {"year": int(row["year"]), "value": float(row["value_percent"]),
            "edition": row["edition"], "source_id": row["source_id"]}


def goal() -> dict:
    """The 70% goal row: year, value, who states it, source id."""
    shares = data.load("ic_self_sufficiency")
    row = shares[shares["measure"] == GOAL_MEASURE].iloc[0]
    return {"year": int(row["year"]), "value": float(row["value_percent"]),
            "edition": row["edition"], "source_id": row["source_id"]}


def scenario_value(start: float, change: float, years: int, path: str) -> float:
    """The value ``years`` after the start: a constant step in points (a share, kept within
    0–100) or a constant percentage change (the import bill)."""
    if path == IMPORTS:
        return start * (1 + change / 100) ** years
    return min(100.0, max(0.0, start + change * years))


def points_needed(start: float, start_year: int, target: float, target_year: int) -> float:
    """Percentage points a year that take a share from ``start`` to ``target`` by ``target_year``."""
    return (target - start) / (target_year - start_year)


def year_reaching(start: float, start_year: int, change: float, target: float) -> int | None:
    """First whole year in which a share rising by ``change`` points a year reaches ``target``."""
    if start >= target:
        return start_year
    if change <= 0:
        return None
    return start_year + math.ceil((target - start) / change - 1e-9)


def _check_scenario(path, change, target_year) -> tuple[float, int]:
    choice(path, PATHS, "what to project", listed=True)
    if isinstance(change, bool) or not isinstance(change, (int, float)):
        raise ViewError("the change per year must be a number.")
    limit = MAX_PERCENT if path == IMPORTS else MAX_POINTS
    if (isinstance(change, float) and math.isnan(change)) or not -limit <= change <= limit:
        unit = "percent" if path == IMPORTS else "percentage points"
        raise ViewError(f"the change per year must be between -{limit} and {limit} {unit}.")
    year = _year(target_year, "The target year")
    start_year = latest(path)["year"]
    if not start_year < year <= SCENARIO_LAST_YEAR:
        raise ViewError(f"the target year must come after the start year ({start_year}) and be "
                        f"{SCENARIO_LAST_YEAR} or earlier.")
    return float(change), year


def scenario_table(path: str = SHARE_ALL, change: float = 2.0,
                   target_year: int = 2030) -> pd.DataFrame:
    """The scenario year by year, from the latest sourced value to the target year."""
    change, year = _check_scenario(path, change, target_year)
    start = latest(path)
    years = list(range(start["year"], year + 1))
    column = "USD billion" if path == IMPORTS else "percent of China's chip market"
    values = [scenario_value(start["value"], change, y - start["year"], path) for y in years]
    table = pd.DataFrame({"year": years, column: [round(v, 1) for v in values]})
    table["kind"] = ["sourced start value"] + ["scenario"] * (len(years) - 1)
    return table


def _assumptions(path: str, change: float, start: dict) -> str:
    if path == IMPORTS:
        return (f"Assumptions: start USD {start['value']:g} billion in {start['year']} "
                f"(customs figure as reported); {change:+g}% every year, compounded; "
                "nothing else changes.")
    return (f"Assumptions: start {start['value']:g}% in {start['year']} ({start['edition']}); "
            f"{change:+g} percentage points every year, the same each year; "
            "kept between 0 and 100%.")


def scenario_view(path: str = SHARE_ALL, change: float = 2.0, target_year: int = 2030):
    """Sourced history, the scenario from the latest value, and the goal; figure, notes, table."""
    table = scenario_table(path, change, target_year)
    change, year = float(change), int(target_year)
    start = latest(path)
    column = table.columns[1]
    end_value = scenario_value(start["value"], change, year - start["year"], path)
    fig, ax = plt.subplots()
    sources = [start["source_id"]]
    notes = [NOT_A_FORECAST]
    if path == IMPORTS:
        trade = data.load("trade")
        history = trade[(trade["product"] == "integrated circuits")
                        & (trade["measure"] == "import value")]
        crude = trade[(trade["product"] == "crude oil") & (trade["measure"] == "import value")
                      & (trade["year"] == start["year"])]
        ax.scatter(history["year"], history["value"], color="#999999", s=30, zorder=2,
                   label="reported import values (all sources and estimates)")
        if not crude.empty:
            ax.axhline(float(crude["value"].iloc[0]), color=charts.PALETTE[7], linestyle=":",
                       linewidth=1, label=f"crude-oil imports, {start['year']}")
            sources += crude["source_id"].tolist()
        sources += history["source_id"].tolist()
        ax.set_ylim(0, max(history["value"].max(), table[column].max()) * 1.4)
        ylabel = "Chip imports, USD billion"
        what = "chip imports"
        step = f"{change:+g}% a year"
        shown = f"USD {end_value:,.0f} billion"
        notes.append(f"At {step} from USD {start['value']:g} billion in {start['year']}, chip "
                     f"imports in {year} would be USD {end_value:,.0f} billion "
                     f"({100 * end_value / start['value']:.0f}% of the {start['year']} value).")
    else:
        shares = data.load("ic_self_sufficiency")
        history = shares[(shares["measure"] == _MEASURE[path]) & (shares["status"] == "reported")]
        forecast = shares[(shares["measure"] == _MEASURE[path]) & (shares["status"] == "forecast")
                          & (shares["edition"] == start["edition"])]
        aim = goal()
        ax.scatter(history["year"], history["value_percent"], color="#999999", s=30, zorder=2,
                   label="reported estimates (each edition on its own)")
        if not forecast.empty:
            ax.scatter(forecast["year"], forecast["value_percent"], marker="D", s=50, zorder=3,
                       facecolors="white", edgecolors=charts.PALETTE[2],
                       label=f"{start['edition']} forecast")
            sources += forecast["source_id"].tolist()
        ax.scatter([aim["year"]], [aim["value"]], marker="*", s=160, color=charts.PALETTE[5],
                   zorder=3, label=f"{aim['value']:g}% goal for {aim['year']} (as IC Insights states it)")
        ax.axhline(aim["value"], color=charts.PALETTE[5], linestyle=":", linewidth=1)
        sources += history["source_id"].tolist() + [aim["source_id"]]
        ax.set_ylim(0, 105)
        ylabel = "Percent of China's chip market"
        what = "China-HQ firms' share" if path == SHARE_HQ else "share made in China"
        step = f"{change:+g} points a year"
        shown = f"{end_value:.1f}%"
        reached = year_reaching(start["value"], start["year"], change, aim["value"])
        needed = points_needed(start["value"], start["year"], aim["value"], year)
        notes.append(f"At {step} from {start['value']:g}% in {start['year']}, the share in {year} "
                     f"would be {end_value:.1f}%; "
                     + (f"it would reach {aim['value']:g}% in {reached}."
                        if reached and reached <= SCENARIO_LAST_YEAR
                        else f"it would not reach {aim['value']:g}% by {SCENARIO_LAST_YEAR}.")
                     + f" Reaching {aim['value']:g}% by {year} would take "
                     f"{needed:+.1f} points every year.")
    ax.plot(table["year"], table[column], color=charts.PALETTE[1], linestyle="--", linewidth=2,
            label=f"scenario: {step}")
    ax.scatter([start["year"]], [start["value"]], color=charts.PALETTE[0], s=60, zorder=4,
               label=f"start: latest sourced value ({start['year']})")
    ax.annotate(f"{year}: {shown}", (year, end_value), xytext=(-6, -16),
                textcoords="offset points", ha="right", fontsize=9)
    ax.text(0.01, 0.98, textwrap.fill(f"{NOT_A_FORECAST} {_assumptions(path, change, start)}", 105),
            transform=ax.transAxes, va="top", fontsize=8,
            bbox={"facecolor": "white", "edgecolor": "#999999", "alpha": 0.9})
    ax.set_xlim(min(2010 if path != IMPORTS else 2016, start["year"]) - 0.5, year + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    corner = "center left" if path != IMPORTS else "lower right" if change > 0 else "lower left"
    ax.legend(loc=corner, fontsize=8)
    fig = charts.finish(
        fig, ax, title=f"Scenario, not a forecast: {what}, {step}",
        xlabel="Year", ylabel=ylabel, source=data.source_line(sources),
        alt=(f"{NOT_A_FORECAST} Line chart of {what} from the latest sourced value, "
             f"{start['value']:g} in {start['year']}, changing {step} to {year}, where it reaches "
             f"{shown}; grey points show the reported values. {_assumptions(path, change, start)}"))
    return [fig, *notes, table]


def market_sizes() -> pd.DataFrame:
    """China's chip market as each edition states it (from the note column): year, USD billion."""
    shares = data.load("ic_self_sufficiency")
    pattern = re.compile(r"market (?:at )?USD ([\d.]+) billion(?: in (\d{4}))?")
    rows = []
    for year, edition, note, source_id in shares[["year", "edition", "note", "source_id"]].itertuples(
            index=False):
        found = pattern.search(note) if isinstance(note, str) else None
        if found:
            rows.append({"year": int(found[2] or year), "market_usd_bn": float(found[1]),
                         "edition": edition, "source_id": source_id})
    return pd.DataFrame(rows).drop_duplicates(["year", "edition"]).sort_values("year",
                                                                               ignore_index=True)
