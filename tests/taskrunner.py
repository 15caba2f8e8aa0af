"""tasks.py, loaded as a module, so a test can call its functions (a test helper)."""

import importlib.util
from functools import cache

from aicourse import lessons


@cache
def load():
    spec = importlib.util.spec_from_file_location("course_tasks", lessons.ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
