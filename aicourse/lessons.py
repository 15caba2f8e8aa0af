"""The lesson metadata in ``lessons.toml``: the one place titles, objectives and minutes live.

Headers, navigation, the contents page and the README's lesson map are all written from it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("notebooks", "exercises", "solutions")


@dataclass(frozen=True)
class Lesson:
    number: str
    slug: str
    title: str
    topics: str
    overview: str = ""
    objectives: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    minutes_teaching: int = 0
    minutes_extension: int = 0
    minutes_exercises: int = 0
    has_exercises: bool = True

    @property
    def filename(self) -> str:
        return f"{self.slug}.ipynb"

    @property
    def minutes(self) -> int:
        """Core teaching and exercises; an extension comes on top (see minutes_extension)."""
        return self.minutes_teaching + self.minutes_exercises

    def path(self, folder: str = "notebooks", root: Path = ROOT) -> Path:
        return root / folder / self.filename

    def available(self, root: Path = ROOT) -> bool:
        """Written yet? (The sequence lists every planned lesson; only written ones are linked.)"""
        return self.path("notebooks", root).is_file()


def load(root: Path = ROOT) -> tuple[dict, list[Lesson]]:
    """Return the course settings and the lessons, in order."""
    with open(root / "lessons.toml", "rb") as handle:
        meta = tomllib.load(handle)
    lessons = [Lesson(**entry) for entry in meta["lesson"]]
    return meta["course"], lessons


def runnable_notebooks(root: Path = ROOT, folders: tuple[str, ...] = FOLDERS) -> list[Path]:
    """The notebooks in ``folders`` that hold code (those a test or a benchmark can run), sorted."""
    from aicourse.build import nbfiles

    return sorted(path for folder in folders for path in (root / folder).glob("*.ipynb")
                  if any(cell["cell_type"] == "code" for cell in nbfiles.read(path)["cells"]))


def binder_url(course: dict, path: str) -> str:
    """A Binder link that opens JupyterLab at ``path`` (relative to the repository root)."""
    return (f"https://mybinder.org/v2/gh/{course['repository']}/{course['branch']}"
            f"?urlpath=lab/tree/{path}")


def hub_url(hub: str, repository: str, branch: str = "main",
            path: str = "notebooks/00_start_here.ipynb") -> str:
    """An nbgitpuller link: the hub clones (or updates) the repository into each user's home
    and opens JupyterLab at ``path``. ``hub`` is the hub's address (https://hub.example.org)."""
    name = repository.rstrip("/").split("/")[-1]
    query = urlencode({"repo": f"https://github.com/{repository}", "branch": branch,
                       "urlpath": f"lab/tree/{name}/{path}"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


# --- honest minutes -----------------------------------------------------------------------------

#: The one estimator of a lesson's minutes (COURSE.md): words read at 200 a minute, and time for
#: each code cell, chart, widget, "pause and predict" and the discussion.
PER_MINUTE_WORDS, PER_CODE_CELL, PER_CHART, PER_WIDGET, PER_PREDICTION, DISCUSSION = (
    200, 0.5, 1, 4, 1.5, 6)
#: A section whose heading starts like this belongs to the lesson's extension, not its core path.
EXTENSION = "## Extension"
#: Calls that put an interactive widget on the page.
WIDGET_CALLS = ("widgets.explore(", "rating_form(")


def estimate_minutes(nb: dict) -> dict[str, float]:
    """{"core": minutes, "extension": minutes} of a stored lesson notebook, by the estimator.

    Generated cells (header, navigation, setup) are not counted. A section from a heading that
    starts with ``## Extension`` to the next ``## `` heading is counted as extension.
    """
    from aicourse.build import nbfiles

    totals = {"core": 0.0, "extension": 0.0}
    part = "core"
    for cell in nb["cells"]:
        text = nbfiles.source(cell)
        if text.startswith(("<!-- header", "<!-- nav", "# setup:")):
            continue
        if cell["cell_type"] == "markdown":
            for line in text.splitlines():
                if line.startswith("## "):
                    part = "extension" if line.startswith(EXTENSION) else "core"
            totals[part] += len(text.split()) / PER_MINUTE_WORDS
            totals[part] += PER_PREDICTION * text.count("Pause and predict")
            totals[part] += DISCUSSION * text.count("## Discussion")
        else:
            totals[part] += PER_CODE_CELL + PER_WIDGET * sum(text.count(c) for c in WIDGET_CALLS)
            totals[part] += PER_CHART * sum("image/png" in o.get("data", {})
                                            for o in cell.get("outputs", []))
    return {k: round(v, 1) for k, v in totals.items()}
