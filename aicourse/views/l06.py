"""Lesson 06's view and chart helpers. Pure functions.

The widget's view (``rules_view``): each theme of the rules table is one row of the chart;
inside a row, each jurisdiction has its own lane, so the rules of China, the EU, the US federal
government and US states on the same theme lie side by side on one time axis. A rule is a dot
on the date it was adopted and, where the source gives one, a line to the date it took effect.

The helpers below it keep the lesson's chart cells short: they place points in lanes so that
labels do not overlap, write direct labels and assemble alt texts. What a chart shows is
decided in the lesson's cell; these functions only lay it out and describe it.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from aicourse import charts, data
from aicourse.logic.l06 import (
    rules,
)
from aicourse.widgets import ViewError, ViewResult, choice

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


def rules_view(theme: str = ALL, years=(FIRST_YEAR, LAST_YEAR),
               binding_only: bool = False) -> ViewResult:
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
    ax.set_yticklabels([t for _, t in centres])
    ax.set_ylim(-0.8, max(positions.values()) + 0.8)
    ax.set_xlim(pd.Timestamp(first, 1, 1), pd.Timestamp(last, 12, 31))
    ax.grid(axis="y", visible=False)
    present = [j for j in JURISDICTIONS if (table["jurisdiction"] == j).any()]
    ax.legend(handles=[Line2D([], [], marker="o", linestyle="", color=JURISDICTIONS[j], label=j)
                       for j in present], loc="lower left", ncols=2)
    years_shown = f"{first}" if first == last else f"{first}-{last}"
    what = "all themes" if theme == ALL else theme
    fig = charts.finish(
        fig, ax, title=(f"Data and AI rules by theme and jurisdiction, {years_shown}" if theme == ALL
                        else f"Data and AI rules on {theme}, by jurisdiction, {years_shown}"),
        subtitle=_rules_subtitle(table),
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
    return ViewResult(figure=fig, table=shown, notes=tuple(notes),
                      sources=tuple(dict.fromkeys(table["source_id"])))


def _rules_subtitle(table: pd.DataFrame) -> str:
    """How many rules (and themes) each jurisdiction has among those shown, in short words."""
    short = {"China": "China", "European Union": "EU", "United States": "US", "US state": "US states"}
    counts = table.groupby("jurisdiction").agg(rules=("instrument", "nunique"),
                                               themes=("theme", "nunique"))
    return "Rules (themes) shown: " + ", ".join(
        f"{short[j]} {charts.num(counts.loc[j, 'rules'])} ({charts.num(counts.loc[j, 'themes'])})"
        for j in JURISDICTIONS if j in counts.index)


# --- helpers for the lesson's chart cells --------------------------------------------------------

def rule_rows(labels: pd.Series) -> pd.Series:
    """The y position of each rule: one line per distinct label, the first at the top (0, -1 ...)."""
    order = list(dict.fromkeys(labels))
    return labels.map({label: -i for i, label in enumerate(order)})


def name_rules(ax, table: pd.DataFrame) -> None:
    """Write each line's rule name (``label``) at its ``y``, and a key to the marks drawn."""
    rows = table.drop_duplicates("y")
    ax.set_yticks(rows["y"])
    ax.set_yticklabels(rows["label"])
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left")


def timeline_alt(table: pd.DataFrame) -> str:
    """Alt text of the China timeline: each rule's adoption and entry into force."""
    return ("Timeline of China's data and AI rules, each a dot at adoption and a line to entry into "
            "force: " + "; ".join(
                f"{r.label}: {r.adopted_event} {r.adopted:%Y-%m-%d}"
                + (f", in force {r.in_force:%Y-%m-%d}" if not pd.isna(r.in_force)
                   else ", guidance, no date of effect")
                for r in table.itertuples()) + ".")


def jurisdiction_key(ax, table: pd.DataFrame) -> None:
    """A key with one colour for each jurisdiction in ``table``."""
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=JURISDICTIONS[j], label=j) for j in JURISDICTIONS
                       if (table["jurisdiction"] == j).any()], loc="lower right")


