"""Lesson 03's compare view (each normalisation computes what it says, or refuses in plain words)
and the helpers of its charts: the "who leads?" table, the Arena gaps by edition, and the style
of unchecked and old-method points."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from aicourse import charts, data, widgets
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
                result = l03.compare_view(measure, normalisation)
            except widgets.ViewError:
                continue
            drawn += 1
            assert isinstance(result, widgets.ViewResult)
            assert f"Bar chart of {measure}" in result.figure.alt_text
            assert set(result.sources) <= set(data.sources()["source_id"]) and result.sources
            plt.close(result.figure)
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
    result = l03.compare_view("notable AI models, 2024 (AI Index 2025)", l03.PER_CAPITA)
    assert any("Europe" in n for n in result.notes)
    assert "Europe" not in set(result.table["country"])
    plt.close(result.figure)
    result = l03.compare_view("NeurIPS accepted papers, 2025", l03.PER_CAPITA)
    assert any("neighbouring year" in n for n in result.notes)
    plt.close(result.figure)


def test_the_subtitle_names_the_largest_value():
    result = l03.compare_view(PATENTS, l03.TOTALS)
    china = printed("granted AI patents", "China", 2024, 2022)
    assert f"China has the largest value ({charts.num(china)})" in result.figure.alt_text
    plt.close(result.figure)


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


# --- who leads? ---------------------------------------------------------------------------------

def test_lead_measures_take_each_source_s_latest_year_for_china_and_the_us():
    levels = l03.lead_measures()
    assert set(levels["country"]) == {"China", "United States"}
    assert set(levels["source"]) == {"AI Index 2025", "AI Index 2026", l03.EPOCH}
    assert set(levels["measure"]) == set(l03.LEAD_ORDER)
    assert not levels.duplicated(["measure", "source", "country"]).any()  # one value each
    pubs = data.load("ai_publications")
    patents = pubs[(pubs["metric"] == "share of granted AI patents") & (pubs["edition"] == 2025)
                   & (pubs["country"] == "China")]
    latest = patents[patents["data_year"] == patents["data_year"].max()]
    row = levels[(levels["measure"] == "share of granted AI patents")
                 & (levels["source"] == "AI Index 2025") & (levels["country"] == "China")]
    assert row["value"].item() == latest["value"].item()
    money = data.load("private_ai_investment")
    us = money[(money["edition"] == 2026) & (money["country"] == "United States")]["value_usd_bn"].item()
    row = levels[(levels["measure"] == "private AI investment (USD billion)")
                 & (levels["source"] == "AI Index 2026") & (levels["country"] == "United States")]
    assert row["value"].item() == us


def test_lead_measures_keep_the_transcription_where_readings_of_an_edition_conflict():
    levels = l03.lead_measures()
    models = levels[levels["measure"] == "notable AI models"]
    assert not set(models["source_id"]) & l03.SECOND_READINGS
    assert len(models[models["source"] == "AI Index 2026"]) == 2


def test_the_lead_chart_draws_every_measure_with_both_values():
    levels = l03.lead_measures()
    leads = levels.pivot_table(index=["measure", "source", "year"], columns="country", values="value")
    leads["China as % of US"] = 100 * leads["China"] / leads["United States"]
    fig, ax = plt.subplots()
    l03.lead_chart(ax, leads)
    shown = [t.get_text() for t in ax.get_yticklabels()]
    compared = set(leads.dropna(subset=["China as % of US"]).index.get_level_values("measure"))
    assert sorted(shown) == sorted(l03.LEAD_SHORT[m] for m in compared)
    alt = l03.lead_alt(leads)
    assert alt.count("%") == len(leads.dropna(subset=["China as % of US"]))
    plt.close(fig)


# --- the Arena gaps by edition ------------------------------------------------------------------

def test_arena_gaps_count_sources_and_flag_the_unchecked_edition():
    perf = data.load("model_performance")
    gaps = perf[perf["measure"] == "US lead over top Chinese model"]
    arena = l03.arena_gaps(gaps).set_index(["edition", "as_of"])
    assert arena.index.is_unique  # a figure two sources give is one point
    assert arena.loc[(2025, "2025-02"), "checked"]  # the report's own text
    twice = arena[arena["sources"] > 1]
    assert len(twice) and twice["checked"].all()
    alone = arena[(arena.index.get_level_values("edition") == l03.UNCHECKED_EDITION)
                  & (arena["sources"] == 1)]
    assert len(alone) and not alone["checked"].any()
    fig, ax = plt.subplots()
    l03.arena_lines(ax, arena.reset_index())
    assert len(ax.lines) == arena.index.get_level_values("edition").nunique()  # never joined
    assert "(unchecked)" in l03.arena_alt(arena.reset_index())
    plt.close(fig)


def test_old_method_and_unchecked_points_are_hollow():
    pubs = data.load("ai_publications")
    granted = pubs[(pubs["metric"] == "share of granted AI patents")
                   & pubs["country"].isin(["China", "United States"])]
    fig, ax = plt.subplots()
    l03.edition_points(ax, granted, old_method=2022)
    for collection in ax.collections:
        years = set(collection.get_offsets()[:, 0].tolist())
        rows = granted[granted["data_year"].isin(years)]
        faces = collection.get_facecolors()
        white = bool(len(faces)) and all((f[:3] == 1).all() for f in faces)
        editions = set(rows["edition"]) & {2022, l03.UNCHECKED_EDITION}
        if white:
            assert editions, years
    hollow = sum(all((f[:3] == 1).all() for f in c.get_facecolors()) for c in ax.collections)
    expected = granted.groupby(["country", "edition"]).ngroups - granted[
        ~granted["edition"].isin([2022, l03.UNCHECKED_EDITION])].groupby(["country", "edition"]).ngroups
    assert hollow == expected
    plt.close(fig)


def test_alt_texts_name_every_figure_without_numpy_types():
    pubs = data.load("ai_publications")
    granted = pubs[(pubs["metric"] == "share of granted AI patents")
                   & pubs["country"].isin(["China", "United States"])]
    text = l03.points_alt(granted, old_method=2022)
    assert "np." not in text and text.count(" ed.") == len(granted)
    table = pd.DataFrame({"a": [1.5, 2000.0]}, index=["x", "y"])
    assert l03.table_alt(table) == "x: a 1.5; y: a 2,000"
