"""The environment a notebook's kernel starts with: one definition for every tool that runs notebooks.

A kernel inherits the environment of the process that starts it. Two variables change what a
notebook does there:

- ``MPLBACKEND``: when it is set (CI machines often export ``Agg``), matplotlib in the kernel
  draws no inline figures, so charts vanish from stored outputs and strict comparison fails;
  every notebook run removes it.
- ``AICOURSE_STRICT``: ``1`` makes a failed check raise, so a solutions notebook whose model
  answer no longer passes fails its run. A learner's kernel never has it.

Standard library only: ``tasks.py`` uses it before any environment exists.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

#: Variables a learner's kernel never has.
REMOVED = ("MPLBACKEND", "AICOURSE_STRICT")


def kernel_env(base: Mapping[str, str] | None = None, *, strict: bool = False) -> dict[str, str]:
    """A copy of ``base`` (default: this process's environment) as a kernel should get it."""
    env = dict(os.environ if base is None else base)
    for name in REMOVED:
        env.pop(name, None)
    if strict:
        env["AICOURSE_STRICT"] = "1"
    return env


def use_kernel_env(*, strict: bool = False) -> None:
    """Change this process's environment so that the kernels it starts get ``kernel_env``."""
    for name in REMOVED:
        os.environ.pop(name, None)
    if strict:
        os.environ["AICOURSE_STRICT"] = "1"
