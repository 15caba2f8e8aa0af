"""Property-based sweep: whatever a learner passes, checkers and widget views answer in plain
language and never with a traceback.

The tests run in debug mode (conftest.py), so a fault in the course's own code raises here
instead of being reported as the course's fault: only the learner's input is guarded.


The everyday run (python3 tasks.py test) tries a sample of inputs per checker and view, new ones
each run, and hypothesis keeps any input that once failed (.hypothesis/) and tries it first.
AICOURSE_SWEEP=thorough runs the full sweep (six times as many inputs):

    AICOURSE_SWEEP=thorough python3 tasks.py test tests/test_robustness.py
"""

import importlib
import os
import pkgutil
import re

import matplotlib
import matplotlib.pyplot as plt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aicourse.questions
import aicourse.views
from aicourse import data, widgets
from aicourse.errors import DataError

matplotlib.use("Agg")

QUESTIONS = [q for info in pkgutil.iter_modules(aicourse.questions.__path__)
             for module in [importlib.import_module(f"aicourse.questions.{info.name}")]
             for q in module.QUESTIONS + getattr(module, "RECALL", [])]
PYTHON_TALK = re.compile(r"Traceback|Exception|\b[A-Z][a-zA-Z]*Error\b|File \"|line \d+, in")

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40), st.binary(max_size=10), st.decimals(allow_nan=True),
    st.complex_numbers(allow_nan=True), st.fractions(), st.dates(), st.just(...),
)
anything = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.tuples(inner, inner),
                            st.dictionaries(st.text(max_size=5), inner, max_size=3),
                            st.frozensets(st.integers(), max_size=3)),
    max_leaves=8,
)
THOROUGH = os.environ.get("AICOURSE_SWEEP") == "thorough"


def examples(full: int) -> int:
    """Inputs per test: ``full`` in the thorough sweep, a sixth of it (at least 10) otherwise."""
    return full if THOROUGH else max(10, full // 6)


SWEEP = settings(max_examples=examples(150), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


def plain(message: str) -> bool:
    return bool(message.strip()) and len(message) < 600 and not PYTHON_TALK.search(message)


@pytest.mark.parametrize("q", QUESTIONS, ids=[f"l{q.lesson}-{q.qid}" for q in QUESTIONS])
@SWEEP
@given(answer=anything)
def test_checker_answers_anything_plainly(q, answer):
    result = q.evaluate(answer)
    assert result.status in ("correct", "not attempted", "wrong")
    assert plain(result.message), result.message


@pytest.mark.parametrize("q", QUESTIONS, ids=[f"l{q.lesson}-{q.qid}" for q in QUESTIONS])
@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # capsys is read each time
@given(tier=anything)
def test_hint_takes_anything(q, tier, capsys):
    q.hint(tier)
    out = capsys.readouterr().out
    assert plain(out), out


def view_functions():
    """Every public function of aicourse.views.lNN that ends in _view."""
    found = []
    for info in pkgutil.iter_modules(aicourse.views.__path__):
        module = importlib.import_module(f"aicourse.views.{info.name}")
        found += [getattr(module, n) for n in dir(module) if n.endswith("_view")]
    return found


VIEWS = view_functions()


def call_view(view, values):
    import inspect

    names = list(inspect.signature(view).parameters)
    return dict(zip(names, values))


@pytest.mark.parametrize("view", VIEWS, ids=[v.__module__ + "." + v.__name__ for v in VIEWS])
@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(values=st.lists(anything, min_size=0, max_size=4))
def test_view_draws_or_explains(view, values, capsys):
    import inspect

    kwargs = call_view(view, values)
    required = [p for p in inspect.signature(view).parameters.values()
                if p.default is inspect.Parameter.empty]
    if len(kwargs) < len(required):
        return  # the widget always passes every control's value
    try:
        view(**kwargs)  # any exception but ViewError is a fault in the course, and fails here
    except widgets.ViewError as exc:
        assert plain(str(exc)), str(exc)
    finally:
        plt.close("all")
    widgets.render(view, kwargs)  # what the learner sees: a chart, a table or a sentence
    out = capsys.readouterr().out
    assert "Traceback" not in out and "fault in the course" not in out
    for line in out.splitlines():
        if line.startswith("Cannot draw"):
            assert plain(line), line
    plt.close("all")


def test_growth_view_accepts_the_widget_ranges():
    """Every value the growth explorer's controls can take draws a chart."""
    from aicourse.views import l01

    for segment in l01.SEGMENTS:
        for year in (2017, 2025):
            for value in (0.1, 100000.0):
                for rate in (0.0, 150.0):
                    result = l01.growth_view(year, value, rate, segment)
                    fig, table = result.figure, result.table
                    assert len(table) == 3
                    plt.close(fig)


@settings(max_examples=examples(60), deadline=None)
@given(name=anything)
def test_loading_a_dataset_by_any_name_fails_plainly(name):
    try:
        data.load(name)
    except DataError as exc:
        assert plain(str(exc)), str(exc)
