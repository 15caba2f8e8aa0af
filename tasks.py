#!/usr/bin/env python3
"""The course's task runner. Needs only Python 3.11 or newer.

    python3 tasks.py lab         create .venv if needed, open JupyterLab at lesson 00
    python3 tasks.py test        create .venv if needed (with test packages), run every test
    python3 tasks.py headers     rewrite notebook headers, navigation, contents page, README map,
                                 and the data package description data/datapackage.json
    python3 tasks.py exercises   write exercises/ and the answers files from solutions/
    python3 tasks.py store       run notebooks/ and solutions/ and store their outputs
    python3 tasks.py build       headers, then exercises, then store
    python3 tasks.py normalise [FILE...]
                                 rewrite notebooks in the normal form (all of them without FILE)
    python3 tasks.py lint [FILE...]
                                 check the Python code with ruff (settings in pyproject.toml)
    python3 tasks.py hooks       install the pre-commit hooks (.pre-commit-config.yaml) into git
    python3 tasks.py lock [--upgrade]
                                 compile requirements.in and requirements-test.in into the pinned
                                 requirements.txt and requirements-test.txt (needs the network)
    python3 tasks.py benchmark   time every notebook against a fresh kernel's floor (--repeat N)
    python3 tasks.py html        render a reading copy of the course to static HTML in site/
                                 (or the folder given): stored outputs, working links, no code run;
                                 a folder that holds anything else is refused, never emptied
    python3 tasks.py classpack [FOLDER] [--zip]
                                 a copy of the course for learners, without the solutions
                                 (default class-pack/); --zip also writes a zip of it
    python3 tasks.py slides [FOLDER]
                                 a slide deck per lesson, opening with no network (slides/)
    python3 tasks.py handouts [FOLDER]
                                 PDF worksheets: claim-rating sheet, discussion cards,
                                 exercise questions (handouts/; needs Chromium)
    python3 tasks.py classverdicts FOLDER [OUT]
                                 the class's capstone files in FOLDER, counted without names:
                                 a chart and a table of where the class split (class-verdicts/)
    python3 tasks.py hublink HUB [--repo OWNER/NAME] [--branch B] [--lesson NN]
                                 print the nbgitpuller link that opens the course on a JupyterHub
    python3 tasks.py latest      run the tests with the newest releases of the runtime packages,
                                 in a separate environment (.venv-latest); not part of CI

Extra arguments after `lab` go to JupyterLab (e.g. --no-browser --port 8899); after `test`
they go to pytest (e.g. -k checks). The environment lives in .venv; it is (re)installed
whenever requirements.txt or requirements-test.txt differs from what was installed last.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP_NAME = "course-requirements.txt"
LESSON_00 = "notebooks/00_start_here.ipynb"
RUNTIME, TEST = "requirements.txt", "requirements-test.txt"
#: The compiled lock files and the short lists they are compiled from, in the order to compile.
LOCKS = (("requirements.in", RUNTIME), ("requirements-test.in", TEST))
#: How `lock` compiles: one resolution valid on every platform and Python from 3.11 (Binder's
#: environment.yml asks for 3.11), with the hash of every file, so pip installs exactly these.
LOCK_OPTIONS = ("--universal", "--python-version", "3.11", "--generate-hashes",
                "--custom-compile-command", "python3 tasks.py lock")


def version_problem(version: tuple) -> str | None:
    """What is wrong with this Python for the course, or None."""
    if tuple(version[:2]) < (3, 11):
        return (f"This course needs Python 3.11 or newer; this is "
                f"{'.'.join(str(v) for v in version[:3])}.")
    return None


def venv_python(folder: Path = VENV) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def create_venv(folder: Path) -> None:
    print(f"Creating a Python environment in {folder.name}/ ...", flush=True)
    try:
        venv.EnvBuilder(with_pip=True).create(folder)
    except Exception as exc:  # e.g. Debian/Ubuntu without the python3-venv package
        sys.exit(f"Could not create {folder.name}/ ({exc}). On Debian or Ubuntu, install the "
                 "package python3-venv first; or use the conda route in the README.")


def env_state(requirements: str, root: Path = ROOT) -> str:
    """One line naming a requirements file and the content it would install.

    The test file holds every runtime package too (compiled with requirements.txt as its
    constraint), so its state covers both files.
    """
    names = (RUNTIME,) if requirements == RUNTIME else (RUNTIME, TEST)
    text = "".join((root / name).read_text(encoding="utf-8") for name in names)
    return f"{requirements} {hashlib.sha256(text.encode()).hexdigest()}"


def install_needed(requirements: str, installed: str | None, root: Path = ROOT) -> bool:
    """Whether ``requirements`` must be installed, given the stamp of what is installed now.

    The stamp holds one state, the last one installed (nothing when an install did not finish):
    switching from requirements A to B and back to A installs A again. An environment with the
    test packages serves the runtime too.
    """
    if not installed:
        return True
    current = installed.strip()
    enough = {env_state(requirements, root)}
    if requirements == RUNTIME:
        enough.add(env_state(TEST, root))
    return current not in enough


def ensure_env(requirements: str, folder: Path = VENV) -> Path:
    """Create ``folder`` and install ``requirements`` into it unless that is what it holds."""
    python = venv_python(folder)
    stamp = folder / STAMP_NAME
    installed = stamp.read_text(encoding="utf-8") if stamp.is_file() else None
    if python.is_file() and not install_needed(requirements, installed):
        return python
    if not python.is_file():
        create_venv(folder)
    print(f"Installing {requirements} (a few minutes the first time) ...", flush=True)
    stamp.unlink(missing_ok=True)  # until the install finishes, nothing is known to be installed
    done = subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                           "--disable-pip-version-check", "-r", str(ROOT / requirements)])
    if done.returncode != 0:
        sys.exit(f"Installing {requirements} failed (see pip's message above). Check the network "
                 "connection to the Python Package Index, then run the command again.")
    stamp.write_text(env_state(requirements) + "\n", encoding="utf-8")
    return python


def direct_requirements(name: str, root: Path = ROOT) -> list[str]:
    """The requirement lines of a short list (``requirements.in``), options and comments left out."""
    lines = [line.split("#")[0].strip() for line in (root / name).read_text(encoding="utf-8")
             .splitlines()]
    return [line for line in lines if line and not line.startswith("-")]


def latest_install_args(root: Path = ROOT) -> list[str]:
    """pip's arguments for the latest lane: the runtime packages by name only (newest release),
    the test tools at the versions of requirements-test.in, all in one resolution, so the
    tools' own dependencies cannot drag a runtime package back to its pinned version."""
    runtime = [line.split("==")[0].strip() for line in direct_requirements("requirements.in", root)]
    tools = direct_requirements("requirements-test.in", root)
    return ["install", "--quiet", "--upgrade", "--upgrade-strategy", "eager",
            "--disable-pip-version-check", *runtime, *tools]


