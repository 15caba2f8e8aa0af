"""Lesson 07's widget, a 2030 scenario for China and the United States from stated
assumptions, and the plumbing of the lesson's charts (markers, labels, alt texts).

Pure functions. Every start value is the latest year in which one AI Index edition gives a
value for both China and the United States; values from two editions are never combined. The
scenario grows each start value at a constant rate a year to 2030:

    value_2030 = value_start * (1 + rate / 100) ** (2030 - start_year)

It is a scenario computed from stated assumptions, not a forecast. The Chatbot Arena score is
compared but not grown: it is a rating on which only differences between scores mean something.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd

from aicourse import charts, data
from aicourse.logic.l07 import (  # noqa: F401 (shared with the questions)
    ARENA,
    CHINA,
    DEFAULT_EDITION,
    EDITIONS,
    END_YEAR,
    INDICATORS,
    MEASURES,
    RATINGS,
    US,
    _rows,
    start_values,
)
from aicourse.widgets import ViewError, ViewResult, choice

#: Short names for the chart's labels.
SHORT = {"investment": "private investment", "companies": "newly funded firms",
         "models": "notable models", "patents": "granted patents (share)",
         "publications": "publications (share)", "citations": "citations (share)", "arena": "Chatbot Arena score"}
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
#: Roles in which China itself proposed or issued an initiative.
CHINA_LED = ("proposed", "issued")
FONT = charts.MIN_FONT


def performance_gaps(edition: int = 2025) -> pd.DataFrame:
    """The US lead over the top Chinese model, first and last date an AI Index edition gives,
    on each benchmark and on the Chatbot Arena: benchmark, unit, from, US lead (first), to, US
    lead (last), source_id."""
    t = data.load("model_performance")
    lead = t[(t["measure"] == "US lead over top Chinese model") & (t["edition"] == edition)]
    lead = lead[(lead["topic"] == "benchmark gap") | lead["benchmark"].isin(ARENA)]
    rows = []
    for benchmark, g in lead.groupby("benchmark", sort=False):
        first = g[g["as_of"] == g["as_of"].min()].squeeze()  # as_of is YYYY-MM text: sorts as dates
        last = g[g["as_of"] == g["as_of"].max()].squeeze()
        rows.append({"benchmark": benchmark, "unit": first["unit"], "from": first["as_of"],
                     "US lead, first": first["value"], "to": last["as_of"],
                     "US lead, last": last["value"], "source_id": first["source_id"]})
    return pd.DataFrame(rows)


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
    """China's growth rate (percent a year) that makes it level with the US after ``years``:
    china * (1 + tie) ** years = us * (1 + r_us) ** years, so
    tie = (1 + r_us) * (us / china) ** (1 / years) - 1."""
    return 100 * ((1 + us_rate_pct / 100) * (us / china) ** (1 / years) - 1)


def relative(percent: float) -> str:
    """China's value beside the US value in words a reader takes in at once, to 2 significant
    figures: '8.5%' of the US value below level, '4.9×' the US value above it."""
    if percent < 0.01:
        return "<0.01%"
    if percent < 99.5:
        return f"{percent:.2g}%"
    times = percent / 100
    return f"{times:.2g}×" if times < 99.5 else f"{times:,.0f}×"


def relative_words(percent: float) -> str:
    """'8.5% of the US value' or '4.9 times the US value', for alt texts and notes."""
    shown = relative(percent)
    return (f"{shown} of the US value" if shown.endswith("%")
            else f"{shown.rstrip('×')} times the US value")


def scenario_table(edition: int = DEFAULT_EDITION, rates: dict | None = None) -> pd.DataFrame:
    """The scenario: start values, the assumed rates, the 2030 values and who leads then.

    ``rates`` maps a measure's key (see INDICATORS) to a pair (China's rate, the US rate), in
    percent a year; a missing key means 0 for both. Ratings (RATINGS) are not grown: they are
    listed in ``attrs["not grown"]``.
    """
    start = start_values(edition)
    rates = {} if rates is None else rates
    out = []
    for r in start[start["in scenario"]].to_dict("records"):
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
    grown = start[start["in scenario"]] if len(start) else start
    table.attrs["keys"] = list(grown["key"]) if len(start) else []
    table.attrs["not grown"] = list(start.loc[~start["in scenario"], "indicator"]) if len(start) else []
    return table


def _relative_axis(ax, values) -> None:
    """A log x-axis of China's value relative to the US value: 10%, 50%, level, 2×, 5× ..."""
    low, high = min(min(values), 100), max(max(values), 100)
    ax.set_xscale("log")
    ax.set_xlim(low / 2.5, high * 2.5)
    ticks = [t * 10 ** e for e in range(-3, 6) for t in (1, 2, 5)]
    ticks = [t for t in ticks if low / 2.5 <= t <= high * 2.5]
    ax.set_xticks(ticks)
    ax.set_xticklabels(["level" if t == 100 else relative(t) for t in ticks])
    ax.minorticks_off()


