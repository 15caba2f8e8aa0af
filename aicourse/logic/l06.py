"""Lesson 06: computations shared by its views and its questions (pure functions)."""

from __future__ import annotations

import pandas as pd

from aicourse import data


def rules() -> pd.DataFrame:
    """The rules table with the days from adoption to entry into force and the source quality."""
    table = data.load("rules_timeline")
    quality = data.sources().set_index("source_id")["quality"]
    table["days_to_force"] = (table["in_force"] - table["adopted"]).dt.days
    table["source_quality"] = table["source_id"].map(quality)
    return table