def gaps_alt(gaps: pd.DataFrame) -> str:
    """Alt text of the days-to-force chart."""
    return ("Horizontal bars of the days from adoption to entry into force of every rule with both "
            "dates, shortest first: " + "; ".join(
                f"{r.label} ({r.jurisdiction}) {charts.num(r.days_to_force)}"
                for r in gaps.itertuples())
            + ". The US federal rows have no date of effect and are not shown.")


#: Where a point's label starts, right of the point, and how wide a character of a 9-point label
#: is, in inches (a little more than the average, so that labels keep apart).
_PAD_INCH, _CHAR_INCH = 0.1, 0.085


def stack(table: pd.DataFrame, base, xlim: tuple, *, width: float, date: str = "date",
          label: str = "label", step: float = 0.3) -> pd.Series:
    """The y of each point: its lane's ``base`` plus ``step`` for each level it is lifted, so that
    no point and its label (drawn to its right) run into another point of the same lane.

    Points are placed from the earliest; each takes the lowest level that is free from its date
    on. ``xlim`` is the chart's date range and ``width`` the width of its axes in inches, which
    together set how many days a character of a label takes.
    """
    days_per_inch = (pd.Timestamp(xlim[1]) - pd.Timestamp(xlim[0])).days / width
    base = pd.Series(base, index=table.index)  # one lane for all, or a lane per row
    y = pd.Series(0.0, index=table.index)
    busy: dict[float, list[pd.Timestamp]] = {}  # for each lane, the date each level is free from
    for i in table.sort_values(date).index:
        lane, when = float(base[i]), table.at[i, date]
        ends = busy.setdefault(lane, [])
        level = next((n for n, free in enumerate(ends) if free < when), len(ends))
        width = (_PAD_INCH + _CHAR_INCH * len(str(table.at[i, label]))) * days_per_inch
        end = when + pd.Timedelta(days=width)
        ends[level:level + 1] = [end]
        y[i] = lane + level * step
    return y


def label_points(ax, table: pd.DataFrame, *, date: str = "date", label: str = "label") -> None:
    """Write each point's label just right of it (9 points, the smallest text of a chart)."""
    for _, row in table.iterrows():
        ax.annotate(row[label], (row[date], row["y"]), xytext=(5, -3),
                    textcoords="offset points", fontsize=charts.MIN_FONT)


def name_lanes(ax, points: pd.DataFrame, lane: str, lanes: dict[str, float]) -> None:
    """Name each lane on the y-axis (on two lines if long), beside the middle of the levels its
    points use, and leave room above the highest point."""
    import textwrap

    middle = [(base + points.loc[points[lane] == name, "y"].max()) / 2 if (points[lane] == name).any()
              else base for name, base in lanes.items()]
    ax.set_yticks(middle)
    ax.set_yticklabels([textwrap.fill(name, 20) for name in lanes])
    ax.set_ylim(min(lanes.values()) - 0.35, points["y"].max() + 0.45)
    ax.grid(axis="y", visible=False)


#: Short names for the authors of surveillance assessments, for chart labels.
WHO = {
    "Committee on the Elimination of Racial Discrimination (CERD)": "CERD (UN)",
    "Office of the UN High Commissioner for Human Rights (OHCHR)": "OHCHR (UN)",
    "State Council Information Office": "SCIO white paper",
    "Zhao Lijian": "Zhao Lijian",
    "Wang Wenbin": "Wang Wenbin",
    "Permanent Mission of the PRC to the UN Office at Geneva": "PRC mission, Geneva",
    "The New York Times": "New York Times",
    "Human Rights Watch": "Human Rights Watch",
    "Amnesty International": "Amnesty",
    "IPVM and The Washington Post": "IPVM, Washington Post",
    "Jessica Batke and Mareike Ohlberg": "Batke, Ohlberg",
    "Martin Beraja, Andrew Kao, David Y. Yang, Noam Yuchtman": "Beraja et al.",
}


