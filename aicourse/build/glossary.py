"""The glossary: ``glossary.toml`` in, the page ``notebooks/glossary.ipynb`` and term lists out.

Each ``[[term]]`` has ``term``, ``definition`` and ``lessons`` (lesson numbers: 00, 00b, 01 ...), and where the
term has a Chinese name, ``zh`` (simplified characters) and ``pinyin`` (with tone marks).
``python tasks.py headers`` writes the page and the list of terms in each lesson's header.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from aicourse import lessons as meta
from aicourse.build import nbfiles

FILE = "glossary.toml"
PAGE = "glossary.ipynb"
MARKER = "<!-- glossary: written by `python tasks.py headers` from glossary.toml; edit there -->"


def load(root: Path = meta.ROOT) -> list[dict]:
    """Every term, in the file's order; an empty list when there is no glossary yet."""
    path = root / FILE
    if not path.is_file():
        return []
    with path.open("rb") as handle:
        return tomllib.load(handle).get("term", [])


def terms_for(number: str, terms: list[dict]) -> list[str]:
    """The terms that matter in lesson ``number``, alphabetically."""
    return sorted((t["term"] for t in terms if number in t.get("lessons", [])), key=str.lower)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def page(course: dict, terms: list[dict]) -> dict:
    """The glossary notebook: one markdown cell with a table of every term."""
    lines = [MARKER, f"*{course['title']}*", "", "# Glossary", "",
             "Terms used in the course, in English, with the Chinese name in characters and "
             "pinyin where there is one, and a one-line meaning. The lessons column says where "
             "each term matters. [Contents](index.ipynb)", "",
             "| Term | Chinese | Pinyin | Meaning | Lessons |", "|---|---|---|---|---|"]
    for t in sorted(terms, key=lambda t: t["term"].lower()):
        lines.append("| " + " | ".join([
            f"**{_cell(t['term'])}**", _cell(t.get("zh", "")), _cell(t.get("pinyin", "")),
            _cell(t["definition"]), ", ".join(t.get("lessons", []))]) + " |")
    return nbfiles.notebook([nbfiles.markdown("\n".join(lines) + "\n", cell_id="glossary")])
