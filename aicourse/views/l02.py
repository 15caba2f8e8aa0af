"""Lesson 02: the ecosystem explorer (a view) and the drawing helpers of the lesson's charts.

Pure functions, testable without a browser. The lesson's chart cells call the helpers below for
what is plumbing (where each place name goes so that none hides another, direct labels, alt-text
sentences), so that each cell reads like the analysis it draws.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from aicourse import charts, data
from aicourse.logic.l02 import (
    zones_with_hub,
)
from aicourse.widgets import ViewError, ViewResult, choice

ALL = "all"
#: The map's frame: longitude and latitude in degrees (eastern China, with sea to the east).
LONGITUDE, LATITUDE = (100, 131), (20, 48)


def short(hub: str) -> str:
    """A short label for a hub, for titles."""
    return {ALL: "all zones"}.get(hub, hub.split(" (")[0].replace("Guangdong-Hong Kong-Macao ", ""))


def hub_options() -> list[str]:
    return [ALL, *sorted(data.load("innovation_hubs")["hub"].unique())]


def field_options() -> list[str]:
    fields = data.load("firms")["platform_domain"].dropna().str.split("|").explode()
    return [ALL, *sorted(fields.unique())]


# --- place names on the map ----------------------------------------------------------------------

#: Zones too close together around Shanghai to name beside their dots: their names go in a
#: column out at sea, joined to the dots by thin lines (north to south, so no line crosses).
CALLOUTS = ("Suzhou", "Shanghai", "Deqing County", "Hangzhou")
CALLOUT_COLUMN, CALLOUT_TOP = 124.0, 37.5  # where the column of names starts (degrees)
#: Where a name goes when "to the right of the dot" would run into a neighbour.
PLACEMENT = {"Beijing": "left", "Guangzhou": "left", "Xi'an": "left", "Chengdu": "left",
             "Wuhan": "left", "Hefei": "above"}
OFFSETS = {"right": ((6, 0), "left", "center"), "left": ((-6, 0), "right", "center"),
           "above": ((0, 6), "center", "bottom")}


def label_zones(ax, zones: pd.DataFrame) -> None:
    """Name each zone beside its dot (9-point text), and the crowded Shanghai-area zones in a
    column out at sea with a line to each dot."""
    crowded = zones[zones["zone"].isin(CALLOUTS)].sort_values("latitude", ascending=False)
    for step, (_, z) in enumerate(crowded.iterrows()):
        ax.annotate(z["zone"], (z["longitude"], z["latitude"]),
                    xytext=(CALLOUT_COLUMN, CALLOUT_TOP - 2.0 * step), textcoords="data",
                    va="center",
                    arrowprops={"arrowstyle": "-", "color": "#777777", "linewidth": 0.6})
    for _, z in zones[~zones["zone"].isin(CALLOUTS)].iterrows():
        offset, ha, va = OFFSETS[PLACEMENT.get(z["zone"], "right")]
        ax.annotate(z["zone"], (z["longitude"], z["latitude"]), xytext=offset,
                    textcoords="offset points", ha=ha, va=va)


def frame_map(ax) -> None:
    """Longitude and latitude limits of the map, in equal degrees of both."""
    ax.set_xlim(*LONGITUDE)
    ax.set_ylim(*LATITUDE)


def zones_alt(zones: pd.DataFrame) -> str:
    """Alt text of the map of pilot zones by hub."""
    counts = zones["hub"].value_counts()
    parts = [f"{short(h) if h != 'none' else 'outside the three hubs'}: {n} ("
             + ", ".join(zones.loc[zones["hub"] == h, "zone"]) + ")" for h, n in counts.items()]
    return (f"Map-like scatter of {len(zones)} AI pilot zones by longitude and latitude, coloured "
            "by hub. " + "; ".join(parts) + ". The hub zones cluster on the east coast around "
            "Beijing, Shanghai and the Pearl River Delta; the others spread inland from Chengdu "
            "and Chongqing to Harbin. No coastline is drawn.")


def zone_sources(zones: pd.DataFrame) -> pd.DataFrame:
    """The sources of the zones' approvals and of their coordinates, as one source_id column."""
    coords = zones[["coord_source_id"]].rename(columns={"coord_source_id": "source_id"})
    return pd.concat([zones[["source_id"]], coords])


# --- the explorer ---------------------------------------------------------------------------------

