"""The exercise checkers judge fairly.

- Right answers pass: numbers and chart values are derived here from the CSV files with plain
  pandas, independently of the questions' own code; choice keys, model answers and examples come
  from the solutions notebooks (through the answers files), not from the question objects.
- Placeholders say "not attempted"; odd answers get plain feedback.
- Every typical mistake of every NumberQuestion is reachable: not accepted as right, not hidden
  by an earlier one, answered with its own message.
- A fault in the course's own code raises in strict and debug mode, and is otherwise reported
  to the learner as the course's fault.
- Multiple-choice keys follow no pattern a test-wise learner could use.
"""

import importlib
import math
import pkgutil
import re
from decimal import Decimal

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from independent import CHART_VALUES, INDEPENDENT, ROOT, default_label, draw, model_text, must_say_words, run_solution

import aicourse.questions
from aicourse import checks, data
from aicourse.build import nbfiles
from aicourse.checks import CORRECT, FAULT, NOT_ATTEMPTED, WRONG

matplotlib.use("Agg")


def all_questions():
    found = []
    for info in pkgutil.iter_modules(aicourse.questions.__path__):
        module = importlib.import_module(f"aicourse.questions.{info.name}")
        found += module.QUESTIONS + getattr(module, "RECALL", [])  # exercises and retrieval
    return found


QUESTIONS = all_questions()
IDS = [f"l{q.lesson}-{q.qid}" for q in QUESTIONS]


def of_kind(kind):
    chosen = [q for q in QUESTIONS if isinstance(q, kind)]
    return chosen, [f"l{q.lesson}-{q.qid}" for q in chosen]


NUMBERS, NUMBER_IDS = of_kind(checks.NumberQuestion)
CHOICES, CHOICE_IDS = of_kind(checks.ChoiceQuestion)

ODD_INPUTS = [
    None, "", "text", "12.5", "1,000", [], [1, 2], [5.0], (1,), {}, {"a": 1}, {1, 2},
    float("nan"), float("inf"), -float("inf"), 10 ** 400, -10 ** 400, 1e308, -1, 0, True, False,
    complex(1, 2), b"bytes", Decimal("1.5"), object(), print, int, pd.NA, np.nan,
    np.float64("nan"), np.array([1.0]), np.array([[1.0, 2.0]]), pd.Series([1.0, 2.0]),
    pd.Series([3.0]), pd.DataFrame({"a": [1.0]}), pd.DataFrame({"a": [1.0, 2.0]}),
    pd.Timestamp("2020-01-01"), [None], [[1]], "q1",
]


@pytest.fixture(autouse=True)
def course_faults_raise(monkeypatch):
    """Every test here runs as the test suite does: a fault in course code raises."""
    monkeypatch.setenv("AICOURSE_DEBUG", "1")
    monkeypatch.delenv("AICOURSE_STRICT", raising=False)
    yield
    plt.close("all")


# --- right answers, derived independently -----------------------------------------------------

def right_answer(q):
    """An answer that must pass, derived independently of the question's own code."""
    key = (q.lesson, q.qid)
    if isinstance(q, checks.NumberQuestion):
        return INDEPENDENT[key]()
    if isinstance(q, checks.ChoiceQuestion):
        return run_solution(q, f"answer_{q.qid[1:]}")  # retrieval questions too (independent.py)
    if isinstance(q, checks.TextQuestion):
        return model_text(q)
    if isinstance(q, checks.ChartQuestion):
        return draw(CHART_VALUES[key], unit_label=default_label(q), log=q.log_scale,
                    alt=must_say_words(q))
    if isinstance(q, checks.SourcedListQuestion):
        return run_solution(q, "my_examples")
    if isinstance(q, checks.VoiceQuestion):
        return run_solution(q, "my_voice")
    raise AssertionError(f"no right answer known for {type(q).__name__}")


