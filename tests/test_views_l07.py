"""Lesson 07's scenario view: start values from one edition, the stated formula, plain refusals."""

import matplotlib.pyplot as plt
import pytest

from aicourse import data, widgets
from aicourse.views import l07


def printed(table, value_column, edition, country, **match):
    t = data.load(table)
    rows = t[(t["edition"] == edition) & (t["country"] == country)]
    for column, value in match.items():
        rows = rows[rows[column] == value]
    return float(rows[value_column].item())


def test_start_values_are_the_editions_own_latest_figures():
    start = l07.start_values(2025).set_index("key")
    assert start.loc["investment", "China"] == printed("private_ai_investment", "value_usd_bn",
                                                       2025, "China")
    assert start.loc["models", "United States"] == printed("notable_models", "count", 2025,
                                                           "United States")
    # the US has a 2015 patent share in this edition too: the start is the latest common year
    assert start.loc["patents", "year"] == 2023
    assert start.loc["patents", "United States"] == printed(
        "ai_publications", "value", 2025, "United States",
        metric="share of granted AI patents", data_year=2023)
    assert set(start["edition"]) == {2025}


def test_an_edition_without_an_indicator_says_so():
    start = l07.start_values(2024)
    assert "citations" not in set(start["key"]) and "arena" not in set(start["key"])
    assert start.attrs["missing"] == ["share of AI publications",
                                      "share of AI publication citations",
                                      "Chatbot Arena score of the top model"]
    result = l07.scenario_view(2024)
    assert any("left out" in n and "citations" in n for n in result.notes)
    plt.close(result.figure)


def test_the_arena_score_is_compared_but_not_grown():
    start = l07.start_values(2025).set_index("key")
    arena = data.load("model_performance")
    arena = arena[(arena["measure"] == "Arena score of top model") & (arena["edition"] == 2025)
                  & arena["benchmark"].isin(l07.ARENA)].set_index("country")
    assert start.loc["arena", "China"] == arena.loc["China", "value"]
    assert start.loc["arena", "United States"] == arena.loc["United States", "value"]
    assert start.loc["arena", "year"] == int(arena.loc["China", "as_of"][:4])
    assert not start.loc["arena", "in scenario"] and start.loc["models", "in scenario"]
    table = l07.scenario_table(2025)
    assert "Chatbot Arena score of the top model" not in set(table["indicator"])
    assert table.attrs["not grown"] == ["Chatbot Arena score of the top model"]
    result = l07.scenario_view(2025)
    assert any(n.startswith("Compared but not grown") for n in result.notes)
    plt.close(result.figure)


def test_performance_gaps_are_the_editions_first_and_last_figures():
    gaps = l07.performance_gaps(2025).set_index("benchmark")
    rows = data.load("model_performance")
    rows = rows[(rows["measure"] == "US lead over top Chinese model") & (rows["edition"] == 2025)]
    for benchmark in ["MMLU", "HumanEval", "Chatbot Arena (LMSYS)"]:
        mine = rows[rows["benchmark"] == benchmark].set_index("as_of")["value"]
        assert gaps.loc[benchmark, "US lead, first"] == mine[min(mine.index)]
        assert gaps.loc[benchmark, "US lead, last"] == mine[max(mine.index)]
    assert "Chatbot Arena, coding category" not in gaps.index  # another leaderboard


@pytest.mark.parametrize("percent, shown", [
    (8.52, "8.5%"), (37.5, "38%"), (99.6, "1×"), (491.0, "4.9×"), (0.001, "<0.01%"),
    (123456.0, "1,235×")])
def test_relative_values_read_at_a_glance(percent, shown):
    assert l07.relative(percent) == shown


