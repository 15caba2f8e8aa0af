"""data/datapackage.json describes the data as a Frictionless Data Package, and the data obey it."""

import json

from aicourse import data, lessons
from aicourse.build import datapackage

ROOT = lessons.ROOT
PATH = ROOT / "data" / datapackage.FILE


def test_the_package_is_what_the_generator_writes():
    assert PATH.read_text(encoding="utf-8") == datapackage.text(), \
        "data/datapackage.json is stale: run python3 tasks.py headers"


def test_every_dataset_has_its_key_and_every_source_column_its_foreign_key():
    package = json.loads(PATH.read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    listing = data.datasets()
    assert set(resources) == set(listing["dataset"]) | {"sources"}
    for _, row in listing.iterrows():
        schema = resources[row["dataset"]]["schema"]
        assert schema.get("primaryKey", []) == [k for k in row["key"].split("|") if k]
        columns = list(data.dictionary(row["dataset"])["column"])
        assert [f["name"] for f in schema["fields"]] == columns
        linked = [fk["fields"] for fk in schema.get("foreignKeys", [])
                  if fk["reference"] == {"resource": "sources", "fields": ["source_id"]}]
        assert linked == [[c] for c in columns if c.endswith("source_id")]


def test_the_data_are_valid_against_the_package():
    """Types, required values, allowed values, ranges, unique keys, and every source_id in
    sources.csv, checked by the Frictionless tools (as anyone reusing the data would)."""
    from frictionless import validate

    report = validate(str(PATH))
    problems = report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    assert report.valid, problems[:20]