def test_every_question_has_an_independent_right_answer():
    for q in QUESTIONS:
        if isinstance(q, checks.NumberQuestion):
            assert (q.lesson, q.qid) in INDEPENDENT, f"derive l{q.lesson} {q.qid} in INDEPENDENT"
        if isinstance(q, checks.ChartQuestion):
            assert (q.lesson, q.qid) in CHART_VALUES, f"derive l{q.lesson} {q.qid} in chart_values"


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
def test_right_answer_passes(q):
    result = q.evaluate(right_answer(q))
    assert result.status == CORRECT, result.message


@pytest.mark.parametrize("q", NUMBERS, ids=NUMBER_IDS)
def test_three_significant_figures_pass_and_fewer_say_so(q):
    right = INDEPENDENT[(q.lesson, q.qid)]()
    if q.integer:
        assert q.evaluate(int(right)).status == CORRECT
        return
    rounded = checks.round_to(right, q.sig_figs)
    assert q.evaluate(rounded).status == CORRECT, f"{rounded} should pass"
    coarse = checks.round_to(right, q.sig_figs - 1)
    if not q.accepts(coarse, right):
        result = q.evaluate(coarse)
        assert result.status == WRONG
        assert f"needs {q.sig_figs}" in result.message or result.message in [
            checks.words(m) for _, m in q.mistakes], result.message


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
def test_placeholder_is_not_attempted(q):
    assert q.evaluate(...).status == NOT_ATTEMPTED
    assert q.evaluate().status == NOT_ATTEMPTED


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
@pytest.mark.parametrize("answer", ODD_INPUTS, ids=[f"{i}-{type(a).__name__}" for i, a in enumerate(ODD_INPUTS)])
def test_odd_input_gives_plain_feedback(q, answer):
    result = q.evaluate(answer)  # a fault in the course's code would raise here (debug mode)
    assert result.status in (WRONG, NOT_ATTEMPTED)
    assert result.message and "Traceback" not in result.message
    assert len(result.message) < 600


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
def test_check_displays_and_strict_mode_raises(q, monkeypatch, capsys):
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
    assert f"Hint 1 of {len(q.hints)}: {q.hints[0]}" in first
    assert f"Hint 2 of {len(q.hints)}: {q.hints[1]}" in second
    for bad in (0, 99, "two", 1.5, True):
        q.hint(bad)
        assert "hint" in capsys.readouterr().out.lower()
    assert q.solution_text(), f"no solution recorded for {q.lesson}/{q.qid}"


# --- every typical mistake is reachable ---------------------------------------------------------

MISTAKES = [(q, i) for q in NUMBERS for i in range(len(q.mistakes))]


@pytest.mark.parametrize("q, index", MISTAKES,
                         ids=[f"l{q.lesson}-{q.qid}-mistake{i + 1}" for q, i in MISTAKES])
def test_every_mistake_is_reachable_with_its_own_message(q, index):
    compute, message = q.mistakes[index]
    value, right = float(compute()), q.expected
    message = checks.words(message)
    assert not q.accepts(value, right), f"mistake {index + 1} ({value:g}) would pass as right"
    if not q.integer:  # nor may the two overlap, rounded to the precision the question accepts
        assert abs(value - right) > q.tolerance(value) + q.tolerance(right), \
            f"mistake {index + 1} ({value:g}) is too close to the answer ({right:g})"
    for earlier, _ in q.mistakes[:index]:
        assert not q.accepts(value, float(earlier())), f"mistake {index + 1} is hidden by an earlier one"
    shown = [value] if q.integer else [value, checks.round_to(value, q.sig_figs)]
    for answer in shown:
        assert q.evaluate(int(answer) if q.integer else answer).message == message


def test_mistakes_are_counted():
    """The enumeration above covers every mistake of every NumberQuestion."""
    assert len(MISTAKES) == sum(len(q.mistakes) for q in NUMBERS) >= 40


# --- the precision each question accepts is stated in its exercise -----------------------------

