"""Lesson 05's views: the timeline filters what it says and numbers every event without two
numbers on top of each other; the scenario computes its stated formula, starts from the latest
sourced value, says it is not a forecast, and refuses bad input in words; every view returns a
ViewResult; the chart helpers label what the notebook's charts draw; the market sizes are a
column of their own, each backed by its source."""

import math
import re

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
    view = l05.timeline_view()
    assert isinstance(view, widgets.ViewResult)
    table, (note,) = view.table, view.notes
    year = events()["date"].dt.year
    assert len(table) == ((year >= l05.FIRST_YEAR) & (year <= l05.LAST_YEAR)).sum()
    assert note.startswith(f"{len(table)} events")
    months = [d[:7] for d in table["date"]]  # a date known to the month only is "YYYY-MM"
    assert months == sorted(months)
    assert "Timeline with one lane per actor" in view.figure.alt_text
    assert set(view.sources) == set(events()["source_id"])


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


def _number_labels(view):
    return [t for t in view.figure.axes[0].texts if re.fullmatch(r"\d+(, \d+)*", t.get_text())]


@pytest.mark.parametrize("args", [(), ("Netherlands",), ("China",), (l05.ALL, l05.ALL, 2023, 2024)])
def test_every_event_is_numbered_once_and_no_two_numbers_overlap(args):
    view = l05.timeline_view(*args)
    labels = _number_labels(view)
    numbers = [int(n) for t in labels for n in t.get_text().split(", ")]
    assert sorted(numbers) == list(view.table["no."])  # each event once, as in the table
    fig = view.figure
    boxes = [t.get_window_extent(fig.canvas.get_renderer()) for t in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), "two number labels overlap"
    axes = fig.axes[0].get_window_extent(fig.canvas.get_renderer())
    assert all(box.x1 <= axes.x1 + 1 for box in boxes), "a label runs past the axes"


def test_a_few_events_get_a_number_each():
    view = l05.timeline_view("Netherlands")
    assert [t.get_text() for t in _number_labels(view)] == [str(n) for n in view.table["no."]]


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
    view = l05.scenario_view(l05.SHARE_ALL, 6.5, 2030)
    assert isinstance(view, widgets.ViewResult)
    fig, notes = view.figure, view.notes
    ax = fig.axes[0]
    assert "not a forecast" in ax.get_title(loc="left")
    box = " ".join(t.get_text() for t in ax.texts).replace("\n", " ")
    start = l05.latest(l05.SHARE_ALL)
    assert l05.NOT_A_FORECAST in box
    for word in (f"{start['value']:g}% in {start['year']}", start["edition"], "+6.5 percentage points"):
        assert word in box
    assert notes[0] == l05.NOT_A_FORECAST
    assert "reach 70% in 2030" in notes[1]
    assert l05.NOT_A_FORECAST in fig.alt_text
    assert start["source_id"] in view.sources and l05.goal()["source_id"] in view.sources


def test_import_scenario_note_gives_the_target_year_value():
    view = l05.scenario_view(l05.IMPORTS, -10, 2035)
    value = view.table.set_index("year")["USD billion"][2035]
    assert f"USD {value:,.0f} billion" in view.notes[1]


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


def market_rows():
    shares = data.load("ic_self_sufficiency")
    return shares[shares["measure"] == "China IC market size"]


def test_market_sizes_are_a_column_of_rows_of_their_own():
    """The sizes the lesson sets beside the import bill are read by name, not parsed from notes;
    each row holds one figure, a share or a market size."""
    shares = data.load("ic_self_sufficiency")
    markets = market_rows()
    is_market = (shares["measure"] == "China IC market size").astype(bool)
    assert shares["value_percent"].isna().equals(is_market)
    assert shares["market_usd_bn"].notna().equals(is_market)
    sizes = markets.set_index(["year", "edition"])["market_usd_bn"]
    assert sizes[(2019, "IC Insights 2020")] == 125.0
    assert sizes[(2022, "TechInsights 2023")] == 164.4
    assert sizes[(2021, "TechInsights 2023")] == 177.3  # TechInsights' own size for 2021
    assert sizes.index.is_unique
    assert not shares["note"].fillna("").str.contains("IC market USD").any()


def test_every_edition_states_the_market_of_its_newest_past_year():
    shares = data.load("ic_self_sufficiency")
    based = shares[(shares["measure"] == l05._MEASURE[l05.SHARE_ALL]) & (shares["status"] == "reported")]
    newest = based.groupby("edition")["year"].max()
    markets = market_rows()
    for edition, year in newest.items():
        assert ((markets["edition"] == edition) & (markets["year"] == year)).any(), edition


# --- the chart helpers ------------------------------------------------------------------------

def test_market_alt_text_names_every_pair_of_bars():
    compare = market_rows().assign(imports_usd_bn=float("nan"))
    text = l05.market_alt(compare)
    assert text.count("imports missing") == len(compare)
    assert "market 164.4 (TechInsights 2023)" in text


def test_editions_chart_has_one_row_per_edition_and_a_line_per_goal():
    shares = data.load("ic_self_sufficiency")
    based = shares[shares["measure"] == l05._MEASURE[l05.SHARE_ALL]]
    hq = shares[shares["measure"] == l05._MEASURE[l05.SHARE_HQ]]
    goals = shares[shares["status"] == "target"]
    _fig, ax = plt.subplots()
    l05.edition_rows(ax, based, hq)
    l05.goal_lines(ax, goals)
    assert [t.get_text() for t in ax.get_yticklabels()] == list(dict.fromkeys(based["edition"]))
    years = [t.get_text() for t in ax.texts if t.get_text().isdigit()]
    assert len(years) == len(based) + len(hq)  # every point labelled with its year
    assert ax.get_xlim()[1] > goals["value_percent"].max()
    alt = l05.editions_alt(based, hq, goals)
    assert "2022 18.2" in alt and "70% for 2025" in alt and "(forecast)" in alt
