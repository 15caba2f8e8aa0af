"""Exercise questions: ``check()``, tiered ``hint()`` and ``solution()``.

Each question is an object made in ``aicourse/questions/lNN.py``::

    q1.check(answer)   # "not attempted yet", specific feedback, or "correct"
    q1.hint()          # the next hint, one tier at a time
    q1.solution()      # the answer, only when asked for

Expected answers are computed from the course data when first needed, never typed in.
``evaluate(answer)`` returns a ``Result`` without displaying anything (the tests use it);
``check`` displays the result. No input a learner can type makes ``check`` raise, except in
strict mode (environment variable ``AICOURSE_STRICT=1``, set by the tests for the solution
notebooks), where a failed check raises ``CheckFailed`` so the test run fails.
"""

from __future__ import annotations

import html
import json
import math
import numbers
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The placeholder that exercise cells start with: ``answer = ...``.
PLACEHOLDER = ...
#: The placeholder text for written answers.
PLACEHOLDER_TEXT = "Write your answer here."

CORRECT, NOT_ATTEMPTED, WRONG = "correct", "not attempted", "wrong"
_LABELS = {CORRECT: "Correct", NOT_ATTEMPTED: "Not attempted yet", WRONG: "Not yet"}
_SYMBOLS = {CORRECT: "✔", NOT_ATTEMPTED: "…", WRONG: "✘"}
_COLOURS = {CORRECT: "#009E73", NOT_ATTEMPTED: "#0072B2", WRONG: "#D55E00"}


class CheckFailed(AssertionError):
    """Raised in strict mode when a check does not pass."""


@dataclass(frozen=True)
class Result:
    status: str
    message: str
    label: str | None = None  # shown instead of the status's usual label

    @property
    def passed(self) -> bool:
        return self.status == CORRECT

    def text(self) -> str:
        return f"{_SYMBOLS[self.status]} {self.label or _LABELS[self.status]}: {self.message}"

    def html(self) -> str:
        colour = _COLOURS[self.status]
        return (f'<div style="border-left: 6px solid {colour}; padding: 0.3em 0.8em;">'
                f"<strong>{_SYMBOLS[self.status]} {self.label or _LABELS[self.status]}:</strong> "
                f"{html.escape(self.message)}</div>")


def strict() -> bool:
    return os.environ.get("AICOURSE_STRICT", "").lower() in ("1", "true", "yes")


def _publish(text: str, html_text: str | None = None) -> None:
    from IPython.display import publish_display_data

    data = {"text/plain": text}
    if html_text:
        data["text/html"] = html_text
    publish_display_data(data)


def _kind_of(value: Any) -> str:
    """A learner-facing name for the kind of a value."""
    name = type(value).__name__
    return {
        "NoneType": "None (no value)", "str": "text (a string)", "list": "a list",
        "tuple": "a tuple", "dict": "a dictionary", "set": "a set", "bool": "True/False",
        "DataFrame": "a table (a pandas DataFrame)", "Series": "a column (a pandas Series)",
        "ndarray": "a NumPy array", "Figure": "a matplotlib Figure", "Axes": "matplotlib Axes",
        "function": "a function", "method": "a method", "type": "a type",
        "int": "a whole number", "float": "a number",
    }.get(name, f"a value of type {name}")


