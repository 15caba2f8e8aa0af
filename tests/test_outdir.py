"""Tasks that write a folder never delete what the course did not write.

Every test works on a copy of the course (a git repository of its own), so that a regression
cannot delete the real course while the tests run.
"""

import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aicourse import lessons
from aicourse.build import outdir

ROOT = lessons.ROOT
SKIP = shutil.ignore_patterns(".venv*", ".git", "site", "__pycache__", ".pytest_cache",
                              ".hypothesis", "benchmarks", "my-work")


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of the course folder, committed into a git repository of its own."""
    copy = tmp_path_factory.mktemp("outdir") / "course"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["init", "-q"], cwd=copy, check=True)
    subprocess.run(git + ["add", "-A"], cwd=copy, check=True)
    subprocess.run(git + ["commit", "-q", "-m", "copy"], cwd=copy, check=True)
    return copy


def _site(course: Path, folder: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m aicourse.build.site FOLDER`` as tasks.py runs it, with the copy's own package."""
    return subprocess.run([sys.executable, "-m", "aicourse.build.site", folder], cwd=cwd or course,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("folder", ["docs", ".", "data", "notebooks", ".git/site"])
def test_course_folders_are_refused_and_left_intact(course, folder):
    before = _fingerprint(course)
    result = _site(course, str((course / folder).resolve()))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Not writing the reading copy to" in result.stderr
    assert "Traceback" not in result.stderr
    assert str((course / folder).resolve()) in result.stderr  # the full path, not a relative one
    assert _fingerprint(course) == before


def test_a_folder_of_unrelated_files_is_refused_and_left_intact(course, tmp_path):
    mine = tmp_path / "my-notes"
    (mine / "sub").mkdir(parents=True)
    (mine / "essay.txt").write_text("mine", encoding="utf-8")
    (mine / "sub" / "index.html").write_text("also mine", encoding="utf-8")
    before = _fingerprint(mine)
    with pytest.raises(outdir.OutputFolderError, match="did not write"):
        outdir.prepare(mine, course)
    result = _site(course, str(mine))
    assert result.returncode == 2 and "did not write" in result.stderr
    assert _fingerprint(mine) == before


def test_course_folders_are_refused_without_git(tmp_path):
    """On a hub the course may be a plain copy with no .git: its folders are still refused."""
    copy = tmp_path / "course"
    copy.mkdir()
    for name in ("docs", "data"):
        (copy / name).mkdir()
    for name in ("docs", "data", "."):
        with pytest.raises(outdir.OutputFolderError, match="course"):
            outdir.prepare(copy / name, copy)
    assert (copy / "docs").is_dir() and (copy / "data").is_dir()


def test_rebuilding_removes_only_what_the_last_build_wrote(course, tmp_path):
    out = outdir.prepare(tmp_path / "reading-copy", course)
    pages = [out / "index.html", out / "notebooks" / "old_lesson.html"]
    for page in pages:
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("<p>page</p>", encoding="utf-8")
    outdir.finish(out, pages)
    (out / "notes.txt").write_text("mine", encoding="utf-8")  # a person adds a file beside the pages
    (out / "notebooks" / "mine.html").write_text("mine too", encoding="utf-8")
    outdir.prepare(out, course)
    assert not any(p.exists() for p in pages) and not (out / outdir.MARKER).exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "notebooks" / "mine.html").read_text(encoding="utf-8") == "mine too"
    # A folder emptied by the removal goes too.
    (out / "notebooks" / "mine.html").unlink()
    outdir.finish(out, [])
    outdir.prepare(out, course)
    assert not (out / "notebooks").exists() and (out / "notes.txt").exists()


def test_a_marker_cannot_reach_outside_its_folder(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    outside = tmp_path / "precious.txt"
    outside.write_text("keep", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "page.html").write_text("x", encoding="utf-8")
    (out / outdir.MARKER).write_text(json.dumps({"files": ["../precious.txt", "page.html"]}), encoding="utf-8")
    outdir.prepare(out, course)
    assert outside.read_text(encoding="utf-8") == "keep"
    assert not (out / "page.html").exists()


def test_a_file_is_not_a_folder(tmp_path):
    target = tmp_path / "site"
    target.write_text("a file", encoding="utf-8")
    with pytest.raises(outdir.OutputFolderError, match="a file of that name"):
        outdir.prepare(target, tmp_path / "course")
    assert target.read_text(encoding="utf-8") == "a file"


def test_tasks_html_names_the_folder_from_where_it_is_typed(monkeypatch, tmp_path):
    """``python3 tasks.py html docs`` typed in another folder means that folder's docs/."""
    spec = importlib.util.spec_from_file_location("course_tasks", ROOT / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    calls = []
    monkeypatch.setattr(tasks, "ensure_env", lambda requirements: Path(sys.executable))
    monkeypatch.setattr(tasks, "run_module", lambda python, *args, env=None: calls.append(args) or 0)
    monkeypatch.chdir(tmp_path)
    assert tasks.main(["html", "docs"]) == 0
    assert calls == [("-m", "aicourse.build.site", str(tmp_path / "docs"))]
