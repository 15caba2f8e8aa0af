#!/usr/bin/env python3
"""The course's task runner. Needs only Python 3.11 or newer.

    python3 tasks.py lab         create .venv if needed, open JupyterLab at lesson 00
    python3 tasks.py test        create .venv if needed (with test packages), run every test
    python3 tasks.py headers     rewrite notebook headers, navigation, contents page, README map
    python3 tasks.py exercises   write exercises/ and the answers files from solutions/
    python3 tasks.py store       run notebooks/ and solutions/ and store their outputs
    python3 tasks.py build       headers, then exercises, then store
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
whenever requirements.txt or requirements-test.txt changes.
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
STAMP = VENV / "course-requirements.txt"
LESSON_00 = "notebooks/00_start_here.ipynb"


def venv_python(folder: Path = VENV) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def create_venv(folder: Path) -> None:
    print(f"Creating a Python environment in {folder.name}/ ...", flush=True)
    try:
        venv.EnvBuilder(with_pip=True).create(folder)
    except Exception as exc:  # e.g. Debian/Ubuntu without the python3-venv package
        sys.exit(f"Could not create {folder.name}/ ({exc}). On Debian or Ubuntu, install the "
                 "package python3-venv first; or use the conda route in the README.")


def _digest(requirements: str) -> str:
    # Both files count: requirements-test.txt includes requirements.txt.
    text = "".join((ROOT / name).read_text() for name in ("requirements.txt", "requirements-test.txt"))
    return f"{requirements} {hashlib.sha256(text.encode()).hexdigest()}"


def ensure_env(requirements: str) -> Path:
    """Create .venv and install ``requirements`` into it unless that is already done."""
    if sys.version_info < (3, 11):
        sys.exit(f"This course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    wanted = _digest(requirements)
    done = STAMP.read_text().splitlines() if STAMP.is_file() else []
    if python.is_file() and (wanted in done or (requirements == "requirements.txt"
                                                and _digest("requirements-test.txt") in done)):
        return python
    if not python.is_file():
        create_venv(VENV)
    print(f"Installing {requirements} (a few minutes the first time) ...", flush=True)
    done_ok = subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                              "--disable-pip-version-check", "-r", str(ROOT / requirements)])
    if done_ok.returncode != 0:
        sys.exit(f"Installing {requirements} failed (see pip's message above). Check the network "
                 "connection to the Python Package Index, then run the command again.")
    STAMP.write_text("\n".join([*done, wanted]) + "\n")
    return python


def latest_lane(pytest_args: list[str]) -> int:
    """Run the tests against the newest releases of the runtime packages (unpinned).

    A breaking release (as pandas 2.0 or ipywidgets 8 were for other courses) shows up here
    before it reaches a class. The test tools stay pinned; only the runtime packages float.
    """
    folder = ROOT / ".venv-latest"
    python = venv_python(folder)
    if not python.is_file():
        create_venv(folder)
    runtime = [line.split("==")[0].strip() for line in (ROOT / "requirements.txt").read_text()
               .splitlines() if line.strip() and not line.startswith(("#", "-"))]
    tools = [line.strip() for line in (ROOT / "requirements-test.txt").read_text().splitlines()
             if line.strip() and not line.startswith(("#", "-"))]
    print(f"Installing the newest {', '.join(runtime)} ...", flush=True)
    for packages in (["--upgrade", *runtime], tools):
        if subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                           "--disable-pip-version-check", *packages]).returncode:
            sys.exit("Installing the newest packages failed (see pip's message above).")
    with open(folder / "installed.txt", "w") as listing:
        subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"], check=False,
                       stdout=listing)
    print(f"Installed versions: {folder.name}/installed.txt", flush=True)
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    return run_module(python, "-m", "pytest", *pytest_args, env=env)


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


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    task, rest = argv[0], argv[1:]
    if task == "lab":
        python = ensure_env("requirements.txt")
        # The course folder is JupyterLab's root (so exercises/ and data/ are reachable);
        # the browser opens at lesson 00.
        # JupyterLab refuses to start as root (common in containers) unless told it may.
        as_root = ["--allow-root"] if getattr(os, "geteuid", lambda: 1)() == 0 else []
        return run_module(python, "-m", "jupyterlab", f"--ServerApp.root_dir={ROOT}", LESSON_00,
                          *as_root, *rest)
    if task == "test":
        python = ensure_env("requirements-test.txt")
        env = dict(os.environ)
        env.pop("MPLBACKEND", None)  # kernels would inherit it and draw no figures
        return run_module(python, "-m", "pytest", *rest, env=env)
    if task == "latest":
        return latest_lane(rest)
    if task == "hublink":
        return hub_link(rest)
    teacher = {"classpack": "aicourse.classpack", "slides": "aicourse.slides",
               "handouts": "aicourse.handouts", "classverdicts": "aicourse.classverdicts"}
    if task in ("headers", "exercises", "store", "build", "benchmark", "html", *teacher):
        if task in ("html", *teacher):
            # Folders are named from where the command is typed, not from the course folder.
            rest = [a if a.startswith("-") else str(Path(a).resolve()) for a in rest]
        python = ensure_env("requirements-test.txt")
        steps = {"headers": ["aicourse.headers"], "exercises": ["aicourse.make_exercises"],
                 "store": ["aicourse.store"], "benchmark": ["aicourse.benchmark"],
                 "html": ["aicourse.site"],
                 **{name: [module] for name, module in teacher.items()},
                 "build": ["aicourse.headers", "aicourse.make_exercises", "aicourse.store"]}[task]
        for module in steps:
            code = run_module(python, "-m", module, *rest)
            if code:
                return code
        return 0
    print(f"Unknown task '{task}'.\n{__doc__}")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
