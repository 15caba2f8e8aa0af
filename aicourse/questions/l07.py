"""Lesson 07's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

from aicourse import data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion
from aicourse.logic.l07 import END_YEAR, start_values

LESSON = "07"


def _models(edition: int = 2025) -> tuple[float, float, int]:
    """Notable AI models, China and US, and the years from the edition's year to 2030."""
    row = start_values(edition).set_index("key").loc["models"]
    return float(row["China"]), float(row["United States"]), END_YEAR - int(row["year"])


def _tie(edition: int = 2025, extra_years: int = 0) -> float:
    """China's yearly growth (a fraction) that draws level with a flat US count in 2030."""
    china, us, years = _models(edition)
    return (us / china) ** (1 / (years + extra_years)) - 1


def _initiatives():
    return data.load("global_initiatives")


def _proposed_rows():
    """The rows of initiatives China itself proposed or issued."""
    t = _initiatives()
    return t[t["china_role"].isin(["proposed", "issued"])]


def _per_year(distinct: bool = True):
    """Initiatives per year (each counted once unless ``distinct`` is False), in year order."""
    t = _initiatives()
    if distinct:
        t = t.drop_duplicates("initiative")
    return t["date"].str[:4].astype(int).value_counts().sort_index()


q1 = NumberQuestion(
    LESSON, "q1", unit="a fraction per year, 0.05 for 5 %",
    expected=lambda: _tie(2025),
    factor_advice={100: "give the rate as a fraction (0.05 for 5 %), not as a percentage."},
    mistakes=[
        (lambda: _tie(2025, extra_years=1),
         "you counted one year too many. The 2025 edition's count is for 2024; from 2024 to "
         "2030 there are 6 years of growth."),
        (lambda: _tie(2024),
         "that starts from the 2024 edition's counts (for 2023). The question asks for the 2025 "
         "edition."),
        (lambda: (_models()[1] / _models()[0] - 1) / _models()[2],
         "that is the simple average (total growth divided by the years). Growth compounds: "
         "use (end / start) ** (1 / years) - 1."),
        (lambda: (_models()[0] / _models()[1]) ** (1 / _models()[2]) - 1,
         "that divides China's count by the US count, a shrinking path. China has to grow from "
         "its own count to the US count: (US / China) ** (1 / years) - 1."),
        (lambda: _models()[1] / _models()[0],
         "that is how many times the US count is China's (the growth factor over all the "
         "years), not a rate per year."),
    ],
    hints=["Take the notable AI models of China and the United States from the 2025 edition "
           "(views.start_values(2025) or the notable_models table); the count is for 2024.",
           "China must grow from its count to the US count in 2030 - 2024 years. A constant rate "
           "r does that when china * (1 + r) ** years == us. Solve for r."],
)

q2 = NumberQuestion(
    LESSON, "q2", unit="initiatives", integer=True,
    expected=lambda: _proposed_rows()["initiative"].nunique(),
    mistakes=[(lambda: len(_proposed_rows()),
               "that counts rows. One initiative has two rows, because two sources add "
               "something: count each initiative once."),
              (lambda: _initiatives()["initiative"].nunique(),
               "that counts every initiative in the table. Keep only those China proposed or "
               "issued (china_role is 'proposed' or 'issued').")],
    hints=["Select the rows where china_role is 'proposed' or 'issued' (.isin([...])).",
           "Some initiatives have two rows (two sources). Count distinct initiatives with "
           ".nunique() or drop_duplicates('initiative')."],
)

q3 = ChartQuestion(
    LESSON, "q3", unit=("initiatives", "number"),
    series=_per_year,
    mistakes=[(lambda: _per_year(distinct=False),
               "it counts rows, not initiatives: where two sources give different dates, one "
               "initiative has two rows. Drop repeated initiatives first "
               "(drop_duplicates('initiative')).")],
    hints=["Drop repeated initiatives first (drop_duplicates('initiative')), then take the year "
           "from the date text: table['date'].str[:4].",
           "Count the rows per year (value_counts().sort_index()) and draw them with ax.bar; "
           "label the y-axis with what is counted and add a source line with charts.finish."],
)


def _standards_words(kind: str) -> str:
    t = _initiatives()
    rows = t[t["kind"] == "standards"].sort_values("date").drop_duplicates("initiative")
    when = "; ".join(f"{r.date[:4]}: {r.initiative}" for r in rows.itertuples())
    return {
        "a": "no row records a standard adopted by another country or a standards body; the "
             "table records what China issued, proposed, signed or attended.",
        "b": "2035 is the horizon of the strategy, not a completion date; the data say nothing "
             "about completed standards.",
        "c": f"the 'standards' rows ({when}) are both domestic; the data cannot show "
             "adoption abroad.",
        "d": "the outline was issued by the Party's Central Committee and the State Council; "
             "no country signs it.",
    }[kind]


