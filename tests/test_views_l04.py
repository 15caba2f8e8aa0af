"""Lesson 04's chart helpers: direct labels that stay out of the layout, alt texts computed from
the data, and the OECD comparison's numbers. (The indicator widget is tested in
tests/test_widgets.py.)"""

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from aicourse import charts, data
from aicourse.views import l04

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _sites():
    g = data.load("five_g")
    return g[g["measure"].str.startswith("5G sites")]


def _target():
    g = data.load("five_g")
    return g.loc[(g["indicator"] == "5g_base_stations") & (g["status"] == "target"), "value"].item()


def test_a_direct_label_sits_by_its_point_and_takes_no_room():
    _fig, ax = plt.subplots()
    ax.plot([2020, 2025], [1, 5])
    l04.label(ax, 2025, 5, "count", charts.PALETTE[0], "left")
    (note,) = ax.texts
    assert note.get_text() == "count" and note.xy == (2025, 5)
    assert note.get_ha() == "right" and not note.get_in_layout()
    assert note.get_fontsize() >= charts.MIN_FONT


def test_the_stations_panel_draws_the_line_the_point_and_the_target_in_millions():
    stations, sites, target = l04.base_stations(), _sites(), _target()
    _fig, ax = plt.subplots()
    l04.draw_stations(ax, stations, sites, target, heading="linear scale")
    line = ax.lines[0]
    assert list(line.get_ydata()) == pytest.approx(list(stations / 1e6))
    dashed = [l for l in ax.lines if l.get_linestyle() == "--"]
    assert [l.get_ydata()[0] for l in dashed] == [pytest.approx(target / 1e6)]
    assert ax.collections[0].get_offsets()[0][1] == pytest.approx(sites["value"].item() / 1e6)
    labels = {t.get_text() for t in ax.texts}
    assert {"base stations (MIIT)", "'5G sites' (Global Times)", "linear scale"} <= labels
    assert any(text.startswith("target for end-2025") for text in labels)


def test_alt_texts_give_every_value_without_numpy_names():
    stations, sites, target = l04.base_stations(), _sites(), _target()
    alt = l04.stations_alt(stations, sites, target)
    for year, value in stations.items():
        assert f"{year} {charts.num(round(value / 1e6, 3))}" in alt
    computed = pd.Series({2023: 23.96, 2024: 30.18})
    official = pd.Series({2020: 5.0, 2021: 10.1})
    alt = l04.per_10k_alt(computed, official, 26)
    assert "end of 2024" in alt and "2021 10.1" in alt  # the first year at or above the target
    comparison = pd.Series({"OECD average": 100.0, "China, end-2024": 301.8, "South Korea": 593.0})
    alt = l04.comparison_alt(comparison)
    assert "China, end-2024 302" in alt and "no data year" in alt
    for text in (alt, l04.stations_alt(stations, sites, target)):
        assert "np." not in text and "e+" not in text


def test_the_online_alt_text_names_each_series_by_its_dates():
    population = data.load("population")
    internet = data.load("internet_users")
    payments = data.load("payments")
    pay_users = payments[payments["indicator"] == "online_payment_users"]
    alt = l04.online_alt(population, internet, pay_users)
    latest = internet.loc[internet["survey_date"] == internet["survey_date"].max()].iloc[0]
    assert f"{latest['survey_date']} {charts.num(round(latest['users_million']))}" in alt
    assert "Online payment users (CNNIC): 2019-06 633" in alt


def test_labelled_lines_leave_room_for_their_names():
    lines = {"a": pd.Series([1.0, 2.0], index=[2015, 2025]),
             "b": pd.Series([1.0, 1.5], index=[2018.5, 2024.0])}
    _fig, ax = plt.subplots()
    l04.draw_labelled_lines(ax, lines)
    assert [t.get_text() for t in ax.texts] == ["a", "b"]
    assert ax.get_xlim()[1] > 2025 + 2  # names written after the last point fit in the axes
    assert [t.xy for t in ax.texts] == [(2025, 2.0), (2024.0, 1.5)]


def test_the_oecd_comparison_is_china_per_10k_times_ten():
    """The lesson computes China's figure per 100,000 people as ten times that per 10,000; the
    OECD's figures lie on either side of it, as the lesson's text says."""
    pop = l04.population()
    stations = l04.base_stations()
    per_100k = stations[2024] / (pop[2024] * 1e6) * 100_000
    abroad = data.load("five_g_international").set_index("country")["stations_per_100k"]
    assert abroad["OECD average"] < per_100k < abroad["South Korea"]
    assert per_100k == pytest.approx(10 * stations[2024] / (pop[2024] * 1e6) * 10_000)
