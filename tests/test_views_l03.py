"""Lesson 03's compare view: each normalisation computes what it says, or refuses in plain words."""

import matplotlib.pyplot as plt
import pytest

from aicourse import data, widgets
from aicourse.views import l03

PATENTS = "granted AI patents, 2022 (AI Index 2024)"


def printed(metric, country, edition, year):
    pubs = data.load("ai_publications")
    row = pubs[(pubs["metric"] == metric) & (pubs["country"] == country)
               & (pubs["edition"] == edition) & (pubs["data_year"] == year)]
    return float(row["value"].item())


def test_every_option_is_one_edition_and_draws_with_some_normalisation():
    assert l03.DEFAULT in l03.measure_options()
    for measure in l03.measure_options():
        drawn = 0
        for normalisation in l03.NORMALISATIONS:
            try:
                parts = l03.compare_view(measure, normalisation)
            except widgets.ViewError:
                continue
            drawn += 1
            assert parts[0].alt_text.startswith("Bar chart of " + measure)
            plt.close(parts[0])
        assert drawn, measure


def test_totals_are_the_printed_counts():
    table = l03.compare_table(PATENTS, l03.TOTALS).set_index("country")["count"]
    assert table["China"] == printed("granted AI patents", "China", 2024, 2022)
    assert list(table.index)[0] == "China"  # largest first


def test_share_from_counts_divides_by_the_world_total():
    table = l03.compare_table(PATENTS, l03.SHARES).set_index("country")
    share = table.iloc[:, 0]
    world = printed("granted AI patents", "World", 2024, 2022)
    china = printed("granted AI patents", "China", 2024, 2022)
    assert share["China"] == pytest.approx(100 * china / world)
    assert "computed from counts" in table.attrs["unit"]


def test_per_capita_divides_by_population_in_millions():
    table = l03.compare_table(PATENTS, l03.PER_CAPITA).set_index("country")["per million people"]
    pop = data.load("world_population")
    us = pop[(pop["country"] == "United States") & (pop["year"] == 2022)]["population_thousand"].item()
    us_patents = printed("granted AI patents", "United States", 2024, 2022)
    assert table["United States"] == pytest.approx(us_patents / (us / 1000))
    assert table["United States"] > table["China"]  # the lesson's point: per person the order flips


def test_china_per_capita_uses_the_national_statistics_figure():
    people, ids, year = l03.population("China", 2023)
    assert ids[0].startswith("inf_") and year == 2023  # NBS, not the UN estimate
    pop = data.load("world_population")
    nbs = pop[(pop["country"] == "China") & (pop["year"] == 2023)
              & pop["measure"].str.contains("first published by NBS")]
    assert people == pytest.approx(nbs["population_thousand"].item() / 1000)


def test_an_area_is_the_sum_of_its_members():
    eu_uk, ids, _ = l03.population("EU and UK", 2023)
    eu, _, _ = l03.population("European Union", 2023)
    uk, _, _ = l03.population("United Kingdom", 2023)
    assert eu_uk == pytest.approx(eu + uk) and len(ids) == 2


def test_missing_population_is_said_not_hidden():
    parts = l03.compare_view("notable AI models, 2024 (AI Index 2025)", l03.PER_CAPITA)
    notes = [p for p in parts if isinstance(p, str)]
    assert any("Europe" in n for n in notes)
    plt.close(parts[0])
    parts = l03.compare_view("NeurIPS accepted papers, 2025", l03.PER_CAPITA)
    assert any("neighbouring year" in p for p in parts if isinstance(p, str))
    plt.close(parts[0])


@pytest.mark.parametrize("measure, normalisation, words", [
    ("share of AI journal publications, 2021 (AI Index 2023)", l03.TOTALS, "only as shares"),
    ("share of AI journal publications, 2021 (AI Index 2023)", l03.PER_CAPITA, "only as shares"),
    ("notable AI models, 2024 (AI Index 2025)", l03.SHARES, "no world total"),
    ("granted AI patents", l03.TOTALS, "choose a measure"),
    (PATENTS, "per person", "choose 'totals'"),
    (["a list"], l03.TOTALS, "choose a measure"),
])
def test_impossible_pairs_are_refused_in_words(measure, normalisation, words):
    with pytest.raises(widgets.ViewError, match=words):
        l03.compare_view(measure, normalisation)


def test_no_overlapping_areas_beside_their_members():
    for measure in l03.measure_options():
        countries = set(l03.compare_table(measure, l03.SHARES if "share" in measure else l03.TOTALS)["country"])
        if countries & l03.EUROPEAN:
            assert not countries & l03.EUROPE_AREAS, measure


def test_measures_follow_the_data_folder_in_use(tmp_path, monkeypatch):
    """AICOURSE_DATA pointing at another copy of the data gives that copy's measures."""
    import shutil

    import pandas as pd

    copy = tmp_path / "data"
    shutil.copytree(data.find_data_dir(), copy)
    pubs = pd.read_csv(copy / "ai_publications.csv", dtype=str, keep_default_na=False)
    first = pubs.index[(pubs["metric"] == "granted AI patents") & (pubs["country"] == "China")
                       & (pubs["edition"] == "2024") & (pubs["data_year"] == "2022")][0]
    pubs.loc[first, "value"] = "1"
    pubs.to_csv(copy / "ai_publications.csv", index=False)
    here = l03._measures()[PATENTS].set_index("country")["value"]["China"]
    assert here == printed("granted AI patents", "China", 2024, 2022) != 1
    monkeypatch.setenv("AICOURSE_DATA", str(copy))
    there = l03._measures()[PATENTS].set_index("country")["value"]["China"]
    assert there == 1