def ecosystem_view(hub: str = ALL, field: str = ALL, up_to_year: int = 2021) -> ViewResult:
    """A map-like scatter of the pilot zones (by longitude and latitude) and the matching firms."""
    choice(hub, hub_options(), "a hub")
    choice(field, field_options(), "a field")
    if isinstance(up_to_year, bool) or not isinstance(up_to_year, int) or not 2019 <= up_to_year <= 2021:
        raise ViewError("the year must be a whole number from 2019 to 2021.")
    zones = zones_with_hub()
    chosen = zones[(zones["year"] <= up_to_year) & ((zones["hub"] == hub) if hub != ALL else True)]
    firms = data.load("firms")
    hubs = data.load("innovation_hubs")
    in_hub = set(hubs.loc[hubs["hub"] == hub, "member"]) if hub != ALL else None
    if in_hub is not None:
        firms = firms[firms["hq_city"].isin(in_hub) | firms["hq_province"].isin(in_hub)]
    if field != ALL:
        firms = firms[firms["platform_domain"].fillna("").str.split("|").apply(lambda f: field in f)]
    fig, ax = plt.subplots()
    ax.scatter(zones["longitude"], zones["latitude"], s=40, color="#cccccc", label="other pilot zones")
    ax.scatter(chosen["longitude"], chosen["latitude"], s=70, color=charts.PALETTE[0],
               label=f"chosen zones ({len(chosen)})", zorder=3)
    label_zones(ax, chosen)
    frame_map(ax)
    ax.legend(loc="lower right")
    names = ", ".join(chosen["zone"]) or "none"
    where = "" if hub == ALL else f" in the {short(hub)}"
    summary = f"{len(chosen)} of the {len(zones)} pilot zones were approved by {up_to_year}{where}."
    fig = charts.finish(
        fig, ax, title=f"AI pilot zones approved by {up_to_year}: {short(hub)}",
        subtitle=summary,
        xlabel="Longitude (degrees east)", ylabel="Latitude (degrees north)",
        source=data.source_line(zone_sources(zones)),
        alt=(f"Scatter of China's national AI pilot zones by longitude and latitude; "
             f"{len(chosen)} chosen zones highlighted: {names}."))
    table = firms[["firm", "name_zh", "hq_city", "platform_domain", "in_batx"]].reset_index(drop=True)
    note = (f"{len(table)} firm{'s' if len(table) != 1 else ''} of the firms table "
            f"match{'es' if len(table) == 1 else ''} these settings.")
    if table.empty:
        table = pd.DataFrame({"firm": ["no firm in the data matches these settings"]})
        note = "No firm of the firms table matches these settings."
    sources = tuple(dict.fromkeys([*zone_sources(zones)["source_id"], *firms["source_id"]]))
    return ViewResult(figure=fig, table=table, notes=(note,), sources=sources)


# --- private investment ---------------------------------------------------------------------------

def label_points(ax, rows: pd.DataFrame) -> None:
    """Write each point's value and edition beside it (9-point text), and each country's name once,
    beside its latest point."""
    for country, own in rows.groupby("country"):
        colour = charts.PALETTE[0] if country == "United States" else charts.PALETTE[1]
        for r in own.itertuples():
            ax.annotate(f"{r.value_usd_bn:g} ({r.edition} ed.)", (r.data_year, r.value_usd_bn),
                        xytext=(0, 8), textcoords="offset points", ha="center", color=colour)
        last = own.loc[own["data_year"].idxmax()]
        ax.annotate(country, (last["data_year"], last["value_usd_bn"]), xytext=(12, -4),
                    textcoords="offset points", ha="left", va="top", color=colour,
                    fontweight="bold")


def investment_alt(rows: pd.DataFrame) -> str:
    return ("Points for private AI investment in USD billion, not joined because each comes from "
            "a different AI Index edition. "
            + "; ".join(f"{r.country} {r.data_year}: {charts.num(r.value_usd_bn)}"
                        for r in rows.itertuples()) + ".")


# --- state funds beside private investment ---------------------------------------------------------

def money_labels(compare: pd.DataFrame) -> list[str]:
    """Bar labels of the money comparison: who put the money in, into what, when (wrapped)."""
    import textwrap

    return ["\n".join(textwrap.wrap(f"{r['who']} ({r['into']}, {r['period']})", 26))
            for _, r in compare.iterrows()]


def money_alt(compare: pd.DataFrame) -> str:
    return ("Bar chart of money put into Chinese firms, USD billion summed over each period: "
            + "; ".join(f"{r['who']} into {r['into']}, {r['period']}: {charts.num(r['usd_bn'])}"
                        for _, r in compare.iterrows())
            + ". The periods and scopes differ, and the guidance-fund figure rests on one "
              "transcription of the AI Index 2026.")
