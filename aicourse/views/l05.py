"""Lesson 05's widgets and chart helpers: the export-control timeline, the import-substitution
scenario, and the labels and alt texts of the lesson's charts.

Pure functions. The timeline filters the rows of ``export_controls`` by actor, kind of measure
and years. The scenario starts from the latest sourced value of a share (or of the chip import
bill) and applies a constant yearly change that the learner states: it is a calculation from
stated assumptions, not a forecast, and the chart says so. Both views return a
``widgets.ViewResult``. The chart helpers hold the plumbing of the notebook's chart cells
(annotations and alt texts), so that each chart cell reads like the analysis it draws.
"""

from __future__ import annotations

import math
import textwrap
from datetime import date

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from aicourse import charts, data
from aicourse.widgets import ViewError, ViewResult, choice

ALL = "all"
#: The years the timeline covers.
FIRST_YEAR, LAST_YEAR = 2018, 2025
#: Lanes of the timeline, top to bottom.
ACTORS = ["United States", "Netherlands", "Japan", "China", "TechInsights"]
#: How wide a number label is on the timeline, as a share of the axis width per character.
LABEL_WIDTH = 0.013
#: How each kind of event is drawn: marker, filled or not, legend label.
EVENT_STYLE = {
    "announced": ("o", False, "announced or issued"),
    "issued": ("o", False, "announced or issued"),
    "in force": ("o", True, "in force"),
    "lifted": ("X", True, "lifted, rescinded or suspended"),
    "rescinded": ("X", True, "lifted, rescinded or suspended"),
    "suspended": ("X", True, "lifted, rescinded or suspended"),
    "found": ("*", True, "milestone found"),
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


def _labels(events: pd.DataFrame, span_days: int) -> list[tuple[int, int, str, int, int]]:
    """Number labels for the events, in date order: above a point or, where that place is taken,
    below it; an event with no free place joins its lane's last label ("27, 28"), so that no two
    numbers overlap. The space between two lanes is shared: a label below one lane and a label
    above the next do not go at the same date. (first day, lane, text, level, last day) per
    label; level 0 is above the points."""
    per_char = span_days * LABEL_WIDTH
    free: dict[float, float] = {}  # the first free day in the band above or below each lane
    last: dict[int, dict] = {}     # each lane's last label
    labels: list[dict] = []
    for number, row in events.sort_values("date", kind="stable").iterrows():
        day, lane = row["date"].toordinal(), row["lane"]
        bands = (lane + 0.5, lane - 0.5)
        level = next((lv for lv in (0, 1) if day >= free.get(bands[lv], -math.inf)), None)
        if level is None and lane not in last:  # no label of its own lane to join: the freer band
            level = min((0, 1), key=lambda lv: free[bands[lv]])
        if level is None:
            label = last[lane]
            label["numbers"].append(number + 1)
        else:
            label = {"day": day, "lane": lane, "numbers": [number + 1], "level": level,
                     "band": bands[level]}
            labels.append(label)
            last[lane] = label
        label["text"] = ", ".join(map(str, label["numbers"]))
        free[label["band"]] = label["end"] = label["day"] + per_char * (len(label["text"]) + 1)
    return [(lab["day"], lab["lane"], lab["text"], lab["level"], lab["end"]) for lab in labels]


def _timeline_subtitle(events: pd.DataFrame) -> str:
    """How many events, and (when the period spans it) how many of China's date from 2023."""
    china = events[events["actor"] == "China"]
    years = china["date"].dt.year
    spans = len(china) and years.min() < 2023 <= years.max()
    return (f"{len(events)} events, numbered in date order as in the table below the chart"
            + (f"; {(years >= 2023).sum()} of China's {len(china)} measures date from 2023 on"
               if spans else ""))


def timeline_view(actor: str = ALL, kind: str = ALL, first_year: int = FIRST_YEAR,
                  last_year: int = LAST_YEAR) -> ViewResult:
    """Each event as a point in its actor's lane, numbered as in the table below the chart."""
    events = timeline_table(actor, kind, first_year, last_year)
    first, last = int(first_year), int(last_year)
    lane = {a: len(ACTORS) - 1 - i for i, a in enumerate(ACTORS)}
    fig, ax = plt.subplots()
    events["lane"] = events["actor"].map(lane)
    events["style"] = events["event"].map(lambda e: EVENT_STYLE[e][2])
    for (who, style), rows in events.groupby(["actor", "style"], sort=False):
        marker, filled, _ = next(v for v in EVENT_STYLE.values() if v[2] == style)
        colour = charts.PALETTE[ACTORS.index(who)]
        ax.scatter(rows["date"], rows["lane"], s=110 if marker == "*" else 50, marker=marker,
                   facecolors=colour if filled else "white", edgecolors=colour, linewidths=1.5,
                   zorder=3)
    span = (date(last, 12, 31) - date(first, 1, 1)).days
    labels = _labels(events, span)
    for day, row_lane, text, level, _ in labels:
        ax.annotate(text, (date.fromordinal(day), row_lane), xytext=(-3, 7 if level == 0 else -16),
                    textcoords="offset points", ha="left", fontsize=9)
    ax.set_yticks(list(lane.values()))
    ax.set_yticklabels(list(lane))
    ax.set_ylim(-0.7, len(ACTORS) - 0.3)
    right = max(date(last, 12, 31).toordinal(), *(end for *_, end in labels))
    ax.set_xlim(date(first, 1, 1), date.fromordinal(math.ceil(right)))  # room for labels
    ax.set_xticks([date(year, 1, 1) for year in range(first, last + 1)])
    ax.set_xticklabels([str(year) for year in range(first, last + 1)])
    styles = dict.fromkeys(v for v in EVENT_STYLE.values() if v[2] in set(events["style"]))
    ax.legend(handles=[Line2D([], [], marker=m, linestyle="", markersize=8 if m != "*" else 11,
                              markerfacecolor="#444444" if filled else "white",
                              markeredgecolor="#444444", label=label)
                       for m, filled, label in styles],
              loc="upper center", bbox_to_anchor=(0.45, -0.16), fontsize=9, ncol=4,
              columnspacing=1.2, handletextpad=0.3)
    who = "all actors" if actor == ALL else actor
    listed = "; ".join(f"{i + 1} {_when(r)} {r['actor']} {r['measure_type']} ({r['event']})"
                       for i, r in events.iterrows())
    fig = charts.finish(
        fig, ax, title=f"Export controls and responses, {first}–{last}: {who}",
        subtitle=_timeline_subtitle(events),
        xlabel="Date" + ("" if kind == ALL else f" (kind of measure: {kind})"),
        ylabel="Who acted",
        source=data.source_line(events),
        alt=(f"Timeline with one lane per actor, {len(events)} events from {first} to {last}"
             + ("" if kind == ALL else f", kind of measure {kind}") + f": {listed}."))
    table = pd.DataFrame({
        "no.": range(1, len(events) + 1),
        "date": [_when(r) for _, r in events.iterrows()],
        "actor": events["actor"], "kind": events["measure_type"], "event": events["event"],
        "measure": events["measure"], "targets": events["targets"],
    })
    note = (f"{len(events)} events. The numbers on the chart are the 'no.' column; events "
            "close in time share one label.")
    return ViewResult(figure=fig, table=table, notes=(note,),
                      sources=tuple(dict.fromkeys(events["source_id"])))


# --- the scenario ---------------------------------------------------------------------------

def latest(path: str) -> dict:
    """The latest sourced value a scenario starts from: year, value, who said it, source id."""
    if path == IMPORTS:
        trade = data.load("trade")
        rows = trade[(trade["product"] == "integrated circuits") & (trade["measure"] == "import value")
                     & (trade["figure_kind"] != "independent estimate") & trade["qualifier"].isna()]
        row = rows.loc[rows["year"].idxmax()]
        return {"year": int(row["year"]), "value": float(row["value"]),
                "edition": "customs figure as reported", "source_id": row["source_id"]}
    shares = data.load("ic_self_sufficiency")
    rows = shares[(shares["measure"] == _MEASURE[path]) & (shares["status"] == "reported")]
    row = rows.loc[rows["year"].idxmax()]
    return {"year": int(row["year"]), "value": float(row["value_percent"]),
            "edition": row["edition"], "source_id": row["source_id"]}


def goal() -> dict:
    """The 70% goal row: year, value, who states it, source id."""
    shares = data.load("ic_self_sufficiency")
    row = shares[shares["measure"] == GOAL_MEASURE].squeeze()  # the one row of that measure
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


def scenario_view(path: str = SHARE_ALL, change: float = 2.0,
                  target_year: int = 2030) -> ViewResult:
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
        if not crude.empty:  # the crude-oil bill of the start year (the higher of two reports)
            ax.axhline(float(crude["value"].max()), color=charts.PALETTE[7], linestyle=":",
                       linewidth=1, label=f"crude-oil imports, {start['year']}")
            sources += crude["source_id"].tolist()
        sources += history["source_id"].tolist()
        ax.set_ylim(0, max(history["value"].max(), table[column].max()) * 1.4)
        ylabel = "Chip imports, USD billion"
        what = "chip imports"
        step = f"{change:+g}% a year"
        shown = f"USD {end_value:,.0f} billion"
        finding = (f"At {step} from USD {charts.num(start['value'])} billion in {start['year']}, "
                   f"chip imports in {year} would be USD {end_value:,.0f} billion")
        notes.append(f"{finding} ({100 * end_value / start['value']:.0f}% of the "
                     f"{start['year']} value).")
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
        finding = (f"At {step} from {charts.num(start['value'])}% in {start['year']}, the share "
                   f"in {year} would be {end_value:.1f}%")
        notes.append(f"{finding}; "
                     + (f"it would reach {aim['value']:g}% in {reached}."
                        if reached and reached <= SCENARIO_LAST_YEAR
                        else f"it would not reach {aim['value']:g}% by {SCENARIO_LAST_YEAR}.")
                     + f" Reaching {aim['value']:g}% by {year} would take "
                     f"{needed:+.1f} points every year.")
    ax.plot(table["year"], table[column], color=charts.PALETTE[1], linestyle="--", linewidth=2,
            label=f"scenario: {step}")
    ax.scatter([start["year"]], [start["value"]], color=charts.PALETTE[0], s=60, zorder=4,
               label=f"start: latest sourced value ({start['year']})")
    ax.annotate(f"{year}: {shown}", (year, end_value), xytext=(-6, 8 if change >= 0 else -16),
                textcoords="offset points", ha="right", fontsize=9)
    ax.text(0.01, 0.98, textwrap.fill(f"{NOT_A_FORECAST} {_assumptions(path, change, start)}", 95),
            transform=ax.transAxes, va="top", fontsize=9,
            bbox={"facecolor": "white", "edgecolor": "#999999", "alpha": 0.9})
    ax.set_xlim(min(2010 if path != IMPORTS else 2016, start["year"]) - 0.5, year + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    corner = "center left" if path != IMPORTS else "lower right" if change > 0 else "lower left"
    ax.legend(loc=corner, fontsize=9)
    fig = charts.finish(
        fig, ax, title=f"Scenario, not a forecast: {what}, {step}", subtitle=f"{finding}.",
        xlabel="Year", ylabel=ylabel, source=data.source_line(sources),
        alt=(f"{NOT_A_FORECAST} Line chart of {what} from the latest sourced value, "
             f"{start['value']:g} in {start['year']}, changing {step} to {year}, where it reaches "
             f"{shown}; grey points show the reported values. {_assumptions(path, change, start)}"))
    return ViewResult(figure=fig, table=table, notes=tuple(notes),
                      sources=tuple(dict.fromkeys(sources)))


# --- labels and alt texts of the lesson's charts ----------------------------------------------

def _values(pairs) -> str:
    return ", ".join(f"{year} {charts.num(value)}" for year, value in pairs)


def label_imports(ax, per_year: pd.DataFrame, comparable: pd.DataFrame,
                  off_line: pd.DataFrame) -> None:
    """Name the two lines at their right ends, draw the reports kept off the lines as hollow
    points named by their basis, and say where a point is the middle of several reports, a
    floor, or missing."""
    for product, colour in (("integrated circuits", charts.PALETTE[0]),
                            ("crude oil", charts.PALETTE[7])):
        last = per_year[product].dropna()
        ax.annotate(product, (last.index[-1], last.iloc[-1]), xytext=(8, -3),
                    textcoords="offset points", ha="left", fontsize=9.5, color=colour)
    for basis, marker, colour, offset, align in (
            ("wider product group", "o", charts.PALETTE[0], (-8, -3), "right"),
            ("third-party compilation", "s", charts.PALETTE[7], (0, -16), "center")):
        rows = off_line[off_line["basis"] == basis]
        ax.scatter(rows["year"], rows["value"], marker=marker, facecolors="white",
                   edgecolors=colour, s=50, zorder=3)
        for r in rows.itertuples():
            ax.annotate(f"{r.product}, {basis}", (r.year, r.value), xytext=offset,
                        textcoords="offset points", ha=align, fontsize=9, color="#444444")
    chips = comparable[comparable["product"] == "integrated circuits"]
    for year, rows in chips.groupby("year"):
        if len(rows) > 1:  # below, to the right
            text, offset, align = f"middle of {len(rows)} reports", (6, -14), "left"
        elif rows["qualifier"].notna().all():  # above, to the left
            text = f"{rows['qualifier'].item()} {charts.num(rows['value'].item())}"
            offset, align = (-6, 6), "right"
        else:
            continue
        ax.annotate(text, (year, per_year.loc[year, "integrated circuits"]), xytext=offset,
                    textcoords="offset points", ha=align, fontsize=9)
    for year in per_year.index[per_year["integrated circuits"].isna()]:
        ax.annotate(f"no sourced chip\nvalue for {year}", (year, 0.2 * ax.get_ylim()[1]),
                    ha="center", fontsize=9, color="#444444")
    ax.set_xticks(list(per_year.index))
    ax.set_xlim(per_year.index.min() - 0.4, per_year.index.max() + 2)


def imports_alt(per_year: pd.DataFrame, comparable: pd.DataFrame, off_line: pd.DataFrame) -> str:
    """The alt text of the chips-against-crude-oil chart: every value drawn, every gap named."""
    chips = per_year["integrated circuits"]
    reports = comparable[comparable["product"] == "integrated circuits"].groupby("year").size()
    several = "; ".join(f"{y}: middle of {n} reports" for y, n in reports.items() if n > 1)
    return ("Line chart of China's import value in USD billion. Integrated circuits: "
            + _values(chips.dropna().items()) + f" ({several}; missing: "
            + ", ".join(str(y) for y in chips.index[chips.isna()]) + "). Crude oil: "
            + _values(per_year["crude oil"].dropna().items()) + ". Not on the lines: "
            + "; ".join(f"{r.product} {r.year}: {charts.num(r.value)} ({r.basis})"
                        for r in off_line.itertuples()) + ".")


def label_market_bars(ax, compare: pd.DataFrame) -> None:
    """Year and edition under each pair of bars; say where the import value is missing."""
    ax.set_xticks(range(len(compare)))
    ax.set_xticklabels([f"{r.year}\n{r.edition.rsplit(' ', 1)[0]},\n{r.edition.rsplit(' ', 1)[1]} ed."
                        for r in compare.itertuples()], fontsize=9)
    for i, r in enumerate(compare.itertuples()):
        if pd.isna(r.imports_usd_bn):
            ax.annotate("no sourced\nimport value", (i - 0.2, 20), ha="center", fontsize=9)
    ax.legend(loc="upper left", fontsize=9)


def market_alt(compare: pd.DataFrame) -> str:
    """The alt text of the imports-against-market chart."""
    return ("Grouped bars, USD billion, chip imports and China's chip market: " + "; ".join(
        f"{r.year}: imports "
        + ("missing" if pd.isna(r.imports_usd_bn) else charts.num(r.imports_usd_bn))
        + f", market {charts.num(r.market_usd_bn)} ({r.edition})" for r in compare.itertuples())
        + ".")


def _edition_rows() -> dict[str, int]:
    """The y position of each edition's row: the first edition at the top."""
    shares = data.load("ic_self_sufficiency")
    editions = list(dict.fromkeys(shares.loc[shares["measure"] == _MEASURE[SHARE_ALL], "edition"]))
    return {edition: len(editions) - 1 - i for i, edition in enumerate(editions)}


def edition_rows(ax, based: pd.DataFrame, hq: pd.DataFrame) -> None:
    """One row per edition: its estimates (filled) and forecast (hollow) of the share made in
    China by any firm (circles) and by China-headquartered firms (squares), each point labelled
    with its year, alternately above and below so that close points stay readable."""
    rows = _edition_rows()
    styles = ((based, "o", charts.PALETTE[0]), (hq, "s", "#666666"))
    for table, marker, colour in styles:
        for edition, points in table.groupby("edition"):
            points = points.sort_values("year")
            y = [rows[edition]] * len(points)
            ax.plot(points["value_percent"], y, color=colour, linewidth=2, zorder=2)
            done = points["status"] == "reported"
            ax.scatter(points.loc[done, "value_percent"], [rows[edition]] * done.sum(),
                       marker=marker, color=colour, s=45, zorder=3)
            ax.scatter(points.loc[~done, "value_percent"], [rows[edition]] * (~done).sum(),
                       marker=marker, facecolors="white", edgecolors=colour, s=45, zorder=3,
                       linewidths=1.5)
    both = pd.concat([based, hq])
    for edition, points in both.groupby("edition"):
        for i, r in enumerate(points.sort_values("value_percent").itertuples()):
            ax.annotate(str(r.year), (r.value_percent, rows[edition]),
                        xytext=(0, 7 if i % 2 == 0 else -16), textcoords="offset points",
                        ha="center", fontsize=9)
    ax.set_yticks(list(rows.values()))
    ax.set_yticklabels(list(rows))
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.legend(handles=[
        Line2D([], [], marker="o", linestyle="", color=charts.PALETTE[0],
               label="made in China by any firm: estimate"),
        Line2D([], [], marker="o", linestyle="", markerfacecolor="white",
               markeredgecolor=charts.PALETTE[0], label="the same: the edition's forecast"),
        Line2D([], [], marker="s", linestyle="", color="#666666",
               label="made by China-headquartered firms only"),
    ], loc="lower left", bbox_to_anchor=(0.4, 0), fontsize=9, frameon=True, facecolor="white",
        edgecolor="white")


def goal_lines(ax, goals: pd.DataFrame) -> None:
    """A dotted vertical line at each goal, named at the top of the chart."""
    top = len(_edition_rows()) - 1
    for r in goals.itertuples():  # the 70% goal named left of its line, the other one right
        broad = r.measure == GOAL_MEASURE
        who = ("the 'Made in China 2025'\ngoal as IC Insights states it" if broad
               else "smartphone chips only\n(Reuters' summary)")
        ax.axvline(r.value_percent, color=charts.PALETTE[5], linestyle=":", linewidth=1.5)
        ax.annotate(f"{charts.num(r.value_percent)}% for {r.year}: {who}",
                    (r.value_percent, top - 1.2 if broad else top), xytext=(-5 if broad else 5, 0),
                    textcoords="offset points", ha="right" if broad else "left", va="center",
                    fontsize=9, color=charts.PALETTE[5])
    ax.set_xlim(0, goals["value_percent"].max() + 5)


def editions_alt(based: pd.DataFrame, hq: pd.DataFrame, goals: pd.DataFrame) -> str:
    """The alt text of the chart of shares by edition."""
    def listed(table):
        return "; ".join(
            f"{edition}: " + ", ".join(
                f"{r.year} {charts.num(r.value_percent)}" + (" (forecast)" if r.status == "forecast" else "")
                for r in rows.sort_values("year").itertuples())
            for edition, rows in table.groupby("edition", sort=False))
    return ("Dot chart with one row per edition, percent of China's chip market. Made in China by "
            f"any firm: {listed(based)}. Made by China-headquartered firms only: {listed(hq)}. "
            "Goals as dotted lines: " + "; ".join(
                f"{charts.num(r.value_percent)}% for {r.year} ({r.edition})"
                for r in goals.itertuples()) + ".")
