"""Errors that course code raises, and how a notebook shows them.

A learner should never see a Python traceback that comes from course code. ``CourseError``
subclasses carry a plain-language message; inside IPython they are shown as that message
alone (see ``install_handler``).
"""


class CourseError(Exception):
    """An error whose message is written for a learner or a teacher."""


class DataError(CourseError):
    """A data file is missing or malformed. The message names the file, row and column."""


def _show_plainly(shell, etype, value, tb, tb_offset=None):
    import sys

    print(f"Problem: {value}", file=sys.stderr)
    return None


def install_handler():
    """In IPython, show ``DataError`` as its message, without a traceback."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with every route
        return
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((DataError,), _show_plainly)
