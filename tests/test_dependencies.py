"""Every module the course imports is declared, and the lock files match the short lists.

The short lists (``requirements.in``, ``requirements-test.in``) name the packages the course
uses directly; ``python3 tasks.py lock`` compiles them into ``requirements.txt`` and
``requirements-test.txt`` with every package they pull in, pinned, with hashes. These tests
need no network: they compare the files with each other.
"""

import ast
import re
import sys
from importlib.metadata import packages_distributions

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from aicourse import lessons

ROOT = lessons.ROOT
SHORT_LISTS = {"requirements.txt": "requirements.in", "requirements-test.txt": "requirements-test.in"}


def direct(filename: str) -> dict[str, Requirement]:
    """The requirements a short list names (the runtime list's too, for the test list)."""
    found = {}
    for line in (ROOT / filename).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            found |= direct(line[3:].strip())
        elif line and not line.startswith("-"):
            requirement = Requirement(line)
            found[canonicalize_name(requirement.name)] = requirement
    return found


def locked(filename: str) -> dict[str, dict]:
    """{package: {"version", "hashes", "via"}} from a file written by ``uv pip compile``."""
    text = (ROOT / filename).read_text(encoding="utf-8")
    packages = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        first = block.split("\\")[0].split(";")[0].strip()
        if "==" not in first:
            continue
        name, version = first.split("==")
        via = re.findall(r"^[ \t]+#[ \t]+(?:via[ \t]+)?(\S.*)$", block, re.M)
        packages[canonicalize_name(name)] = {
            "version": version.strip(), "hashes": re.findall(r"--hash=sha256:[0-9a-f]{64}", block),
            "via": [v.strip() for v in via if v.strip() != "via"]}
    return packages


RUNTIME = set(direct("requirements.in"))
TEST = set(direct("requirements-test.in")) | RUNTIME
DISTRIBUTIONS = {k: {canonicalize_name(d) for d in v} for k, v in packages_distributions().items()}


@pytest.mark.parametrize("compiled", SHORT_LISTS)
def test_lock_file_matches_its_short_list(compiled):
    """Every direct requirement is locked at a version it allows, and nothing else is marked as
    direct: a changed .in file without `python3 tasks.py lock` fails here."""
    wanted = direct(SHORT_LISTS[compiled])
    pins = locked(compiled)
    missing = sorted(set(wanted) - set(pins))
    assert not missing, f"{compiled} lacks {missing}: run python3 tasks.py lock"
    for name, requirement in wanted.items():
        assert requirement.specifier.contains(pins[name]["version"], prereleases=True), \
            f"{compiled} pins {name}=={pins[name]['version']}, {SHORT_LISTS[compiled]} says " \
            f"{requirement}: run python3 tasks.py lock"
    sources = {SHORT_LISTS[compiled], "requirements.in"}
    marked = {name for name, pin in pins.items()
              if any(v.startswith("-r ") and v[3:] in sources for v in pin["via"])}
    assert marked == set(wanted), f"{compiled} was compiled from another list: run python3 tasks.py lock"


@pytest.mark.parametrize("compiled", SHORT_LISTS)
def test_lock_file_pins_everything_with_hashes(compiled):
    text = (ROOT / compiled).read_text(encoding="utf-8")
    assert "python3 tasks.py lock" in text.splitlines()[1], "written by python3 tasks.py lock"
    for name, pin in locked(compiled).items():
        assert pin["hashes"], f"{compiled}: {name} has no hash"
        assert pin["via"], f"{compiled}: {name} says nothing about why it is there"


def test_test_lock_keeps_the_runtime_versions():
    """The test environment runs the notebooks with exactly the packages a learner gets."""
    runtime, test = locked("requirements.txt"), locked("requirements-test.txt")
    assert set(runtime) <= set(test)
    assert {n: test[n]["version"] for n in runtime} == {n: p["version"] for n, p in runtime.items()}


def imports_in(code):
    found = set()
    for line in code.splitlines():  # IPython magics are not Python
        if line.lstrip().startswith(("%", "!")):
            code = code.replace(line, "")
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def undeclared(modules, allowed):
    missing = []
    for module in sorted(modules):
        if module in sys.stdlib_module_names or module == "aicourse":
            continue
        if not DISTRIBUTIONS.get(module, set()) & allowed:
            missing.append(module)
    return missing


def test_notebook_imports_are_runtime_requirements():
    """Declared directly in requirements.in, not merely pulled in by another package."""
    from aicourse.build import nbfiles

    modules = set()
    for folder in lessons.FOLDERS:
        for path in (ROOT / folder).glob("*.ipynb"):
            for cell in nbfiles.read(path)["cells"]:
                if cell["cell_type"] == "code":
                    modules |= imports_in(nbfiles.source(cell))
    assert undeclared(modules, RUNTIME) == []


def test_package_imports_are_declared():
    runtime, tooling = set(), set()
    for path in (ROOT / "aicourse").rglob("*.py"):
        found = imports_in(path.read_text(encoding="utf-8"))
        # aicourse/build/ holds what only authors and teachers run (through tasks.py, with the
        # test requirements installed); everything else is what the notebooks import
        (tooling if "build" in path.relative_to(ROOT / "aicourse").parts else runtime).update(found)
    assert undeclared(runtime, RUNTIME) == []
    assert undeclared(tooling, TEST) == []


def test_test_imports_are_declared():
    modules = set()
    for path in [*(ROOT / "tests").glob("*.py"), ROOT / "conftest.py", ROOT / "tasks.py"]:
        modules |= imports_in(path.read_text(encoding="utf-8"))
    helpers = {p.stem for p in (ROOT / "tests").glob("*.py")}  # the tests' own helper modules
    assert undeclared(modules - helpers, TEST) == []


def test_binder_installs_the_runtime_lock():
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*- python=3\.\d+\s*$", env, re.M)
    assert re.search(r"^\s*- -r requirements\.txt\s*$", env, re.M)
    assert "-r requirements.in" in (ROOT / "requirements-test.in").read_text(encoding="utf-8")
    assert not (RUNTIME & {"pytest", "nbval", "pytest-xdist"}), "test packages stay out of Binder"


def test_the_runtime_package_does_not_import_the_authoring_tools():
    """Learners' notebooks import aicourse (data, charts, checks, widgets, views, questions);
    the authoring tools live apart in aicourse/build/ and nothing of the runtime imports them
    (except lessons.estimate_minutes, which authors call, and imports nbfiles when called)."""
    for path in (ROOT / "aicourse").rglob("*.py"):
        if "build" in path.relative_to(ROOT / "aicourse").parts:
            continue
        top = [line for line in path.read_text(encoding="utf-8").splitlines()
               if line.startswith(("from aicourse.build", "import aicourse.build"))]
        assert top == [], f"{path.relative_to(ROOT)} imports the authoring tools at module level"


def test_questions_do_not_import_views():
    """Shared lesson logic lives in aicourse/logic/; a question never depends on a widget view."""
    for path in (ROOT / "aicourse" / "questions").glob("l*.py"):
        text = path.read_text(encoding="utf-8")
        assert "aicourse.views" not in text, path.name
