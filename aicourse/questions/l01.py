"""Lesson 01's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

from aicourse import data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion
from aicourse.views.l01 import year_reached

LESSON = "01"


def _target(year: int, segment: str = "core AI industry") -> float:
    t = data.load("aidp_targets")
    return float(t.loc[(t["target_year"] == year) & (t["segment"] == segment), "value_rmb_bn"].item())


def _rate(year: int) -> float:
    """The Federal Reserve's annual average for ``year`` (the series with no gap around 2017)."""
    fx = data.load("exchange_rates")
    fed = fx[fx["series"].str.startswith("Federal Reserve")]
    return float(fed.loc[fed["year"] == year, "rmb_per_usd"].item())


def _miit_core(year: int) -> float:
    """The core AI industry size that MIIT reported for ``year``."""
    size = data.load("industry_size")
    row = size[(size["year"] == year) & (size["measure"] == "core AI industry")
               & (size["body"] == "MIIT")]
    return float(row["value_rmb_bn"].item())


def _cagr(start: float, end: float, years: int) -> float:
    return (end / start) ** (1 / years) - 1


q1 = NumberQuestion(
    LESSON, "q1", unit="a fraction per year, 0.05 for 5 %",
    expected=lambda: _cagr(_target(2020), _target(2030), 2030 - 2020),
    factor_advice={100: "give the rate as a fraction (0.05 for 5 %), not as a percentage."},
    mistakes=[
        (lambda: (_target(2030) / _target(2020) - 1) / (2030 - 2020),
         "that is the simple average growth (total growth divided by the years). Growth "
         "compounds: use (end / start) ** (1 / years) - 1."),
        (lambda: _cagr(_target(2020), _target(2030), 2030 - 2020 + 1),
         "you counted 11 years. From 2020 to 2030 there are 10 years of growth."),
        (lambda: _target(2030) / _target(2020),
         "that is how many times larger the 2030 target is (the growth factor over the whole "
         "decade), not the growth rate per year."),
    ],
    hints=[
        "Take the core AI industry targets for 2020 and 2030 from the targets table.",
        "A constant yearly rate r turns start into end after n years when "
        "start * (1 + r) ** n == end. Solve for r.",
        "r = (end / start) ** (1 / n) - 1, with n = 2030 - 2020.",
    ],
)

q2 = NumberQuestion(
    LESSON, "q2", unit="USD billion",
    expected=lambda: _target(2030) / _rate(2017),
    factor_advice={1000: "the answer is asked in billions of US dollars; RMB 1 trillion is "
                         "RMB 1,000 billion."},
    mistakes=[
        (lambda: _target(2030) * _rate(2017),
         "you multiplied by the exchange rate. The rate is renminbi per US dollar, so dividing "
         "renminbi by it gives dollars."),
        (lambda: _target(2030, "AI-related industries") / _rate(2017),
         "that converts the target for AI-related industries. The question asks for the core "
         "AI industry."),
    ],
    hints=[
        "Find the 2030 target for the core AI industry and the 2017 exchange rate.",
        "The rate says how many renminbi one US dollar buys. How do you turn RMB into USD?",
        "Divide the target in RMB billion by the RMB-per-USD rate for 2017.",
    ],
)


def _q3_expected() -> int:
    rate = _cagr(_target(2025), _target(2030), 2030 - 2025)
    return year_reached(2022, _miit_core(2022), rate, _target(2030))


q3 = NumberQuestion(
    LESSON, "q3", unit="year", integer=True, expected=_q3_expected,
    hints=[
        "Start from the core AI industry size that MIIT reported for 2022 (the row with year "
        "2022, measure 'core AI industry' and body 'MIIT').",
        "The growth rate is the one the plan's core targets imply between 2025 and 2030: "
        "(target_2030 / target_2025) ** (1 / 5) - 1.",
        "Multiply by (1 + rate) one year at a time (a loop), or use year_reached(start_year, "
        "start_value, rate, target), and take the first year at or above the target.",
    ],
)

q4 = ChartQuestion(
    LESSON, "q4", unit_words=["RMB", "yuan", "renminbi"],
    series=lambda: list(data.load("aidp_targets").query("segment == 'core AI industry'")
                        .sort_values("target_year")["value_rmb_bn"]),
    hints=[
        "Select the core AI industry rows of the targets table and plot value_rmb_bn against "
        "target_year with ax.plot.",
        "Add the reported sizes with ax.scatter, then title, axis labels with units "
        "(RMB billion) and a source line.",
        "charts.finish(fig, ax, title=..., xlabel=..., ylabel=..., source=data.source_line(table), "
        "alt=...) adds the title, labels, source line and alt text in one call.",
    ],
)

q5 = ChoiceQuestion(
    LESSON, "q5", correct="b",
    options={
        "a": "the 2024 figure for the 'AI industry' (CAICT)",
        "b": "the 2023 figure for the 'core AI industry'",
        "c": "the 2017 estimate by iiMedia",
        "d": "none: no reported figure can be set beside the targets",
    },
    explanations={
        "a": "the 2024 figure measures the 'AI industry', which is not the same thing as the "
             "plan's 'core AI industry'; setting it beside a core target mixes definitions.",
        "b": "it uses the plan's own term, 'core AI industry'. Even so, say that it was reported, "
             "not audited, and that the boundary of 'core' is drawn by the reporting body.",
        "c": "it is an estimate by a private research firm, of the 'AI industry', for a year "
             "before the targets; it is a baseline, not a comparison with a target.",
        "d": "one figure does use the plan's own term; it can be compared, with caveats.",
    },
    hints=["Look at the measure column of the industry-size table and at the segment column of "
           "the targets table.",
           "A fair comparison needs the same definition on both sides."],
)

q6 = ChoiceQuestion(
    LESSON, "q6", correct="b",
    options={
        "a": "the 2030 target for AI-related industries, converted to dollars",
        "b": "the 2030 target for the core AI industry, converted at 2017 exchange rates",
        "c": "the 2020 target for the core AI industry",
        "d": "the size the industry actually reached by 2024",
    },
    explanations={
        "a": "the related-industries target for 2030 is about ten times larger.",
        "b": "RMB 1 trillion at the 2017 rate is close to USD 150 billion. The figure leaves out "
             "that the target is in renminbi, that it covers only the core industry, and that "
             "the plan sets a far larger target for related industries.",
        "c": "the 2020 core target was RMB 150 billion: the same digits, but renminbi, not dollars.",
        "d": "the dollar figure comes from the plan's target, not from a reported size.",
    },
    hints=["Convert each option to US dollars with the 2017 rate and compare with 150.",
           "Which target is RMB 1,000 billion?"],
)

q7 = TextQuestion(
    LESSON, "q7", min_words=60,
    points=[
        "states what the reported figures show against the core targets",
        "notes that definitions differ between bodies and years ('core AI industry' or 'AI "
        "industry')",
        "notes who reports the figures and that they are not independently audited",
        "weighs both views before concluding, and says what evidence would settle it",
    ],
    hints=["Use the industry-size table: which figures use the plan's own term?",
           "One view: the reported core figures passed the 2025 target early. The other: the "
           "figures come from bodies tied to the government, with definitions that move. What "
           "does each view rest on?"],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7]