class Question:
    """Base class: hints, solution and the check protocol."""

    def __init__(self, lesson: str, qid: str, *, hints: list[str], solution: str | None = None):
        self.lesson, self.qid = lesson, qid
        self.hints = list(hints)
        self._hints_shown = 0
        self._solution = solution  # only for questions outside a solutions notebook

    # --- to be provided by subclasses -------------------------------------------------
    def _evaluate(self, answer: Any) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError

    # --- the protocol --------------------------------------------------------------------
    def evaluate(self, answer: Any = PLACEHOLDER) -> Result:
        """Judge an answer and return a Result; never raises."""
        if answer is PLACEHOLDER:
            return Result(NOT_ATTEMPTED, "replace the ... with your answer, run the cell, "
                          f"then run {self.qid}.check(...) again.")
        try:
            return self._evaluate(answer)
        except Exception:  # any odd input ends as feedback, not a traceback
            return Result(WRONG, f"this answer is {_kind_of(answer)}, and the checker could "
                          f"not compare it with the expected answer. Try {self.qid}.hint().")

    def check(self, answer: Any = PLACEHOLDER) -> None:
        """Show whether the answer is right, with specific feedback when it is not."""
        result = self.evaluate(answer)
        _publish(result.text(), result.html())
        if strict() and not result.passed:
            raise CheckFailed(f"{self.lesson}/{self.qid}: {result.text()}")

    def hint(self, tier: int | None = None) -> None:
        """Show the next hint (or hint number ``tier``); hints go from gentle to explicit."""
        if not self.hints:
            _publish("There is no hint for this question.")
            return
        if isinstance(tier, bool) or not isinstance(tier, (int, type(None))):
            _publish(f"hint() takes a hint number from 1 to {len(self.hints)}, or nothing.")
            return
        if tier is None:
            self._hints_shown = min(self._hints_shown + 1, len(self.hints))
            tier = self._hints_shown
        if not 1 <= tier <= len(self.hints):
            _publish(f"There are {len(self.hints)} hints: ask for 1 to {len(self.hints)}.")
            return
        more = (f" (Run {self.qid}.hint() again for hint {tier + 1} of {len(self.hints)}.)"
                if tier < len(self.hints) else f" (That was the last hint; {self.qid}.solution() "
                "shows the answer.)")
        _publish(f"Hint {tier} of {len(self.hints)}: {self.hints[tier - 1]}{more}")

    def solution_text(self) -> str | None:
        """The answer as written in the solutions notebook, or None if not available."""
        if self._solution is not None:
            return self._solution
        path = Path(__file__).resolve().parent / "answers" / f"l{self.lesson}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))[self.qid]
        except (OSError, ValueError, KeyError):
            return None

    def solution(self) -> None:
        """Reveal the answer."""
        text = self.solution_text()
        if text is None:
            _publish("The solution to this question is not in this copy of the course.")
            return
        _publish(f"Solution to {self.qid}:\n\n{text}",
                 f"<p><strong>Solution to {self.qid}:</strong></p><pre>{html.escape(text)}</pre>")

    def __repr__(self) -> str:
        return (f"<Question {self.qid} of lesson {self.lesson}: use {self.qid}.check(answer), "
                f"{self.qid}.hint(), {self.qid}.solution()>")


def _as_number(answer: Any, unit: str) -> tuple[float | None, Result | None]:
    """Turn an answer into a float, or explain in plain words why it is not a number."""
    want = f"a single number ({unit})" if unit else "a single number"
    if answer is None:
        return None, Result(WRONG, f"the answer is None, which means no value. Expected {want}. "
                            "Did you assign the result of print(...), or forget to compute it?")
    if isinstance(answer, bool):
        return None, Result(WRONG, f"the answer is {answer} (True/False); expected {want}.")
    if isinstance(answer, str):
        cleaned = answer.replace(",", "").replace("%", "").strip()
        try:
            float(cleaned)
            return None, Result(WRONG, f"the answer is text ('{answer}'), not a number. Remove "
                                "the quotes so Python sees a number.")
        except ValueError:
            return None, Result(WRONG, f"the answer is text; expected {want}.")
    if isinstance(answer, numbers.Number) and not isinstance(answer, numbers.Real):
        return None, Result(WRONG, f"the answer is {_kind_of(answer)}; expected {want}.")
    size = getattr(answer, "size", None)
    if isinstance(answer, numbers.Real):
        pass  # Python and NumPy numbers
    elif hasattr(answer, "shape") and size == 1:
        return None, Result(WRONG, f"the answer is {_kind_of(answer)} holding one value; take the "
                            "number out of it, for example with .item() or .iloc[0].")
    elif isinstance(answer, (list, tuple, set, dict)) or hasattr(answer, "shape"):
        count = size if size is not None else len(answer)
        many = f" with {count} value{'s' if count != 1 else ''}"
        one = " Take the single value out of it, for example with [0]." if count == 1 else ""
        return None, Result(WRONG, f"the answer is {_kind_of(answer)}{many}; expected {want}.{one}")
    else:
        return None, Result(WRONG, f"the answer is {_kind_of(answer)}; expected {want}.")
    try:
        value = float(answer)
    except OverflowError:
        return None, Result(WRONG, f"the answer is a number too large to work with; expected {want}.")
    if math.isnan(value):
        return None, Result(WRONG, "the answer is NaN ('not a number'), which usually means a "
                            "missing value went into the calculation. Check the rows you selected.")
    if math.isinf(value):
        return None, Result(WRONG, "the answer is infinite; is there a division by zero?")
    return value, None