def _key(ax) -> None:
    """A one-line key in the top left corner: the circle is now, the diamond is 2030."""
    ax.scatter([0.02], [0.955], s=110, facecolors="white", edgecolors=charts.PALETTE[0],
               linewidths=1.5, transform=ax.transAxes, clip_on=False)
    ax.text(0.045, 0.955, "latest value", transform=ax.transAxes, va="center", fontsize=FONT)
    ax.scatter([0.26], [0.955], s=40, marker="D", color=charts.PALETTE[5], transform=ax.transAxes,
               clip_on=False)
    ax.text(0.28, 0.955, "2030 at the rates set", transform=ax.transAxes, va="center",
            fontsize=FONT)


def _who_leads(leader: str) -> str:
    return leader if leader.startswith("impossible") else f"{leader} leads"


def scenario_view(edition: int = DEFAULT_EDITION,
                  investment_china: float = 0.0, investment_us: float = 0.0,
                  companies_china: float = 0.0, companies_us: float = 0.0,
                  models_china: float = 0.0, models_us: float = 0.0,
                  patents_china: float = 0.0, patents_us: float = 0.0,
                  publications_china: float = 0.0, publications_us: float = 0.0,
                  citations_china: float = 0.0, citations_us: float = 0.0) -> ViewResult:
    """China's value beside the US value on each measure: latest value and the 2030 scenario.

    Returns the figure, the table (rounded), notes that state the assumptions, and the sources.
    """
    edition = choice(edition, EDITIONS, "an AI Index edition", listed=True)
    given = dict(locals())
    rates = {key: (given[f"{key}_china"], given[f"{key}_us"]) for key in INDICATORS}
    table = scenario_table(edition, rates)
    fig, ax = plt.subplots()
    y = list(range(len(table)))[::-1]  # first measure at the top
    start, end = table["China as % of US, start"], table["China as % of US, 2030"]
    for yi, s, e in zip(y, start, end):
        ax.plot([s, e], [yi, yi], color="#999999", linewidth=1.5, zorder=1)
    ax.scatter(start, y, s=150, facecolors="white", edgecolors=charts.PALETTE[0], linewidths=1.5,
               zorder=3)
    ax.scatter(end, y, s=45, marker="D", color=charts.PALETTE[5], zorder=4)
    for yi, e, lead in zip(y, end, table["leads in 2030"]):
        flag = " (impossible)" if lead.startswith("impossible") else ""
        ax.annotate(f"{relative(e)}{flag}", (e, yi), xytext=(0, 8), textcoords="offset points",
                    ha="center", fontsize=FONT, color=charts.PALETTE[5])
    ax.axvline(100, color=charts.PALETTE[7], linewidth=1, linestyle="--")
    _relative_axis(ax, list(start) + list(end))
    ax.set_ylim(-0.7, len(table) + 0.2)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{SHORT[k]}, {r['start year']}→2030\nChina {r['China, % a year']:+g}%, "
                        f"US {r['US, % a year']:+g}% a year"
                        for k, (_, r) in zip(table.attrs["keys"], table.iterrows())], fontsize=FONT)
    ax.text(100, len(table) - 0.25, " level: China = US", fontsize=FONT, ha="left", va="center")
    _key(ax)
    leaders = table["leads in 2030"].value_counts()
    charts.finish(
        fig, ax, title="China beside the US: now and a 2030 scenario",
        subtitle=(f"At the rates set, China leads in 2030 on {leaders.get(CHINA, 0)} of "
                  f"{len(table)} measures"),
        xlabel="China's value relative to the US value (log scale)",
        ylabel=f"Measure (AI Index {edition})",
        source=(data.source_line(table.attrs["sources"], prefix="Start values")
                + " 2030: a scenario computed from stated assumptions, not a forecast."),
        alt=("Dot chart, a scenario computed from stated assumptions, not a forecast: China's "
             f"value relative to the US value, AI Index {edition} edition, latest year and "
             "2030. " + "; ".join(
                 f"{r['indicator']}: China {relative_words(r['China as % of US, start'])} in "
                 f"{r['start year']}; at China {r['China, % a year']:+g}% and US "
                 f"{r['US, % a year']:+g}% a year, {relative_words(r['China as % of US, 2030'])}"
                 f" in 2030 ({_who_leads(r['leads in 2030'])})"
                 for _, r in table.iterrows()) + "."),
    )
    shown = table.drop(columns=["China as % of US, start", "China as % of US, 2030"]).copy()
    for column in ["China, start", "US, start", "China, 2030", "US, 2030",
                   "China's rate for a tie in 2030 (% a year)"]:
        shown[column] = shown[column].round(1)
    notes = ["A scenario computed from stated assumptions, not a forecast: each value grows at "
             "the rate you set, every year, from its latest year in this edition to 2030."]
    impossible = table.loc[table["leads in 2030"].str.startswith("impossible"), "indicator"]
    if len(impossible):
        notes.append("Impossible under these rates: " + ", ".join(impossible) + ". A share of the "
                     "world cannot grow without limit: China's and the US shares together cannot "
                     "pass 100%.")
    if table.attrs["not grown"]:
        notes.append("Compared but not grown: " + ", ".join(table.attrs["not grown"]) + ". It is "
                     "a rating, on which only the difference between two scores means something, "
                     "so a growth rate in percent a year has no meaning for it.")
    if table.attrs["missing"]:
        notes.append(f"Not in the {edition} edition for both countries, so left out: "
                     + ", ".join(table.attrs["missing"]) + ".")
    return ViewResult(figure=fig, table=shown, notes=tuple(notes),
                      sources=tuple(table.attrs["sources"]))


