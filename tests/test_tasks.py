"""The task runner's own decisions, tested without installing anything."""

import subprocess
import sys

import pytest
import taskrunner

from aicourse import lessons

ROOT = lessons.ROOT


@pytest.fixture(scope="module")
def tasks():
    return taskrunner.load()


def write_locks(root, runtime, test):
    (root / "requirements.txt").write_text(runtime, encoding="utf-8")
    (root / "requirements-test.txt").write_text(test, encoding="utf-8")


def test_switching_requirements_a_b_a_installs_a_again(tasks, tmp_path):
    """The stamp records what is installed now (one state), not every state there ever was."""
    write_locks(tmp_path, "pandas==1\n", "pytest==1\n")
    assert tasks.install_needed("requirements-test.txt", None, tmp_path)
    stamp_a = tasks.env_state("requirements-test.txt", tmp_path)  # A installed
    assert not tasks.install_needed("requirements-test.txt", stamp_a, tmp_path)

    write_locks(tmp_path, "pandas==2\n", "pytest==1\n")  # switch to B
    assert tasks.install_needed("requirements-test.txt", stamp_a, tmp_path)
    stamp_b = tasks.env_state("requirements-test.txt", tmp_path)  # B installed

    write_locks(tmp_path, "pandas==1\n", "pytest==1\n")  # back to A
    assert tasks.install_needed("requirements-test.txt", stamp_b, tmp_path)
    assert not tasks.install_needed("requirements-test.txt", stamp_a, tmp_path)


def test_the_test_environment_serves_the_runtime_but_not_the_reverse(tasks, tmp_path):
    write_locks(tmp_path, "pandas==1\n", "pytest==1\n")
    with_tests = tasks.env_state("requirements-test.txt", tmp_path)
    runtime_only = tasks.env_state("requirements.txt", tmp_path)
    assert not tasks.install_needed("requirements.txt", with_tests, tmp_path)
    assert tasks.install_needed("requirements-test.txt", runtime_only, tmp_path)
    (tmp_path / "requirements-test.txt").write_text("pytest==2\n", encoding="utf-8")
    assert tasks.install_needed("requirements.txt", with_tests, tmp_path)


def test_an_unfinished_install_leaves_no_stamp(tasks, tmp_path, monkeypatch):
    """If pip fails, the environment is not claimed to hold anything."""
    folder = tmp_path / "venv"
    python = tasks.venv_python(folder)
    python.parent.mkdir(parents=True)
    python.write_text("", encoding="utf-8")
    (folder / tasks.STAMP_NAME).write_text("requirements.txt old\n", encoding="utf-8")
    monkeypatch.setattr(tasks.subprocess, "run",
                        lambda *a, **k: subprocess.CompletedProcess(a, returncode=1))
    with pytest.raises(SystemExit):
        tasks.ensure_env("requirements.txt", folder)
    assert not (folder / tasks.STAMP_NAME).exists()
    monkeypatch.setattr(tasks.subprocess, "run",
                        lambda *a, **k: subprocess.CompletedProcess(a, returncode=0))
    assert tasks.ensure_env("requirements.txt", folder) == python
    assert (folder / tasks.STAMP_NAME).read_text(encoding="utf-8").strip() == \
        tasks.env_state("requirements.txt")


def test_old_python_gets_a_sentence_not_a_traceback(tasks):
    assert tasks.version_problem((3, 10, 12)) == \
        "This course needs Python 3.11 or newer; this is 3.10.12."
    assert tasks.version_problem((3, 11, 0)) is None and tasks.version_problem((3, 13, 1)) is None
    source = (ROOT / "tasks.py").read_text(encoding="utf-8")
    main = source[source.index("def main("):]
    assert main.index("version_problem(") < main.index("hub_link(")  # checked before tomllib


def test_the_latest_lane_floats_the_runtime_and_keeps_the_tools(tasks, tmp_path):
    (tmp_path / "requirements.in").write_text("# runtime\npandas==1.0\nnumpy==1.0\n",
                                              encoding="utf-8")
    (tmp_path / "requirements-test.in").write_text(
        "-r requirements.in\n-c requirements.txt\npytest==9.0  # the runner\n", encoding="utf-8")
    args = tasks.latest_install_args(tmp_path)
    assert args[-3:] == ["pandas", "numpy", "pytest==9.0"]
    assert "--upgrade" in args and not any(a.startswith(("-r", "-c")) for a in args)


def test_help_lists_every_task(tasks):
    out = subprocess.run([sys.executable, str(ROOT / "tasks.py"), "--help"], capture_output=True,
                         text=True, check=True).stdout
    for task in ["lab", "test", "latest", "hublink", "lock", *tasks.STEPS]:
        assert f"tasks.py {task}" in out, task
