"""Lesson 01's widget: the growth explorer. Pure functions, testable without a browser."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

from aicourse import charts, data
from aicourse.widgets import ViewError

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


def growth_view(start_year: int, start_value: float, rate_pct: float,
                segment: str = "core AI industry"):
    """The growth path from a start value at a constant rate, beside the plan's targets."""
    table = growth_table(start_year, start_value, rate_pct, segment)
    rate = rate_pct / 100
    years = list(range(int(start_year), 2031))
    path = [start_value * (1 + rate) ** (y - start_year) for y in years]
    targets = data.load("aidp_targets")
    targets = targets[targets["segment"] == segment]
    fig, ax = plt.subplots()
    ax.plot(years, path, color=charts.PALETTE[0], label=f"path: {rate_pct:g}% a year from "
            f"{start_value:g} in {start_year}")
    ax.scatter(targets["target_year"], targets["value_rmb_bn"], color=charts.PALETTE[1],
               marker="D", s=60, zorder=3, label=f"plan's targets ({segment})")
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.legend(loc="upper left")
    met = "; ".join(f"{year} target: {r['year the path reaches it']}"
                    for year, r in table.iterrows())
    return charts.finish(
        fig, ax,
        title=f"Constant growth against the plan's targets: {segment}",
        xlabel="Year", ylabel="RMB billion (log scale)",
        source=data.source_line(targets, prefix="Targets")
               + " Path: computed from your settings; a scenario, not a forecast.",
        alt=(f"Line chart on a logarithmic scale of a path starting at RMB {start_value:g} billion "
             f"in {start_year} and growing {rate_pct:g}% a year, with the plan's {segment} "
             f"targets as diamonds. Year each target is reached: {met}."),
    ), table
