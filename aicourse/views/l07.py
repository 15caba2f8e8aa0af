"""Lesson 07's widget: a 2030 scenario for China and the United States from stated assumptions.

Pure functions. Every start value is the latest year in which one AI Index edition gives a
value for both China and the United States; values from two editions are never combined. The
scenario grows each start value at a constant rate a year to 2030:

    value_2030 = value_start * (1 + rate / 100) ** (2030 - start_year)

It is a scenario computed from stated assumptions, not a forecast.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd

from aicourse import charts, data
from aicourse.widgets import ViewError, choice

END_YEAR = 2030
#: Editions the scenario can start from. The 2026 edition is left out: its figures come from a
#: transcription that no second source confirms, and its notable-model counts conflict.
EDITIONS = (2024, 2025)
DEFAULT_EDITION = 2025
CHINA, US = "China", "United States"
#: Each indicator: its label and unit. Order = order in the table and the chart.
INDICATORS = {
    "investment": ("private AI investment", "USD billion"),
    "companies": ("newly funded AI companies", "companies"),
    "models": ("notable AI models", "models"),
    "patents": ("share of granted AI patents", "percent of world"),
    "citations": ("share of AI publication citations", "percent of world"),
}
#: Short names for the chart's labels.
SHORT = {"investment": "private investment", "companies": "newly funded firms",
         "models": "notable models", "patents": "granted patents (share)",
         "citations": "citations (share)"}
SHARE_UNIT = "percent of world"
#: Short labels for the initiatives in global_initiatives, for chart axes.
SHORT_NAMES = {
    "Digital Silk Road first proposed": "Digital Silk Road proposed (Brussels)",
    "Xi calls for a 21st-century Digital Silk Road at the first Belt and Road Forum":
        "Xi: a digital silk road (Belt and Road Forum)",
    "China Standards 2035 research project starts": "China Standards 2035 research starts",
    "National Standardization Development Outline": "National Standardization Development Outline",
    "Global AI Governance Initiative": "Global AI Governance Initiative",
    "Bletchley Declaration (AI Safety Summit, UK)": "Bletchley Declaration",
    "UN General Assembly resolution on safe, secure and trustworthy AI (US-led)":
        "UN resolution on trustworthy AI (US-led)",
    "First meeting of the China-US intergovernmental dialogue on AI (Geneva)":
        "China–US dialogue on AI, Geneva",
    "UN General Assembly resolution on international cooperation on AI capacity-building "
    "(China-led)": "UN resolution on AI capacity-building (China-led)",
    "AI Capacity-Building Action Plan for Good and for All": "AI Capacity-Building Action Plan",
    "Biden-Xi statement: human control over the decision to use nuclear weapons":
        "Biden–Xi: humans decide on nuclear weapons",
    "Paris AI Action Summit statement on inclusive and sustainable AI": "Paris AI Action Summit statement",
    "Global AI Governance Action Plan": "Global AI Governance Action Plan",
    "Proposal for a global AI cooperation organisation": "Proposal: global AI cooperation body",
}
#: Limits of a growth rate, percent a year.
LOWEST_RATE, HIGHEST_RATE = -90.0, 200.0


def _rows(key: str, edition: int) -> pd.DataFrame:
    """One indicator's rows for China and the US in one edition: country, year, value, source."""
    if key == "investment":
        t = data.load("private_ai_investment").rename(columns={"value_usd_bn": "value"})
    elif key == "companies":
        t = data.load("newly_funded_ai_companies").rename(columns={"companies": "value"})
    elif key == "models":
        t = data.load("notable_models").rename(columns={"count": "value"})
        t = t[t["start_year"].isna() & (t["measure"] != "foundation models")]
    else:
        t = data.load("ai_publications")
        t = t[t["metric"] == INDICATORS[key][0]]
    t = t[(t["edition"] == edition) & t["country"].isin([CHINA, US])]
    return t[["country", "data_year", "value", "source_id"]]


