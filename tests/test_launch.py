"""The launch routes are wired as the README says: two commands, CI, Binder link."""

import re
import subprocess
import sys

from aicourse import lessons

ROOT = lessons.ROOT
README = (ROOT / "README.md").read_text(encoding="utf-8")
COURSE, _ = lessons.load()


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    assert "python3 tasks.py lab" in README and "python3 tasks.py test" in README
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^python3 tasks\.py test\s*$", ci, re.M)


def test_task_runner_answers_without_an_environment():
    out = subprocess.run([sys.executable, str(ROOT / "tasks.py"), "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "tasks.py lab" in out and "tasks.py test" in out
    bad = subprocess.run([sys.executable, str(ROOT / "tasks.py"), "no-such-task"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "Unknown task" in bad.stdout


def test_lab_opens_lesson_00_with_the_course_folder_as_root():
    text = (ROOT / "tasks.py").read_text()
    assert 'LESSON_00 = "notebooks/00_start_here.ipynb"' in text
    assert (ROOT / "notebooks" / "00_start_here.ipynb").is_file()
    assert "--ServerApp.root_dir=" in text


def test_binder_badge_opens_lesson_00():
    expected = lessons.binder_url(COURSE, "notebooks/00_start_here.ipynb")
    assert expected in README
    assert "?urlpath=lab/tree/notebooks/" in expected
