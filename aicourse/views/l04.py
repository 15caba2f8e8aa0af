"""Lesson 04's widget (one infrastructure indicator, on a linear or a log scale, as totals or
per person, with its official target where the data hold one) and the plumbing of the lesson's
charts: direct labels and alt texts. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from aicourse import charts, data
from aicourse.logic.l04 import (  # noqa: F401 (shared with the questions)
    SAME_COUNT,
    base_stations,
    population,
    series_name,
)
from aicourse.widgets import ViewResult, choice

SCALES = ("linear", "log")
PERS = ("totals", "per person")


@dataclass(frozen=True)
class Indicator:
    table: str           # dataset name
    code: str            # value of the indicator column ("" for internet_users)
    unit: str            # axis label for totals
    scale: float         # shown value = value / scale (e.g. stations in millions)
    per_unit: str        # axis label per person
    per_factor: float    # per-person value = value / population_million * per_factor
    flow: bool = False   # a total for a year (payments) rather than a count at a date
    official_per: str = ""   # indicator of the same table with the body's own per-person figure


INDICATORS = {
    "5G base stations": Indicator("five_g", "5g_base_stations", "Stations (million)", 1e6,
                                  "Stations per 10,000 people", 1e4 / 1e6,
                                  official_per="5g_base_stations_per_10k"),
    "5G users": Indicator("five_g", "5g_users", "Million users (see the measure)", 1,
                          "5G users per 100 people", 100),
    "Internet users": Indicator("internet_users", "", "Million people", 1,
                                "Internet users as % of the population", 100,
                                official_per="penetration_pct"),
    "Online payment users": Indicator("payments", "online_payment_users", "Million people", 1,
                                      "Online payment users as % of the population", 100),
    **{f"{who}: {what}": Indicator(
        "payments", f"{code}_{suffix}", f"{unit} in the year", 1, f"{per_unit} in the year", 1e3,
        flow=True)
       for who, code in (("Bank mobile payments", "bank_mobile_payments"),
                         ("Non-bank online payments", "nonbank_online_payments"))
       for what, suffix, unit, per_unit in (
           ("number", "transactions", "Billion transactions", "Transactions per person"),
           ("value", "value", "RMB trillion", "RMB thousand per person"))},
    "Total computing power": Indicator("computing_power", "total_computing_power", "EFLOPS", 1,
                                       "GFLOPS per person", 1e3),
}


def indicator_options() -> list[str]:
    return list(INDICATORS)


def scale_options() -> list[str]:
    return list(SCALES)


def per_options() -> list[str]:
    return list(PERS)


def period_x(period: str) -> float:
    """Where a period goes on a year axis whose ticks are year ends: '2024' (end of 2024) ->
    2024.0, '2025-06' (end of June 2025) -> 2024.5."""
    year = int(period[:4])
    return float(year) if len(period) == 4 else year - 1 + int(period[5:7]) / 12


def log_ticks(ax, values) -> None:
    """A log axis with ticks at 1, 2 and 5 times a power of ten (more for a narrow range),
    written out in full."""
    low, high = min(values), max(values)
    for mantissas in ((1, 2, 5), (1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9)):  # finer for a narrow range
        ticks = [m * 10.0 ** k for k in range(-3, 8) for m in mantissas
                 if low / 1.5 <= m * 10.0 ** k <= high * 1.5]
        if len(ticks) >= 4:
            break
    ax.set_yscale("log")
    ax.minorticks_off()
    ax.set_yticks(ticks, [f"{t:,g}" for t in ticks])


def population_year(period: str) -> int:
    """The year-end population to divide by: the same year for a year or December, else the
    year before (the latest year-end at or before the date)."""
    year = int(period[:4])
    return year if len(period) == 4 or period.endswith("-12") else year - 1


def rows_of(indicator: str) -> pd.DataFrame:
    """The rows of one indicator in one shape: period, date, series, value, status, body,
    qualifier, figure_kind, source_id (values as stored, not scaled)."""
    spec = INDICATORS[indicator]
    if spec.table == "internet_users":
        t = data.load("internet_users")
        rows = pd.DataFrame({
            "period": t["survey_date"], "series": "internet users (CNNIC survey)",
            "value": t["users_million"], "status": "reported", "body": "CNNIC",
            "qualifier": t["users_qualifier"], "figure_kind": t["figure_kind"],
            "source_id": t["source_id"]})
    else:
        t = data.load(spec.table)
        t = t[t["indicator"] == spec.code]
        rows = t.assign(
            series=t["measure"].map(series_name) if "measure" in t else indicator.lower(),
            status=t["status"] if "status" in t else "reported")
    rows = rows.assign(x=rows["period"].map(period_x))
    return rows[["period", "x", "series", "value", "status", "body", "qualifier",
                 "figure_kind", "source_id"]].sort_values("x").reset_index(drop=True)


def official_per_person(indicator: str) -> pd.DataFrame:
    """The body's own per-person figures (MIIT per 10,000 people, CNNIC penetration)."""
    spec = INDICATORS[indicator]
    if spec.official_per == "penetration_pct":
        t = data.load("internet_users").dropna(subset=["penetration_pct"])
        return pd.DataFrame({"period": t["survey_date"], "value": t["penetration_pct"],
                             "status": "reported", "body": "CNNIC", "source_id": t["source_id"]})
    if spec.official_per:
        t = data.load(spec.table)
        return t.loc[t["indicator"] == spec.official_per,
                     ["period", "value", "status", "body", "source_id"]]
    return pd.DataFrame(columns=["period", "value", "status", "body", "source_id"])


