"""Lesson 06's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

import pandas as pd

from aicourse import data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion
from aicourse.views.l06 import rules

LESSON = "06"


def _adopted(instrument_starts: str) -> pd.Timestamp:
    """The adoption date of the US federal rule whose name starts with ``instrument_starts``."""
    table = rules()
    row = table[table["instrument"].str.startswith(instrument_starts)]
    return row["adopted"].min()


def _eo14110_days(revoked_by: str = "Executive Order 14148") -> int:
    """Days from the signing of EO 14110 to the order that revoked it."""
    return int((_adopted(revoked_by) - _adopted("Executive Order 14110")).days)


def _quality_of(table: pd.DataFrame) -> pd.Series:
    quality = data.sources().set_index("source_id")["quality"]
    return table["source_id"].map(quality)


def _weak_share(tables: list[str]) -> float:
    """Percent of the rows of ``tables`` whose source the course rates as weak."""
    rows = pd.concat([data.load(t)[["source_id"]] for t in tables])
    return 100 * float((_quality_of(rows) == "weak").mean())


LESSON_TABLES = ["rules_timeline", "social_credit", "social_credit_views"]


def _weak_sources_share() -> float:
    """The same share counted over distinct sources instead of rows (a typical slip)."""
    rows = pd.concat([data.load(t)[["source_id"]] for t in LESSON_TABLES]).drop_duplicates()
    return 100 * float((_quality_of(rows) == "weak").mean())


q1 = NumberQuestion(
    LESSON, "q1", unit="days", integer=True,
    expected=_eo14110_days,
    mistakes=[(lambda: _eo14110_days("Executive Order 14179"),
               lambda: "that counts to Executive Order 14179 "
               f"({_day(_adopted('Executive Order 14179'))}), which removed barriers to AI. The "
               "order that revoked EO 14110 is Executive Order 14148.")],
    off_by_one="off by one day. Subtracting one date from the other gives the days between "
               "them: do not add a day for the first or the last.",
    hints=["Find two US rows: Executive Order 14110 (signed) and Executive Order 14148, the order "
           "that rescinded it. Take each one's adopted date.",
           "Subtract the earlier date from the later one, and take .days of the result."],
)

q2 = NumberQuestion(
    LESSON, "q2", unit="percent",
    expected=lambda: _weak_share(LESSON_TABLES),
    factor_advice={100: "give the share in percent (for example 25 for a quarter), not as a "
                        "fraction."},
    mistakes=[(lambda: _weak_share(["social_credit_views"]),
               "that is the share for the views alone. The question asks for the rows of all "
               "three tables together."),
              (_weak_sources_share,
               "that counts each source once. The question asks for the share of rows: a source "
               "that backs two rows counts twice."),
              (lambda: 100 - _weak_share(LESSON_TABLES),
               "that is the share of rows that do NOT rest on a weak source.")],
    hints=["Stack the source_id columns of the three tables with pd.concat, then look up each "
           "source's quality in data.sources() (map over a Series indexed by source_id).",
           "(quality == 'weak').mean() is the fraction of rows; multiply by 100 for percent."],
)

def _china_gap_table() -> pd.Series:
    table = rules()
    china = table[(table["jurisdiction"] == "China") & table["in_force"].notna()]
    return china.set_index("instrument")["days_to_force"]


q3 = ChartQuestion(
    LESSON, "q3", unit="days", any_order=True,
    series=_china_gap_table,
    hints=["Keep the China rows that have an in_force date; the days are in the column "
           "days_to_force (or compute in_force - adopted and take .dt.days).",
           "ax.bar(labels, days) or ax.barh(labels, days); label the value axis in days, give a "
           "title, and add the source line with charts.finish(..., "
           "source=data.source_line(table), ...)."],
)


def _draft_law_date() -> str:
    credit = data.load("social_credit")
    row = credit[credit["title"].str.contains("Law") & (credit["event"] != "issued")].iloc[0]
    return f"{row['date']:%B %Y}"


def _credit_words(kind: str) -> str:
    return {
        "a": "that is the popular image the analysts in the table correct: Mistreanu, Daum and "
             "Yang say that no such single score exists.",
        "b": "the documents describe credit records with rewards and penalties and cross-agency "
             "blacklists, and Creemers calls the system an ecosystem of initiatives; others "
             "(MERICS, DFAT) stress its wider reach and its role in control.",
        "c": f"the table records a draft law released for comment in {_draft_law_date()} and no "
             "adopted law.",
        "d": "the 2014 outline covers individuals, government bodies and courts too, MERICS says "
             "it extends ratings to social, environmental and political areas, and Knight traces "
             "its use beyond finance.",
    }[kind]


q4 = ChoiceQuestion(
    LESSON, "q4", correct="b",
    options={
        "a": "one national score, a three-digit number for every citizen, from one system",
        "b": "many agencies' credit records, blacklists and red lists, aimed mostly at firms",
        "c": "a national law in force since 2022 that sets out the whole system in a single text",
        "d": "a purely financial credit rating for companies, with no aims beyond lending",
    },
    explanations=_credit_words,
    hints=["Read the what_it_does column of the documents and the claims of the views marked "
           "'what it is not'.",
           "Which option do both the documents and most of the views support?"],
)


def _ai_act_stages() -> pd.DataFrame:
    table = rules()
    return table[table["instrument"].str.startswith("AI Act")].sort_values("in_force")


def _day(ts) -> str:
    return f"{ts.day} {ts:%B %Y}"


def _ai_act_words(kind: str) -> str:
    stages = _ai_act_stages()
    day = pd.Timestamp("2026-01-01")
    entry = stages[stages["instrument"].str.contains("entry into force")].iloc[0]
    stages = stages.drop(entry.name)
    applied = stages[stages["in_force"] < day]
    later = stages[stages["in_force"] >= day]
    general = stages[stages["instrument"].str.contains("general date")].iloc[0]
    listed = "; ".join(f"{r.instrument.split(': ', 1)[-1]} from {_day(r.in_force)}"
                       for r in applied.itertuples())
    high_risk = " or ".join(sorted({str(d.year) for d in later["in_force"]
                                    if d > general["in_force"]}))
    return {
        "a": f"the stages whose in_force dates come before 2026 applied: {listed}. The general "
             f"date is {_day(general['in_force'])}, and the high-risk rules come later still.",
        "b": f"{len(applied)} stages already applied before 2026: their in_force dates are "
             f"earlier than 1 January 2026.",
        "c": f"entering into force ({_day(entry['in_force'])}) is not applying: most rules of "
             "the act apply from later dates, one row per stage.",
        "d": f"the high-risk rules are the last to apply ({high_risk}), not the first.",
    }[kind]


q5 = ChoiceQuestion(
    LESSON, "q5", correct="a",
    options={
        "a": "the general provisions, prohibited practices and rules for general-purpose AI models",
        "b": "none: the act had been adopted, but no part of it applied before its general date",
        "c": "all of it, because the whole AI Act entered into force in the summer of 2024",
        "d": "only the rules for high-risk AI systems, which were the first stage to apply",
    },
    explanations=_ai_act_words,
    hints=["Compare each AI Act row's in_force date with 1 January 2026.",
           "Which in_force dates are earlier than 2026-01-01?"],
)

q6 = TextQuestion(
    LESSON, "q6", min_words=60,
    points=[
        "argues both readings: protection of consumers or users, and control by state bodies",
        "rests each argument on something the tables show (theme, issuers, binding, dates, "
        "status notes) and names the author of any assessment it uses",
        "compares with a rule of the EU or the US on the same theme",
        "says what the tables cannot show (the text of the rule, enforcement, how it applies to "
        "state bodies) and what one would need to read",
    ],
    hints=["Pick one rule (the PIPL, the generative AI measures or the labelling measures) and "
           "find its row: who issued it, is it binding, what theme?",
           "What would a consumer gain from it, and what powers might it give the state? What "
           "would you need to read to decide?"],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]