q4 = ChoiceQuestion(
    LESSON, "q4", correct="c",
    options={
        "a": "that many countries have adopted Chinese AI standards since 2021",
        "b": "that the standards planned for 2035 are already complete and in use",
        "c": "that China issued a national standards strategy; nothing on its use abroad",
        "d": "that the United States and the EU both signed China's national standards outline",
    },
    explanations=_standards_words,
    hints=["Select the rows whose kind is 'standards' and read actor, china_role and "
           "description.",
           "Does any row record what another country did with a Chinese standard?"],
)

q5 = ChoiceQuestion(
    LESSON, "q5", correct="b",
    options={
        "a": "it rises towards 100%, so China catches up with the United States",
        "b": "it stays the same, though the absolute gap between them widens",
        "c": "it falls, because the larger US value gains more each year",
        "d": "it cannot be computed without a forecast for both countries",
    },
    explanations={
        "a": "with the same rate both values are multiplied by the same factor, so their ratio "
             "does not move.",
        "b": "both values are multiplied by (1 + r) ** years, which cancels in the ratio; the "
             "difference between them grows with the common factor (when the rate is above 0).",
        "c": "a larger start value grows by more in absolute terms, but the ratio stays the same.",
        "d": "a scenario needs no forecast: it follows from the stated rates.",
    },
    hints=["Write China's 2030 value as china * (1 + r) ** n and the US value as "
           "us * (1 + r) ** n. Divide one by the other.",
           "Try it in the widget: give both countries the same rate on one measure."],
)

q6 = TextQuestion(
    LESSON, "q6", min_words=60,
    points=[
        "names evidence for China shaping governance and standards (strategy, proposals, the "
        "UN resolution it led, signatures) and who reports it",
        "names evidence that its influence is limited or contested (no record of adoption, the "
        "US-led resolution, Paris, export controls, US lead on money and models)",
        "separates what the records show (who proposed or signed what) from what they cannot "
        "show (adoption, effects)",
        "says what further evidence would settle the question",
    ],
    hints=["Which rows of global_initiatives did China propose, and which did others lead?",
           "What would you need to know to say a standard or a proposal 'shaped' anything?"],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]


# --- check your understanding (asked in the lesson notebook) --------------------------------------

def _arena(edition: int = 2025) -> tuple[float, float, int]:
    """The Chatbot Arena scores of the top Chinese and US models in one edition, and the year."""
    row = start_values(edition).set_index("key").loc["arena"]
    return float(row["China"]), float(row["United States"]), int(row["year"])


def _arena_words(key: str) -> str:
    china, us, year = _arena()
    gap = 100 * (us - china) / china
    return {
        "a": f"on a rating only differences mean something: in the 2025 edition the top US model "
             f"scored {us:,.0f} and the top Chinese model {china:,.0f} ({year}), a lead the AI "
             f"Index states as {gap:.1f}% of the lower score. 'Growing' a rating by a percentage "
             "a year has no meaning, so the scenario compares it but does not grow it.",
        "b": f"it does: {china:,.0f} for China's top model and {us:,.0f} for the US model "
             f"({year}). The reason lies in what kind of number an Arena score is.",
        "c": f"the US model leads in the 2025 edition: {us:,.0f} against {china:,.0f}.",
        "d": "the scores are public and the AI Index prints both of them beside the gap.",
    }[key]


r1 = ChoiceQuestion(
    LESSON, "r1", correct="a",
    options={
        "a": "it is a rating: only the difference between two scores means something",
        "b": "the 2025 edition gives no Arena score for China's top model",
        "c": "China's model already leads on the Arena, so it needs no scenario",
        "d": "Arena scores are secret and the AI Index reports only the gap",
    },
    explanations=_arena_words,
    hints=["Look at the note under the scenario widget, and at the who-leads table.",
           "Could you say that a chess rating of 2,000 is 'twice as good' as one of 1,000?"],
    solution="a: the Arena score is a rating, on which only the difference between two scores "
             "means something, so a growth rate in percent a year has no meaning for it.",
)

r2 = ChoiceQuestion(
    LESSON, "r2", correct="d",
    options={
        "a": "a growth rate for China and one for the United States",
        "b": "that China keeps growing at its rate of recent years",
        "c": "that the two countries are level in the start year",
        "d": "a growth rate for the United States only",
    },
    explanations={
        "a": "the tie rate is the rate China would need: you assume only the US rate and solve "
             "for China's.",
        "b": "no past rate enters the formula: tie = (1 + r_us) × (US / China) ** (1 / years) - 1.",
        "c": "they start at different values; the tie rate says how fast China must grow to "
             "close that difference by 2030.",
        "d": "the formula takes the two start values, the years to 2030 and the US rate; China's "
             "rate is what it computes.",
    },
    hints=["Read the derivation of the tie rate: which letters are known, and which one is "
           "solved for?",
           "tie = (1 + r_us) × (US / China) ** (1 / years) - 1: which rate appears on the right?"],
    solution="d: only the US growth rate (with the two start values and the years to 2030); the "
             "tie rate is China's rate that this assumption implies.",
)

RECALL = [r1, r2]
