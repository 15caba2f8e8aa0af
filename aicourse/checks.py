"""Exercise questions: ``check()``, tiered ``hint()`` and ``solution()``.

Each question is an object made in ``aicourse/questions/lNN.py``::

    q1.check(answer)   # "not attempted yet", specific feedback, or "correct"
    q1.hint()          # the next hint, one tier at a time
    q1.solution()      # the answer, only when asked for

Expected answers are computed from the course data when first needed, never typed in.
``evaluate(answer)`` returns a ``Result`` without displaying anything (the tests use it);
``check`` displays the result.

Who is at fault decides what happens (the policy of Kaggle's learntools, see
``aicourse.errors``): only the handling of the learner's own value is guarded, so no input a
learner can type makes ``check`` raise; it gets feedback in plain words. An exception from the
course's own code (an expected answer, a typical mistake, an explanation) is a fault in the
course: it is raised in strict mode (``AICOURSE_STRICT=1``, the solutions runs) and debug mode
(``AICOURSE_DEBUG=1``, every test run), and otherwise reported to the learner as the course's
fault, with what to report. In strict mode a check that does not pass raises ``CheckFailed``.
"""

from __future__ import annotations

import html
import json
import math
import numbers
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from aicourse import figures
from aicourse.errors import fault_message, faults_raise
from aicourse.errors import strict as _strict

#: The placeholder that exercise cells start with: ``answer = ...``.
PLACEHOLDER = ...
#: The placeholder text for written answers.
PLACEHOLDER_TEXT = "Write your answer here."

CORRECT, NOT_ATTEMPTED, WRONG, FAULT = "correct", "not attempted", "wrong", "course fault"
_LABELS = {CORRECT: "Correct", NOT_ATTEMPTED: "Not attempted yet", WRONG: "Not yet",
           FAULT: "Fault in the course"}
_SYMBOLS = {CORRECT: "✔", NOT_ATTEMPTED: "…", WRONG: "✘", FAULT: "⚠"}
_COLOURS = {CORRECT: "#009E73", NOT_ATTEMPTED: "#0072B2", WRONG: "#D55E00", FAULT: "#666666"}


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
    return _strict()


def words(text: str | Callable[[], str]) -> str:
    """A message written as text, or as a function that computes it from the data."""
    return text() if callable(text) else text


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
        """Judge an answer and return a Result.

        Subclasses guard the handling of the learner's value themselves; anything else that
        raises is a fault in the course: raised in strict and debug mode, otherwise reported.
        """
        if answer is PLACEHOLDER:
            return Result(NOT_ATTEMPTED, "replace the ... with your answer, run the cell, "
                          f"then run {self.qid}.check(...) again.")
        try:
            return self._evaluate(answer)
        except Exception as exc:
            if faults_raise():
                raise
            return Result(FAULT, fault_message(f"lesson {self.lesson}, question {self.qid}", exc))

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
            _publish(f"Your teacher holds the solutions for this copy of the course: ask them "
                     f"once you have tried. {self.qid}.hint() gives a hint, one at a time.")
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
            return None, Result(WRONG, f"the answer is text ('{answer[:40]}'), not a number. "
                                "Remove the quotes so Python sees a number.")
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
        try:
            count = int(size) if size is not None else len(answer)
        except (TypeError, ValueError):
            count = None
        many = "" if count is None else f" with {count} value{'s' if count != 1 else ''}"
        one = " Take the single value out of it, for example with [0]." if count == 1 else ""
        return None, Result(WRONG, f"the answer is {_kind_of(answer)}{many}; expected {want}.{one}")
    else:
        return None, Result(WRONG, f"the answer is {_kind_of(answer)}; expected {want}.")
    try:
        value = float(answer)
    except OverflowError:
        return None, Result(WRONG, f"the answer is a number too large to work with; expected {want}.")
    except (TypeError, ValueError):
        return None, Result(WRONG, f"the answer is {_kind_of(answer)}, which cannot be read as a "
                            f"number; expected {want}.")
    if math.isnan(value):
        return None, Result(WRONG, "the answer is NaN ('not a number'), which usually means a "
                            "missing value went into the calculation. Check the rows you selected.")
    if math.isinf(value):
        return None, Result(WRONG, "the answer is infinite; is there a division by zero?")
    return value, None