class NumberQuestion(Question):
    """A number computed from the data, with feedback on units, factors and sign.

    ``expected`` is a function of no arguments that computes the answer from the data.
    ``mistakes`` lists (function, message) pairs: a typical wrong answer, computed from
    the data too, and what to say when the learner gives it.
    """

    FACTORS = {1000: "1,000", 1_000_000: "1,000,000", 100: "100"}

    def __init__(self, lesson, qid, *, expected: Callable[[], float], unit: str,
                 hints: list[str], rel_tol: float = 0.005, integer: bool = False,
                 factor_advice: dict[int, str] | None = None,
                 mistakes: list[tuple[Callable[[], float], str]] | None = None,
                 solution: str | None = None):
        super().__init__(lesson, qid, hints=hints, solution=solution)
        self._expected, self.unit = expected, unit
        self.rel_tol, self.integer = rel_tol, integer
        self.factor_advice = factor_advice or {}
        self.mistakes = mistakes or []

    @property
    def expected(self) -> float:
        return float(self._expected())

    def _close(self, value: float, target: float, rel: float | None = None) -> bool:
        rel = self.rel_tol if rel is None else rel
        if self.integer:
            return value == target
        return math.isclose(value, target, rel_tol=rel, abs_tol=1e-12)

    def _evaluate(self, answer):
        value, problem = _as_number(answer, self.unit)
        if problem:
            return problem
        target = self.expected
        if self.integer and value != int(value):
            return Result(WRONG, f"{value:g} is not a whole number; expected a whole {self.unit}.")
        if self._close(value, target):
            shown = f"{int(value)}" if self.integer else f"{value:,.6g}"
            return Result(CORRECT, f"{shown} ({self.unit}) matches the answer computed "
                          "from the data.")
        for compute, message in self.mistakes:
            if self._close(value, float(compute()), 0.005):
                return Result(WRONG, message)
        if target != 0 and self._close(-value, target):
            return Result(WRONG, "the size is right but the sign is wrong. Check which value "
                          "you subtracted from which.")
        for factor, words in self.FACTORS.items():
            for scaled, direction in ((value / factor, "too large"), (value * factor, "too small")):
                if self._close(scaled, target, 0.01):
                    advice = self.factor_advice.get(factor, f"check the units: the answer is "
                                                    f"expected in {self.unit}.")
                    return Result(WRONG, f"your answer is {direction} by a factor of {words}: "
                                  f"{advice}")
        if self.integer:
            if abs(value - target) == 1:
                return Result(WRONG, f"off by one {self.unit}. Check whether the count starts "
                              "at the first year or the year after it.")
            return Result(WRONG, f"{value:g} is not the expected {self.unit}. Try {self.qid}.hint().")
        if target != 0 and abs(value - target) / abs(target) < 0.1:
            return Result(WRONG, f"close, but not within {self.rel_tol:.1%} of the answer computed "
                          "from the data. Check the exact values you used, and avoid rounding "
                          "along the way.")
        side = "higher" if value > target else "lower"
        return Result(WRONG, f"{value:,.6g} is {side} than the expected answer. Try {self.qid}.hint().")


