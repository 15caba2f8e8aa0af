"""Lesson 06's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

import pandas as pd

from aicourse import data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion
from aicourse.logic.l06 import rules

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




# --- exercises 7 and 8: translations and the filing registers -------------------------------------

def _translation_words(kind: str) -> str:
    return {
        "a": "the note on both rows says they render the same draft clause of April 2023; the "
             "final text is row CR01.",
        "b": "nothing in the rows says either outlet distorted the text on purpose; translators "
             "choose words, and two choices can differ honestly.",
        "c": "both render one draft clause (ChinaTalk, Hong Kong Free Press): 'national "
             "sovereignty' and 'state power' are different ideas, and only the Chinese text "
             "settles which is closer. The course has not read the draft's Chinese.",
        "d": "the final text (CR01) says 颠覆国家政权, which the SCMP renders 'subversion of state "
             "power': close to one of the two, but it is the final text, not the draft.",
    }[kind]


q7 = ChoiceQuestion(
    LESSON, "q7", correct="c",
    options={
        "a": "the clause was changed between two drafts of the measures",
        "b": "one outlet changed the meaning of the clause on purpose",
        "c": "two renderings differ; only the Chinese text settles it",
        "d": "the final text of the measures settles what the draft said",
    },
    explanations=_translation_words,
    hints=["Read the note column of rows CR02 and CR03: what do they translate?",
           "Which text would you need to read to say which English rendering is closer?"],
)


def _genai_count(as_of: str, measure: str = "generative AI service filing") -> int:
    """The count of ``measure`` the table gives for the date ``as_of``."""
    table = data.load("algorithm_filings")
    row = table[(table["measure"] == measure) & (table["as_of"] == as_of)]
    return int(row["count"].item())


def _growth_percent(start: str = "2025-03-31", end: str = "2025-08") -> float:
    return 100 * (_genai_count(end) / _genai_count(start) - 1)


q8 = NumberQuestion(
    LESSON, "q8", unit="percent",
    expected=_growth_percent,
    factor_advice={100: "give the growth in percent (55 for 55 %), not as a fraction."},
    mistakes=[
        (lambda: 100 * _genai_count("2025-08") / _genai_count("2025-03-31"),
         "that is the August count as a percentage of the March count; the growth is that "
         "minus 100."),
        (lambda: 100 * ((_genai_count("2025-08")
                         + _genai_count("2025-08", "generative AI application registration (local)"))
                        / _genai_count("2025-03-31") - 1),
         "that adds the apps registered locally (AF22): they are another register, not services "
         "filed nationally."),
        (lambda: 100 * (1 - _genai_count("2025-03-31") / _genai_count("2025-08")),
         "that divides the increase by the August count; growth is measured from the earlier "
         "count."),
    ],
    hints=["Find the two rows of measure 'generative AI service filing' with count_kind "
           "'cumulative' dated 2025-03-31 and 2025-08.",
           "Growth in percent = 100 * (later / earlier - 1)."],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]


# --- retrieval: "Check your understanding" in the lesson -----------------------------------------

def _article4_words(kind: str) -> str:
    return {
        "a": "no article in the table asks for a licence from the legislature; the measures are "
             "a regulation of the CAC and other departments.",
        "b": "labels come from the labelling measures (2025), and filing is with the cyberspace "
             "offices, not the police; neither is Article 4(1).",
        "c": "no clause in the table gives users that right; Article 4(1) is about what may be "
             "generated.",
        "d": "Article 4(1) opens with 坚持社会主义核心价值观 (uphold the core socialist values) and "
             "forbids content that incites subversion of state power, among other things.",
    }[kind]


r1 = ChoiceQuestion(
    LESSON, "r1", correct="d",
    options={
        "a": "that every model be licensed by the legislature first",
        "b": "that all content be labelled and filed with the police",
        "c": "that users may delete anything the model generated",
        "d": "core socialist values; no subversion of state power",
    },
    explanations=_article4_words,
    hints=["It is the clause on political content: row CR01 of content_rules.",
           "Its first words are 坚持社会主义核心价值观."],
    solution="d: core socialist values; no subversion of state power (row CR01).",
)

_FILING_WORDS = {
    "a": "a register counts the services that completed the procedure: compliance, not content.",
    "b": "a count says nothing about what a filed model will or will not answer; that needs "
         "tests of the models themselves.",
    "c": "the registers list what was filed; the course holds no count of refusals.",
    "d": "a filing count does not show enforcement: a filed service may still break the rules, "
         "and the count cannot say how often.",
}

r2 = ChoiceQuestion(
    LESSON, "r2", correct="a",
    options={
        "a": "how many services went through the filing procedure",
        "b": "how many questions the filed models refuse to answer",
        "c": "how many AI services the regulator has turned down",
        "d": "how far the content rules are enforced on each service",
    },
    explanations=_FILING_WORDS,
    hints=["What does a service have to do to appear in a register?",
           "The lesson says what a count of filings measures, and what it cannot show."],
    solution="a: a count of filings measures compliance (how many went through the procedure), "
             "not content.",
)

r3 = NumberQuestion(
    LESSON, "r3", unit="services", integer=True,
    expected=lambda: _genai_count("2025-08") - _genai_count("2025-03-31"),
    mistakes=[(lambda: _genai_count("2025-08") - _genai_count("2024-08"),
               lambda: f"that starts from August 2024 (more than {_genai_count('2024-08')}); the "
                       "question starts on 31 March 2025."),
              (lambda: _genai_count("2025-08")
               + _genai_count("2025-08", "generative AI application registration (local)")
               - _genai_count("2025-03-31"),
               "that adds the apps registered locally (AF22), another register.")],
    hints=["Two rows of algorithm_filings: generative AI service filing, 2025-03-31 and 2025-08.",
           "Subtract the earlier count from the later one."],
    solution="538 - 346 = 192 services (rows AF21 and AF20).",
)


def _reach_words(kind: str) -> str:
    table = data.load("surveillance_evidence").set_index("evidence_id")  # S06: Carnegie's count
    return {
        "a": "Human Rights Watch's analysis documents the app's use: it reports surveillance "
             "practices.",
        "b": f"Carnegie's index finds: '{table.loc['S06', 'quote']}' Democracies are among them: "
             "it qualifies claims that AI surveillance is China's alone.",
        "c": "Amnesty's interviews document surveillance of people in Xinjiang: they report "
             "practices.",
        "d": "The New York Times reports a practice, police face recognition that looks for "
             "Uyghurs; it documents use.",
    }[kind]


r4 = ChoiceQuestion(
    LESSON, "r4", correct="b",
    options={
        "a": "Human Rights Watch's analysis of the Xinjiang police app",
        "b": "Carnegie's count: at least 75 of 176 countries use it",
        "c": "Amnesty's interviews with people who lived in Xinjiang",
        "d": "The New York Times on face scans that look for Uyghurs",
    },
    explanations=_reach_words,
    hints=["Look at the stance column of surveillance_evidence.",
           "Which rows have the stance 'qualifies the capacity or scope'?"],
    solution="b: Carnegie's index (row S06) qualifies the reach: at least 75 of 176 countries "
             "use AI surveillance.",
)

RECALL = [r1, r2, r3, r4]
