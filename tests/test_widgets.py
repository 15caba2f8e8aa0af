"""Widget views are pure functions: testable without a browser, and never a traceback."""

import math

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from aicourse import charts, widgets
from aicourse.views import l01

matplotlib.use("Agg")


def test_year_reached():
    assert l01.year_reached(2020, 100, 0.10, 200) == 2028  # 1.1 ** 7 < 2 < 1.1 ** 8
    assert l01.year_reached(2020, 100, 0.0, 200) is None
    assert l01.year_reached(2020, 300, 0.0, 200) == 2020
    assert l01.year_reached(2020, 100, 1.0, 200) == 2021  # exactly doubled after one year
    assert l01.year_reached(2020, 1, 0.01, 1e6) is None  # not by the last year shown


def test_growth_view_default_draws_targets_and_table():
    fig, table = l01.growth_view(2019, 51.0, 20.0)
    assert isinstance(fig, Figure) and len(charts.alt_text(fig)) > 50
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and "RMB" in ax.get_ylabel()
    assert any("Source" in t.get_text() or "Targets" in t.get_text() for t in fig.texts)
    assert list(table.index) == [2020, 2025, 2030]
    matplotlib.pyplot.close(fig)


def test_growth_table_agrees_with_the_formula():
    table = l01.growth_table(2017, 15.2, 100.0, "core AI industry")
    first = table.iloc[0]
    years = math.ceil(math.log(first["target (RMB billion)"] / 15.2) / math.log(2))
    assert first["year the path reaches it"] == 2017 + years


@pytest.mark.parametrize("kwargs", [
    {"start_value": "lots"}, {"start_value": float("nan")}, {"start_value": -3},
    {"rate_pct": None}, {"rate_pct": 10_000}, {"start_year": 1900}, {"segment": "cars"},
    {"start_year": True},
])
def test_bad_inputs_raise_view_error(kwargs):
    with pytest.raises(widgets.ViewError):
        l01.growth_view(**{"start_year": 2019, "start_value": 51.0, "rate_pct": 20.0, **kwargs})


def test_render_turns_errors_into_plain_messages(capsys):
    widgets.render(l01.growth_view, {"start_year": 2019, "start_value": "lots", "rate_pct": 20})
    assert "Cannot draw this view: The start value must be a number." in capsys.readouterr().out


def broken_view(**_):
    raise ZeroDivisionError("division by zero")


