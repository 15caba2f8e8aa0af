"""Charts are judged on their content, not on how they are drawn.

For every ChartQuestion, the values it asks for (derived from the CSV files in test_checks)
pass drawn as vertical bars, horizontal bars, a line or points, with the source line on the
figure, on the axes, as an annotation or under the x label, and with every spelling of the unit;
a chart scaled by 1,000 or 1,000,000, one with values missing or repeated, and one in the wrong
order (where order matters) get their own message.
"""

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from independent import CHART_VALUES, default_label, draw, must_say_words
from test_checks import QUESTIONS

from aicourse import checks, figures
from aicourse.checks import CORRECT, WRONG

matplotlib.use("Agg")

CHARTS = [q for q in QUESTIONS if isinstance(q, checks.ChartQuestion)]
IDS = [f"l{q.lesson}-{q.qid}" for q in CHARTS]


@pytest.fixture(autouse=True)
def course_faults_raise(monkeypatch):
    monkeypatch.setenv("AICOURSE_DEBUG", "1")
    yield
    plt.close("all")


def values(q) -> dict:
    return CHART_VALUES[(q.lesson, q.qid)]


def judged(q, series=None, **kw):
    kw.setdefault("unit_label", default_label(q))
    kw.setdefault("log", q.log_scale)
    kw.setdefault("alt", must_say_words(q))
    return q.evaluate(draw(values(q) if series is None else series, **kw))


@pytest.mark.parametrize("q", CHARTS, ids=IDS)
@pytest.mark.parametrize("form", ["bar", "barh", "line", "scatter"])
@pytest.mark.parametrize("source_at", ["figure", "axes", "annotate", "xlabel"])
def test_right_values_pass_however_drawn(q, form, source_at):
    result = judged(q, form=form, source_at=source_at)
    assert result.status == CORRECT, result.message


@pytest.mark.parametrize("q", CHARTS, ids=IDS)
def test_every_spelling_of_the_unit_passes(q):
    for unit in q.units:
        for spelling in figures.SPELLINGS[unit]:
            label = f"{spelling} {q.scale}" if q.scale else f"{spelling} per category"
            result = judged(q, unit_label=label)
            assert result.status == CORRECT, (label, result.message)
    if q.scale:
        for spelling in figures.SPELLINGS[q.scale]:
            label = f"{figures.SPELLINGS[q.units[0]][0]} {spelling}"
            assert judged(q, unit_label=label).status == CORRECT, label


@pytest.mark.parametrize("q", CHARTS, ids=IDS)
def test_values_converted_to_another_scale_pass_when_the_label_says_so(q):
    unit = figures.SPELLINGS[q.units[0]][0]
    if q.scale == "billion":
        shrunk = {k: v / 1000 for k, v in values(q).items()}
        assert judged(q, shrunk, unit_label=f"{unit} trillion").status == CORRECT
        assert judged(q, shrunk, unit_label=f"{unit} tn").status == CORRECT
    else:
        shrunk = {k: v / 1e6 for k, v in values(q).items()}
        assert judged(q, shrunk, unit_label=f"{unit}, million").status == CORRECT


@pytest.mark.parametrize("q", CHARTS, ids=IDS)
@pytest.mark.parametrize("factor, words", [(1000, "1,000 times larger"), (1e6, "1,000,000 times larger"),
                                           (0.001, "1,000 times smaller")])
def test_scaled_values_get_their_own_message(q, factor, words):
    scaled = {k: v * factor for k, v in values(q).items()}
    result = judged(q, scaled)
    assert result.status == WRONG and words in result.message, result.message


@pytest.mark.parametrize("q", CHARTS, ids=IDS)
def test_a_missing_value_is_named(q):
    series = dict(values(q))
    first = next(iter(series))
    cut = series[first].iloc[1:]
    series[first] = cut
    result = judged(q, series, form="bar")
    missing = str(values(q)[first].index[0])
    assert result.status == WRONG and f"'{missing}' is missing" in result.message, result.message


@pytest.mark.parametrize("q", CHARTS, ids=IDS)
def test_an_extra_value_is_named(q):
    series = dict(values(q))
    first = next(iter(series))
    series[first] = pd.concat([series[first], pd.Series([12345.0], index=["World"])])
    result = judged(q, series, form="bar")
    assert result.status == WRONG and "does not ask for ('World')" in result.message, result.message


@pytest.mark.parametrize("q", CHARTS, ids=IDS)
def test_a_repeated_category_is_a_duplicate(q):
    series = dict(values(q))
    first = next(iter(series))
    series[first] = pd.concat([series[first], series[first].iloc[:1]])
    result = judged(q, series, form="bar")
    assert result.status == WRONG and "drop_duplicates" in result.message, result.message


@pytest.mark.parametrize("q", [q for q in CHARTS if not q.any_order],
                         ids=[i for q, i in zip(CHARTS, IDS) if not q.any_order])
