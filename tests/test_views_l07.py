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
    assert "citations" not in set(start["key"])
    assert start.attrs["missing"] == ["share of AI publication citations"]
    parts = l07.scenario_view(2024)
    assert any("left out" in p and "citations" in p for p in parts if isinstance(p, str))
    plt.close(parts[0])


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
    parts = l07.scenario_view(2025, patents_china=10)
    assert any(p.startswith("Impossible") for p in parts if isinstance(p, str))
    plt.close(parts[0])


def test_the_view_states_every_assumption_and_says_it_is_no_forecast():
    fig, table, note, *_ = l07.scenario_view(2025, 30, 5)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0].startswith("private investment") and "China +30%, US +5% a year" in labels[0]
    assert "not a forecast" in fig.alt_text and "not a forecast" in note
    assert any("not a forecast" in t.get_text() for t in fig.texts)
    assert list(table["China, % a year"])[0] == 30
    plt.close(fig)


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
