"""Errors that course code raises, how a notebook shows them, and the policy for course faults.

Two kinds of failure reach a learner, and they are handled differently:

- **A problem the learner can fix** (a data file edited by mistake, a chart without a title, an
  evaluation that cannot be saved): course code raises a ``CourseError`` subclass with a
  plain-language message. Inside IPython, every ``CourseError`` is shown as that message alone,
  without a traceback (see ``install_handler``).
- **A fault in the course itself** (a bug in an expected answer, a view or a guide module):
  only the handling of the learner's own value is guarded, as in Kaggle's learntools. Anything
  else that course code raises is a fault. With ``AICOURSE_STRICT=1`` (the solutions runs) or
  ``AICOURSE_DEBUG=1`` (every test run) it is raised, so the tests fail. Otherwise the learner
  is told, in plain words, that the fault is in the course and not in their answer, and what to
  report (``fault_message``).
"""

from __future__ import annotations

import os


class CourseError(Exception):
    """An error whose message is written for a learner or a teacher."""


class DataError(CourseError):
    """A data file is missing or malformed. The message names the file, row and column."""


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


def strict() -> bool:
    """Strict mode (``AICOURSE_STRICT=1``): a failed check raises, and so does a course fault."""
    return _flag("AICOURSE_STRICT")


def faults_raise() -> bool:
    """Whether a fault in course code is raised (strict mode or ``AICOURSE_DEBUG=1``)."""
    return strict() or _flag("AICOURSE_DEBUG")


def fault_message(where: str, exc: BaseException, yours: str = "your answer") -> str:
    """What a learner reads when course code fails: whose fault it is, and what to report."""
    detail = (str(exc).strip().splitlines() or [""])[0][:160]
    error = type(exc).__name__ + (f": {detail}" if detail else "")
    return (f"this is a fault in the course, not in {yours}. Please report it to your teacher "
            f"or to the course's authors, with these words: {where}, {error}.")


def _show_plainly(shell, etype, value, tb, tb_offset=None):
    import sys

    print(f"Problem: {value}", file=sys.stderr)
    return None


def install_handler():
    """In IPython, show every ``CourseError`` (data, chart, view, save) as its message alone."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with every route
        return
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((CourseError,), _show_plainly)
