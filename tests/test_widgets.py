"""Widget views are pure functions: testable without a browser, and never a traceback."""

import math

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from aicourse import charts, data, widgets
from aicourse.views import l01

matplotlib.use("Agg")


def test_year_reached():
    assert l01.year_reached(2020, 100, 0.10, 200) == 2028  # 1.1 ** 7 < 2 < 1.1 ** 8
    assert l01.year_reached(2020, 100, 0.0, 200) is None
    assert l01.year_reached(2020, 300, 0.0, 200) == 2020
    assert l01.year_reached(2020, 100, 1.0, 200) == 2021  # exactly doubled after one year
    assert l01.year_reached(2020, 1, 0.01, 1e6) is None  # not by the last year shown


def test_growth_view_default_draws_targets_and_table():
    result = l01.growth_view(2019, 51.0, 20.0)
    assert isinstance(result, widgets.ViewResult)
    fig, table = result.figure, result.table
    assert isinstance(fig, Figure) and len(charts.alt_text(fig)) > 50
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and "RMB" in ax.get_ylabel()
    assert any("Source" in t.get_text() or "Targets" in t.get_text() for t in fig.texts)
    assert list(table.index) == [2020, 2025, 2030]
    targets = data.load("aidp_targets")
    core = targets[targets["segment"] == "core AI industry"]
    assert set(result.sources) == set(core["source_id"])
    labels = [t.get_text() for t in ax.texts]
    assert {"2020 target", "2025 target", "2030 target"} <= set(labels), "targets labelled directly"
    assert ax.get_legend() is None
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize("start, rate, on_time", [
    (51.0, 20.0, "none"), (500.0, 20.0, "every"), (150.0, 0.0, "2020")])
def test_growth_view_says_which_targets_are_met_on_time(start, rate, on_time):
    """The note and the subtitle say, in words, what the table's 'on time?' column says."""
    result = l01.growth_view(2020, start, rate)
    met = [str(y) for y, row in result.table.iterrows() if row["on time?"] == "yes"]
    note = result.notes[0]
    if on_time == "none":
        assert met == [] and "none of the targets" in note
    elif on_time == "every":
        assert met == ["2020", "2025", "2030"] and "every target" in note
    else:
        assert met == [on_time] and f"the {on_time} target on time" in note
    assert note in charts.alt_text(result.figure)
    matplotlib.pyplot.close(result.figure)


def test_growth_table_agrees_with_the_formula():
    table = l01.growth_table(2017, 15.2, 100.0, "core AI industry")
    first = table.iloc[0]
    years = math.ceil(math.log(first["target (RMB billion)"] / 15.2) / math.log(2))
    assert first["year the path reaches it"] == 2017 + years


def test_one_figure_under_two_labels_shows_twice_side_by_side():
    """CAICT's 2024 figure is reported as 'AI industry' and as 'core AI industry': the chart of
    reported sizes must show both marks, not one hidden behind the other (findings C1)."""
    import matplotlib.pyplot as plt

    sizes = data.load("industry_size")
    fig, ax = plt.subplots()
    l01.draw_reported(ax, sizes)
    points = {tuple(p) for c in ax.collections for p in c.get_offsets()}
    same = sizes[(sizes["year"] == 2024) & (sizes["body"] == "CAICT")]
    assert len(same) == 2 and same["value_rmb_bn"].nunique() == 1
    at_900 = [p for p in points if p[1] == same["value_rmb_bn"].iloc[0]]
    assert len(at_900) == 2 and len({x for x, _ in at_900}) == 2
    plt.close(fig)


def test_timeline_names_every_document_once():
    import matplotlib.pyplot as plt

    timeline = data.load("policy_timeline")
    fig, ax = plt.subplots()
    docs = l01.draw_timeline(ax, timeline)
    assert sorted(docs) == sorted(timeline["short_title"].unique())
    named = [t.get_text() for t in ax.texts]
    assert sorted(named) == sorted(docs), "each document named once, beside its events"
    assert all(f"{d} (" in l01.timeline_alt(timeline) for d in docs)
    plt.close(fig)


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


def test_a_view_draws_with_pyplots_interactive_mode_off():
    """Otherwise the inline backend's end-of-message hook, run for a widget message handled on
    another thread, may show and close the figure the view is still drawing."""
    import matplotlib.pyplot as plt

    seen = []

    def view():
        seen.append(matplotlib.is_interactive())
        fig, ax = plt.subplots()
        return widgets.ViewResult(figure=charts.finish(fig, ax, title="t", xlabel="x", ylabel="y",
                                                      source="s", alt="a" * 40))

    with plt.ion():
        parts = widgets._draw(view, {})
        assert matplotlib.is_interactive()  # restored afterwards
    assert seen == [False] and isinstance(parts[0], charts.Bundle)


def test_a_chart_can_be_finished_whatever_its_canvas():
    """A figure made without pyplot, or one pyplot has let go of, has a base canvas."""
    fig = Figure()
    ax = fig.add_subplot()
    assert type(fig.canvas).__name__ == "FigureCanvasBase"
    charts.finish(fig, ax, title="W" * 70, xlabel="x", ylabel="y", source="s", alt="a" * 40)
    heading = next(t for t in ax.get_children() if getattr(t, "get_text", None)
                   and t.get_text() == "W" * 70)
    assert heading.get_fontsize() < 13  # the long title was measured and shrunk
    assert charts.to_png(fig).startswith(b"\x89PNG")


def test_claim_view_names_the_lesson():
    from aicourse.views import l00

    result = l00.claim_view("C03")
    card = result.table.data
    assert result.figure is None and "people_en_aidp_2017" in result.sources
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
        return widgets.ViewResult(table=pd.DataFrame({"n": [n]}))

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


def test_a_view_that_returns_anything_but_a_viewresult_is_a_course_fault(monkeypatch):
    """Every view returns one ViewResult; anything else raises in the tests (debug mode) and
    tells a learner the fault is the course's."""
    with pytest.raises(TypeError, match="not a ViewResult"):
        widgets._draw(lambda: "a bare string", {})
    monkeypatch.delenv("AICOURSE_DEBUG", raising=False)
    monkeypatch.delenv("AICOURSE_STRICT", raising=False)
    shown = widgets._draw(lambda: "a bare string", {})
    assert len(shown) == 1 and "course" in shown[0].lower()
