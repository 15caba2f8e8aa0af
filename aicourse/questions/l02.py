"""Lesson 02's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

import pandas as pd

from aicourse import data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion
from aicourse.logic.l02 import zones_with_hub

LESSON = "02"


def _investment(edition: int) -> pd.DataFrame:
    inv = data.load("private_ai_investment")
    return inv[(inv["edition"] == edition) & (inv["country"] != "World")]


def _us_over_china(edition: int) -> float:
    inv = _investment(edition).set_index("country")["value_usd_bn"]
    return float(inv["United States"] / inv["China"])


YRD = "Yangtze River Delta"


def _hub_members(hub: str) -> int:
    hubs = data.load("innovation_hubs")
    return int((hubs["hub"] == hub).sum())


q1 = NumberQuestion(
    LESSON, "q1", unit="pilot zones", integer=True,
    expected=lambda: int((zones_with_hub()["hub"] == YRD).sum()),
    mistakes=[(lambda: int((zones_with_hub()["hub"] != "none").sum()),
               "that is the number of zones in all three hubs together. Keep only the zones "
               "whose hub is the Yangtze River Delta."),
              (lambda: _hub_members(YRD),
               "that is how many provinces and municipalities make up the hub (the "
               "innovation_hubs table), not how many pilot zones lie in it.")],
    hints=["zones_with_hub() gives every pilot zone with the hub it lies in, or 'none'.",
           "Count the rows whose hub is 'Yangtze River Delta': "
           "(zones['hub'] == 'Yangtze River Delta').sum()."],
)

q2 = NumberQuestion(
    LESSON, "q2", unit="times", rel_tol=0.005,
    expected=lambda: _us_over_china(2025),
    mistakes=[(lambda: 1 / _us_over_china(2025),
               "that is China divided by the United States; the question asks how many times "
               "larger the US figure is."),
              (lambda: _us_over_china(2024), "that uses the 2024 edition (data for 2023); the "
               "question asks for the 2025 edition (data for 2024).")],
    hints=["Select the rows of edition 2025 for the United States and for China.",
           "Divide the US value by the Chinese value."],
)

def _countries(edition: int) -> pd.Series:
    return _investment(edition).set_index("country")["value_usd_bn"]


q3 = ChartQuestion(
    LESSON, "q3", unit="USD", scale="billion", any_order=True,
    series=lambda: _countries(2024),
    mistakes=[(lambda: _countries(2025),
               "it shows the 2025 edition. The question asks for the 2024 edition (data for "
               "2023), whose five countries are the five it ranks first.")],
    hints=["Select edition 2024 without the 'World' row, then ax.bar(countries, values) or "
           "ax.barh(countries, values).",
           "Label the value axis with the unit (USD billion), give a title, and add the source "
           "line with charts.finish(..., source=data.source_line(table), ...)."],
)

q4 = ChoiceQuestion(
    LESSON, "q4", correct="c",
    options={"a": "Huawei", "b": "ByteDance", "c": "Xiaomi", "d": "iFlytek"},
    explanations={
        "a": "Huawei is often named beside Baidu, Alibaba and Tencent (some writers call those "
             "four BATH), and it belongs to the national AI team, but it is not the X of BATX. "
             "The article puts it there.",
        "b": "ByteDance is not part of the acronym.",
        "c": "BATX adds Xiaomi to Baidu, Alibaba and Tencent; the term spread around Xiaomi's "
             "listing plans in 2018.",
        "d": "iFlytek is a national-team company for intelligent voice, not part of BATX.",
    },
    hints=["Look at the in_batx column of the firms table.",
           "Which firm has in_batx 'yes' but in_bat 'no'?"],
)

q5 = ChoiceQuestion(
    LESSON, "q5", correct="d",
    options={
        "a": "the number of newly funded AI companies fell by more than half in one year",
        "b": "the 2023 edition corrected a typing error made in the 2022 edition",
        "c": "one of the two figures counts the United States only, not the world",
        "d": "the two editions counted the same year with different data and methods",
    },
    explanations={
        "a": "both figures describe the same year, 2021; nothing fell.",
        "b": "nothing in the data says it was a typing error; revisions of this size come from "
             "changes in data and method.",
        "c": "both rows are the world total.",
        "d": "the AI Index revises back years between editions (sources and definitions change), "
             "so compare within one edition and never join editions into one series silently.",
    },
    hints=["Both numbers describe the world in 2021. Which column differs?",
           "The edition column: what changes between two editions of a report?"],
)

q6 = TextQuestion(
    LESSON, "q6", min_words=60,
    points=[
        "uses the national-team platforms, the pilot zones and the state funds as evidence of "
        "state direction",
        "uses the firms' own fields and private investment as evidence of market activity",
        "notes how uncertain the state-fund figures are, and what the data cannot show "
        "(procurement, foreign partnerships and acquisitions)",
        "weighs both readings before concluding",
    ],
    hints=["Who chose the platforms' domains and the pilot zones? Who funds the firms: private "
           "investors, state funds, or both?",
           "The state-fund figures rest on one transcription and one research brief, with "
           "different scopes: how much weight can they carry?"],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]


# --- check your understanding (asked in the lesson itself) --------------------------------------

def _platform_counts() -> str:
    platforms = data.load("open_platforms")
    return f"{len(platforms)} platforms in {platforms['batch'].nunique()} batches"


r1 = ChoiceQuestion(
    LESSON, "r1", correct="c",
    options={
        "a": "the firms themselves, through an industry alliance",
        "b": "the State Council, in the 2017 plan",
        "c": "the Ministry of Science and Technology (MOST)",
        "d": "the Ministry of Industry and Information Technology",
    },
    explanations=lambda kind: {
        "a": "the firms did not name themselves: a ministry named them and gave each a domain.",
        "b": "the 2017 plan sets goals; it names no firms and no domains.",
        "c": f"MOST named the national AI open innovation platforms from November 2017 "
             f"({_platform_counts()}), each a firm with a domain.",
        "d": "some reports attribute the 2019 batch to MIIT, but the course's sources show it "
             "was MOST.",
    }[kind],
    hints=["Look at the section on the 'national team'.",
           "Some reports name another ministry for the 2019 batch; what do the course's sources "
           "show?"],
    solution='r1.check("c")   # the Ministry of Science and Technology',
)

SHARE_OPTIONS = {"a": "from a third to two thirds", "b": "less than one third of them",
                 "c": "more than two thirds of them", "d": "every one of them"}


def _share_in_hubs() -> float:
    zones = zones_with_hub()
    return float((zones["hub"] != "none").mean())


def _share_key() -> str:
    share = _share_in_hubs()
    if share == 1:
        return "d"
    return "b" if share < 1 / 3 else "c" if share > 2 / 3 else "a"


def _share_words(kind: str) -> str:
    zones = zones_with_hub()
    inside = int((zones["hub"] != "none").sum())
    told = (f"{inside} of the {len(zones)} pilot zones lie in the three hubs "
            f"({_share_in_hubs():.0%}); the others spread inland and to the north-east.")
    return told if kind == _share_key() else f"'{SHARE_OPTIONS[kind]}' does not fit: {told}"


r2 = ChoiceQuestion(
    LESSON, "r2", correct=_share_key, options=SHARE_OPTIONS, explanations=_share_words,
    hints=["Count the zones whose hub is not 'none'.",
           "(zones['hub'] != 'none').mean() gives the share."],
    solution=lambda: f'r2.check("{_share_key()}")   # {_share_in_hubs():.0%} of the zones',
)

def _newco_2021() -> str:
    """The world's newly funded AI companies in 2021, as each edition prints the count."""
    newco = data.load("newly_funded_ai_companies")
    rows = newco[(newco["country"] == "World") & (newco["data_year"] == 2021)].sort_values("edition")
    return "the world count of newly funded AI companies in 2021 is " + " and ".join(
        f"{r.companies:,} in the {r.edition} edition" for r in rows.itertuples())


r3 = ChoiceQuestion(
    LESSON, "r3", correct="d",
    options={
        "a": "the later edition counts the US alone",
        "b": "the editions report in different currencies",
        "c": "one edition counts state funds as well",
        "d": "editions revise back years and methods",
    },
    explanations={
        "a": "every edition counts many countries; the course keeps each edition's rows apart.",
        "b": "every edition reports US dollars.",
        "c": "the AI Index counts private investment; state guidance funds are what it leaves "
             "out, by its own account.",
        "d": lambda: "each edition revises earlier years and changes its data and methods ("
                     + _newco_2021() + "), so compare within one edition.",
    },
    hints=["Look at the two editions' counts of newly funded AI companies for 2021.",
           "What changes between two editions of a report?"],
    solution='r3.check("d")   # editions revise back years and methods',
)

RECALL = [r1, r2, r3]