def round_to(value: float, figures_: int) -> float:
    """``value`` rounded to ``figures_`` significant figures."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, figures_ - 1 - math.floor(math.log10(abs(value))))


def _percent(fraction: float) -> str:
    return f"{fraction:.2%}" if fraction < 0.01 else f"{fraction:.1%}"


class NumberQuestion(Question):
    """A number computed from the data, with feedback on precision, units, factors and sign.

    ``expected`` is a function of no arguments that computes the answer from the data. An
    answer passes when it is within ``rel_tol`` of it or is it rounded to ``sig_figs``
    significant figures (3 unless two answers the question must tell apart need more);
    ``precision`` says so in words, and each exercise states it.
    ``mistakes`` lists (function, message) pairs: a typical wrong answer, computed from the
    data too, and what to say when the learner gives it (a message may be a function that
    computes its words). A test proves that every mistake is reachable: not accepted as right,
    not hidden by an earlier one. ``off_by_one``: what to say to a whole number one away.
    """

    FACTORS = {1000: "1,000", 1_000_000: "1,000,000", 1_000_000_000: "1,000,000,000", 100: "100"}

    def __init__(self, lesson, qid, *, expected: Callable[[], float], unit: str,
                 hints: list[str], rel_tol: float = 0.005, integer: bool = False,
                 factor_advice: dict[int, str] | None = None,
                 mistakes: list[tuple[Callable[[], float], str | Callable[[], str]]] | None = None,
                 off_by_one: str | None = None, sig_figs: int = 3, solution: str | None = None):
        super().__init__(lesson, qid, hints=hints, solution=solution)
        self.sig_figs = sig_figs
        self._expected, self.unit = expected, unit
        self.rel_tol, self.integer = rel_tol, integer
        self.factor_advice = factor_advice or {}
        self.mistakes = mistakes or []
        self.off_by_one = off_by_one

    @property
    def expected(self) -> float:
        return float(self._expected())

    @property
    def precision(self) -> str:
        """The precision the question accepts, in the words the exercises use."""
        if self.integer:
            return "a whole number"
        return f"{self.sig_figs} significant figures are enough"

    def _accepted_words(self) -> str:
        return (f"answers rounded to {self.sig_figs} significant figures, or within "
                f"{self.rel_tol:.1%} of it")

    def tolerance(self, target: float) -> float:
        """How far an answer may be from ``target`` and still count as ``target``."""
        if self.integer:
            return 0.0
        size = abs(target)
        if size == 0:
            return 1e-12
        half_unit = 0.5 * 10 ** (math.floor(math.log10(size)) - self.sig_figs + 1)
        return max(self.rel_tol * size, half_unit * (1 + 1e-9))

    def accepts(self, value: float, target: float) -> bool:
        """Whether ``value`` counts as ``target`` (exactly, for whole numbers)."""
        return abs(value - target) <= self.tolerance(target)

    def _evaluate(self, answer):
        value, problem = _as_number(answer, self.unit)
        if problem:
            return problem
        target = self.expected
        if self.integer and value != int(value):
            return Result(WRONG, f"{value:g} is not a whole number; expected a whole number "
                          f"({self.unit}).")
        if self.accepts(value, target):
            shown = f"{int(value)}" if self.integer else f"{value:,.6g}"
            return Result(CORRECT, f"{shown} ({self.unit}) matches the answer computed "
                          "from the data.")
        for compute, message in self.mistakes:
            if self.accepts(value, float(compute())):
                return Result(WRONG, words(message))
        if target != 0 and self.accepts(-value, target):
            return Result(WRONG, "the size is right but the sign is wrong. Check which value "
                          "you subtracted from which.")
        for factor, text in self.FACTORS.items():
            for scaled, direction in ((value / factor, "too large"), (value * factor, "too small")):
                if math.isclose(scaled, target, rel_tol=0.01):
                    advice = self.factor_advice.get(factor, f"check the units: the answer is "
                                                    f"expected in {self.unit}.")
                    return Result(WRONG, f"your answer is {direction} by a factor of {text}: "
                                  f"{advice}")
        if self.integer:
            if abs(value - target) == 1:
                return Result(WRONG, self.off_by_one or "off by one. Check where your count "
                              "starts and where it ends.")
            side = "high" if value > target else "low"
            return Result(WRONG, f"{value:g} is not the expected {self.unit}: it is too {side}. "
                          f"Try {self.qid}.hint().")
        for fewer in range(self.sig_figs - 1, 0, -1):
            if math.isclose(value, round_to(target, fewer), rel_tol=1e-9):
                return Result(WRONG, f"that is the answer rounded to {fewer} significant "
                              f"figure{'s' if fewer > 1 else ''}; this question needs "
                              f"{self.sig_figs}. Keep more digits.")
        if target != 0 and abs(value - target) / abs(target) < 0.1:
            off = abs(value - target) / abs(target)
            side = "above" if value > target else "below"
            return Result(WRONG, f"close: {value:,.6g} is {_percent(off)} {side} the answer "
                          f"computed from the data, and this question accepts "
                          f"{self._accepted_words()}. Check the exact values you used, and avoid "
                          "rounding along the way.")
        side = "higher" if value > target else "lower"
        return Result(WRONG, f"{value:,.6g} is {side} than the expected answer. Try {self.qid}.hint().")


class ChoiceQuestion(Question):
    """Pick one option by its letter; each option has its own explanation.

    An explanation may be a function that computes its words, so that figures quoted in it come
    from the data, not from memory; ``explanations`` may also be one function of the option's
    letter that computes them all.
    """

    def __init__(self, lesson, qid, *, options: dict[str, str], correct: str | Callable[[], str],
                 explanations: dict[str, str | Callable[[], str]] | Callable[[str], str],
                 hints: list[str], solution: str | None = None):
        super().__init__(lesson, qid, hints=hints, solution=solution)
        self.options, self._correct, self.explanations = options, correct, explanations

    @property
    def correct(self) -> str:
        return self._correct() if callable(self._correct) else self._correct

    def explanation(self, key: str) -> str:
        if callable(self.explanations):
            return self.explanations(key)
        default = ("that is the best-supported option." if key == self.correct
                   else "that option does not fit the evidence.")
        return words(self.explanations.get(key, default))

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
                return Result(WRONG, f"'{answer[:40]}' is not one of the options; give one of "
                              f"{letters}.")
        return Result(CORRECT if key == self.correct else WRONG, self.explanation(key))


class TextQuestion(Question):
    """A written answer: checked for length only; a model answer is shown on request."""

    def __init__(self, lesson, qid, *, min_words: int, points: list[str], hints: list[str]):
        super().__init__(lesson, qid, hints=hints)
        self.min_words, self.points = min_words, points

    def _evaluate(self, answer):
        if not isinstance(answer, str):
            return Result(WRONG, f"the answer is {_kind_of(answer)}; write your answer as text "
                          'between the triple quotes """ ... """.')
        words_ = answer.replace(PLACEHOLDER_TEXT, " ").split()
        if not words_:
            return Result(NOT_ATTEMPTED, "write your answer between the triple quotes, run the "
                          f"cell, then run {self.qid}.check(...) again.")
        if len(words_) < self.min_words:
            return Result(WRONG, f"{len(words_)} words so far; a good answer needs at least "
                          f"{self.min_words}. Say what the evidence shows and what it does not.")
        checklist = "; ".join(f"({i}) {p}" for i, p in enumerate(self.points, 1))
        return Result(CORRECT, f"{len(words_)} words, thank you. Written answers are not marked "
                      f"by the computer; check yours against these points: {checklist}. "
                      f"Then compare with a model answer: {self.qid}.solution().",
                      label="Answer received")


def _listed(names: list[str], most: int = 5) -> str:
    shown = [f"'{n}'" for n in names[:most]]
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return (", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]) + more


def _scale_name(size: float) -> str:
    return next((k for k, v in figures.SCALES.items() if v == size), "plain numbers")


class ChartQuestion(Question):
    """A chart the learner draws: judged on the data it shows and on the parts a chart needs.

    ``series`` computes from the data what the chart must show: a pandas Series, whose index
    names each category or year, or a dict {what it is: Series} when the chart must show several.
    The values count however they are drawn: vertical bars, horizontal bars (whose values are
    their widths), a line or scatter points; missing values and zeros added for empty years
    (``reindex``) are ignored. ``any_order``: the order of the values does not matter (categories
    rather than years). ``unit``: the unit key(s) of ``figures.SPELLINGS`` that the value axis
    (or the title) must name; ``scale``: the scale word of the data's values ("billion"), which
    the label must name too. Values converted to another scale (RMB trillion, millions of
    stations) count when the label names that scale. ``mistakes``: (function, message) pairs,
    a typical wrong chart's values computed from the data and what to say. ``must_say``:
    (words, problem) pairs: one of the words must appear in the chart's text or alt text, or the
    problem (text, or a function that computes it) is named.
    """

    #: Scales a learner's values may be in: the named ones, and factors of 1,000 either way.
    SCALED = (1.0, 1e3, 1e6, 1e9, 1e12, 1e-3, 1e-6, 1e-9)

    def __init__(self, lesson, qid, *, series: Callable[[], Any], unit: str | tuple[str, ...],
                 hints: list[str], scale: str | None = None, log_scale: bool = False,
                 need_source: bool = True, any_order: bool = False,
                 mistakes: list[tuple[Callable[[], Any], str | Callable[[], str]]] | None = None,
                 must_say: list[tuple[tuple[str, ...], str]] | None = None):
        super().__init__(lesson, qid, hints=hints)
        self._series = series
        self.units = (unit,) if isinstance(unit, str) else tuple(unit)
        unknown = [u for u in (*self.units, scale) if u and u not in figures.SPELLINGS]
        if unknown:
            raise ValueError(f"{lesson}/{qid}: unknown unit word(s) {unknown}; add them to "
                             "figures.SPELLINGS")
        self.scale, self.log_scale = scale, log_scale
        self.need_source, self.any_order = need_source, any_order
        self.mistakes, self.must_say = mistakes or [], must_say or []

    @staticmethod
    def _values(got) -> tuple[list[float], list[str]]:
        if hasattr(got, "index") and hasattr(got, "values"):
            return [float(v) for v in got.values], [str(i) for i in got.index]
        values = [float(v) for v in got]
        return values, [f"{v:g}" for v in values]

    def expected_series(self) -> dict[str, tuple[list[float], list[str]]]:
        """What the chart must show: {what it is: (values, labels)}, computed from the data."""
        got = self._series()
        items = got.items() if isinstance(got, dict) else [("the expected values", got)]
        return {name: self._values(s) for name, s in items}

    def _matches(self, drawn, values) -> float | None:
        """The scale the drawn values are in, if they are ``values`` at some scale; else None."""
        shown, _ = figures.without_padding(drawn, keep_zeros=0 in values)
        data_scale = figures.SCALES.get(self.scale, 1.0)
        for scale in (data_scale, *self.SCALED):
            factor = data_scale / scale
            if figures.same(shown, [v * factor for v in values], self.any_order):
                return scale
        return None

    def _scale_problem(self, drawn, scale: float, fig) -> str | None:
        """What is wrong with how the axis names the scale of values that match."""
        text = " ".join([figures.value_label(drawn), *figures.titles(fig)])
        named = figures.scales_named(text)
        data_scale = figures.SCALES.get(self.scale, 1.0)
        if scale == data_scale:
            if data_scale == 1.0 or data_scale in named:
                return None
            return (f"the {drawn.value_axis}-axis label does not say the values are in "
                    f"{_scale_name(data_scale)}s ('{self.units[0]} {self.scale}')")
        if scale == 1.0 or scale in named:
            return None  # converted to plain numbers, or to a scale the label names
        ratio = data_scale / scale  # drawn value = data value * ratio
        size, direction = (1 / ratio, "smaller") if ratio < 1 else (ratio, "larger")
        data_words = f" ({self.units[0]} {self.scale})" if self.scale else ""
        if scale in figures.SCALES.values():
            advice = (f"if you converted them to {_scale_name(scale)}s, say so in the axis label; "
                      "otherwise check the units")
        else:
            advice = "check the units and the column you plotted"
        return f"the values are {size:,.0f} times {direction} than the data{data_words}: {advice}"

    def _diagnose(self, drawn: list, values: list[float], labels: list[str], what: str,
                  fig) -> str:
        """Why no set of drawn values is ``values``, as specifically as can be told."""
        for compute, message in self.mistakes:
            wrong, _ = self._values(compute())
            if any(self._matches(d, wrong) is not None for d in drawn):
                return words(message)
        if not self.any_order:
            for d in drawn:
                shown, _ = figures.without_padding(d, keep_zeros=0 in values)
                if figures.same(shown, values, any_order=True):
                    return (f"it shows {what} in another order: draw them in order of the "
                            "years (sort the rows first, e.g. with sort_values or sort_index)")
        best = None
        for d in drawn:
            shown, shown_labels = figures.without_padding(d, keep_zeros=0 in values)
            named = figures.scales_named(" ".join([figures.value_label(d), *figures.titles(fig)]))
            for scale in sorted(named) or [figures.SCALES.get(self.scale, 1.0)]:
                factor = figures.SCALES.get(self.scale, 1.0) / scale
                target = [v * factor for v in values]
                missing = figures.missing_from(shown, target, shown_labels, labels)
                extra = figures.missing_from(target, shown, labels, shown_labels)
                found = len(values) - len(missing)
                if found and (best is None or found > best[0]):
                    repeats = all(any(math.isclose(shown[i], t, rel_tol=1e-6) for t in target)
                                  for i in extra)
                    best = (found, missing, extra, shown_labels, repeats)
        if best is None or best[0] < max(1, len(values) // 2):
            return (f"it does not show {what} (check which rows and column you plotted, and "
                    "the units)")
        found, missing, extra, shown_labels, repeats = best
        lacking = (f"{_listed([labels[i] for i in missing])} "
                   f"{'is' if len(missing) == 1 else 'are'} missing") if missing else ""
        if not extra:
            return f"it shows {found} of the {len(values)} expected values: {lacking}"
        extra_labels = [shown_labels[i] for i in extra]
        if repeats:  # every value too many repeats an expected one
            more = ("some values are drawn twice for the same category or year: drop repeated "
                    "rows first (drop_duplicates)")
        else:
            more = (f"{len(extra)} value{'s' if len(extra) != 1 else ''} that the question does "
                    f"not ask for ({_listed(extra_labels)})")
        if not missing:
            return f"it shows every expected value, but also {more}"
        return f"it shows {found} of the {len(values)} expected values ({lacking}), and {more}"

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
        fig = answer
        try:  # the learner's figure may hold anything: read it, guarded
            drawn = figures.series(fig)
            titles, texts = figures.titles(fig), figures.all_text(fig)
            from aicourse.charts import alt_text
            alt = alt_text(fig) or ""
        except Exception:
            return Result(WRONG, "the checker could not read the values drawn on this figure. "
                          "Draw numbers with ax.plot, ax.bar, ax.barh or ax.scatter, then check "
                          "again.")
        if not drawn:
            return Result(WRONG, "the figure has no data drawn on it yet.")
        problems, main = [], None
        for what, (values, labels) in self.expected_series().items():
            shown = None
            for d in drawn:
                scale = self._matches(d, values)
                if scale is not None:
                    problem = self._scale_problem(d, scale, fig)
                    if shown is None or (shown[1] and not problem):
                        shown = (d, problem)
            if shown is None:
                problems.append(self._diagnose(drawn, values, labels, what, fig))
                continue
            main = main or shown[0]
            if shown[1]:
                problems.append(shown[1])
        main = main or drawn[0]
        axis = main.value_axis
        if not titles:
            problems.append("it has no title")
        if not figures.other_label(main).strip():
            problems.append(f"the {'y' if axis == 'x' else 'x'}-axis has no label")
        label = figures.value_label(main)
        if not label.strip():
            problems.append(f"the {axis}-axis (the values) has no label")
        elif not any(figures.says(" ".join([label, *titles]), u) for u in self.units):
            problems.append(f"the {axis}-axis label ('{label[:60]}') does not give the unit "
                            f"({' or '.join(figures.spelled(u) for u in self.units)})")
        if self.log_scale and figures.value_scale(main) != "log":
            problems.append(f"the {axis}-axis is not on a logarithmic scale "
                            f"(ax.set_{axis}scale('log'))")
        if self.need_source and not any(w in t.lower() for t in texts
                                        for w in figures.SOURCE_WORDS):
            problems.append("there is no source line (for example 'Source: ...' under the chart)")
        for said, problem in self.must_say:
            if not any(w.lower() in t.lower() for t in [*texts, alt] for w in said):
                problems.append(words(problem))
        if problems:
            return Result(WRONG, "the chart is not finished: " + "; ".join(problems) + ".")
        return Result(CORRECT, "the chart shows the right data and has every part a chart needs.")


#: Words too common to show that a source speaks of an example.
_COMMON = set("""about after also among and been being between both china china's chinese
could each from have into more most over such than that their them then there these they this
those through under using were what when where which while will with would year years""".split())


def _stems(text: str) -> set[str]:
    """The content words of a text, cut to their first five letters (so 'recognition' meets
    'recognise')."""
    return {w[:5] for w in re.findall(r"[a-z0-9+]+", text.lower())
            if len(w) >= 4 and w not in _COMMON}


class SourcedListQuestion(Question):
    """Examples the learner proposes, each backed by a source of the course's data.

    The answer is a list of (example, source_id) pairs, or a dictionary {example: source_id}.
    The check confirms there are enough different examples, that each is described in words,
    that each source_id is in data/sources.csv and that the source (its title or excerpt)
    speaks of the example: they share a word. It names each source so the learner can verify
    that it says what they claim. Whether a source supports an example is for the learner
    (and the teacher) to judge, so a complete answer is "received", like a written answer.
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
        named, seen = [], set()
        for number, (example, source_id) in enumerate(pairs, 1):
            if not isinstance(example, str) or len(example.split()) < self.min_words:
                return Result(WRONG, f"example {number} needs a description of at least "
                              f"{self.min_words} words, as text in quotes.")
            if " ".join(example.lower().split()) in seen:
                return Result(WRONG, f"example {number} repeats an earlier example; give "
                              f"{self.min_items} different ones.")
            seen.add(" ".join(example.lower().split()))
            if not isinstance(source_id, str):
                return Result(WRONG, f"the source of example {number} is {_kind_of(source_id)}; "
                              "give its source_id as text, e.g. \"eco_chinai_batch1\".")
            sid = source_id.strip()
            unknown = _unknown_source(sid, known.index, f" (example {number})", "data/sources.csv")
            if unknown:
                return unknown
            row = known.loc[sid]
            said = " ".join(str(row[c]) for c in ("publisher", "title", "excerpt") if c in row)
            if not _stems(example) & _stems(said):
                return Result(WRONG, f"the source of example {number} ({sid}: "
                              f"'{str(row['title'])[:60]}') shares no word with your description "
                              f"of it. Read what the source says (data.sources(), column "
                              "excerpt) and describe the example in its terms, or choose the "
                              "source that speaks of your example.")
            named.append(f"{sid}: {str(row['publisher'])[:40]}")
        listed = "; ".join(named[:5]) + ("; ..." if len(named) > 5 else "")
        return Result(CORRECT, f"{len(pairs)} examples, each with a source that exists and speaks "
                      f"of it ({listed}). The computer cannot judge whether each source supports "
                      "its example: read each source's excerpt in data/sources.csv, then compare "
                      f"with {self.qid}.solution().",
                      label="Answer received")


