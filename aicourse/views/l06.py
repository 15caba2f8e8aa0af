"""Lesson 06's widget: data and AI rules of China, the EU and the US side by side. Pure functions.

Each theme of the rules table is one row of the chart; inside a row, each jurisdiction has its
own lane, so the rules of China, the EU, the US federal government and US states on the same
theme lie side by side on one time axis. A rule is a dot on the date it was adopted and, where
the source gives one, a line to the date it took effect.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from aicourse import charts, data
from aicourse.widgets import ViewError, choice

ALL = "all themes"
#: Jurisdictions in the order of the lanes, each with its colour.
JURISDICTIONS = {"China": charts.PALETTE[5], "European Union": charts.PALETTE[0],
                 "United States": charts.PALETTE[2], "US state": charts.PALETTE[3]}
#: The years the widget's slider offers.
FIRST_YEAR, LAST_YEAR = 2016, 2028
#: Short names for the chart labels; the tables keep the instruments' full names.
SHORT = {
    "Cybersecurity Law": "Cybersecurity Law",
    "Decision amending the Cybersecurity Law (adds an article on AI)":
        "Cybersecurity Law amendment (AI article)",
    "Data Security Law": "Data Security Law",
    "Personal Information Protection Law (PIPL)": "Personal Information Protection Law",
    "Provisions on the Administration of Algorithmic Recommendation in Internet Information "
    "Services": "Algorithmic recommendation provisions",
    "Provisions on the Administration of Deep Synthesis of Internet Information Services":
        "Deep synthesis provisions",
    "Interim Measures for the Management of Generative AI Services":
        "Generative AI interim measures",
    "Ethical Norms for New Generation AI": "Ethical norms (guidance)",
    "Measures for Labelling AI-Generated and Synthetic Content": "Labelling measures",
    "Security Management Measures for the Application of Facial Recognition Technology":
        "Facial recognition measures",
    "Mandatory national standard GB 45438-2025: labelling method for AI-generated content":
        "Labelling standard GB 45438-2025",
    "AI Safety Governance Framework (version 1.0)": "AI safety framework 1.0 (guidance)",
    "AI Safety Governance Framework (version 2.0)": "AI safety framework 2.0 (guidance)",
    "AI Act, Regulation (EU) 2024/1689: entry into force": "AI Act: entry into force",
    "AI Act: general provisions and prohibited practices (Chapters I and II)":
        "AI Act: prohibited practices (Ch. I-II)",
    "AI Act: general-purpose AI models, governance and penalties (Chapter V, VII, XII ...)":
        "AI Act: general-purpose AI models",
    "AI Act: high-risk systems under Article 6(1) (products, Annex I)":
        "AI Act: high-risk, Art. 6(1) (as adopted)",
    "AI Act as amended: high-risk obligations for stand-alone systems (Annex III)":
        "AI Act amended: high-risk, Annex III",
    "AI Act as amended: high-risk AI in regulated products (Annex I)":
        "AI Act amended: high-risk, Annex I",
}


def short_name(instrument: str) -> str:
    """A name short enough for a chart label: SHORT's, or the text before the first comma
    or bracket (before the colon for an executive order)."""
    if instrument in SHORT:
        return SHORT[instrument]
    if instrument.startswith("Executive Order"):
        return instrument.split(":")[0]
    return instrument.split(",")[0].split(" (")[0]


def rules() -> pd.DataFrame:
    """The rules table with the days from adoption to entry into force and the source quality."""
    table = data.load("rules_timeline")
    quality = data.sources().set_index("source_id")["quality"]
    table["days_to_force"] = (table["in_force"] - table["adopted"]).dt.days
    table["source_quality"] = table["source_id"].map(quality)
    return table


def theme_options() -> list[str]:
    """'all themes', then every theme in the table, in alphabetical order."""
    return [ALL, *sorted(rules()["theme"].unique(), key=str.lower)]


def _years(years) -> tuple[int, int]:
    if not isinstance(years, (tuple, list)) or len(years) != 2:
        raise ViewError(f"give the years as a pair: a first and a last year, such as "
                        f"({FIRST_YEAR}, {LAST_YEAR}).")
    for year in years:
        if isinstance(year, bool) or not isinstance(year, int):
            raise ViewError("the first and last year must be whole numbers.")
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ViewError(f"the years must lie between {FIRST_YEAR} and {LAST_YEAR}.")
    first, last = years
    if first > last:
        raise ViewError("the first year must not come after the last year.")
    return first, last


def rules_table(theme: str = ALL, years=(FIRST_YEAR, LAST_YEAR),
                binding_only: bool = False) -> pd.DataFrame:
    """The rules on ``theme`` that were adopted or took effect between the two years, by date.

    A rule counts if the span from its adoption to its entry into force (or its adoption
    alone, when the source gives no date of effect) touches the years chosen.
    """
    choice(theme, theme_options(), "a theme")
    first, last = _years(years)
    if not isinstance(binding_only, bool):
        raise ViewError("'binding rules only' is either ticked (True) or not (False).")
    table = rules()
    if theme != ALL:
        table = table[table["theme"] == theme]
    if binding_only:
        table = table[table["binding"] == "yes"]
    end = table["in_force"].fillna(table["adopted"])
    table = table[(table["adopted"].dt.year <= last) & (end.dt.year >= first)]
    if table.empty:
        raise ViewError("no rule in the table matches this theme in these years. Widen the "
                        "years or choose 'all themes'.")
    return table.sort_values(["adopted", "jurisdiction"]).reset_index(drop=True)


def _lanes(table: pd.DataFrame) -> tuple[dict, list[str], list[tuple[float, str]]]:
    """y position of each (theme, jurisdiction); tick labels; theme names with their centre."""
    themes = list(dict.fromkeys(table.sort_values("adopted")["theme"]))
    positions, labels, centres, y = {}, [], [], 0.0
    for theme in reversed(themes):  # the earliest theme at the top
        present = [j for j in JURISDICTIONS if (table[table["theme"] == theme]["jurisdiction"] == j).any()]
        start = y
        for jurisdiction in reversed(present):
            positions[(theme, jurisdiction)] = y
            labels.append(jurisdiction)
            y += 1
        centres.append(((start + y - 1) / 2, theme))
        y += 0.6  # a gap between themes
    return positions, labels, centres


def _dates(row) -> str:
    force = f", in force {row.in_force:%Y-%m-%d}" if not pd.isna(row.in_force) else ", no date of effect"
    return f"{short_name(row.instrument)} ({row.jurisdiction}): {row.adopted_event} {row.adopted:%Y-%m-%d}{force}"


def rules_view(theme: str = ALL, years=(FIRST_YEAR, LAST_YEAR), binding_only: bool = False):
    """The side-by-side timeline: one row per theme, one lane per jurisdiction; and its table."""
    table = rules_table(theme, years, binding_only)
    first, last = _years(years)
    positions, _, centres = _lanes(table)
    fig, ax = plt.subplots()
    for jurisdiction, colour in JURISDICTIONS.items():
        rows = table[table["jurisdiction"] == jurisdiction]
        if rows.empty:
            continue
        y = [positions[(t, jurisdiction)] for t in rows["theme"]]
        has_end = rows["in_force"].notna().to_numpy()
        ax.hlines([v for v, e in zip(y, has_end) if e], rows.loc[has_end, "adopted"],
                  rows.loc[has_end, "in_force"], color=colour, linewidth=2, alpha=0.7)
        fill = [colour if b == "yes" else "white" for b in rows["binding"]]  # guidance: hollow
        ax.scatter(rows["adopted"], y, s=36, facecolors=fill, edgecolors=colour, zorder=3)
        ax.scatter(rows.loc[has_end, "in_force"], [v for v, e in zip(y, has_end) if e], s=30,
                   marker="|", color=colour, zorder=3)
    ax.set_yticks([c for c, _ in centres])
    ax.set_yticklabels([t for _, t in centres], fontsize=8)
    ax.set_ylim(-0.8, max(positions.values()) + 0.8)
    ax.set_xlim(pd.Timestamp(first, 1, 1), pd.Timestamp(last, 12, 31))
    ax.grid(axis="y", visible=False)
    present = [j for j in JURISDICTIONS if (table["jurisdiction"] == j).any()]
    ax.legend(handles=[Line2D([], [], marker="o", linestyle="", color=JURISDICTIONS[j], label=j)
                       for j in present], loc="lower left", fontsize=8, ncols=2)
    years_shown = f"{first}" if first == last else f"{first}-{last}"
    what = "all themes" if theme == ALL else theme
    fig = charts.finish(
        fig, ax, title=(f"Data and AI rules by theme and jurisdiction, {years_shown}" if theme == ALL
                        else f"Data and AI rules on {theme}, by jurisdiction, {years_shown}"),
        xlabel=("Date (dot: adopted, filled if binding, hollow if guidance; bar: in force)"),
        ylabel="Theme (one lane per jurisdiction)",
        source=data.source_line(table),
        alt=(f"Timeline of data and AI rules, {what}, {years_shown}"
             + (", binding rules only" if binding_only else "") + ", one row per theme and one "
             "lane per jurisdiction: " + "; ".join(_dates(r) for r in table.itertuples()) + "."))
    shown = table[["jurisdiction", "theme", "instrument", "binding", "adopted", "adopted_event",
                   "in_force", "days_to_force", "source_quality"]].copy()
    shown["adopted"] = shown["adopted"].dt.strftime("%Y-%m-%d")
    shown["in_force"] = shown["in_force"].dt.strftime("%Y-%m-%d").fillna("")
    shown["days_to_force"] = [("" if math.isnan(d) else f"{d:.0f}") for d in shown["days_to_force"]]
    notes = []
    for instrument, rows in table.groupby("instrument"):
        if len(rows) > 1:
            differ = len(rows[["adopted", "in_force"]].drop_duplicates()) > 1
            notes.append(f"{short_name(instrument)}: {len(rows)} rows from different sources"
                         + (", with different dates (both are drawn)." if differ
                            else ", with the same dates."))
    return [fig, shown, *notes]
