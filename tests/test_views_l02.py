"""Lesson 02's ecosystem view draws every setting its controls offer, and shows what it says;
the map names every zone once, none at less than 9 points, the crowded ones out at sea."""

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.text import Annotation

from aicourse import charts, data
from aicourse.views import l02
from aicourse.widgets import ViewResult

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
    result = l02.ecosystem_view(hub, l02.ALL, year)
    assert isinstance(result, ViewResult)
    expected = chosen_zones(hub, year)
    assert f"{len(expected)} chosen zones highlighted: {', '.join(expected) or 'none'}." \
        in charts.alt_text(result.figure)
    assert f"{len(expected)} of the " in charts.alt_text(result.figure)  # the subtitle says it
    named = [t.get_text() for t in result.figure.axes[0].texts if isinstance(t, Annotation)]
    assert sorted(named) == sorted(expected)
    assert not result.table.empty and result.notes
    assert set(data.load("pilot_zones")["source_id"]) <= set(result.sources)
    plt.close(result.figure)


@pytest.mark.parametrize("field", l02.field_options())
def test_every_field_lists_its_firms(field):
    result = l02.ecosystem_view(l02.ALL, field, 2021)
    table = result.table
    firms = data.load("firms")
    if field != l02.ALL:
        firms = firms[firms["platform_domain"].fillna("").str.split("|").apply(lambda f: field in f)]
    assert sorted(table["firm"]) == sorted(firms["firm"]) or (
        firms.empty and "no firm" in table["firm"].iloc[0])
    assert str(len(firms)) in result.notes[0] or (firms.empty and "No firm" in result.notes[0])
    plt.close(result.figure)


def test_the_map_names_every_zone_once_and_readably():
    zones = l02.zones_with_hub()
    fig, ax = plt.subplots()
    l02.label_zones(ax, zones)
    names = [t.get_text() for t in ax.texts]
    assert sorted(names) == sorted(zones["zone"])
    assert all(t.get_fontsize() >= charts.MIN_FONT for t in ax.texts)
    out_at_sea = [t for t in ax.texts if t.get_text() in l02.CALLOUTS]
    assert {t.xyann[0] for t in out_at_sea} == {l02.CALLOUT_COLUMN}
    heights = [t.xyann[1] for t in out_at_sea]
    assert len(set(heights)) == len(heights), "no two names in the column on one line"
    plt.close(fig)


def test_money_labels_name_each_bar():
    import pandas as pd

    compare = pd.DataFrame({"who": ["private investors"], "into": ["AI firms"],
                            "period": ["2013-2023"], "usd_bn": [103.7]})
    assert l02.money_labels(compare) == ["private investors (AI\nfirms, 2013-2023)"]
    assert "103.7" in l02.money_alt(compare)
