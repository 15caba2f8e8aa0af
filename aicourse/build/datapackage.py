"""Describe the course data as a Frictionless Data Package: ``data/datapackage.json``.

Re-runnable: ``python3 tasks.py headers`` (or ``python -m aicourse.build.datapackage``). Written from
``data/datasets.csv`` (one resource per dataset: title, description, primary key) and
``data/dictionary.csv`` (one field per column: type, description with its unit, and the
constraints required, enum, minimum and maximum), so the data can be read and checked outside
the course with any Frictionless tool (``frictionless validate data/datapackage.json``).
Every column whose name ends in ``source_id`` gets a foreign key to ``sources.csv``, whose
schema is fixed here (it is the course's own format, described in CONTRIBUTING.md).

Standard library only; the tests validate the package with the ``frictionless`` library.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from aicourse import lessons as meta

FILE = "datapackage.json"
#: The dictionary's types as Table Schema types.
TYPES = {"str": "string", "int": "integer", "float": "number", "date": "date"}
LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
SOURCES_SCHEMA = {
    "fields": [
        {"name": "source_id", "type": "string", "description": "Identifier of the source, used "
         "in the source_id columns of the datasets", "constraints": {"required": True}},
        {"name": "publisher", "type": "string", "constraints": {"required": True},
         "description": "Who published the source"},
        {"name": "title", "type": "string", "constraints": {"required": True},
         "description": "Title of the publication"},
        {"name": "date", "type": "string", "description": "Date of publication: YYYY-MM-DD, or "
         "YYYY-MM or YYYY when that is all the source gives, or n.d. (no date)",
         "constraints": {"required": True, "pattern": r"\d{4}(-\d{2}(-\d{2})?)?|n\.d\."}},
        {"name": "url", "type": "string", "format": "uri", "constraints": {"required": True},
         "description": "Web address of the source"},
        {"name": "quality", "type": "string", "description": "primary (the body that made the "
         "figure), reprint (a faithful copy), secondary (a report of it), weak (a mirror or copy "
         "of unknown standing)",
         "constraints": {"required": True, "enum": ["primary", "reprint", "secondary", "weak"]}},
        {"name": "language", "type": "string", "constraints": {"required": True},
         "description": "Language of the source (ISO 639-1 code)"},
        {"name": "excerpt", "type": "string", "constraints": {"required": True},
         "description": "The passage that holds the figure, quoted exactly (a short excerpt; "
         "it remains its publisher's work)"},
    ],
    "primaryKey": ["source_id"],
}


#: Stated, not sniffed: a file whose notes hold many semicolons was read as semicolon-separated.
DIALECT = {"delimiter": ",", "quoteChar": '"', "header": True}

def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _value(text: str, kind: str):
    return {"int": int, "float": float}.get(kind, str)(text)


def field(column: dict[str, str]) -> dict:
    """One dictionary row as a Table Schema field."""
    kind = column["type"]
    description = column["description"]
    if column["unit"]:
        description += f" (unit: {column['unit']})"
    constraints: dict = {}
    if column["required"] == "yes":
        constraints["required"] = True
    allowed = [v for v in column["values"].split("|") if v]
    if allowed:
        constraints["enum"] = [_value(v, kind) for v in allowed]
    for bound, name in (("min", "minimum"), ("max", "maximum")):
        if column[bound]:
            constraints[name] = _value(column[bound], kind) if kind != "date" else column[bound]
    out = {"name": column["column"], "type": TYPES[kind], "description": description}
    if constraints:
        out["constraints"] = constraints
    return out


def resource(dataset: dict[str, str], columns: list[dict[str, str]]) -> dict:
    fields = [field(c) for c in columns]
    schema: dict = {"fields": fields, "missingValues": [""]}
    key = [k for k in dataset["key"].split("|") if k]
    if key:
        schema["primaryKey"] = key
    links = [{"fields": [f["name"]], "reference": {"resource": "sources", "fields": ["source_id"]}}
             for f in fields if f["name"].endswith("source_id")]
    if links:
        schema["foreignKeys"] = links
    return {"name": dataset["dataset"], "path": f"{dataset['dataset']}.csv",
            "title": dataset["title"], "description": dataset["description"],
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "dialect": DIALECT, "schema": schema}


def build(root: Path = meta.ROOT) -> dict:
    """The data package for the data in ``root/data`` (writes nothing)."""
    course, _ = meta.load(root)
    folder = root / "data"
    columns = _rows(folder / "dictionary.csv")
    resources = [resource(d, [c for c in columns if c["dataset"] == d["dataset"]])
                 for d in _rows(folder / "datasets.csv")]
    sources = {"name": "sources", "path": "sources.csv", "title": "Sources",
               "description": "Every source the datasets cite: publisher, title, date, web "
               "address, quality and the quoted passage that holds the figure.",
               "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
               "encoding": "utf-8", "dialect": DIALECT, "schema": SOURCES_SCHEMA}
    return {
        "profile": "tabular-data-package",
        "name": course["repository"].split("/")[-1].lower() + "-data",
        "title": f"{course['title']}: the course data",
        "description": "The sourced datasets of the course: every row names its source in "
                       "sources.csv. Written by `python3 tasks.py headers` from datasets.csv "
                       "and dictionary.csv; edit those.",
        "homepage": f"https://github.com/{course['repository']}",
        "licenses": [LICENSE],
        "resources": [sources, *resources],
    }


def text(root: Path = meta.ROOT) -> str:
    return json.dumps(build(root), indent=1, ensure_ascii=False) + "\n"


def run(root: Path = meta.ROOT) -> list[Path]:
    """Write ``data/datapackage.json`` if it differs from what ``build`` gives; return it if so."""
    path = root / "data" / FILE
    new = text(root)
    if path.is_file() and path.read_text(encoding="utf-8") == new:
        return []
    path.write_text(new, encoding="utf-8")
    return [path]


if __name__ == "__main__":
    for written in run():
        print(f"wrote {written.relative_to(meta.ROOT)}")
    sys.exit(0)
