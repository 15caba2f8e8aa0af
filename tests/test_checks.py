"""The exercise checkers: right answers pass, placeholders say "not attempted", wrong and odd
answers get plain feedback and never a traceback."""

import importlib
import math
import pkgutil
from decimal import Decimal

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import aicourse.questions
from aicourse import charts, checks, data
from aicourse.checks import CORRECT, NOT_ATTEMPTED, WRONG

matplotlib.use("Agg")


def all_questions():
    found = []
    for info in pkgutil.iter_modules(aicourse.questions.__path__):
        module = importlib.import_module(f"aicourse.questions.{info.name}")
        found += module.QUESTIONS
    return found


QUESTIONS = all_questions()
IDS = [f"l{q.lesson}-{q.qid}" for q in QUESTIONS]

ODD_INPUTS = [
    None, "", "text", "12.5", "1,000", [], [1, 2], [5.0], (1,), {}, {"a": 1}, {1, 2},
    float("nan"), float("inf"), -float("inf"), 10 ** 400, -10 ** 400, 1e308, -1, 0, True, False,
    complex(1, 2), b"bytes", Decimal("1.5"), object(), print, int, pd.NA, np.nan,
    np.float64("nan"), np.array([1.0]), np.array([[1.0, 2.0]]), pd.Series([1.0, 2.0]),
    pd.Series([3.0]), pd.DataFrame({"a": [1.0]}), pd.DataFrame({"a": [1.0, 2.0]}),
    pd.Timestamp("2020-01-01"), [None], [[1]], "q1",
]


def right_answer(q):
    """An answer that must pass, computed from the data as the solution does."""
    if isinstance(q, checks.NumberQuestion):
        return int(q.expected) if q.integer else q.expected
    if isinstance(q, checks.ChoiceQuestion):
        return q.correct
    if isinstance(q, checks.TextQuestion):
        return " ".join(["evidence"] * (q.min_words + 1))
    if isinstance(q, checks.ChartQuestion):
        fig, ax = plt.subplots()
        values = q._series()
        ax.plot(range(len(values)), values)
        if q.log_y:
            ax.set_yscale("log")
        charts.finish(fig, ax, title="A title", xlabel="Year", ylabel=f"{q.unit_words[0]} billion",
                      source="Source: test", alt="alt")
        return fig
    if isinstance(q, checks.SourcedListQuestion):
        first = data.sources()["source_id"].iloc[0]
        return [(f"example number {i} described in words", first) for i in range(q.min_items)]
    raise AssertionError(f"no right answer known for {type(q).__name__}")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")  # charts drawn as right answers are not kept open


def test_there_are_questions():
    assert len(QUESTIONS) >= 4


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
def test_right_answer_passes(q):
    result = q.evaluate(right_answer(q))
    assert result.status == CORRECT, result.message


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
def test_placeholder_is_not_attempted(q):
    assert q.evaluate(...).status == NOT_ATTEMPTED
    assert q.evaluate().status == NOT_ATTEMPTED


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
@pytest.mark.parametrize("answer", ODD_INPUTS, ids=[f"{i}-{type(a).__name__}" for i, a in enumerate(ODD_INPUTS)])
def test_odd_input_gives_plain_feedback(q, answer):
    result = q.evaluate(answer)
    assert result.status in (WRONG, NOT_ATTEMPTED)
    assert result.message and "Traceback" not in result.message
    assert len(result.message) < 600


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
def test_check_displays_and_strict_mode_raises(q, monkeypatch, capsys):
    monkeypatch.delenv("AICOURSE_STRICT", raising=False)
    q.check(None)  # shows feedback, does not raise
    q.check(right_answer(q))
    monkeypatch.setenv("AICOURSE_STRICT", "1")
    q.check(right_answer(q))
    with pytest.raises(checks.CheckFailed):
        q.check(None)
    with pytest.raises(checks.CheckFailed):
        q.check(...)


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
def test_hints_are_tiered_and_solution_exists(q, capsys):
    assert len(q.hints) >= 2
    q._hints_shown = 0
    q.hint()
    first = capsys.readouterr().out
    q.hint()
    second = capsys.readouterr().out
    assert "Hint 1 of" in first and "Hint 2 of" in second
    for bad in (0, 99, "two", 1.5, True):
        q.hint(bad)
        assert "hint" in capsys.readouterr().out.lower()
    assert q.solution_text(), f"no solution recorded for {q.lesson}/{q.qid}"


# --- specific feedback -----------------------------------------------------------------------

def number_question(**kw):
    base = dict(expected=lambda: 150.0, unit="USD billion", hints=["a", "b"])
    base.update(kw)
    return checks.NumberQuestion("99", "q9", **base)


def test_number_feedback_is_specific():
    q = number_question(mistakes=[(lambda: 6760.0, "you multiplied")])
    assert q.evaluate(150.4).status == CORRECT
    assert "factor of 1,000" in q.evaluate(150_000).message
    assert "too large" in q.evaluate(150_000).message
    assert "too small" in q.evaluate(0.15).message
    assert "sign" in q.evaluate(-150).message
    assert "close" in q.evaluate(155).message
    assert q.evaluate(6760).message == "you multiplied"
    assert "quotes" in q.evaluate("150").message
    assert "None" in q.evaluate(None).message
    assert "NaN" in q.evaluate(float("nan")).message
    assert ".item()" in q.evaluate(pd.Series([150.0])).message
    assert "2 values" in q.evaluate([1, 2]).message
    assert "higher" in q.evaluate(900).message