def test_values_in_another_order_are_told_where_order_matters(q):
    series = {k: v.iloc[::-1] for k, v in values(q).items()}
    result = judged(q, series, form="line")
    assert result.status == WRONG and "another order" in result.message, result.message


@pytest.mark.parametrize("q", [q for q in CHARTS if q.any_order],
                         ids=[i for q, i in zip(CHARTS, IDS) if q.any_order])
def test_order_does_not_matter_for_categories(q):
    series = {k: v.sort_values() for k, v in values(q).items()}
    assert judged(q, series, form="barh").status == CORRECT


@pytest.mark.parametrize("q", CHARTS, ids=IDS)
def test_zero_years_added_by_reindex_are_allowed(q):
    series = {k: pd.concat([v, pd.Series([0.0], index=["empty year"])]) for k, v in values(q).items()}
    assert judged(q, series, form="bar").status == CORRECT


CHART_MISTAKES = [(q, i) for q in CHARTS for i in range(len(q.mistakes))]


@pytest.mark.parametrize("q, index", CHART_MISTAKES,
                         ids=[f"l{q.lesson}-{q.qid}-mistake{i + 1}" for q, i in CHART_MISTAKES])
def test_every_chart_mistake_is_reachable_with_its_own_message(q, index):
    compute, message = q.mistakes[index]
    wrong = compute()
    assert not checks.ChartQuestion._values(wrong) == checks.ChartQuestion._values(values(q)["values"])
    result = judged(q, {"values": wrong}, form="bar")
    assert result.status == WRONG and checks.words(message) in result.message, result.message


@pytest.mark.parametrize("q", CHARTS, ids=IDS)
def test_a_label_without_the_unit_names_its_spellings(q):
    result = judged(q, unit_label="Value")
    assert result.status == WRONG and "does not give the unit" in result.message
    assert figures.SPELLINGS[q.units[0]][-1] in result.message


@pytest.mark.parametrize("q", [q for q in CHARTS if q.must_say],
                         ids=[i for q, i in zip(CHARTS, IDS) if q.must_say])
def test_what_a_chart_must_say_is_named_when_missing(q):
    result = judged(q, alt="a chart")
    for _, problem in q.must_say:
        assert result.status == WRONG and checks.words(problem) in result.message


def test_target_line_alone_does_not_pass_lesson_01():
    from aicourse.questions import l01

    only_targets = {"targets": values(l01.q4)["targets"]}
    result = judged(l01.q4, only_targets)
    assert result.status == WRONG and "reported core figures" in result.message


def test_chart_parts_are_named():
    q = checks.ChartQuestion("99", "q9", series=lambda: [1.0, 2.0, 3.0], unit="RMB",
                             hints=["x", "y"], log_scale=True)
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [7.0, 8.0, 9.0])
    message = q.evaluate(fig).message
    for part in ("does not show the expected values", "no title", "x-axis has no label",
                 "y-axis (the values) has no label", "logarithmic", "source line"):
        assert part in message
    assert "pair (fig, ax)" in q.evaluate((fig, ax)).message
    empty, _ = plt.subplots()
    assert "no data" in q.evaluate(empty).message
    fig2, ax2 = plt.subplots()
    ax2.plot([2020, 2025, 2030], [1.0, 2.0, 3.0])
    ax2.set_yscale("log")
    ax2.set(title="t", xlabel="Year", ylabel="USD")
    fig2.suptitle("A suptitle counts as a title")
    ax2.annotate("Source: x", (0, 0))
    assert "does not give the unit" in q.evaluate(fig2).message
    ax2.set_ylabel("¥")
    assert q.evaluate(ax2).status == CORRECT


def test_a_figure_the_checker_cannot_read_gets_words():
    q = checks.ChartQuestion("99", "q9", series=lambda: [1.0, 2.0], unit="RMB", hints=["x", "y"])
    fig, ax = plt.subplots()
    ax.plot(pd.to_datetime(["2020-01-01", "2021-01-01"]), [1.0, 2.0])  # dates are read too
    ax.set(title="t", xlabel="Year", ylabel="RMB")
    fig.text(0, 0, "Source: x")
    assert q.evaluate(fig).status == CORRECT


@pytest.mark.parametrize("text, key", [("US$ bn", "USD"), ("US$ bn", "billion"), ("$b", "billion"),
                                       ("Dollars", "USD"), ("CNY 100 m", "million"),
                                       ("Renminbi (¥)", "RMB"), ("per cent", "percent"),
                                       ("Change, pp", "percentage points"), ("Days", "days")])
def test_unit_spellings_are_found(text, key):
    assert figures.says(text, key)


@pytest.mark.parametrize("text, key", [("bnp", "billion"), ("Number of models", "million"),
                                       ("Stations", "USD"), ("Embassy", "billion")])
def test_unit_spellings_do_not_match_inside_words(text, key):
    assert not figures.says(text, key)
