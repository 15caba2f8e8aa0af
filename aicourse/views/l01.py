"""Lesson 01: the growth explorer (a view) and the drawing helpers of the lesson's charts.

Pure functions, testable without a browser. The lesson's chart cells call the helpers below for
what is plumbing (marker offsets, direct labels, alt-text sentences), so that each cell reads
like the analysis it draws.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from aicourse import charts, data
from aicourse.widgets import ViewError, ViewResult

SEGMENTS = ("core AI industry", "AI-related industries")
LAST_YEAR = 2040


def year_reached(start_year: int, start_value: float, rate: float, target: float) -> int | None:
    """First whole year in which ``start_value`` growing by ``rate`` a year reaches ``target``.

    None if it never does (growth of zero or less, below the target), or not by LAST_YEAR.
    """
    if start_value >= target:
        return start_year
    if rate <= 0:
        return None
    years = math.ceil(math.log(target / start_value) / math.log(1 + rate) - 1e-12)
    year = start_year + years
    return year if year <= LAST_YEAR else None


def _number(value, name: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise ViewError(f"{name} must be a number.")
    if not low <= value <= high:
        raise ViewError(f"{name} must be between {low:g} and {high:g}.")
    return float(value)


def growth_table(start_year: int, start_value: float, rate_pct: float,
                 segment: str = "core AI industry") -> pd.DataFrame:
    """For each target of ``segment``: the year the growth path reaches it, and the margin."""
    if segment not in SEGMENTS:
        raise ViewError(f"Choose one of: {', '.join(SEGMENTS)}.")
    start_year = int(_number(start_year, "The start year", 2015, 2030))
    start_value = _number(start_value, "The start value", 0.1, 1e6)
    rate = _number(rate_pct, "The growth rate", -50, 500) / 100
    targets = data.load("aidp_targets")
    targets = targets[targets["segment"] == segment].sort_values("target_year")
    rows = []
    for _, t in targets.iterrows():
        year = year_reached(start_year, start_value, rate, t["value_rmb_bn"])
        rows.append({
            "target year": int(t["target_year"]),
            "target (RMB billion)": t["value_rmb_bn"],
            "year the path reaches it": year if year is not None else f"not by {LAST_YEAR}",
            "on time?": ("yes" if year is not None and year <= t["target_year"] else "no"),
        })
    return pd.DataFrame(rows).set_index("target year")


def _on_time_sentence(table: pd.DataFrame) -> str:
    met = [str(year) for year, row in table.iterrows() if row["on time?"] == "yes"]
    if not met:
        return "The path meets none of the targets on time."
    if len(met) == len(table):
        return "The path meets every target on time."
    return f"The path meets the {' and '.join(met)} target{'s' if len(met) > 1 else ''} on time."


def growth_view(start_year: int, start_value: float, rate_pct: float,
                segment: str = "core AI industry") -> ViewResult:
    """The growth path from a start value at a constant rate, beside the plan's targets."""
    table = growth_table(start_year, start_value, rate_pct, segment)
    rate = rate_pct / 100
    years = list(range(int(start_year), 2031))
    path = [start_value * (1 + rate) ** (y - start_year) for y in years]
    targets = data.load("aidp_targets")
    targets = targets[targets["segment"] == segment]
    fig, ax = plt.subplots()
    ax.plot(years, path, color=charts.PALETTE[0])
    ax.annotate(f"your path: {rate_pct:g}% a year", (years[-1], path[-1]), xytext=(-4, 6),
                textcoords="offset points", ha="right", color=charts.PALETTE[0])
    ax.scatter(targets["target_year"], targets["value_rmb_bn"], color=charts.PALETTE[1],
               marker="D", s=60, zorder=3)
    for year, value in zip(targets["target_year"], targets["value_rmb_bn"]):
        ax.annotate(f"{year} target", (year, value), xytext=(-8, 0), textcoords="offset points",
                    ha="right", va="center", color=charts.PALETTE[1])
    ax.set_xlim(min(years[0], int(targets["target_year"].min())) - 2, 2030.8)  # room for labels
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    met = "; ".join(f"{year} target: {r['year the path reaches it']}"
                    for year, r in table.iterrows())
    verdict = _on_time_sentence(table)
    fig = charts.finish(
        fig, ax,
        title=f"Constant growth against the plan's targets: {segment}",
        subtitle=(f"A path from RMB {charts.num(start_value)} billion in {start_year}, growing "
                  f"{rate_pct:g}% a year. {verdict}"),
        xlabel="Year", ylabel="RMB billion (log scale)",
        source=data.source_line(targets, prefix="Targets")
               + " Path: computed from your settings; a scenario, not a forecast.",
        alt=(f"Line chart on a logarithmic scale of the path, with the plan's {segment} "
             f"targets as diamonds. Year each target is reached: {met}."),
    )
    return ViewResult(figure=fig, table=table, notes=(verdict,),
                      sources=tuple(dict.fromkeys(targets["source_id"])))


# --- helpers for the lesson's chart cells --------------------------------------------------------

def targets_alt(wide: pd.DataFrame) -> str:
    """Alt text of the grouped bar chart of the six targets."""
    return ("Grouped bar chart of the plan's targets in RMB billion. "
            + ". ".join(f"{segment}: " + charts.describe(wide[segment].items(), sep=", ")
                        for segment in wide.columns) + ".")


