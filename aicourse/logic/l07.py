"""Lesson 07: computations shared by its views and its questions (pure functions)."""

from __future__ import annotations

import pandas as pd

from aicourse import data
from aicourse.widgets import choice

END_YEAR = 2030

#: Editions the scenario can start from. The 2026 edition is left out: its figures come from a
#: transcription that no second source confirms, and its notable-model counts conflict.
EDITIONS = (2024, 2025)

DEFAULT_EDITION = 2025

CHINA, US = "China", "United States"

#: The measures the scenario grows: quantities (money, counts, shares) that can grow at a rate.
#: Each: its label and unit. Order = order in the table and the chart.
INDICATORS = {
    "investment": ("private AI investment", "USD billion"),
    "companies": ("newly funded AI companies", "companies"),
    "models": ("notable AI models", "models"),
    "patents": ("share of granted AI patents", "percent of world"),
    "publications": ("share of AI publications", "percent of world"),
    "citations": ("share of AI publication citations", "percent of world"),
}

#: Measures compared but not grown: ratings, on which only a difference between two scores
#: means something, so that "growing at 5% a year" has no meaning.
RATINGS = {
    "arena": ("Chatbot Arena score of the top model", "Arena score"),
}

MEASURES = {**INDICATORS, **RATINGS}

#: The leaderboard rows that give the Arena score of each country's top model (the coding
#: category is a different leaderboard).
ARENA = ("Chatbot Arena (LMSYS)", "Chatbot Arena (LMArena)")

def _rows(key: str, edition: int) -> pd.DataFrame:
    """One measure's rows for China and the US in one edition: country, year, value, source."""
    if key == "investment":
        t = data.load("private_ai_investment").rename(columns={"value_usd_bn": "value"})
    elif key == "companies":
        t = data.load("newly_funded_ai_companies").rename(columns={"companies": "value"})
    elif key == "models":
        t = data.load("notable_models").rename(columns={"count": "value"})
        t = t[t["start_year"].isna() & (t["measure"] != "foundation models")]
    elif key == "arena":
        t = data.load("model_performance")
        t = t[(t["measure"] == "Arena score of top model") & t["benchmark"].isin(ARENA)]
        t = t.assign(data_year=t["as_of"].str[:4].astype(int))  # "2025-02" -> 2025
    else:
        t = data.load("ai_publications")
        t = t[t["metric"] == INDICATORS[key][0]]
    t = t[(t["edition"] == edition) & t["country"].isin([CHINA, US])]
    return t[["country", "data_year", "value", "source_id"]]

def start_values(edition: int = DEFAULT_EDITION) -> pd.DataFrame:
    """The latest value of each measure for China and the US in one edition.

    One row per measure that the edition gives for both countries in the same year (the
    latest such year). Columns: key, indicator, unit, year, China, United States, edition,
    in scenario (False for a rating, which is compared but not grown); the source ids are in
    ``attrs["sources"]`` and the measures the edition lacks in ``attrs["missing"]``.
    """
    edition = choice(edition, EDITIONS, "an AI Index edition", listed=True)
    rows, sources, missing = [], [], []
    for key, (label, unit) in MEASURES.items():
        t = _rows(key, edition)
        years = set(t.loc[t["country"] == CHINA, "data_year"]) & set(
            t.loc[t["country"] == US, "data_year"])
        if not years:
            missing.append(label)
            continue
        year = max(years)
        latest = t[t["data_year"] == year].set_index("country")
        rows.append({"key": key, "indicator": label, "unit": unit, "year": int(year),
                     CHINA: float(latest.loc[CHINA, "value"]),
                     US: float(latest.loc[US, "value"]), "edition": edition,
                     "in scenario": key in INDICATORS})
        sources += list(latest["source_id"])
    table = pd.DataFrame(rows)
    table.attrs["sources"] = list(dict.fromkeys(sources))
    table.attrs["missing"] = missing
    return table