class ChoiceQuestion(Question):
    """Pick one option by its letter; each wrong option has its own explanation."""

    def __init__(self, lesson, qid, *, options: dict[str, str], correct: str | Callable[[], str],
                 explanations: dict[str, str], hints: list[str]):
        super().__init__(lesson, qid, hints=hints)
        self.options, self._correct, self.explanations = options, correct, explanations

    @property
    def correct(self) -> str:
        return self._correct() if callable(self._correct) else self._correct

    def _evaluate(self, answer):
        letters = ", ".join(f"'{k}'" for k in self.options)
        if not isinstance(answer, str):
            return Result(WRONG, f"the answer is {_kind_of(answer)}; give the letter of one "
                          f"option as text, one of {letters}.")
        key = answer.strip().strip("()").lower()
        if key not in self.options:
            for k, text in self.options.items():
                if key == text.strip().lower():
                    key = k
            if key not in self.options:
                return Result(WRONG, f"'{answer}' is not one of the options; give one of {letters}.")
        if key == self.correct:
            return Result(CORRECT, self.explanations.get(key, "that is the best-supported option."))
        return Result(WRONG, self.explanations.get(key, "that option does not fit the evidence."))


class TextQuestion(Question):
    """A written answer: checked for length only; a model answer is shown on request."""

    def __init__(self, lesson, qid, *, min_words: int, points: list[str], hints: list[str]):
        super().__init__(lesson, qid, hints=hints)
        self.min_words, self.points = min_words, points

    def _evaluate(self, answer):
        if not isinstance(answer, str):
            return Result(WRONG, f"the answer is {_kind_of(answer)}; write your answer as text "
                          'between the triple quotes """ ... """.')
        words = answer.replace(PLACEHOLDER_TEXT, " ").split()
        if not words:
            return Result(NOT_ATTEMPTED, "write your answer between the triple quotes, run the "
                          f"cell, then run {self.qid}.check(...) again.")
        if len(words) < self.min_words:
            return Result(WRONG, f"{len(words)} words so far; a good answer needs at least "
                          f"{self.min_words}. Say what the evidence shows and what it does not.")
        checklist = "; ".join(f"({i}) {p}" for i, p in enumerate(self.points, 1))
        return Result(CORRECT, f"{len(words)} words, thank you. Written answers are not marked "
                      f"by the computer; check yours against these points: {checklist}. "
                      f"Then compare with a model answer: {self.qid}.solution().",
                      label="Answer received")


class ChartQuestion(Question):
    """A chart the learner draws: checked for its parts and for the data it shows.

    ``series`` is a function returning the y values that some line or bar set of the chart
    must show (computed from the data). ``unit_words``: the y-axis label must contain one.
    """

    def __init__(self, lesson, qid, *, series: Callable[[], list[float]], unit_words: list[str],
                 hints: list[str], log_y: bool = False, need_source: bool = True,
                 any_order: bool = False):
        super().__init__(lesson, qid, hints=hints)
        self._series, self.unit_words = series, unit_words
        self.log_y, self.need_source, self.any_order = log_y, need_source, any_order

    def _evaluate(self, answer):
        from matplotlib.axes import Axes
        from matplotlib.figure import Figure

        if isinstance(answer, tuple) and len(answer) == 2 and isinstance(answer[0], Figure):
            return Result(WRONG, "this is the pair (fig, ax) that plt.subplots() returns; pass "
                          "only the figure, for example fig.")
        if isinstance(answer, Axes):
            answer = answer.figure
        if not isinstance(answer, Figure):
            return Result(WRONG, f"the answer is {_kind_of(answer)}; pass the matplotlib figure "
                          "(the fig in fig, ax = plt.subplots()).")
        axes = [ax for ax in answer.axes if ax.lines or ax.patches or ax.collections]
        if not axes:
            return Result(WRONG, "the figure has no data drawn on it yet.")
        ax = axes[0]
        problems = []
        expected = [float(v) for v in self._series()]
        if not self._shows(ax, expected, self.any_order):
            problems.append("it does not show the expected values (check which rows and column "
                            "you plotted)")
        if not ax.get_title(loc="left") and not ax.get_title() and not answer._suptitle:
            problems.append("it has no title")
        if not ax.get_xlabel().strip():
            problems.append("the x-axis has no label")
        ylabel = ax.get_ylabel()
        if not ylabel.strip():
            problems.append("the y-axis has no label")
        elif not any(w.lower() in ylabel.lower() for w in self.unit_words):
            problems.append(f"the y-axis label ('{ylabel}') does not give the unit "
                            f"({' or '.join(self.unit_words)})")
        if self.log_y and ax.get_yscale() != "log":
            problems.append("the y-axis is not on a logarithmic scale (ax.set_yscale('log'))")
        if self.need_source and not any("source" in t.get_text().lower() for t in answer.texts):
            problems.append("there is no source line under it")
        if problems:
            return Result(WRONG, "the chart is not finished: " + "; ".join(problems) + ".")
        return Result(CORRECT, "the chart shows the right data and has every part a chart needs.")

    @staticmethod
    def _shows(ax, expected: list[float], any_order: bool = False) -> bool:
        def same(values):
            values = [float(v) for v in values]
            if any_order:  # e.g. bars sorted by size
                values, target = sorted(values), sorted(expected)
            else:
                target = expected
            return len(values) == len(target) and all(
                math.isclose(a, b, rel_tol=1e-6) for a, b in zip(values, target))

        for line in ax.lines:
            if same(line.get_ydata()):
                return True
        bars = [p.get_height() for p in ax.patches if hasattr(p, "get_height")]
        if bars and same(bars):
            return True
        for coll in ax.collections:
            offsets = getattr(coll, "get_offsets", list)()
            if len(offsets) and same([xy[1] for xy in offsets]):
                return True
        return False


