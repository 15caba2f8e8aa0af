"""Every module a notebook or the helper package imports is declared in a requirements file."""

import ast
import re
import sys
from importlib.metadata import packages_distributions

from aicourse import lessons, nbfiles

ROOT = lessons.ROOT


def declared(filename):
    names = set()
    for line in (ROOT / filename).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-r"):
            assert "==" in line, f"{filename}: {line} is not pinned"
            names.add(re.split(r"[=<>\[]", line)[0].lower().replace("_", "-"))
    return names


RUNTIME = declared("requirements.txt")
TEST = declared("requirements-test.txt") | RUNTIME
DISTRIBUTIONS = {k: {d.lower().replace("_", "-") for d in v}
                 for k, v in packages_distributions().items()}


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
    modules = set()
    for folder in lessons.FOLDERS:
        for path in (ROOT / folder).glob("*.ipynb"):
            for cell in nbfiles.read(path)["cells"]:
                if cell["cell_type"] == "code":
                    modules |= imports_in(nbfiles.source(cell))
    assert undeclared(modules, RUNTIME) == []


#: Modules of the package that only authors and teachers run (through tasks.py, with the test
#: requirements installed); the notebooks never import them.
TOOLS = ("store", "benchmark", "site", "slides", "handouts", "browser")


def test_package_imports_are_declared():
    runtime, tooling = set(), set()
    for path in (ROOT / "aicourse").rglob("*.py"):
        found = imports_in(path.read_text(encoding="utf-8"))
        (tooling if path.stem in TOOLS else runtime).update(found)
    assert undeclared(runtime, RUNTIME) == []
    assert undeclared(tooling, TEST) == []


def test_test_imports_are_declared():
    modules = set()
    for path in [*(ROOT / "tests").glob("*.py"), ROOT / "conftest.py", ROOT / "tasks.py"]:
        modules |= imports_in(path.read_text(encoding="utf-8"))
    helpers = {p.stem for p in (ROOT / "tests").glob("*.py")}  # the tests' own helper modules
    assert undeclared(modules - helpers, TEST) == []


def test_binder_installs_the_same_pinned_list():
    env = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s*- python=3\.\d+\s*$", env, re.M)
    assert re.search(r"^\s*- -r requirements\.txt\s*$", env, re.M)
    assert "-r requirements.txt" in (ROOT / "requirements-test.txt").read_text()
    assert not (RUNTIME & {"pytest", "nbval", "pytest-xdist"}), "test packages stay out of Binder"