#: Marker of each event kind on the policy timeline: what happened to the document that day.
EVENT_MARKERS = {"issued": "o", "approved": "o", "announced": "o", "published": "s",
                 "launched": "^", "in force": "D"}
EVENT_LEGEND = {"o": "issued, approved or announced", "s": "published", "^": "launched",
                "D": "in force"}
#: Events drawn as open markers (on top of the filled ones).
HOLLOW = ("published", "in force")
CATEGORIES = ["strategy", "industrial policy", "implementation", "governance", "regulation"]


def draw_timeline(ax, timeline: pd.DataFrame) -> list[str]:
    """One row per document, named beside its events; each event a marker (shape by event,
    colour by kind of document, the kind written on the right). Returns the documents, top to
    bottom."""
    colour = dict(zip(CATEGORIES, charts.PALETTE))
    docs = timeline.groupby("short_title").agg(first=("date", "min"), last=("date", "max"),
                                               category=("category", "first"))
    docs = docs.sort_values("first")
    row = {title: i for i, title in enumerate(docs.index)}
    middle = timeline["date"].min() + (timeline["date"].max() - timeline["date"].min()) / 2
    for title, d in docs.iterrows():
        ax.plot([d["first"], d["last"]], [row[title]] * 2, color="#bbbbbb", zorder=1)
        early = d["last"] < middle  # name early documents after their events, late ones before
        ax.annotate(title, (d["last"] if early else d["first"], row[title]),
                    xytext=(9 if early else -9, 0), textcoords="offset points", va="center",
                    ha="left" if early else "right", color=colour[d["category"]])
    for _, e in timeline.iterrows():  # open markers on top, so that a close earlier event shows
        hollow = e["event"] in HOLLOW
        ax.scatter(e["date"], row[e["short_title"]], marker=EVENT_MARKERS[e["event"]],
                   s=90 if hollow else 45, facecolor="none" if hollow else colour[e["category"]],
                   edgecolor=colour[e["category"]] if hollow else "black",
                   linewidth=1.6 if hollow else 0.4, zorder=4 if hollow else 3)
    ax.set_yticks(range(len(docs)), [""] * len(docs))
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(len(docs) - 0.5, -0.5)
    kinds = ax.twinx()
    kinds.set_ylim(ax.get_ylim())
    kinds.set_yticks(range(len(docs)), docs["category"])
    kinds.grid(False)
    for label, category in zip(kinds.get_yticklabels(), docs["category"]):
        label.set_color(colour[category])
    ax.legend(handles=[Line2D([], [], marker=m, linestyle="", label=text, markersize=8,
                              markerfacecolor="none" if m in ("s", "D") else "#666666",
                              markeredgecolor="#666666")
                       for m, text in EVENT_LEGEND.items()], loc="lower left")
    return list(docs.index)


def timeline_alt(timeline: pd.DataFrame) -> str:
    """Alt text of the policy timeline: the documents in order, with their kind and years."""
    docs = timeline.groupby("short_title").agg(first=("date", "min"), last=("date", "max"),
                                               category=("category", "first"))
    docs = docs.sort_values("first")
    parts = []
    for title, d in docs.iterrows():
        years = (f"{d['first'].year}" if d["first"].year == d["last"].year
                 else f"{d['first'].year}–{d['last'].year}")
        parts.append(f"{title} ({d['category']}, {years})")
    return (f"Timeline of {len(timeline)} events of {len(docs)} national documents, one row per "
            "document, oldest at the top: " + "; ".join(parts) + ".")


#: How the reported sizes are drawn: marker, colour and a sideways shift (in years) per measure,
#: so that one figure reported under two labels shows twice, side by side, not hidden.
MEASURES = {"core AI industry": ("o", charts.PALETTE[0], 0.0),
            "AI industry": ("s", charts.PALETTE[2], 0.25),
            "AI-related industries": ("^", charts.PALETTE[3], -0.25)}


def draw_reported(ax, sizes: pd.DataFrame) -> None:
    """The reported sizes as points, one shape and colour per measure (named in the legend)."""
    for measure, (marker, colour, shift) in MEASURES.items():
        rows = sizes[sizes["measure"] == measure]
        ax.scatter(rows["year"] + shift, rows["value_rmb_bn"], marker=marker, s=60, color=colour,
                   edgecolor="white", linewidth=0.6, zorder=3, label=f"reported: {measure}")


def reported_alt(sizes: pd.DataFrame, first_core: int) -> str:
    """Alt text of the reported sizes against the core targets."""
    core = sizes[sizes["measure"] == "core AI industry"]
    lines = [f"{measure}: " + charts.describe(
                 ((r.year, r.value_rmb_bn) for r in rows.sort_values("year").itertuples()),
                 sep=", ")
             for measure, rows in sizes.groupby("measure")]
    return ("Line of the plan's core-industry targets (RMB 150, 400 and 1,000 billion for 2020, "
            "2025 and 2030) with reported figures as points, shaped by what they measure (year "
            "and RMB billion): " + "; ".join(lines) + f". Reported 'core AI industry' figures rise "
            f"from {charts.num(core['value_rmb_bn'].min())} billion and first reach the 2025 target "
            f"in {first_core}. Forecasts are left out.")