def exercise_markdown(q) -> str:
    """The markdown of the exercise that holds ``q``'s check (the cells above its check cell); for
    a retrieval question (r1, r2 ...), the lesson's "check your understanding" section."""
    recall = q.qid.startswith("r")
    folder, heading = ("notebooks", "## Check your understanding") if recall else (
        "solutions", "## Exercise")
    cells = nbfiles.read(next((ROOT / folder).glob(f"{q.lesson}_*.ipynb")))["cells"]
    at = next(i for i, c in enumerate(cells)
              if c["cell_type"] == "code" and f"{q.qid}.check(" in nbfiles.source(c))
    start = max(i for i in range(at) if nbfiles.source(cells[i]).startswith(heading)
                or f"\n{heading}" in nbfiles.source(cells[i]))
    return " ".join(nbfiles.source(c) for c in cells[start:at] if c["cell_type"] == "markdown")


@pytest.mark.parametrize("q", [q for q in NUMBERS if q.lesson != "00"],
                         ids=[i for q, i in zip(NUMBERS, NUMBER_IDS) if q.lesson != "00"])
def test_each_number_question_states_its_precision(q):
    text = " ".join(exercise_markdown(q).split()).lower()
    wanted = "whole number" if q.integer else f"{q.sig_figs} significant figures"
    assert wanted in text, f"the exercise of l{q.lesson} {q.qid} should say '{wanted}'"


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
    assert "factor of 1,000,000,000" in q.evaluate(150e9).message
    assert "too small" in q.evaluate(0.15).message
    assert "sign" in q.evaluate(-150).message
    close = q.evaluate(155).message
    assert "close" in close and "3.3% above" in close and "3 significant figures" in close
    assert q.evaluate(6760).message == "you multiplied"
    assert "quotes" in q.evaluate("150").message
    assert "None" in q.evaluate(None).message
    assert "NaN" in q.evaluate(float("nan")).message
    assert ".item()" in q.evaluate(pd.Series([150.0])).message
    assert "2 values" in q.evaluate([1, 2]).message
    assert "higher" in q.evaluate(900).message


def test_three_significant_figures_are_enough():
    q = number_question(expected=lambda: 0.2089013820911636, unit="fraction")
    assert q.evaluate(0.209).status == CORRECT
    assert q.evaluate(0.2089).status == CORRECT
    two = q.evaluate(0.21)
    assert two.status == WRONG and "rounded to 2 significant figures" in two.message
    assert "0.57% above" in q.evaluate(0.2101).message
    assert q.precision == "3 significant figures are enough"
    four = number_question(expected=lambda: 1.3291, sig_figs=4, rel_tol=0.0005)
    assert four.evaluate(1.329).status == CORRECT and four.evaluate(1.33).status == WRONG
    assert number_question(integer=True).precision == "a whole number"


def test_percent_versus_fraction_advice():
    q = number_question(expected=lambda: 0.209, unit="fraction",
                        factor_advice={100: "give the rate as a fraction"})
    assert "as a fraction" in q.evaluate(20.9).message


def test_year_feedback():
    q = number_question(expected=lambda: 2026, unit="year", integer=True,
                        off_by_one="off by one year: count from the year after the start.")
    assert q.evaluate(2026).status == CORRECT
    assert q.evaluate(np.int64(2026)).status == CORRECT
    assert q.evaluate(2027).message == "off by one year: count from the year after the start."
    assert "whole" in q.evaluate(2026.5).message
    assert "too high" in q.evaluate(2030).message


def test_choice_feedback():
    q = checks.ChoiceQuestion("99", "q9", options={"a": "one", "b": "two"}, correct="b",
                              explanations={"a": "why a is wrong", "b": lambda: "why b is right"},
                              hints=["x", "y"])
    assert q.evaluate(" B ").status == CORRECT
    assert q.evaluate("(b)").message == "why b is right"
    assert q.evaluate("two").status == CORRECT
    assert q.evaluate("a").message == "why a is wrong"
    assert "not one of the options" in q.evaluate("z").message


def test_text_feedback():
    q = checks.TextQuestion("99", "q9", min_words=5, points=["p"], hints=["x", "y"])
    assert q.evaluate(checks.PLACEHOLDER_TEXT).status == NOT_ATTEMPTED
    assert q.evaluate("  ").status == NOT_ATTEMPTED
    assert "2 words" in q.evaluate("two words").message
    assert q.evaluate("one two three four five six").status == CORRECT


