"""Lesson 05's views: the timeline filters what it says; the scenario computes its stated formula,
starts from the latest sourced value, says it is not a forecast, and refuses bad input in words."""

import math

import matplotlib.pyplot as plt
import pytest

from aicourse import data, widgets
from aicourse.views import l05


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def events():
    return data.load("export_controls")


# --- timeline -------------------------------------------------------------------------------

def test_default_timeline_shows_every_event_of_the_period():
    fig, note, table = l05.timeline_view()
    year = events()["date"].dt.year
    assert len(table) == ((year >= l05.FIRST_YEAR) & (year <= l05.LAST_YEAR)).sum()
    assert note.startswith(f"{len(table)} events")
    months = [d[:7] for d in table["date"]]  # a date known to the month only is "YYYY-MM"
    assert months == sorted(months)
    assert fig.alt_text.startswith("Timeline with one lane per actor")


def test_actor_and_kind_filter_the_rows():
    table = l05.timeline_table("China", "export control on minerals")
    rows = events()
    expected = rows[(rows["actor"] == "China") & (rows["measure_type"] == "export control on minerals")]
    assert len(table) == len(expected) > 0
    assert set(table["actor"]) == {"China"}
    assert set(table["measure_type"]) == {"export control on minerals"}
    assert any("gallium" in t for t in table["targets"])


def test_years_filter_the_rows():
    table = l05.timeline_table(l05.ALL, l05.ALL, 2023, 2023)
    assert set(table["date"].dt.year) == {2023}
    assert len(table) == (events()["date"].dt.year == 2023).sum()


def test_events_are_numbered_only_when_few():
    fig, _, table = l05.timeline_view("Netherlands")
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == [str(i) for i in range(1, len(table) + 1)]
    fig, _, _ = l05.timeline_view()
    assert len(fig.axes[0].texts) == 0


def test_every_actor_and_kind_in_the_options_exists_in_the_data():
    assert set(l05.actor_options()[1:]) == set(events()["actor"])
    assert set(l05.kind_options()[1:]) == set(events()["measure_type"])


@pytest.mark.parametrize("args, words", [
    (("Germany",), "choose an actor"),
    ((["China"],), "choose an actor"),
    ((l05.ALL, "sanction"), "choose a kind"),
    ((l05.ALL, l05.ALL, 2024, 2019), "swap them"),
    ((l05.ALL, l05.ALL, 2017, 2019), "between 2018 and 2025"),
    ((l05.ALL, l05.ALL, True, 2019), "whole number"),
    ((l05.ALL, l05.ALL, 2019.5, 2020), "whole number"),
    (("Japan", "export control on minerals"), "no event in the data matches"),
])
def test_timeline_refuses_bad_input_in_words(args, words):
    with pytest.raises(widgets.ViewError, match=words):
        l05.timeline_view(*args)


# --- scenario -------------------------------------------------------------------------------

def test_scenario_starts_from_the_latest_sourced_value():
    shares = data.load("ic_self_sufficiency")
    based = shares[(shares["measure"] == l05._MEASURE[l05.SHARE_ALL]) & (shares["status"] == "reported")]
    newest = based.sort_values("year").iloc[-1]
    start = l05.latest(l05.SHARE_ALL)
    assert (start["year"], start["value"]) == (newest["year"], newest["value_percent"])
    trade = data.load("trade")
    chips = trade[(trade["product"] == "integrated circuits") & (trade["measure"] == "import value")]
    assert l05.latest(l05.IMPORTS)["year"] == chips["year"].max()


def test_share_scenario_adds_points_each_year_within_0_and_100():
    start = l05.latest(l05.SHARE_ALL)
    table = l05.scenario_table(l05.SHARE_ALL, 3.0, 2030).set_index("year").iloc[:, 0]
    assert table[2030] == pytest.approx(round(start["value"] + 3.0 * (2030 - start["year"]), 1))
    capped = l05.scenario_table(l05.SHARE_ALL, 20, 2040).iloc[:, 1]
    assert capped.max() == 100
    floored = l05.scenario_table(l05.SHARE_HQ, -5, 2030).iloc[:, 1]
    assert floored.min() == 0


def test_import_scenario_compounds_a_percentage():
    start = l05.latest(l05.IMPORTS)
    table = l05.scenario_table(l05.IMPORTS, -5, 2030).set_index("year").iloc[:, 0]
    assert table[2030] == pytest.approx(round(start["value"] * 0.95 ** (2030 - start["year"]), 1))


def test_needed_pace_and_year_reached():
    assert l05.points_needed(18.2, 2022, 70, 2030) == pytest.approx(51.8 / 8)
    assert l05.year_reaching(18.2, 2022, 6.475, 70) == 2030
    assert l05.year_reaching(18.2, 2022, 0, 70) is None
    assert l05.year_reaching(80, 2022, -1, 70) == 2022


def test_scenario_chart_says_it_is_not_a_forecast_and_shows_its_assumptions():
    fig, *notes, _ = l05.scenario_view(l05.SHARE_ALL, 6.5, 2030)
    ax = fig.axes[0]
    assert "not a forecast" in ax.get_title(loc="left")
    box = " ".join(t.get_text() for t in ax.texts).replace("\n", " ")
    start = l05.latest(l05.SHARE_ALL)
    assert l05.NOT_A_FORECAST in box
    for word in (f"{start['value']:g}% in {start['year']}", start["edition"], "+6.5 percentage points"):
        assert word in box
    assert notes[0] == l05.NOT_A_FORECAST
    assert "reach 70% in 2030" in notes[1]
    assert fig.alt_text.startswith(l05.NOT_A_FORECAST)


def test_import_scenario_note_gives_the_target_year_value():
    _, _, note, table = l05.scenario_view(l05.IMPORTS, -10, 2035)
    value = table.set_index("year").iloc[:, 0][2035]
    assert f"USD {value:,.0f} billion" in note


@pytest.mark.parametrize("args, words", [
    (("oil",), "choose what to project"),
    ((l05.SHARE_ALL, 30), "between -20 and 20 percentage points"),
    ((l05.IMPORTS, -60), "between -50 and 50 percent"),
    ((l05.SHARE_ALL, math.nan), "between"),
    ((l05.SHARE_ALL, "5"), "must be a number"),
    ((l05.SHARE_ALL, True), "must be a number"),
    ((l05.SHARE_ALL, 1, 2022), "after the start year"),
    ((l05.SHARE_ALL, 1, 2050), "2040 or earlier"),
    ((l05.SHARE_ALL, 1, None), "whole number"),
])
def test_scenario_refuses_bad_input_in_words(args, words):
    with pytest.raises(widgets.ViewError, match=words):
        l05.scenario_view(*args)


def test_market_sizes_come_from_the_notes_of_each_edition():
    markets = l05.market_sizes().set_index("year")
    assert markets.loc[2019, "market_usd_bn"] == 125.0
    assert markets.loc[2019, "edition"] == "IC Insights 2020"
    assert markets.loc[2022, "edition"] == "TechInsights 2023"
    assert markets.index.is_unique