# --- the lesson's charts: direct labels and alt texts --------------------------------------------

def label(ax, x, y, text: str, colour: str, where: str = "right") -> None:
    """A direct label: ``text`` beside the point (x, y), in the colour of its line, so that the
    reader need not look from the line to a legend and back. ``where``: right, left, above,
    below, above left, above right or below right of the point."""
    offset, align = {"right": ((7, 0), ("left", "center")), "left": ((-8, 0), ("right", "center")),
                     "above": ((0, 8), ("center", "bottom")), "below": ((0, -9), ("center", "top")),
                     "above left": ((-4, 7), ("right", "bottom")),
                     "above right": ((2, 4), ("left", "bottom")),
                     "below right": ((4, -7), ("left", "top"))}[where]
    note = ax.annotate(text, (x, y), xytext=offset, textcoords="offset points", color=colour,
                       ha=align[0], va=align[1], fontsize=charts.MIN_FONT + 1)
    note.set_in_layout(False)  # a label inside the plot needs no room around it


def draw_stations(ax, stations: pd.Series, sites: pd.DataFrame, target: float,
                  heading: str) -> None:
    """The 5G station counts in millions (MIIT's line), the Global Times count of '5G sites' as
    a point apart, and the target as a dashed line, each labelled where it is drawn."""
    millions = stations / 1e6
    ax.plot(millions.index, millions, marker="o", color=charts.PALETTE[0])
    ax.scatter(sites["period"].astype(int), sites["value"] / 1e6, marker="s",
               color=charts.PALETTE[1], zorder=3)
    ax.axhline(target / 1e6, color=charts.PALETTE[5], linestyle="--", linewidth=1)
    middle = millions.index[len(millions) // 2]
    label(ax, middle, millions[middle], "base stations (MIIT)", charts.PALETTE[0], "left")
    first = sites.iloc[0]
    label(ax, int(first["period"]), first["value"] / 1e6, "'5G sites' (Global Times)",
          charts.PALETTE[1], "below right")
    label(ax, millions.index[0], target / 1e6, f"target for end-2025: {charts.num(target / 1e6)} "
          "million", charts.PALETTE[5], "above right")
    text = ax.text(0.97, 0.05, heading, transform=ax.transAxes, fontweight="bold", ha="right")
    text.set_in_layout(False)
    ax.set_xticks(list(millions.index)[::2])
    ax.set_xlabel("End of year")


def draw_labelled_lines(ax, lines: dict[str, pd.Series]) -> None:
    """One line per series (x in the index), each in its own colour with its name written at
    its last point instead of in a legend; room is made on the right for the names."""
    colours = [charts.PALETTE[7], charts.PALETTE[0], charts.PALETTE[2], charts.PALETTE[5]]
    for (name, line), colour in zip(lines.items(), colours):
        ax.plot(line.index, line, marker="o", color=colour)
        label(ax, line.index[-1], line.iloc[-1], name, colour, "right")
    low = min(line.index.min() for line in lines.values())
    high = max(line.index.max() for line in lines.values())
    ax.set_xlim(low - 0.5, high + 0.45 * (high - low))


def stations_alt(stations: pd.Series, sites: pd.DataFrame, target: float) -> str:
    """Alt text of the linear-and-log chart of 5G base stations."""
    return ("Two line charts of the same counts of 5G base stations, in million: "
            + charts.describe((year, round(value / 1e6, 3)) for year, value in stations.items())
            + ", with the Global Times count for "
            + charts.describe((p, round(v / 1e6, 3)) for p, v in zip(sites["period"], sites["value"]))
            + f" as a separate point and the target of {charts.num(target / 1e6)} million as a "
            "dashed line. On the linear scale the line rises almost straight from 2020 to 2024 and "
            "flattens in 2025; on the log scale it bends downwards all the way, because the growth "
            "rate fell every year.")


def per_10k_alt(computed: pd.Series, official: pd.Series, target: float) -> str:
    """Alt text of the chart of stations per 10,000 people, computed and MIIT's own."""
    passed = computed[computed >= target].index.min()
    return ("Line of 5G base stations per 10,000 people computed from the counts and the "
            "population: " + charts.describe(computed.round(1).items())
            + ". MIIT's own figures as squares: " + charts.describe(official.items())
            + f". The target of {charts.num(target)} for 2025 is a dashed line; the computed line "
            f"first passes it at the end of {passed}.")


def comparison_alt(comparison: pd.Series) -> str:
    """Alt text of the bar chart of 5G base stations per 100,000 people."""
    return ("Horizontal bars of 5G base stations per 100,000 people: "
            + charts.describe(comparison.round(0).items())
            + ". South Korea's figure and the OECD average come from the OECD's Digital Economy "
            "Outlook 2024 as a press report gives them, with no data year; China's are the "
            "course's own, computed from MIIT's counts and NBS's population.")


def online_alt(population: pd.DataFrame, internet: pd.DataFrame, pay_users: pd.DataFrame) -> str:
    """Alt text of the chart of population, internet users and online payment users."""
    pop = population.set_index("year")["population_million"]
    net = internet.set_index("survey_date")["users_million"]
    pay = pay_users.set_index("period")["value"]
    return ("Three lines in million people. Population (NBS, end of year): "
            + charts.describe(pop.round(0).items()) + ". Internet users (CNNIC surveys): "
            + charts.describe(net.round(0).items()) + ". Online payment users (CNNIC): "
            + charts.describe(pay.items()) + ".")


def _short(value: float) -> str:
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def indicator_table(indicator: str, per: str = "totals") -> pd.DataFrame:
    """What the chart shows, as a table: one row per figure, with its source's quality."""
    spec = INDICATORS[choice(indicator, indicator_options(), "an indicator", listed=True)]
    per = choice(per, per_options(), "totals or per person", listed=True)
    rows = rows_of(indicator)
    if per == "totals":
        rows["shown"] = rows["value"] / spec.scale
        label = spec.unit
    else:
        pop = population()
        years = rows["period"].map(population_year)
        rows["population (million)"] = years.map(pop)
        rows["shown"] = rows["value"] / rows["population (million)"] * spec.per_factor
        label = spec.per_unit
        targets = official_per_person(indicator)
        targets = targets.assign(series=f"{targets['body'].iloc[0]}'s own figure"
                                 if len(targets) else "", shown=targets["value"],
                                 x=targets["period"].map(period_x))
        rows = pd.concat([rows[rows["status"] == "reported"], targets], ignore_index=True)
        rows.loc[rows["status"] == "target", "series"] = "target"
    quality = data.sources().set_index("source_id")["quality"]
    rows["source quality"] = rows["source_id"].map(quality)
    table = rows.sort_values(["x", "series"]).rename(columns={"shown": label})
    keep = ["period", "series", "status", label, "qualifier", "body", "source_id",
            "source quality"]
    return table[[c for c in keep if c in table]].reset_index(drop=True)


def indicator_view(indicator: str = "Total computing power", scale: str = "linear",
                   per: str = "totals") -> ViewResult:
    """A chart of one indicator over time, with its target where one exists, and its table."""
    choice(indicator, indicator_options(), "an indicator", listed=True)
    scale = choice(scale, scale_options(), "a scale", listed=True)
    per = choice(per, per_options(), "totals or per person", listed=True)
    spec = INDICATORS[indicator]
    table = indicator_table(indicator, per)
    label_ = spec.unit if per == "totals" else spec.per_unit
    shown = table.dropna(subset=[label_]).assign(x=lambda t: t["period"].map(period_x))
    fig, ax = plt.subplots()
    reported = shown[shown["status"] == "reported"]
    groups = sorted(reported.groupby("series", sort=False), key=lambda g: -len(g[1]))
    for colour, marker, (series, rows) in zip(charts.PALETTE, "osv^<", groups):
        joined = len(rows) > 1 and not series.endswith("own figure")
        ax.plot(rows["x"], rows[label_], marker=marker, color=colour, zorder=3, label=series,
                linestyle="-" if joined else "none")
    for _, t in shown[shown["status"] == "target"].iterrows():
        ax.axhline(t[label_], color=charts.PALETTE[5], linestyle="--", linewidth=1)
        ax.scatter([t["x"]], [t[label_]], marker="D", s=60, color=charts.PALETTE[5], zorder=4,
                   label=f"target for end-{t['period']}: {_short(t[label_])}")
    if scale == "log":
        log_ticks(ax, shown[label_])
    else:
        ax.set_ylim(bottom=0, top=shown[label_].max() * 1.12)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="best", fontsize=charts.MIN_FONT)
    per_words = "per person" if per == "per person" else "totals"
    dropped = int(table[label_].isna().sum())
    values = "; ".join(f"{r.period} {r.series}: {_short(r[label_])}" for _, r in shown.iterrows())
    sources = shown[["source_id"]]
    if per == "per person":
        pop = data.load("population")
        used = set(table["period"].map(population_year))
        sources = pd.concat([sources, pop.loc[pop["year"].isin(used), ["source_id"]]])
    measures = reported["series"].nunique()
    ordered = reported.sort_values("x")["period"]
    first, last = ordered.iloc[0], ordered.iloc[-1]  # earliest and latest date shown
    fig = charts.finish(
        fig, ax, title=f"{indicator} in China, {per_words} ({scale} scale)",
        subtitle=(f"{len(reported)} reported figures from {first} to {last}, "
                  + (f"in {measures} measures, each drawn apart" if measures > 1
                     else "in one measure")
                  + ("; the dashed line is the official target" if (shown["status"] == "target").any()
                     else "")),
        xlabel=("Year (the total for each year, shown at its end)" if spec.flow
                else "End of year (a figure for mid-year sits halfway between)"),
        ylabel=label_ + (" (log scale)" if scale == "log" else ""),
        source=data.source_line(sources),
        alt=(f"Chart of {indicator} in China, {per_words}, on a {scale} scale, in "
             f"{label_}. Points are joined only within one measure. {values}."
             + (f" Left out for want of a population figure for the year: {dropped}."
                if dropped else "")))
    weak = int((table["source quality"] == "weak").sum())
    notes = tuple(n for n in (
        "Points are joined by a line only within one measure; a measure with one figure is a "
        "point on its own." if measures > 1 else "",
        f"Left out for want of a population figure for their year: {dropped}." if dropped else "",
        f"Figures in the table that rest on weak sources (mirror pages or copies), to be read "
        f"as indications: {weak} of {len(table)}." if weak else "",
    ) if n)
    return ViewResult(figure=fig, table=table, notes=notes,
                      sources=tuple(dict.fromkeys(sources["source_id"])))