# --- the lesson's charts: markers, labels and alt texts -------------------------------------------

def draw_time_line(ax, initiatives: pd.DataFrame) -> list[str]:
    """One row per initiative (earliest at the top): a dot where China proposed or issued it, a
    square where it signed, joined or took part in what others led, each kind labelled once on
    the chart. Needs the columns ``when`` (a date) and ``label``; returns the rows' labels."""
    order = initiatives.sort_values("when").drop_duplicates("label")["label"].tolist()[::-1]
    y = initiatives["label"].map({label: i for i, label in enumerate(order)})
    led = initiatives["china_role"].isin(CHINA_LED)
    ax.scatter(initiatives.loc[led, "when"], y[led], s=60, color=charts.PALETTE[5], zorder=3)
    ax.scatter(initiatives.loc[~led, "when"], y[~led], s=60, marker="s", color=charts.PALETTE[0],
               zorder=3)
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels(order, fontsize=FONT)
    first_led = initiatives[led].sort_values("when").iloc[0]  # the earliest China-led row
    first_other = initiatives[~led].sort_values("when").iloc[0]
    ax.annotate("China proposed or issued it", (first_led["when"], y[first_led.name]),
                xytext=(8, 0), textcoords="offset points", va="center", fontsize=FONT,
                color=charts.PALETTE[5])
    ax.annotate("China signed, joined or took part", (first_other["when"], y[first_other.name]),
                xytext=(-8, 0), textcoords="offset points", va="center", ha="right",
                fontsize=FONT, color=charts.PALETTE[0])
    return order


def time_line_alt(initiatives: pd.DataFrame, order: list[str]) -> str:
    """Alt text of the time line of initiatives."""
    return (f"Time line of {len(order)} initiatives, 2015 to 2025, one row each: "
            + "; ".join(f"{r.label}, {r.date}, China {r.china_role}"
                        for r in initiatives.sort_values("when").itertuples())
            + ". Orange dots: China proposed or issued it; blue squares: China signed, joined or "
            "took part.")