def test_a_fault_in_a_view_raises_in_strict_and_debug_mode(monkeypatch, capsys):
    monkeypatch.setenv("AICOURSE_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        widgets.render(broken_view, {"n": 1})
    monkeypatch.delenv("AICOURSE_DEBUG")
    monkeypatch.setenv("AICOURSE_STRICT", "1")
    with pytest.raises(ZeroDivisionError):
        widgets.render(broken_view, {"n": 1})
    monkeypatch.delenv("AICOURSE_STRICT")
    widgets.render(broken_view, {"n": 1})  # as a learner runs it: the course's fault, in words
    out = capsys.readouterr().out
    assert "Cannot draw this view: this is a fault in the course, not in your settings" in out
    assert "broken_view, settings {'n': 1}, ZeroDivisionError: division by zero" in out
    assert "Traceback" not in out


def test_claim_view_names_the_lesson():
    from aicourse.views import l00

    card = l00.claim_view("C03").data
    assert "01 The 2017 plan" in card and "150 billion" in card
    assert len(l00.claim_options()) == 21
    for bad in ("C99", None, 3, ["C03"]):
        with pytest.raises(widgets.ViewError):
            l00.claim_view(bad)


def test_explore_builds_controls_and_redraws(capsys):
    import ipywidgets as w

    calls = []

    def view(n=1):
        calls.append(n)
        return pd.DataFrame({"n": [n]})

    slider = w.IntSlider(value=1, min=0, max=5)
    widgets.explore(view, {"n": slider})
    assert calls == [1]  # drawn once, shown as the static picture and as the live view
    slider.value = 3
    assert calls[-1] == 3


# --- lesson 04: the indicator explorer ----------------------------------------------------------

def test_indicator_view_draws_every_setting():
    from aicourse.views import l04

    for indicator in l04.indicator_options():
        for scale in l04.scale_options():
            for per in l04.per_options():
                result = l04.indicator_view(indicator, scale, per)
                fig, table = result.figure, result.table
                ax = fig.axes[0]
                assert ax.get_yscale() == scale and len(charts.alt_text(fig)) > 50
                assert any("Source" in t.get_text() for t in fig.texts)
                assert not table.empty and "source quality" in table
                assert set(table["source_id"].dropna()) <= set(result.sources)
                matplotlib.pyplot.close(fig)


def test_indicator_view_draws_the_target():
    from aicourse.views import l04

    fig = l04.indicator_view("5G base stations", "linear", "totals").figure
    target = l04.rows_of("5G base stations").query("status == 'target'")["value"].item()
    levels = [line.get_ydata()[0] for line in fig.axes[0].lines if line.get_linestyle() == "--"]
    assert levels == [target / 1e6]  # drawn in millions, as the axis says
    matplotlib.pyplot.close(fig)
    fig = l04.indicator_view("Internet users", "linear", "totals").figure
    assert not [l for l in fig.axes[0].lines if l.get_linestyle() == "--"], "no target, no line"
    matplotlib.pyplot.close(fig)


def test_per_person_divides_by_the_population_of_the_right_year():
    from aicourse.views import l04

    table = l04.indicator_table("5G base stations", "per person")
    label = "Stations per 10,000 people"
    computed = table[table["series"] == "5G base stations"].set_index("period")[label]
    pop = l04.population()
    stations = l04.base_stations()
    assert computed["2024"] == pytest.approx(stations[2024] / (pop[2024] * 1e6) * 1e4)
    # a November count is divided by the population at the end of the year before
    november = l04.rows_of("5G base stations").query("period == '2025-11'")["value"].item()
    assert computed["2025-11"] == pytest.approx(november / pop[2024] * 1e4 / 1e6)
    # each year is divided by its own year-end population, never by another year's
    if 2025 in pop.index:
        assert computed["2025"] == pytest.approx(stations[2025] / (pop[2025] * 1e6) * 1e4)
    else:
        assert math.isnan(computed["2025"])
    # the computed figures agree with MIIT's own per-10,000 figures where both exist
    own = table[table["series"] == "MIIT's own figure"].set_index("period")[label]
    assert computed["2020"] == pytest.approx(own["2020"], abs=0.1)
    assert computed["2021"] == pytest.approx(own["2021"], abs=0.1)


def test_measures_are_not_joined_into_one_line():
    from aicourse.views import l04

    result = l04.indicator_view("5G users", "linear", "totals")
    assert result.table["series"].nunique() == 3  # connections, handsets online, mobile phone users
    joined = [l for l in result.figure.axes[0].lines if l.get_linestyle() == "-"]
    assert [l.get_label() for l in joined] == ["5G mobile phone users"]
    assert any("only within one measure" in note for note in result.notes)
    assert "in 3 measures, each drawn apart" in charts.alt_text(result.figure)
    matplotlib.pyplot.close(result.figure)


def test_period_x_and_population_year():
    from aicourse.views import l04

    assert l04.period_x("2024") == 2024.0 and l04.period_x("2025-06") == 2024.5
    assert l04.population_year("2024-12") == 2024 and l04.population_year("2025-06") == 2024


@pytest.mark.parametrize("kwargs", [
    {"indicator": "6G"}, {"indicator": None}, {"indicator": float("nan")}, {"scale": "square"},
    {"scale": True}, {"per": "per household"}, {"per": 10**100}, {"indicator": ["5G users"]},
])
def test_indicator_view_bad_inputs_raise_view_error(kwargs):
    from aicourse.views import l04

    with pytest.raises(widgets.ViewError):
        l04.indicator_view(**{"indicator": "5G users", "scale": "log", "per": "totals", **kwargs})


def test_choice_accepts_only_an_option_of_the_same_type():
    assert widgets.choice("b", ["a", "b"], "a letter") == "b"
    assert widgets.choice(2025, [2024, 2025], "an edition") == 2025
    for bad in ("c", ["b"], None):
        with pytest.raises(widgets.ViewError, match="choose a letter from the list"):
            widgets.choice(bad, ["a", "b"], "a letter")
    for bad in (2025.0, "2025", True):  # True == 1, but it is not a year
        with pytest.raises(widgets.ViewError, match=r"from the list: 1, 2025\."):
            widgets.choice(bad, [1, 2025], "an edition", listed=True)