def test_the_scenario_computes_the_stated_formula():
    table = l07.scenario_table(2025, {"investment": (20, 5)}).set_index("indicator")
    row = table.loc["private AI investment"]
    china = printed("private_ai_investment", "value_usd_bn", 2025, "China")
    us = printed("private_ai_investment", "value_usd_bn", 2025, "United States")
    years = 2030 - 2024
    assert row["years to 2030"] == years
    assert row["China, 2030"] == pytest.approx(china * 1.20 ** years)
    assert row["US, 2030"] == pytest.approx(us * 1.05 ** years)
    assert row["leads in 2030"] == ("China" if china * 1.20 ** years > us * 1.05 ** years
                                    else "United States")
    # at the tie rate China draws exactly level with the US in 2030
    tie = row["China's rate for a tie in 2030 (% a year)"]
    assert l07.grow(china, tie, years) == pytest.approx(l07.grow(us, 5, years))


def test_equal_rates_leave_the_ratio_and_the_leader_unchanged():
    table = l07.scenario_table(2025, dict.fromkeys(l07.INDICATORS, (2, 2)))
    assert list(table["China as % of US, 2030"]) == pytest.approx(
        list(table["China as % of US, start"]))
    leaders_now = ["China" if r["China, start"] > r["US, start"] else "United States"
                   for _, r in table.iterrows()]
    assert list(table["leads in 2030"]) == leaders_now


def test_china_overtakes_when_its_rate_beats_the_tie_rate():
    table = l07.scenario_table(2025).set_index("indicator")
    tie = table.loc["notable AI models", "China's rate for a tie in 2030 (% a year)"]
    above = l07.scenario_table(2025, {"models": (tie + 1, 0)}).set_index("indicator")
    below = l07.scenario_table(2025, {"models": (tie - 1, 0)}).set_index("indicator")
    assert above.loc["notable AI models", "leads in 2030"] == "China"
    assert below.loc["notable AI models", "leads in 2030"] == "United States"


def test_shares_that_pass_100_percent_are_called_impossible():
    table = l07.scenario_table(2025, {"patents": (10, 0)}).set_index("indicator")
    assert table.loc["share of granted AI patents", "leads in 2030"].startswith("impossible")
    result = l07.scenario_view(2025, patents_china=10)
    assert any(n.startswith("Impossible") for n in result.notes)
    assert "(impossible" in result.figure.alt_text
    plt.close(result.figure)


def test_the_view_states_every_assumption_and_says_it_is_no_forecast():
    result = l07.scenario_view(2025, 30, 5)
    fig, table = result.figure, result.table
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0].startswith("private investment") and "China +30%, US +5% a year" in labels[0]
    assert "not a forecast" in fig.alt_text and "not a forecast" in result.notes[0]
    assert any("not a forecast" in t.get_text() for t in fig.texts)
    assert list(table["China, % a year"])[0] == 30
    assert set(result.sources) == set(l07.start_values(2025).attrs["sources"])
    plt.close(fig)


def test_labels_say_times_above_level_and_percent_below():
    result = l07.scenario_view(2025)
    shown = {t.get_text() for t in result.figure.axes[0].texts}
    start = l07.scenario_table(2025).set_index("indicator")["China as % of US, start"]
    assert l07.relative(start["share of granted AI patents"]) in shown
    assert l07.relative(start["share of granted AI patents"]).endswith("×")
    assert l07.relative(start["private AI investment"]).endswith("%")
    assert not any("%" in s and "×" in s for s in shown)
    plt.close(result.figure)


@pytest.mark.parametrize("args, words", [
    ((2026,), "choose an AI Index edition"),
    ((True,), "choose an AI Index edition"),
    (("2025",), "choose an AI Index edition"),
    ((2025, "ten"), "must be a number"),
    ((2025, None), "must be a number"),
    ((2025, float("nan")), "must be a number"),
    ((2025, True), "must be a number"),
    ((2025, 0, 1e9), "between -90% and 200%"),
    ((2025, -100), "between -90% and 200%"),
])
def test_bad_inputs_are_refused_in_words(args, words):
    with pytest.raises(widgets.ViewError, match=words):
        l07.scenario_view(*args)
