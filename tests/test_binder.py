"""Binder's configuration, checked by Binder's own tool.

repo2docker's configuration step (--no-build --no-run --debug) needs no Docker engine: it picks
a build pack from the repository's files and prints the Dockerfile that Binder would build.
"""

import re
import shutil
import subprocess
import sys

import pytest

from aicourse import lessons

ROOT = lessons.ROOT


@pytest.fixture(scope="module")
def dockerfile(tmp_path_factory):
    copy = tmp_path_factory.mktemp("binder") / "course"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(
        ".venv*", ".git", "__pycache__", ".pytest_cache", ".ipynb_checkpoints"))
    result = subprocess.run([sys.executable, "-m", "repo2docker", "--no-build", "--no-run",
                             "--debug", str(copy)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout + result.stderr


def test_binder_uses_environment_yml_with_the_pinned_python(dockerfile):
    pinned = re.search(r"python=(3\.\d+)", (ROOT / "environment.yml").read_text(encoding="utf-8")).group(1)
    assert f"Building conda environment for python={pinned}" in dockerfile
    assert re.search(r'env update .*--file "environment\.yml"', dockerfile)


def test_binder_stages_the_repository_before_installing(dockerfile):
    """The pip section says -r requirements.txt, so the files must be there when it runs."""
    copy_src = dockerfile.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    install = dockerfile.index('--file "environment.yml"')
    assert copy_src < install
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*- -r requirements\.txt\s*$", env, re.M)


def test_binder_does_not_install_test_packages():
    assert "requirements-test" not in (ROOT / "environment.yml").read_text(encoding="utf-8")
