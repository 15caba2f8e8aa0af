"""Interactive views built from pure functions, with a static picture of the default state.

A *view* is a pure function: keyword inputs in, one ``ViewResult`` out (a finished matplotlib
figure, see ``charts.finish``, a table, and notes in plain words). It can be tested without a browser. ``explore``
shows:

1. a static picture of the view at its default inputs, so the lesson reads in a static
   render (GitHub, nbviewer, a printout) where no widget can run;
2. the live controls, which redraw the view whenever one of them moves.

A view that cannot draw a given combination of inputs raises ``ViewError`` with a message for
the learner; that message is shown in place of the chart. Any other exception is a fault in the
course: it is raised in strict and debug mode (the tests), and otherwise the learner reads that
the fault is the course's, with what to report (see ``aicourse.errors``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aicourse import charts
from aicourse.errors import CourseError, fault_message, faults_raise


class ViewError(CourseError):
    """A view cannot be drawn for these inputs; the message says why, in plain words."""


@dataclass
class ViewResult:
    """What a view shows: a figure, a table, notes (sentences shown under the chart), and the
    source_ids the view read, in that order. Every view returns one; tests read its fields by
    name, not by position."""

    figure: Any = None
    table: Any = None
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())

    def parts(self) -> list[Any]:
        """What is displayed, in order: the figure, each note, the table."""
        return [p for p in (self.figure, *self.notes, self.table) if p is not None]


def choice(value: Any, options, what: str, *, listed: bool = False) -> Any:
    """``value`` if it is one of ``options`` (same type, equal); otherwise a ViewError asking
    the learner to choose ``what`` from the list (naming the options when ``listed``)."""
    options = list(options)
    if isinstance(value, bool) or not any(type(value) is type(o) and value == o for o in options):
        names = f": {', '.join(str(o) for o in options)}" if listed else ""
        raise ViewError(f"choose {what} from the list{names}.")
    return value


def _draw(view: Callable[..., Any], values: dict[str, Any]) -> list[Any]:
    """What a view shows for ``values``: figures become PNG bundles, errors become a sentence.

    The view draws with pyplot's interactive mode off. In interactive mode every new figure is
    marked for the inline backend, whose end-of-message hook shows and closes all open figures;
    JupyterLab can send widget messages that the kernel handles on another thread at the same
    time, and that hook then closed the figure this view was still drawing (found by the
    browser test: a widget said "Cannot draw this view" now and then).
    """
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    try:
        with plt.ioff():
            result = view(**values)
    except ViewError as exc:
        return [f"Cannot draw this view: {exc}"]
    except Exception as exc:  # a fault in the course, not in the learner's settings
        if faults_raise():
            raise
        lesson = view.__module__.rpartition(".l")[2]
        return ["Cannot draw this view: " + fault_message(
            f"lesson {lesson}, view {getattr(view, '__name__', 'unknown')}, settings {values!r}"[:300],
            exc, "your settings")]
    if not isinstance(result, ViewResult):  # a fault in the course: every view returns one
        problem = TypeError(f"{getattr(view, '__name__', 'a view')} returned "
                            f"{type(result).__name__}, not a ViewResult")
        if faults_raise():
            raise problem
        return ["Cannot draw this view: " + fault_message(
            f"view {getattr(view, '__name__', 'unknown')}", problem, "your settings")]
    return [charts.bundle(p) if isinstance(p, Figure) else p for p in result.parts()]


def _show(parts: list[Any]) -> None:
    from IPython.display import display

    for part in parts:
        if isinstance(part, str):
            print(part)
        elif isinstance(part, charts.Bundle):
            part.publish()
        else:
            display(part)


def render(view: Callable[..., Any], values: dict[str, Any]) -> None:
    """Display one state of a view, or a plain message if it cannot be drawn."""
    _show(_draw(view, values))


def explore(view: Callable[..., Any], controls: dict[str, Any], *, static: bool = True) -> None:
    """Show a static picture of ``view`` at the controls' default values, then the live widget.

    ``controls`` maps each keyword of ``view`` to an ipywidgets control. The default state is
    drawn once and shown twice: as the static picture and as the live view's first state.
    """
    import ipywidgets as w
    from IPython.display import display

    first = _draw(view, {name: control.value for name, control in controls.items()})
    if static:
        print("Static picture of the default settings (it stays the same when you move the "
              "controls; the live view is below it):")
        _show(first)
    out = w.Output()

    def redraw(_change=None):
        with out:
            out.clear_output(wait=True)
            render(view, {name: control.value for name, control in controls.items()})

    for control in controls.values():
        if hasattr(control, "style") and hasattr(control.style, "description_width"):
            control.style.description_width = "initial"  # labels in full, not cut short
        control.observe(redraw, names="value")
    with out:
        _show(first)
    display(w.VBox([w.HBox(list(controls.values()), layout=w.Layout(flex_flow="row wrap")), out]))