def test_sourced_list_feedback_is_specific():
    q = checks.SourcedListQuestion("99", "q9", min_items=2, hints=["a", "b"])
    sources = data.sources().set_index("source_id")
    real = "eco_afp_bytedance"
    said = "ByteDance's Doubao chatbot and its daily users"
    assert q.evaluate([(said, real)]).message.startswith("1 example so far")
    assert "at least 3 words" in q.evaluate([("one", real), (said, real)]).message
    typo = q.evaluate([(said, real), ("a chatbot named Doubao", real + "x")])
    assert typo.status == WRONG and f"Did you mean '{real}'" in typo.message
    assert "as text" in q.evaluate({said: 5, "a chatbot named Doubao": real}).message
    assert "list of pairs" in q.evaluate("eco_chinai_batch1").message
    assert "repeats" in q.evaluate([(said, real), (said.upper(), real)]).message
    unrelated = q.evaluate([(said, real), ("self-driving taxis in Wuhan streets", real)])
    assert unrelated.status == WRONG and "shares no word" in unrelated.message
    assert sources.loc[real, "title"][:30] in unrelated.message
    done = q.evaluate({said: real, "a chatbot named Doubao": real})
    assert done.status == CORRECT and done.label == "Answer received" and real in done.message


def test_any_three_sources_do_not_pass_the_capstone_examples():
    from aicourse.questions import l08

    ids = list(data.sources()["source_id"].iloc[:3])
    result = l08.q5.evaluate([(f"a practical application number {i}", s) for i, s in enumerate(ids)])
    assert result.status == WRONG and "shares no word" in result.message


def test_expected_answers_come_from_the_data(monkeypatch, tmp_path):
    """Change a rate in a copy of the data: the expected answer follows it."""
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


# --- a fault in the course surfaces ------------------------------------------------------------

def broken(*_args, **_kwargs):
    raise ZeroDivisionError("division by zero")


FAULTY = {
    "expected answer": (number_question(expected=broken), 150.0),
    "mistake": (number_question(mistakes=[(broken, "never")]), 900.0),
    "mistake message": (number_question(mistakes=[(lambda: 900.0, broken)]), 900.0),
    "choice key": (checks.ChoiceQuestion("99", "q9", options={"a": "x"}, correct=broken,
                                         explanations={}, hints=["x", "y"]), "a"),
    "explanation": (checks.ChoiceQuestion("99", "q9", options={"a": "x"}, correct="a",
                                          explanations={"a": broken}, hints=["x", "y"]), "a"),
    "chart values": (checks.ChartQuestion("99", "q9", series=broken, unit="USD", hints=["x", "y"]),
                     "figure"),
}


@pytest.mark.parametrize("where", list(FAULTY))
def test_a_fault_in_course_code_raises_in_strict_and_debug_mode(where, monkeypatch, capsys):
    q, answer = FAULTY[where]
    if answer == "figure":
        answer, ax = plt.subplots()
        ax.plot([1, 2], [3, 4])
    with pytest.raises(ZeroDivisionError):  # debug mode, set for every test
        q.evaluate(answer)
    monkeypatch.delenv("AICOURSE_DEBUG")
    monkeypatch.setenv("AICOURSE_STRICT", "1")
    with pytest.raises(ZeroDivisionError):
        q.check(answer)
    monkeypatch.delenv("AICOURSE_STRICT")
    result = q.evaluate(answer)  # as a learner runs it: the course's fault, in plain words
    assert result.status == FAULT and not result.passed
    assert "fault in the course, not in your answer" in result.message
    assert "lesson 99, question q9, ZeroDivisionError: division by zero" in result.message
    q.check(answer)  # shown, not raised
    assert "Fault in the course" in capsys.readouterr().out