def _unknown_source(sid: str, known, which: str, where: str) -> Result | None:
    """The feedback for a source_id that is not among ``known`` (with a did-you-mean), or None."""
    import difflib

    if sid in known:
        return None
    close = difflib.get_close_matches(sid, list(known), n=1)
    maybe = f" Did you mean '{close[0]}'?" if close else ""
    return Result(WRONG, f"'{sid[:40]}'{which} is not a source_id in {where}.{maybe}")


def _normal(text: str) -> str:
    """Text compared loosely: one space, straight quotes, no ellipsis marks at the ends."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u00a0", " ")
    return " ".join(text.split()).strip(" .…\"'")


class VoiceQuestion(Question):
    """A named voice the learner adds to a lesson's discussion, with its source.

    The answer is a dictionary: lesson, view ("A" or "B"), speaker, role, date (YYYY, YYYY-MM or
    YYYY-MM-DD), quote (the speaker's words, as the source prints them), quote_en (an English
    translation, when the source is not in English), source_id, and why (a sentence: which part
    of the view the quote supports). The source is a row of data/sources.csv, or of the
    learner's own file my-work/my_sources.csv with the same columns. The check confirms what a
    computer can: the source exists, the quote is in its excerpt, the date fits the source, the
    translation is there. Whether the quote supports the view is for the learner and the
    teacher to judge, so a complete answer is "received".
    """

    FIELDS = ("lesson", "view", "speaker", "role", "date", "quote", "source_id", "why")

    def __init__(self, lesson, qid, *, for_lesson: str | None = None, hints: list[str],
                 max_words: int = 45, min_why: int = 8):
        super().__init__(lesson, qid, hints=hints)
        self.for_lesson, self.max_words, self.min_why = for_lesson, max_words, min_why

    @staticmethod
    def _sources():
        import pandas as pd

        from aicourse import data

        table = data.sources()
        own = data.find_data_dir().parent / "my-work" / "my_sources.csv"
        if own.is_file():
            try:
                mine = pd.read_csv(own, dtype=str, keep_default_na=False)
                table = pd.concat([table, mine[[c for c in table.columns if c in mine.columns]]])
            except (OSError, ValueError):
                pass  # an unreadable file of the learner's: the course's sources still count
        return table.drop_duplicates("source_id").set_index("source_id")

    def _evaluate(self, answer):
        import re

        from aicourse import data

        if not isinstance(answer, dict):
            return Result(WRONG, f"the answer is {_kind_of(answer)}; give a dictionary with the "
                          f"keys {', '.join(self.FIELDS)} (and quote_en for a quote not in English).")
        missing = [k for k in self.FIELDS if not isinstance(answer.get(k), str) or not answer[k].strip()]
        if missing:
            return Result(WRONG, f"fill in {', '.join(missing)} as text.")
        lesson, view = answer["lesson"].strip(), answer["view"].strip().upper()
        if self.for_lesson and lesson != self.for_lesson:
            return Result(WRONG, f"this exercise asks for a voice for lesson {self.for_lesson}.")
        if not re.fullmatch(r"0[0-8]", lesson):
            return Result(WRONG, "lesson is the two-digit number of a lesson, \"00\" to \"08\".")
        if view not in ("A", "B"):
            return Result(WRONG, "view is \"A\" or \"B\", the view of the lesson's discussion "
                          "that the quote supports.")
        known = self._sources()
        sid = answer["source_id"].strip()
        unknown = _unknown_source(sid, known.index, "", "data/sources.csv or in my-work/my_sources.csv")
        if unknown:
            return unknown
        source = known.loc[sid]
        when = data.source_date(answer["date"].strip())
        if when is None:
            return Result(WRONG, "write the date as YYYY, YYYY-MM or YYYY-MM-DD.")
        published = data.source_date(source["date"])
        if published is not None and when.year > published.year or (
                published is not None and len(answer["date"].strip()) == 10
                and len(source["date"]) == 10 and when > published):
            return Result(WRONG, f"the date {answer['date']} is after the source itself "
                          f"({source['date']}): a page cannot quote what was said later.")
        quote = answer["quote"]
        if len(quote.split()) > self.max_words:
            return Result(WRONG, f"the quote has {len(quote.split())} words; keep it to "
                          f"{self.max_words} or fewer, and mark a cut with …")
        excerpt = _normal(source["excerpt"])
        parts = [_normal(p) for p in re.split(r"…|\.\.\.", quote) if _normal(p)]
        absent = [p for p in parts if p not in excerpt]
        if absent:
            return Result(WRONG, f"'{absent[0][:50]}' is not in the excerpt of {sid}. Copy the "
                          "words exactly as the source prints them (or add the sentence to the "
                          "excerpt of your own source row in my-work/my_sources.csv).")
        if source.get("language", "en") != "en" and not str(answer.get("quote_en", "")).strip():
            return Result(WRONG, f"the source is in '{source['language']}': add an English "
                          "translation as quote_en.")
        if len(answer["why"].split()) < self.min_why:
            return Result(WRONG, f"say in at least {self.min_why} words which part of View "
                          f"{view}'s argument the quote supports.")
        voices = data.load("voices")
        same = voices[(voices["source_id"] == sid) & (voices["quote"].map(_normal)
                                                      == _normal(quote))]
        if not same.empty:
            return Result(WRONG, f"the course already has this quote ({same.iloc[0]['voice_id']}); "
                          "find a voice the course does not have yet.")
        return Result(CORRECT, f"a voice for View {view} of lesson {lesson}: {answer['speaker'][:40]}, "
                      f"quoted from {source['publisher'][:40]} ({source['date']}), and the quote "
                      "is in that source's excerpt. The computer cannot judge whether the quote "
                      "supports the view, or whether it is quoted in context: compare with the "
                      f"voices of that view (data.voice_list(\"{lesson}\")) and with "
                      f"{self.qid}.solution().", label="Answer received")
