"""Lesson 04: computations shared by its views and its questions (pure functions)."""

from __future__ import annotations

import pandas as pd

from aicourse import data

#: Measures that are the same count in other words (CNNIC's wording of MIIT's station count).
SAME_COUNT = {"5G base stations built and opened, cumulative": "5G base stations"}

def series_name(measure: str) -> str:
    """The count a measure describes, without its date: '5G sites (end of year)' -> '5G sites'."""
    name = measure.split(" (")[0]
    return SAME_COUNT.get(name, name)

def population() -> pd.Series:
    """Year-end population of mainland China, million people, indexed by year."""
    pop = data.load("population")
    return pop.set_index("year")["population_million"].astype(float)

def base_stations() -> pd.Series:
    """5G base stations at the end of each year: the 'base stations' count only (not the
    Global Times count of '5G sites'), reported figures only, indexed by year."""
    g = data.load("five_g")
    rows = g[(g["indicator"] == "5g_base_stations") & (g["status"] == "reported")
             & (g["date_precision"] == "year")]
    rows = rows[rows["measure"].map(series_name) == "5G base stations"]
    return rows.set_index(rows["period"].astype(int))["value"].rename("stations")