def short_who(who: str) -> str:
    """A short name for a chart label: WHO's (Chinese names in full, family name first), or a
    person's family name (the last word)."""
    return WHO.get(who, who.split()[-1])


#: One lane per stance, from the assessments that find violations to those that reject them.
STANCES = {"rejects the allegations": 0, "qualifies the capacity or scope": 1,
           "reports exports and adoption abroad": 2, "reports surveillance practices": 3,
           "finds rights violations": 4}
#: The width of the surveillance chart's axes, in inches, beside the names of its lanes.
STANCES_WIDTH = 5.9
#: One colour per kind of author.
KINDS = {"UN body": charts.PALETTE[0], "human-rights organisation": charts.PALETTE[5],
         "journalist": charts.PALETTE[3], "researcher": charts.PALETTE[2],
         "government": charts.PALETTE[7], "company": charts.PALETTE[1]}


def statements_alt(points: pd.DataFrame, lane: str) -> str:
    """Alt text of a chart of dated statements in lanes: each lane's points in date order."""
    parts = []
    for name, rows in points.sort_values("date").groupby(lane, sort=False):
        parts.append(f"{name}: " + ", ".join(f"{r.label} ({r.date:%Y-%m})" for r in rows.itertuples()))
    return "; ".join(parts) + "."


#: Short names of the social credit documents, for chart labels.
DOCUMENTS = {
    "Planning Outline for the Construction of a Social Credit System (2014-2020)": "planning outline",
    "Guiding Opinions on Establishing and Improving Systems of Joint Incentives for "
    "Trustworthiness and Joint Punishment for Untrustworthiness": "joint punishment",
    "Guiding Opinions on Accelerating the Social Credit System and Building a New Credit-based "
    "Regulatory Mechanism": "credit-based regulation",
    "Guiding Opinions on Further Improving the System of Restrictions for Untrustworthiness and "
    "Building a Long-term Mechanism for Integrity": "limits on penalties",
    "Opinions on Promoting the High-quality Development of the Social Credit System to Foster a "
    "New Development Pattern": "opinions",
    "Social Credit System Construction Law (draft for public comment)": "draft law",
    "2024-2025 Social Credit System Construction Action Plan": "action plan",
    "Opinions on Improving the Social Credit System": "opinions",
}


def short_document(title: str) -> str:
    """A short name for a social credit document: DOCUMENTS's, or its first three words."""
    return DOCUMENTS.get(title, " ".join(title.split()[:3]))


#: The social credit chart: its lanes (bottom to top), its years and how each kind of point is drawn.
CREDIT_LANES = {"views from outside China": 0, "views from China": 2.0, "documents": 3.2}
CREDIT_YEARS = (pd.Timestamp("2013-07-01"), pd.Timestamp("2027-09-30"))
#: The width of the chart's axes, in inches, beside the names of its lanes.
CREDIT_WIDTH = 6.3
CREDIT_MARKS = {"document": {"marker": "s", "color": charts.PALETTE[7]},
                "says what it is": {"color": charts.PALETTE[0]},
                "says what it is not": {"facecolors": "white", "edgecolors": charts.PALETTE[0]}}


def credit_points(credit: pd.DataFrame, opinions: pd.DataFrame) -> pd.DataFrame:
    """The points of the social credit chart, one row each: every document at its first date,
    and every view, with two quotes of one author in one year and aspect as one point (Creemers
    2018). Columns: date, label, lane (of CREDIT_LANES), kind (of CREDIT_MARKS), source_id."""
    docs = credit.drop_duplicates("title")
    documents = pd.DataFrame({
        "date": docs["date"],
        "label": docs["date"].dt.year.astype(str) + " " + docs["title"].map(short_document),
        "lane": "documents", "kind": "document", "source_id": docs["source_id"]})
    grouped = opinions.groupby(["based_in", "author", "year", "aspect"], as_index=False).agg(
        quotes=("view_id", "count"), source_id=("source_id", "first"))
    views_ = pd.DataFrame({
        "date": pd.to_datetime(grouped["year"].astype(str) + "-07-01"),  # a year only: mid-year
        "label": [analyst_label(a, b, n) for a, b, n in
                  zip(grouped["author"], grouped["based_in"], grouped["quotes"])],
        "lane": grouped["based_in"].map({"China": "views from China",
                                         "outside China": "views from outside China"}),
        "kind": "says " + grouped["aspect"], "source_id": grouped["source_id"]})
    return pd.concat([documents, views_], ignore_index=True)