def test_a_seeded_bug_in_a_real_question_fails_the_strict_run(monkeypatch):
    from aicourse.questions import l01

    monkeypatch.setattr(l01.q1, "_expected", broken)
    monkeypatch.setenv("AICOURSE_STRICT", "1")
    with pytest.raises(ZeroDivisionError):
        l01.q1.check(0.209)


def test_a_fault_reading_the_sources_is_the_course_s(monkeypatch):
    from aicourse.questions import l08

    monkeypatch.setattr(data, "sources", broken)
    with pytest.raises(ZeroDivisionError):
        l08.q5.evaluate([("one two three", "x")] * 3)


# --- multiple choice without a pattern ---------------------------------------------------------

def test_choice_keys_follow_no_pattern():
    keys = [q.correct for q in CHOICES]
    letters = sorted({k for q in CHOICES for k in q.options})
    assert letters == ["a", "b", "c", "d"]
    for letter in letters:
        share = keys.count(letter) / len(keys)
        assert 0 < share <= 0.4, f"'{letter}' is the key of {keys.count(letter)} of {len(keys)}"
    longest = [q for q in CHOICES if len(q.options[q.correct]) == max(map(len, q.options.values()))]
    assert len(longest) <= 0.4 * len(CHOICES), \
        f"the key is the longest option in {[f'l{q.lesson} {q.qid}' for q in longest]}"


@pytest.mark.parametrize("q", CHOICES, ids=CHOICE_IDS)
def test_options_have_similar_lengths_and_explanations(q):
    lengths = [len(text) for text in q.options.values()]
    assert max(lengths) <= 2 * min(lengths) or max(lengths) < 20, q.options
    for key in q.options:
        explanation = q.explanation(key)  # computed ones are computed here (debug mode)
        assert explanation and len(explanation) < 600


@pytest.mark.parametrize("q", CHOICES, ids=CHOICE_IDS)
def test_only_the_key_passes(q):
    key = right_answer(q)
    for letter in q.options:
        assert (q.evaluate(letter).status == CORRECT) == (letter == key)


@pytest.mark.parametrize("q", CHOICES, ids=CHOICE_IDS)
def test_options_are_the_ones_the_exercise_shows(q):
    text = " ".join(exercise_markdown(q).split())
    for key, option in q.options.items():
        assert f"- {key}: {option}" in text, f"l{q.lesson} {q.qid} option {key} differs in the notebook"


FIGURE = re.compile(r"\d+\.\d+|\d\s?%|\d[\d,]*\s+(?:billion|million|trillion)|\d{1,2} (?:January|"
                    r"February|March|April|May|June|July|August|September|October|November|December)")


def test_figures_in_feedback_are_computed_not_typed():
    """A data figure quoted in an explanation or a mistake message is computed from the data (the
    message is then a function), so it cannot go stale when the data are corrected."""
    typed = []
    for q in QUESTIONS:
        explained = getattr(q, "explanations", {})
        texts = ((list(explained.values()) if isinstance(explained, dict) else [])
                 + [m for _, m in getattr(q, "mistakes", [])])
        typed += [f"l{q.lesson} {q.qid}: {t[:60]}" for t in texts
                  if isinstance(t, str) and FIGURE.search(t)]
    assert not typed, typed


def test_a_title_too_wide_for_the_figure_is_shrunk_to_fit():
    from matplotlib.text import Text

    from aicourse import charts

    def title_of(ax, text):
        return next(t for t in ax.findobj(Text) if t.get_text() == text)

    fig, ax = plt.subplots()
    ax.barh(["a long label on the y-axis", "b"], [1, 2])  # pushes the axes, and the title, right
    charts.finish(fig, ax, title="W" * 45, xlabel="x", ylabel="y", source="Source: s", alt="a")
    title = title_of(ax, "W" * 45)
    box = title.get_window_extent(fig.canvas.get_renderer())
    assert title.get_fontsize() < 13 and box.x1 <= fig.get_figwidth() * fig.dpi
    fig, ax = plt.subplots()
    charts.finish(fig, ax, title="Short", xlabel="x", ylabel="y", source="Source: s", alt="a")
    assert title_of(ax, "Short").get_fontsize() == 13
