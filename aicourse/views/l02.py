"""Lesson 02's widget: filter pilot zones and firms by hub, field and year. Pure functions."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from aicourse import charts, data
from aicourse.widgets import ViewError, choice

ALL = "all"


def short(hub: str) -> str:
    """A short label for a hub, for titles."""
    return {ALL: "all zones"}.get(hub, hub.split(" (")[0].replace("Guangdong-Hong Kong-Macao ", ""))


def zones_with_hub() -> pd.DataFrame:
    """Pilot zones with the hub they lie in ('none' outside the three), matched by city or province."""
    zones = data.load("pilot_zones")
    hubs = data.load("innovation_hubs")
    member_hub = dict(zip(hubs["member"], hubs["hub"]))
    zones["hub"] = [member_hub.get(city, member_hub.get(province, "none"))
                    for city, province in zip(zones["city"], zones["province"])]
    zones["year"] = zones["approved"].str[:4].astype(int)
    return zones


def hub_options() -> list[str]:
    return [ALL, *sorted(data.load("innovation_hubs")["hub"].unique())]


def field_options() -> list[str]:
    fields = data.load("firms")["platform_domain"].dropna().str.split("|").explode()
    return [ALL, *sorted(fields.unique())]


def ecosystem_view(hub: str = ALL, field: str = ALL, up_to_year: int = 2021):
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
    for _, z in chosen.iterrows():
        ax.annotate(z["zone"], (z["longitude"], z["latitude"]), xytext=(4, 3),
                    textcoords="offset points", fontsize=8)
    ax.set_xlim(100, 131)
    ax.set_ylim(20, 48)
    ax.legend(loc="lower right")
    names = ", ".join(chosen["zone"]) or "none"
    fig = charts.finish(
        fig, ax, title=f"AI pilot zones approved by {up_to_year}: {short(hub)}",
        xlabel="Longitude (degrees east)", ylabel="Latitude (degrees north)",
        source=data.source_line(pd.concat([zones[["source_id"]], zones[["coord_source_id"]]
                                           .rename(columns={"coord_source_id": "source_id"})])),
        alt=(f"Scatter of China's national AI pilot zones by longitude and latitude; "
             f"{len(chosen)} chosen zones highlighted: {names}."))
    table = firms[["firm", "name_zh", "hq_city", "platform_domain", "in_batx"]].reset_index(drop=True)
    if table.empty:
        table = pd.DataFrame({"firm": ["no firm in the data matches these settings"]})
    return fig, table
