"""Lesson 03: computations shared by its views and its questions (pure functions)."""

from __future__ import annotations

import pandas as pd

from aicourse import data

#: Areas that are sums of members in the population table (the AI Index's "EU and UK").
AREAS = {"EU and UK": ["European Union", "United Kingdom"]}

def population(country: str, year: int) -> tuple[float, list[str], int] | None:
    """Population in millions, its source ids and the year used; None if the data have none.

    The year asked for comes first, then the year before, then the year after (a per-capita
    figure changes little in a year; the view says when another year was used). Where the table
    has two figures for a country and year (China: NBS and UN), the national statistics
    office's comes first. An area of AREAS is the sum of its members, all for the same year.
    """
    table = data.load("world_population")
    table = table.assign(estimate=table["figure_kind"].eq("independent estimate"))
    members = AREAS.get(country, [country])
    for used in (year, year - 1, year + 1):
        total, ids = 0.0, []
        for member in members:
            rows = table[(table["country"] == member) & (table["year"] == used)]
            if rows.empty:
                break
            rows = rows.sort_values("estimate")
            total += float(rows["population_thousand"].iloc[0]) / 1000
            ids.append(rows["source_id"].iloc[0])
        else:
            return total, ids, used
    return None

CHINA, US = "China", "United States"

#: The static benchmarks of the AI Index 2025 comparison, in the order the report names them.
BENCHMARKS = ["MMLU", "MMMU", "MATH", "HumanEval"]

#: The Chatbot Arena as each edition names it (LMSYS ran it; it was later called LMArena).
ARENA = ["Chatbot Arena (LMSYS)", "Chatbot Arena (LMArena)"]

#: The measures of the lesson's "who leads?" table, in its order. A choice: other measures
#: (talent, compute used in training, adoption) would add rows and could change the picture.
LEAD_ORDER = [
    "share of AI publications",
    "share of AI publication citations",
    "papers among the 100 most-cited AI publications",
    "share of granted AI patents",
    "notable AI models",
    "private AI investment (USD billion)",
    "top Chatbot Arena score",
    "share of AI supercomputer performance",
]

#: Press and blog readings of the 2026 edition whose notable-model counts disagree with the
#: transcription (the lesson says so); the table keeps the transcription's figures.
SECOND_READINGS = {"res_ieee_aiindex2026", "res_besthub_aiindex2026"}

EPOCH = "Epoch AI"

def lead_measures() -> pd.DataFrame:
    """China's and the United States' values on each measure of LEAD_ORDER, as the AI Index
    2025 and 2026 editions give them (computing capacity: Epoch AI): columns measure, source,
    year, country, value, source_id. For each measure and source only the latest year it gives."""
    pubs = data.load("ai_publications")
    pubs = pubs[pubs["metric"].isin(LEAD_ORDER) & pubs["institution"].isna()]
    models = data.load("notable_models")
    models = models[(models["measure"] == "notable AI models") & ~models["source_id"].isin(SECOND_READINGS)]
    money = data.load("private_ai_investment")
    perf = data.load("model_performance")
    arena = perf[(perf["measure"] == "Arena score of top model") & perf["benchmark"].isin(ARENA)]
    compute = perf[perf["measure"] == "Share of global AI supercomputer (GPU cluster) performance"]
    parts = [
        pubs.rename(columns={"metric": "measure"}),
        models.rename(columns={"count": "value"}),
        money.rename(columns={"value_usd_bn": "value"}).assign(measure=LEAD_ORDER[5]),
        arena.assign(measure=LEAD_ORDER[6], data_year=arena["as_of"].str[:4].astype(int)),
        compute.assign(measure=LEAD_ORDER[7], data_year=compute["as_of"].str[:4].astype(int)),
    ]
    table = pd.concat(parts, ignore_index=True).rename(columns={"data_year": "year"})
    table["source"] = ["AI Index " + str(e) if not pd.isna(e) else EPOCH for e in table["edition"]]
    table = table[table["country"].isin([CHINA, US])
                  & table["source"].isin(["AI Index 2025", "AI Index 2026", EPOCH])]
    latest = table.groupby(["measure", "source"])["year"].transform("max")
    table = table[table["year"] == latest]
    return table[["measure", "source", "year", "country", "value", "source_id"]].reset_index(drop=True)
