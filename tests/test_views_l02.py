"""Lesson 02's ecosystem view draws every setting its controls offer, and shows what it says."""

import matplotlib
import matplotlib.pyplot as plt
import pytest

from aicourse import charts, data
from aicourse.views import l02

matplotlib.use("Agg")
YEARS = [2019, 2020, 2021]


def chosen_zones(hub: str, year: int) -> list[str]:
    """The zones the view should highlight, computed here from the two tables."""
    zones, hubs = data.load("pilot_zones"), data.load("innovation_hubs")
    members = set(hubs.loc[hubs["hub"] == hub, "member"]) if hub != l02.ALL else None
    rows = zones[zones["approved"].str[:4].astype(int) <= year]
    if members is not None:
        rows = rows[rows["city"].isin(members) | rows["province"].isin(members)]
    return list(rows["zone"])


@pytest.mark.parametrize("hub", l02.hub_options())
@pytest.mark.parametrize("year", YEARS)
def test_every_hub_and_year_draws_its_zones(hub, year):
    fig, table = l02.ecosystem_view(hub, l02.ALL, year)
    expected = chosen_zones(hub, year)
    assert f"{len(expected)} chosen zones highlighted: {', '.join(expected) or 'none'}." \
        in charts.alt_text(fig)
    assert not table.empty
    plt.close(fig)


@pytest.mark.parametrize("field", l02.field_options())
def test_every_field_lists_its_firms(field):
    fig, table = l02.ecosystem_view(l02.ALL, field, 2021)
    firms = data.load("firms")
    if field != l02.ALL:
        firms = firms[firms["platform_domain"].fillna("").str.split("|").apply(lambda f: field in f)]
    assert sorted(table["firm"]) == sorted(firms["firm"]) or (
        firms.empty and "no firm" in table["firm"].iloc[0])
    plt.close(fig)