def latest_lane(pytest_args: list[str]) -> int:
    """Run the tests against the newest releases of the runtime packages (unpinned).

    A breaking release (as pandas 2.0 or ipywidgets 8 were for other courses) shows up here
    before it reaches a class. The test tools keep their versions; the runtime packages and
    everything below them float.
    """
    folder = ROOT / ".venv-latest"
    python = venv_python(folder)
    if not python.is_file():
        create_venv(folder)
    print("Installing the newest releases of the runtime packages ...", flush=True)
    if subprocess.run([str(python), "-m", "pip", *latest_install_args()]).returncode:
        sys.exit("Installing the newest packages failed (see pip's message above).")
    with open(folder / "installed.txt", "w", encoding="utf-8") as listing:
        subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"], check=False,
                       stdout=listing)
    print(f"Installed versions: {folder.name}/installed.txt", flush=True)
    return run_module(python, "-m", "pytest", *pytest_args, env=learner_env())


def learner_env() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from aicourse.build.kernelenv import kernel_env  # standard library only

    return kernel_env()


def lock(args: list[str]) -> int:
    """Compile the short lists into the pinned lock files (runtime first: the test list is
    compiled with the runtime lock as its constraint). ``--upgrade`` moves every package to its
    newest allowed release; without it, versions already in the lock files are kept."""
    python = ensure_env(TEST)
    for source, target in LOCKS:
        code = run_module(python, "-m", "uv", "pip", "compile", "--quiet", source, "-o", target,
                          *LOCK_OPTIONS, *args)
        if code:
            return code
    print(f"wrote {RUNTIME} and {TEST}; commit them with the .in files")
    return 0


