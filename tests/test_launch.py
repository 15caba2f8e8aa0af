"""The launch routes are wired as the README says: two commands, CI, Binder link."""

import json
import re
import shutil
import subprocess
import sys
import urllib.request

import pytest
import servers
import taskrunner

from aicourse import lessons
from aicourse.build.kernelenv import kernel_env

ROOT = lessons.ROOT
README = (ROOT / "README.md").read_text(encoding="utf-8")
COURSE, _ = lessons.load()


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    assert "python3 tasks.py lab" in README and "python3 tasks.py test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^python3 tasks\.py test\s*$", ci, re.M)


def test_task_runner_answers_without_an_environment():
    out = subprocess.run([sys.executable, str(ROOT / "tasks.py"), "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "tasks.py lab" in out and "tasks.py test" in out
    bad = subprocess.run([sys.executable, str(ROOT / "tasks.py"), "no-such-task"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "Unknown task" in bad.stdout


def test_lab_opens_lesson_00_with_the_course_folder_as_root():
    text = (ROOT / "tasks.py").read_text(encoding="utf-8")
    assert 'LESSON_00 = "notebooks/00_start_here.ipynb"' in text
    assert (ROOT / "notebooks" / "00_start_here.ipynb").is_file()
    assert "--ServerApp.root_dir=" in text


def test_binder_badge_opens_lesson_00():
    expected = lessons.binder_url(COURSE, "notebooks/00_start_here.ipynb")
    assert expected in README
    assert "?urlpath=lab/tree/notebooks/" in expected


@pytest.mark.skipif(not servers.POSIX, reason=servers.NOT_POSIX)
@pytest.mark.skipif(shutil.which("python3") is None,
                    reason="the README's command names python3, which this machine lacks "
                           "(on Windows the README says `py tasks.py lab`)")
def test_open_the_course_command_serves_lesson_00(tmp_path):
    """Run the README's "open the course" command, wait for JupyterLab, fetch lesson 00, stop.

    JupyterLab picks its own free port (--port=0) and says which in its runtime file.
    """
    tasks = taskrunner.load()
    stamp = tasks.VENV / tasks.STAMP_NAME
    if not tasks.venv_python().is_file() or tasks.install_needed(
            tasks.RUNTIME, stamp.read_text(encoding="utf-8") if stamp.is_file() else None):
        pytest.skip("the command would first install .venv (minutes): run python3 tasks.py lab "
                    "once, then this test (the latest lane has its own environment)")
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = kernel_env()
    env.update(JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(runtime))
    process = servers.start(
        ["python3", "tasks.py", "lab", "--no-browser", "--port=0", "--ServerApp.ip=127.0.0.1",
         "--IdentityProvider.token=course-test-token"],  # no --allow-root:
        # tasks.py adds it when run as root, as a newcomer in a container would run it
        cwd=ROOT, env=env, log=tmp_path / "lab.log")
    try:
        server = servers.wait_for_server(process, runtime, timeout=60)
        url = f"{server.url}/api/contents/notebooks/00_start_here.ipynb?token={server.token}&content=1"
        with urllib.request.urlopen(url, timeout=10) as response:
            model = json.load(response)
        assert model["name"] == "00_start_here.ipynb" and model["type"] == "notebook"
        assert "Start here" in json.dumps(model["content"]["cells"][0])
        with urllib.request.urlopen(f"{server.url}/lab?token={server.token}", timeout=10) as response:
            assert response.status == 200
    finally:
        servers.stop(process)
    assert process.poll() is not None, "the server is still running after being stopped"


def test_hub_link_opens_the_lesson_in_the_cloned_folder():
    from urllib.parse import parse_qs, urlparse

    from aicourse import lessons

    link = lessons.hub_url("https://hub.example.org/", "school/china-ai", "teach",
                           "notebooks/03_research_and_talent.ipynb")
    parts = urlparse(link)
    assert parts.netloc == "hub.example.org" and parts.path == "/hub/user-redirect/git-pull"
    assert parse_qs(parts.query) == {"repo": ["https://github.com/school/china-ai"],
                                     "branch": ["teach"],
                                     "urlpath": ["lab/tree/china-ai/notebooks/03_research_and_talent.ipynb"]}


def test_hublink_command_prints_a_link_or_advice():
    import subprocess

    from aicourse import lessons

    run = subprocess.run([sys.executable, "tasks.py", "hublink", "https://hub.example.org",
                          "--lesson", "01"], cwd=lessons.ROOT, capture_output=True, text=True)
    assert run.returncode == 0 and "01_the_2017_plan.ipynb" in run.stdout
    run = subprocess.run([sys.executable, "tasks.py", "hublink", "hub.example.org"],
                         cwd=lessons.ROOT, capture_output=True, text=True)
    assert run.returncode == 2 and "https://" in run.stdout and "Traceback" not in run.stderr
