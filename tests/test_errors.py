"""Errors a learner can fix read as plain words in a notebook; faults in the course are named."""

import subprocess
import sys
from pathlib import Path

import pytest

from aicourse import errors

ROOT = Path(__file__).resolve().parent.parent

RAISES = {
    "data": "from aicourse import data\ndata.load('no such table')",
    "chart": ("import matplotlib.pyplot as plt\nfrom aicourse import charts\nfig, ax = plt.subplots()\n"
              "charts.finish(fig, ax, title='t', xlabel='x', ylabel='y', source='s')"),
    "view": "from aicourse.views import l08\nl08.verdicts_view('colour')",
    "save": "from aicourse.views import l08\nl08.save_evaluation('my ratings')",
}


@pytest.mark.parametrize("kind", list(RAISES))
def test_course_errors_show_as_their_message_alone(kind):
    """In IPython (as in a notebook), every CourseError is its message, with no traceback."""
    script = ("from IPython.core.interactiveshell import InteractiveShell\n"
              "shell = InteractiveShell.instance()\n"
              "from aicourse.errors import install_handler\n"
              "install_handler()\n"
              f"result = shell.run_cell({RAISES[kind]!r})\n"
              "print('failed' if result.error_in_exec else 'ran')\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    shown = done.stdout + done.stderr
    assert "Problem: " in done.stderr, shown
    if kind == "chart":
        assert "A chart needs alt text" in done.stderr
    assert "Traceback" not in shown and "Error" not in done.stderr.split("Problem: ", 1)[1], shown
    assert done.stdout.strip().endswith("failed")  # the cell still counts as failed


def test_fault_message_says_whose_fault_and_what_to_report():
    message = errors.fault_message("lesson 03, question q2", ValueError("no China row\nmore lines"))
    assert message.startswith("this is a fault in the course, not in your answer.")
    assert message.endswith("lesson 03, question q2, ValueError: no China row.")
    assert "more lines" not in message


def test_debug_and_strict_switch_faults_on(monkeypatch):
    monkeypatch.delenv("AICOURSE_DEBUG", raising=False)
    monkeypatch.delenv("AICOURSE_STRICT", raising=False)
    assert not errors.faults_raise()
    monkeypatch.setenv("AICOURSE_DEBUG", "yes")
    assert errors.faults_raise() and not errors.strict()
    monkeypatch.delenv("AICOURSE_DEBUG")
    monkeypatch.setenv("AICOURSE_STRICT", "1")
    assert errors.faults_raise() and errors.strict()