def hub_link(args: list[str]) -> int:
    """Print the nbgitpuller link for a hub (needs no environment: standard library only)."""
    import argparse

    sys.path.insert(0, str(ROOT))
    from aicourse import lessons

    course, all_lessons = lessons.load()
    parser = argparse.ArgumentParser(prog="python3 tasks.py hublink")
    parser.add_argument("hub", help="the hub's address, e.g. https://hub.example.org")
    parser.add_argument("--repo", default=course["repository"], help="GitHub owner/name")
    parser.add_argument("--branch", default=course["branch"])
    parser.add_argument("--lesson", default="00", help="lesson number to open (00, 00b, 01 ...)")
    options = parser.parse_args(args)
    chosen = [l for l in all_lessons if l.number == options.lesson]
    if not options.hub.startswith(("http://", "https://")) or not chosen:
        print("Give the hub's address with https:// and a lesson number ("
              f"{', '.join(l.number for l in all_lessons)}), e.g. python3 tasks.py hublink "
              "https://hub.example.org")
        return 2
    print(lessons.hub_url(options.hub, options.repo, options.branch,
                          f"notebooks/{chosen[0].filename}"))
    return 0


def run_module(python: Path, *args: str, env: dict | None = None) -> int:
    return subprocess.call([str(python), *args], cwd=ROOT, env=env)


#: Tasks that run modules of the environment: each step is what follows ``python -m``.
STEPS = {"headers": [["aicourse.build.headers"], ["aicourse.build.datapackage"]],
         "exercises": [["aicourse.build.make_exercises"]],
         "store": [["aicourse.build.store"]],
         "build": [["aicourse.build.headers"], ["aicourse.build.datapackage"], ["aicourse.build.make_exercises"],
                   ["aicourse.build.store"]],
         "benchmark": [["aicourse.build.benchmark"]],
         "html": [["aicourse.build.site"]],
         "normalise": [["aicourse.build.nbfiles"]],
         "lint": [["ruff", "check", "--quiet", "--output-format", "concise"]],
         "hooks": [["pre_commit", "install"]],
         # the teacher's kit
         "classpack": [["aicourse.build.classpack"]], "slides": [["aicourse.build.slides"]],
         "handouts": [["aicourse.build.handouts"]], "classverdicts": [["aicourse.build.classverdicts"]]}
#: Tasks whose arguments name folders or files, read from where the command is typed.
PATH_TASKS = ("html", "normalise", "lint", "classpack", "slides", "handouts", "classverdicts")
#: What ``lint`` checks when no file is named.
LINTED = ("aicourse", "tests", "tasks.py", "conftest.py")


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    problem = version_problem(sys.version_info)
    if problem:  # before anything imports tomllib (new in 3.11): a sentence, not a traceback
        print(problem)
        return 2
    task, rest = argv[0], argv[1:]
    if task == "lab":
        python = ensure_env(RUNTIME)
        # The course folder is JupyterLab's root (so exercises/ and data/ are reachable);
        # the browser opens at lesson 00.
        # JupyterLab refuses to start as root (common in containers) unless told it may.
        as_root = ["--allow-root"] if getattr(os, "geteuid", lambda: 1)() == 0 else []
        return run_module(python, "-m", "jupyterlab", f"--ServerApp.root_dir={ROOT}", LESSON_00,
                          *as_root, *rest)
    if task == "test":
        python = ensure_env(TEST)
        return run_module(python, "-m", "pytest", *rest, env=learner_env())
    if task == "latest":
        return latest_lane(rest)
    if task == "hublink":
        return hub_link(rest)
    if task == "lock":
        return lock(rest)
    if task in STEPS:
        if task in PATH_TASKS:
            # Paths are named from where the command is typed, not from the course folder.
            rest = [a if a.startswith("-") else str(Path(a).resolve()) for a in rest]
        if task == "lint" and all(a.startswith("-") for a in rest):
            rest = [*rest, *LINTED]
        python = ensure_env(TEST)
        for step in STEPS[task]:
            code = run_module(python, "-m", *step, *rest)
            if code:
                return code
        return 0
    print(f"Unknown task '{task}'.\n{__doc__}")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