class SourcedListQuestion(Question):
    """Examples the learner proposes, each backed by a source of the course's data.

    The answer is a list of (example, source_id) pairs, or a dictionary {example: source_id}.
    The check confirms there are enough examples, that each is described in words and that
    each source_id is in data/sources.csv; it names each source so the learner can verify that
    it says what they claim. Whether a source supports an example is for the learner (and the
    teacher) to judge, so a complete answer is "received", like a written answer.
    """

    def __init__(self, lesson, qid, *, min_items: int, hints: list[str], min_words: int = 3):
        super().__init__(lesson, qid, hints=hints)
        self.min_items, self.min_words = min_items, min_words

    def _pairs(self, answer):
        if isinstance(answer, dict):
            return list(answer.items())
        if isinstance(answer, (list, tuple)) and all(
                isinstance(p, (list, tuple)) and len(p) == 2 for p in answer):
            return [tuple(p) for p in answer]
        return None

    def _evaluate(self, answer):
        import difflib

        from aicourse import data

        shape = ('a list of pairs, e.g. [("what the example is", "source_id"), ...], one pair '
                 "per example")
        pairs = self._pairs(answer)
        if pairs is None:
            return Result(WRONG, f"the answer is {_kind_of(answer)}; expected {shape}.")
        if len(pairs) < self.min_items:
            return Result(WRONG, f"{len(pairs)} example{'s' if len(pairs) != 1 else ''} so far; "
                          f"give at least {self.min_items}, each with a source_id.")
        known = data.sources().set_index("source_id")
        named = []
        for number, (example, source_id) in enumerate(pairs, 1):
            if not isinstance(example, str) or len(example.split()) < self.min_words:
                return Result(WRONG, f"example {number} needs a description of at least "
                              f"{self.min_words} words, as text in quotes.")
            if not isinstance(source_id, str):
                return Result(WRONG, f"the source of example {number} is {_kind_of(source_id)}; "
                              "give its source_id as text, e.g. \"eco_chinai_batch1\".")
            if source_id.strip() not in known.index:
                close = difflib.get_close_matches(source_id.strip(), list(known.index), n=1)
                maybe = f" Did you mean '{close[0]}'?" if close else ""
                return Result(WRONG, f"'{source_id[:40]}' (example {number}) is not a source_id in "
                              f"data/sources.csv.{maybe}")
            named.append(f"{source_id.strip()}: {known.loc[source_id.strip(), 'publisher'][:40]}")
        listed = "; ".join(named[:5]) + ("; ..." if len(named) > 5 else "")
        return Result(CORRECT, f"{len(pairs)} examples, each with a source that exists ({listed}). "
                      "The computer cannot judge whether each source supports its example: read "
                      "each source's excerpt in data/sources.csv, then compare with "
                      f"{self.qid}.solution().",
                      label="Answer received")