def analyst_label(author: str, based_in: str, quotes: int) -> str:
    """A view's label: the family name (first in a Chinese name, last in others; the first
    author's when there are several), with the number of quotes when the table has more than one."""
    names = author.replace("Department of Foreign Affairs and Trade", "DFAT").split(" (")[0]
    first = names.split(" and ")[0].split(",")[0].split()
    name = first[0] if based_in == "China" else first[-1]
    if " and " in names or "," in names:
        name += " et al."
    return name + (f" ({quotes} quotes)" if quotes > 1 else "")


def filings_alt(running: pd.DataFrame, totals: pd.DataFrame, first: pd.DataFrame) -> str:
    """Alt text of the filings chart: every point, with its qualifier and date."""
    def said(r):
        more = "more than " if r.qualifier == "more than" else ""
        return f"{r.as_of} {more}{charts.num(r.count)}"
    return ("Line chart of two filing registers. Deep-synthesis algorithms, running total of the "
            "published lists: " + "; ".join(f"{r.as_of} {charts.num(r.running_total)}"
                                            for r in running.itertuples())
            + ". Generative AI services filed nationally, as reported: "
            + "; ".join(said(r) for r in totals.itertuples())
            + ". First batch of generative AI approvals, two reports: "
            + "; ".join(f"{r.count_text} ({r.source_id})" for r in first.itertuples()) + ".")


def label_filings(ax, running: pd.DataFrame, totals: pd.DataFrame, first: pd.DataFrame) -> None:
    """Direct labels: each line named beside it, each reported total written by its point ("more
    than" where the source gives a lower bound), the two first-batch reports named."""
    middle = running.iloc[len(running) // 2]  # name the line beside its middle point
    ax.annotate("deep synthesis algorithms\n(running total of the lists)",
                (middle["date"], middle["running_total"]), xytext=(-10, 10),
                textcoords="offset points", ha="right", va="bottom", fontsize=charts.MIN_FONT,
                color=charts.PALETTE[0])
    start = totals["date"].min()
    for r in totals.itertuples():
        more = "more than " if r.qualifier == "more than" else ""
        low = r.date == start  # the first total sits under the other line: label it below
        ax.annotate(f"{more}{charts.num(r.count)}", (r.date, r.count),
                    xytext=(6, -8) if low else (-6, 6), textcoords="offset points",
                    ha="left" if low else "right", va="top" if low else "bottom",
                    fontsize=charts.MIN_FONT, color=charts.PALETTE[5])
    third = totals.sort_values("date").iloc[-2]  # name the line under its last stretch
    ax.annotate("generative AI services\n(reported totals)", (third["date"], third["count"]),
                xytext=(0, -12), textcoords="offset points", ha="right", va="top",
                fontsize=charts.MIN_FONT, color=charts.PALETTE[5])
    reports = " or ".join(charts.num(c) for c in first["count"])
    ax.annotate(f"first batch: {reports} firms\n(two reports)",
                (first["date"].min(), first["count"].max()), xytext=(0, 45),
                textcoords="offset points", ha="center", va="bottom", fontsize=charts.MIN_FONT,
                color=charts.PALETTE[5], arrowprops={"arrowstyle": "-", "color": charts.PALETTE[5],
                                                     "linewidth": 0.8})
    ax.set_ylim(bottom=-0.12 * running["running_total"].max())  # room for the labels below