def start_values(edition: int = DEFAULT_EDITION) -> pd.DataFrame:
    """The latest value of each indicator for China and the US in one edition.

    One row per indicator that the edition gives for both countries in the same year (the
    latest such year). Columns: indicator, unit, year, China, United States, edition; the
    source ids are in ``attrs["sources"]`` and the indicators the edition lacks in
    ``attrs["missing"]``.
    """
    edition = choice(edition, EDITIONS, "an AI Index edition", listed=True)
    rows, sources, missing = [], [], []
    for key, (label, unit) in INDICATORS.items():
        t = _rows(key, edition)
        years = set(t.loc[t["country"] == CHINA, "data_year"]) & set(
            t.loc[t["country"] == US, "data_year"])
        if not years:
            missing.append(label)
            continue
        year = max(years)
        latest = t[t["data_year"] == year].set_index("country")
        rows.append({"key": key, "indicator": label, "unit": unit, "year": int(year),
                     CHINA: float(latest.loc[CHINA, "value"]),
                     US: float(latest.loc[US, "value"]), "edition": edition})
        sources += list(latest["source_id"])
    table = pd.DataFrame(rows)
    table.attrs["sources"] = list(dict.fromkeys(sources))
    table.attrs["missing"] = missing
    return table


def _rate(value, who: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ViewError(f"the growth rate for {who} must be a number (percent a year).")
    if not LOWEST_RATE <= value <= HIGHEST_RATE:
        raise ViewError(f"the growth rate for {who} must be between {LOWEST_RATE:g}% and "
                        f"{HIGHEST_RATE:g}% a year.")
    return float(value)


def grow(value: float, rate_pct: float, years: int) -> float:
    """``value`` after ``years`` years of growth at ``rate_pct`` percent a year."""
    return value * (1 + rate_pct / 100) ** years


def tie_rate(china: float, us: float, us_rate_pct: float, years: int) -> float:
    """China's growth rate (percent a year) that makes it level with the US after ``years``."""
    return 100 * ((1 + us_rate_pct / 100) * (us / china) ** (1 / years) - 1)


def scenario_table(edition: int = DEFAULT_EDITION, rates: dict | None = None) -> pd.DataFrame:
    """The scenario: start values, the assumed rates, the 2030 values and who leads then.

    ``rates`` maps an indicator key (see INDICATORS) to a pair (China's rate, the US rate),
    in percent a year; a missing key means 0 for both.
    """
    start = start_values(edition)
    rates = {} if rates is None else rates
    out = []
    for r in start.to_dict("records"):
        china_rate, us_rate = rates.get(r["key"], (0.0, 0.0))
        china_rate = _rate(china_rate, f"China ({r['indicator']})")
        us_rate = _rate(us_rate, f"the United States ({r['indicator']})")
        years = END_YEAR - r["year"]
        china0, us0 = r[CHINA], r[US]
        china, us = grow(china0, china_rate, years), grow(us0, us_rate, years)
        if r["unit"] == SHARE_UNIT and china + us > 100:
            leader = "impossible: the two shares add up to more than 100%"
        else:
            leader = CHINA if china > us else US if us > china else "level"
        out.append({
            "indicator": r["indicator"], "unit": r["unit"], "start year": r["year"],
            "China, start": china0, "US, start": us0,
            "China, % a year": china_rate, "US, % a year": us_rate,
            "years to 2030": years, "China, 2030": china, "US, 2030": us,
            "China as % of US, start": 100 * china0 / us0,
            "China as % of US, 2030": 100 * china / us,
            "leads in 2030": leader,
            "China's rate for a tie in 2030 (% a year)": tie_rate(china0, us0, us_rate, years),
        })
    table = pd.DataFrame(out)
    table.attrs.update(start.attrs)
    table.attrs["keys"] = list(start["key"]) if len(start) else []
    return table


def scenario_view(edition: int = DEFAULT_EDITION,
                  investment_china: float = 0.0, investment_us: float = 0.0,
                  companies_china: float = 0.0, companies_us: float = 0.0,
                  models_china: float = 0.0, models_us: float = 0.0,
                  patents_china: float = 0.0, patents_us: float = 0.0,
                  citations_china: float = 0.0, citations_us: float = 0.0):
    """China as a percentage of the US on each indicator: latest value and the 2030 scenario.

    Returns the figure, the table (rounded) and a note that states the assumptions.
    """
    edition = choice(edition, EDITIONS, "an AI Index edition", listed=True)
    given = dict(locals())
    rates = {key: (given[f"{key}_china"], given[f"{key}_us"]) for key in INDICATORS}
    table = scenario_table(edition, rates)
    fig, ax = plt.subplots()
    y = list(range(len(table)))[::-1]  # first indicator at the top
    start, end = table["China as % of US, start"], table["China as % of US, 2030"]
    for yi, s, e in zip(y, start, end):
        ax.plot([s, e], [yi, yi], color="#999999", linewidth=1.5, zorder=1)
    ax.scatter(start, y, s=150, facecolors="white", edgecolors=charts.PALETTE[0], linewidths=1.5,
               label="latest value in the edition", zorder=3)
    ax.scatter(end, y, s=45, marker="D", color=charts.PALETTE[5], label="2030 scenario", zorder=4)
    for yi, e, lead in zip(y, end, table["leads in 2030"]):
        flag = " (impossible)" if lead.startswith("impossible") else ""
        ax.annotate(f"{e:,.3g}%{flag}", (e, yi), xytext=(0, 8), textcoords="offset points",
                    ha="center", fontsize=8)
    ax.axvline(100, color=charts.PALETTE[7], linewidth=1, linestyle="--")
    ax.set_xscale("log")
    low, high = min(start.min(), end.min(), 100), max(start.max(), end.max(), 100)
    ax.set_xlim(low / 2.5, high * 2.5)
    ax.set_ylim(-0.7, len(table) - 0.3)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{SHORT[k]}, {r['start year']}→2030\nChina {r['China, % a year']:+g}%, "
                        f"US {r['US, % a year']:+g}% a year"
                        for k, (_, r) in zip(table.attrs["keys"], table.iterrows())], fontsize=8)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.4g}"))
    ax.legend(loc="best", fontsize=8)
    ax.text(100, len(table) - 0.45, " level ", fontsize=8, ha="left", va="center")
    charts.finish(
        fig, ax, title="China as % of the US: now and a 2030 scenario",
        xlabel="China's value as % of the US value, log scale (above 100: China leads)",
        ylabel=f"Measure (AI Index {edition})",
        source=(data.source_line(table.attrs["sources"], prefix="Start values")
                + " 2030: a scenario computed from stated assumptions, not a forecast."),
        alt=("Dot chart, a scenario computed from stated assumptions, not a forecast: China's "
             f"value as a percentage of the US value, AI Index {edition} edition, latest year and "
             "2030. " + "; ".join(
                 f"{r['indicator']}: {r['China as % of US, start']:,.3g}% in {r['start year']}, "
                 f"China {r['China, % a year']:+g}% and US {r['US, % a year']:+g}% a year, "
                 f"{r['China as % of US, 2030']:,.3g}% in 2030 ({r['leads in 2030']} leads)"
                 for _, r in table.iterrows()) + "."),
    )
    shown = table.drop(columns=["China as % of US, start", "China as % of US, 2030"]).copy()
    for column in ["China, start", "US, start", "China, 2030", "US, 2030",
                   "China's rate for a tie in 2030 (% a year)"]:
        shown[column] = shown[column].round(1)
    note = ("A scenario computed from stated assumptions, not a forecast: each value grows at the "
            "rate you set, every year, from its latest year in this edition to 2030.")
    notes = [note]
    impossible = table.loc[table["leads in 2030"].str.startswith("impossible"), "indicator"]
    if len(impossible):
        notes.append("Impossible under these rates: " + ", ".join(impossible) + ". A share of the "
                     "world cannot grow without limit: China's and the US shares together cannot "
                     "pass 100%.")
    if table.attrs["missing"]:
        notes.append(f"Not in the {edition} edition for both countries, so left out: "
                     + ", ".join(table.attrs["missing"]) + ".")
    return [fig, shown, *notes]