#: The two rows of controls in the chart of restriction and cooperation, bottom first.
LANES = ("China's export controls and countermeasures",
         "US, Japanese and Dutch controls affecting China")


def draw_lanes(ax, steps: pd.DataFrame, together: pd.DataFrame) -> None:
    """Controls as two rows of points (China's; the US's and its allies'), a divider, and above
    it one row per agreement, resolution or dialogue, each part named on the chart."""
    for i, (lane, colour, marker) in enumerate(zip(LANES, [charts.PALETTE[5], charts.PALETTE[0]],
                                                   "o^")):
        rows = steps[steps["lane"] == lane]
        ax.scatter(rows["when"], [i] * len(rows), s=45, color=colour, marker=marker, alpha=0.8,
                   zorder=3)
    ax.scatter(together["when"], range(2, 2 + len(together)), s=60, color=charts.PALETTE[2],
               marker="s", zorder=3)
    ax.axhline(1.5, color="#999999", linewidth=0.8)
    ax.set_yticks(range(2 + len(together)))
    ax.set_yticklabels(["China's controls and\ncountermeasures",
                        "US, Japanese and Dutch\ncontrols affecting China",
                        *together["label"]], fontsize=FONT)
    left = steps["when"].min()
    ax.text(left, 1.55, "cooperation: agreements, resolutions, dialogues", fontsize=FONT,
            va="bottom", color=charts.PALETTE[2])
    ax.text(left, 1.45, "restriction: export controls", fontsize=FONT, va="top", color="#444444")


def lanes_alt(steps: pd.DataFrame, together: pd.DataFrame) -> str:
    """Alt text of the chart of restriction and cooperation."""
    counts = steps.groupby("lane").size()
    first, last = steps.groupby("lane")["when"].min(), steps.groupby("lane")["when"].max()
    china, others = LANES
    return ("Dated points, 2018 to 2025. Two rows of controls: controls affecting China by the "
            f"US, Japan and the Netherlands: {counts[others]} recorded steps from "
            f"{first[others]:%Y-%m-%d} to {last[others]:%Y-%m-%d}. China's export controls and "
            f"countermeasures: {counts[china]} steps from {first[china]:%Y-%m-%d} to "
            f"{last[china]:%Y-%m-%d}. Above them, one row each, the agreements, UN resolutions "
            "and dialogues China took part in: "
            + "; ".join(f"{r.label} ({r.date})" for r in together.itertuples()) + ".")


def draw_gap_bars(ax, gap: pd.DataFrame) -> None:
    """Grouped bars, one group per edition, one bar per measure, each bar labelled with its
    value (n/a where the edition has none) and each measure named under its first bar."""
    x = range(len(gap))
    colours = [charts.PALETTE[0], charts.PALETTE[4], charts.PALETTE[5]]
    for i, (measure, colour) in enumerate(zip(gap.columns, colours)):
        where = [xi + (i - 1) * 0.27 for xi in x]
        bars = ax.bar(where, gap[measure].fillna(0), 0.27, color=colour, label=measure)
        ax.bar_label(bars, labels=[charts.num(v) if v == v else "n/a" for v in gap[measure]],
                     fontsize=FONT)
    ax.axhline(100, color=charts.PALETTE[7], linewidth=1, linestyle="--")
    ax.text(len(gap) - 0.55, 100, "level with the US", fontsize=FONT, ha="right", va="bottom")
    ax.set_xticks(list(x))
    ax.set_xticklabels([f"{year}\n({ed} edition)" for ed, year in gap.index])
    ax.set_ylim(0, 110)
    ax.legend(loc="upper left", fontsize=FONT, frameon=False)


def gap_alt(gap: pd.DataFrame) -> str:
    """Alt text of the grouped bars of China as a percentage of the US, edition by edition."""
    return ("Grouped bars of China's value as a percentage of the US value, computed within each "
            "AI Index edition: " + "; ".join(
                f"{year} ({ed} edition): " + charts.describe(row.dropna().items(), sep=", ")
                for (ed, year), row in gap.iterrows())
            + ". The 2022 edition has no notable-model counts; the 2023 edition counts "
            "'significant' systems, a narrower selection. A dashed line marks 100 (level).")