def test_percent_versus_fraction_advice():
    q = number_question(expected=lambda: 0.209, unit="fraction",
                        factor_advice={100: "give the rate as a fraction"})
    assert "as a fraction" in q.evaluate(20.9).message


def test_year_feedback():
    q = number_question(expected=lambda: 2026, unit="year", integer=True)
    assert q.evaluate(2026).status == CORRECT
    assert q.evaluate(np.int64(2026)).status == CORRECT
    assert "off by one" in q.evaluate(2027).message
    assert "whole" in q.evaluate(2026.5).message


def test_choice_feedback():
    q = checks.ChoiceQuestion("99", "q9", options={"a": "one", "b": "two"}, correct="b",
                              explanations={"a": "why a is wrong", "b": "why b is right"},
                              hints=["x", "y"])
    assert q.evaluate(" B ").status == CORRECT
    assert q.evaluate("(b)").status == CORRECT
    assert q.evaluate("two").status == CORRECT
    assert q.evaluate("a").message == "why a is wrong"
    assert "not one of the options" in q.evaluate("z").message


def test_text_feedback():
    q = checks.TextQuestion("99", "q9", min_words=5, points=["p"], hints=["x", "y"])
    assert q.evaluate(checks.PLACEHOLDER_TEXT).status == NOT_ATTEMPTED
    assert q.evaluate("  ").status == NOT_ATTEMPTED
    assert "2 words" in q.evaluate("two words").message
    assert q.evaluate("one two three four five six").status == CORRECT


def test_chart_feedback_names_what_is_missing():
    q = checks.ChartQuestion("99", "q9", series=lambda: [1.0, 2.0, 3.0], unit_words=["RMB"],
                             hints=["x", "y"], log_y=True)
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [1.0, 2.0, 4.0])
    message = q.evaluate(fig).message
    for part in ("expected values", "no title", "x-axis has no label", "y-axis has no label",
                 "logarithmic", "source line"):
        assert part in message
    assert "pair (fig, ax)" in q.evaluate((fig, ax)).message
    empty, _ = plt.subplots()
    assert "no data" in q.evaluate(empty).message
    fig2, ax2 = plt.subplots()
    ax2.plot([2020, 2025, 2030], [1.0, 2.0, 3.0])
    ax2.set_yscale("log")
    charts.finish(fig2, ax2, title="t", xlabel="Year", ylabel="USD billion",
                  source="Source: x", alt="a")
    assert "does not give the unit" in q.evaluate(fig2).message
    ax2.set_ylabel("RMB billion")
    assert q.evaluate(ax2).status == CORRECT
    plt.close("all")


def test_expected_answers_come_from_the_data(monkeypatch, tmp_path):
    """Change a target in a copy of the data: the expected answer follows it."""
    from aicourse.questions import l01

    before = l01.q2.expected
    copy = tmp_path / "data"
    copy.mkdir()
    for f in data.find_data_dir().iterdir():
        text = f.read_text(encoding="utf-8")
        if f.name == "exchange_rates.csv":
            rows = text.splitlines()
            rows = [r.replace(r.split(",")[1], str(float(r.split(",")[1]) * 1.1), 1)
                    if r.startswith("2017,") else r for r in rows]
            text = "\n".join(rows) + "\n"
        (copy / f.name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("AICOURSE_DATA", str(copy))
    assert math.isclose(l01.q2.expected, before / 1.1)


def test_sourced_list_feedback_is_specific():
    q = checks.SourcedListQuestion("99", "q9", min_items=2, hints=["a", "b"])
    real = data.sources()["source_id"].iloc[0]
    assert q.evaluate([("one two three", real)]).message.startswith("1 example so far")
    assert "at least 3 words" in q.evaluate([("one", real), ("one two three", real)]).message
    typo = q.evaluate([("one two three", real), ("four five six", real + "x")])
    assert typo.status == WRONG and f"Did you mean '{real}'" in typo.message
    assert "as text" in q.evaluate({"one two three": 5, "four five six": real}).message
    assert "list of pairs" in q.evaluate("eco_chinai_batch1").message
    done = q.evaluate({"one two three": real, "four five six": real})
    assert done.status == CORRECT and done.label == "Answer received" and real in done.message


def test_a_title_too_wide_for_the_figure_is_shrunk_to_fit():
    fig, ax = plt.subplots()
    ax.barh(["a long label on the y-axis", "b"], [1, 2])  # pushes the axes, and the title, right
    charts.finish(fig, ax, title="W" * 45, xlabel="x", ylabel="y", source="Source: s", alt="a")
    box = ax._left_title.get_window_extent(fig.canvas.get_renderer())
    assert ax._left_title.get_fontsize() < 13 and box.x1 <= fig.get_figwidth() * fig.dpi
    fig, ax = plt.subplots()
    charts.finish(fig, ax, title="Short", xlabel="x", ylabel="y", source="Source: s", alt="a")
    assert ax._left_title.get_fontsize() == 13
