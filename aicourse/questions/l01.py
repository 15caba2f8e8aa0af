"""Lesson 01's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

import pandas as pd

from aicourse import charts, data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion

LESSON = "01"


def _target(year: int, segment: str = "core AI industry") -> float:
    t = data.load("aidp_targets")
    return float(t.loc[(t["target_year"] == year) & (t["segment"] == segment), "value_rmb_bn"].item())


def _rate(year: int) -> float:
    """The Federal Reserve's annual average for ``year`` (the series with no gap around 2017)."""
    fx = data.load("exchange_rates")
    fed = fx[fx["series"].str.startswith("Federal Reserve")]
    return float(fed.loc[fed["year"] == year, "rmb_per_usd"].item())


def _core(year: int, body: str = "MIIT") -> float:
    """The core AI industry size that ``body`` reported for ``year``."""
    size = data.load("industry_size")
    row = size[(size["year"] == year) & (size["measure"] == "core AI industry")
               & (size["body"] == body) & (size["status"] == "reported")]
    return float(row["value_rmb_bn"].item())


def _cagr(start: float, end: float, years: int) -> float:
    return (end / start) ** (1 / years) - 1


def _path_2030(start: float, rate: float, years: int = 2030 - 2022) -> float:
    """The size in 2030 of an industry that starts in 2022 at ``start`` and grows by ``rate``."""
    return start * (1 + rate) ** years


def _rate_2025_2030() -> float:
    return _cagr(_target(2025), _target(2030), 2030 - 2025)


def _core_targets() -> pd.Series:
    t = data.load("aidp_targets")
    return t[t["segment"] == "core AI industry"].set_index("target_year")["value_rmb_bn"].sort_index()


def _reported_core() -> pd.Series:
    size = data.load("industry_size")
    rows = size[(size["measure"] == "core AI industry") & (size["status"] == "reported")]
    return rows.set_index("year")["value_rmb_bn"].sort_index()


def _relabelled() -> pd.DataFrame:
    """The CAICT figure reported under two measures for one year (lesson 01's warning)."""
    size = data.load("industry_size")
    caict = size[size["body"] == "CAICT"]
    labels = caict.groupby(["year", "value_rmb_bn"])["measure"].transform("nunique")
    rows = caict[labels > 1]
    if rows.empty:
        raise ValueError("q5 asks about a CAICT figure reported under two measures; the data "
                         "hold none now: rewrite the question")
    return rows


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
                         "RMB 1,000 billion.",
                   1_000_000_000: "that looks like dollars; the answer is asked in billions of "
                                  "US dollars (divide by 1,000,000,000)."},
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

q3 = NumberQuestion(
    LESSON, "q3", unit="RMB billion",
    expected=lambda: _path_2030(_core(2022), _rate_2025_2030()),
    factor_advice={1000: "the answer is asked in RMB billion (RMB 1 trillion is RMB 1,000 "
                         "billion)."},
    mistakes=[
        (lambda: _path_2030(_core(2022), _cagr(_target(2020), _target(2025), 5)),
         "that uses the rate between the 2020 and 2025 targets. The question asks for the rate "
         "the targets imply between 2025 and 2030."),
        (lambda: _path_2030(_core(2022), _cagr(_target(2020), _target(2030), 10)),
         "that uses the rate between the 2020 and 2030 targets. The question asks for the rate "
         "the targets imply between 2025 and 2030."),
        (lambda: _path_2030(_core(2022), _rate_2025_2030(), 2030 - 2022 - 1),
         "you grew it for 7 years. From 2022 to 2030 there are 8 years of growth."),
        (lambda: _path_2030(_core(2022), _rate_2025_2030(), 2030 - 2022 + 1),
         "you grew it for 9 years. From 2022 to 2030 there are 8 years of growth."),
        (lambda: _path_2030(_core(2022, "CAICT"), _rate_2025_2030()),
         "that starts from CAICT's 2022 figure. The question starts from MIIT's (body 'MIIT')."),
    ],
    hints=[
        "Start from the core AI industry size that MIIT reported for 2022 (the row with year "
        "2022, measure 'core AI industry' and body 'MIIT').",
        "The growth rate is the one the plan's core targets imply between 2025 and 2030: "
        "(core[2030] / core[2025]) ** (1 / 5) - 1.",
        "Grow the start value for 2030 - 2022 = 8 years: start * (1 + rate) ** 8.",
    ],
)

q4 = ChartQuestion(
    LESSON, "q4", unit="RMB", scale="billion", any_order=True,
    series=lambda: {"the plan's core targets": _core_targets(),
                    "the reported core figures": _reported_core()},
    hints=[
        "Draw the targets: ax.plot(core.index, core.values). Then select the rows of sizes whose "
        "measure is 'core AI industry' and whose status is 'reported', and draw them with "
        "ax.scatter(rows['year'], rows['value_rmb_bn']).",
        "Give the chart a title, axis labels with units (RMB billion) and a source line.",
        "charts.finish(fig, ax, title=..., xlabel=..., ylabel=..., source=data.source_line(table), "
        "alt=...) adds the title, labels, source line and alt text in one call.",
    ],
)


def _relabelled_words(kind: str) -> str:
    rows = _relabelled()
    first = rows.iloc[0]
    measures = " and ".join(f"'{m}'" for m in rows["measure"].unique())
    figure = f"CAICT's figure of more than RMB {first['value_rmb_bn']:,.0f} billion for {first['year']}"
    return {
        "a": f"nothing in the rows says the figure was revised: {figure} is the same number in "
             "each row; only its label differs.",
        "b": f"the two labels name different things ({measures}), so the same number cannot "
             "measure both; the rows show one figure reported under two labels.",
        "c": f"both rows come from one body, CAICT: {figure} was reported once and relabelled.",
        "d": f"{figure} is called {measures} by different reports. A label alone does not tell "
             "you what a figure measures: check the body, the definition and the kind of figure "
             "before setting it beside the plan's core target.",
    }[kind]


q5 = ChoiceQuestion(
    LESSON, "q5", correct="d",
    options={
        "a": "CAICT revised its 2024 estimate upwards later in the same year",
        "b": "the core AI industry and the wider AI industry were the same size in 2024",
        "c": "two bodies measured the industry separately and reached the same total",
        "d": "one CAICT figure was reported under two labels by different reports",
    },
    explanations=_relabelled_words,
    hints=["Look at the body, the value and the measure of each row.",
           "Is it the same number from the same body? Then what differs?"],
)


def _dollar_words(kind: str) -> str:
    rate = _rate(2017)
    core, related = _target(2030), _target(2030, "AI-related industries")
    return {
        "a": f"RMB {core:,.0f} billion at the 2017 rate ({rate:g} per dollar) is USD "
             f"{core / rate:,.0f} billion, close to 150. The figure leaves out that the target is "
             "in renminbi, that it covers only the core industry, and that the plan sets a far "
             "larger target for related industries.",
        "b": f"the related-industries target for 2030, RMB {related:,.0f} billion, converts to "
             f"about USD {related / rate:,.0f} billion, ten times more.",
        "c": f"the 2020 core target was RMB {_target(2020):,.0f} billion: the same digits, but "
             "renminbi, not dollars.",
        "d": "the dollar figure comes from the plan's target, not from a reported size.",
    }[kind]


q6 = ChoiceQuestion(
    LESSON, "q6", correct="a",
    options={
        "a": "the 2030 target for the core AI industry, converted at 2017 exchange rates",
        "b": "the 2030 target for AI-related industries, converted at the 2017 exchange rate",
        "c": "the 2020 target for the core AI industry, read as dollars, not renminbi",
        "d": "the size the core AI industry was reported to have reached by 2024",
    },
    explanations=_dollar_words,
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



# --- the plan's own words (issue 12): how translations render 主要 -----------------------------

def _goals_2030() -> pd.DataFrame:
    goals = data.load("aidp_goals")
    return goals[goals["target_year"] == 2030]


def _publishers(rendering: str) -> str:
    """Who renders 主要 in the 2030 step as ``rendering`` (from aidp_goals)."""
    rows = _goals_2030()
    names = list(dict.fromkeys(rows.loc[rows["renders_zhuyao"] == rendering, "publisher"]))
    if not names:
        raise ValueError(f"q8 quotes the rendering {rendering!r}, which aidp_goals no longer holds")
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


#: The option letter of each rendering of 世界主要 (renders_zhuyao in aidp_goals).
RENDERINGS = {"a": "the world's primary", "b": "a major", "c": "one of the major", "d": "a global"}


def _rendering_words(kind: str) -> str:
    who = _publishers(RENDERINGS[kind])
    return {
        "a": f"'the world's primary' ({who}) names China as the leading centre, and the same "
             "sentence says its AI is to reach 'world-leading levels' overall: on this reading "
             "C02 holds as worded (supported).",
        "b": f"'a major' ({who}) makes China one leading centre among several: on this reading "
             "the plan aims at a place among the leaders, and C02, 'the world's leading AI "
             "centre', says more than the plan (not supported as worded).",
        "c": f"'one of the major' ({who}) makes the plan aim at a place among the leading "
             "centres, so C02 says more than the plan on this reading (not supported as "
             "worded).",
        "d": f"'a global' ({who}) is the wording of the official English summary, which also "
             "leaves out 总体达到世界领先水平 ('world-leading levels overall'): C02 would not be "
             "supported on it, but the summary says less than the Chinese text.",
    }[kind]


q8 = ChoiceQuestion(
    LESSON, "q8", correct="a",
    options={
        "a": "the world's primary AI innovation center",
        "b": "a major AI innovation center in the world",
        "c": "one of the major AI innovation centres",
        "d": "a global innovation center in this field",
    },
    explanations=_rendering_words,
    hints=["Look at the renders_zhuyao column of the 2030 rows of aidp_goals.",
           "Claim C02 says 'the world's leading AI centre'. Which rendering names one centre, "
           "not one among several?"],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]


# --- check your understanding (asked in the lesson itself) --------------------------------------

def _summary_2030() -> pd.Series:
    rows = _goals_2030()
    return rows[rows["version"] == "official English summary"].squeeze()


def _left_out_words(kind: str) -> str:
    summary = _summary_2030()
    lingxian = ("leaves out 世界领先水平 (world-leading levels)"
                if summary["renders_lingxian"] == "not rendered"
                else f"renders 世界领先水平 as '{summary['renders_lingxian']}'")
    said = (f"The official English summary says '{summary['text']}': it renders 世界主要 as "
            f"'{summary['renders_zhuyao']}' and {lingxian}.")
    return {
        "a": "智能经济、智能社会 is in the Chinese text and is not the phrase in question. " + said,
        "b": "创新中心 is in the summary ('innovation center'). " + said,
        "c": said + " The Chinese text says 总体达到世界领先水平: 'world-leading levels' overall.",
        "d": "the summary keeps the year of the step. " + said,
    }[kind]


r1 = ChoiceQuestion(
    LESSON, "r1", correct="c",
    options={
        "a": "智能经济、智能社会 (intelligent economy, society)",
        "b": "创新中心 (innovation centre)",
        "c": "世界领先水平 (world-leading levels)",
        "d": "到2030年 (by the year 2030)",
    },
    explanations=_left_out_words,
    hints=["Compare the Chinese text of the 2030 step with the official English summary in "
           "aidp_goals.",
           "Look at the renders_lingxian column of the summary's row: which phrase does it not "
           "render?"],
    solution='r1.check("c")   # 世界领先水平 (world-leading levels) is not in the summary',
)


def _first_core_year() -> int:
    """First year a reported 'core AI industry' figure meets the 2025 target (a floor equal to
    the target counts, as in the lesson)."""
    size = data.load("industry_size")
    core = size[(size["measure"] == "core AI industry") & (size["status"] == "reported")]
    target = _target(2025)
    meets = (core["value_rmb_bn"] > target) | (
        (core["value_rmb_bn"] == target) & (core["qualifier"] == "more than"))
    return int(core.loc[meets, "year"].min())


YEAR_OPTIONS = {"a": "2019", "b": "2021", "c": "2022", "d": "not yet, by 2025"}


def _first_year_key() -> str:
    year = str(_first_core_year())
    keys = [k for k, text in YEAR_OPTIONS.items() if text == year]
    if not keys:
        raise ValueError(f"r2's options no longer hold the first year, {year}: rewrite them")
    return keys[0]


def _first_year_words(kind: str) -> str:
    year, target = _first_core_year(), _target(2025)
    size = data.load("industry_size")
    row = size[(size["year"] == year) & (size["measure"] == "core AI industry")]
    bodies = " and ".join(dict.fromkeys(row["body"]))
    told = (f"{bodies} put the core AI industry at more than RMB {charts.num(target)} billion for "
            f"{year}, the first reported figure to reach the 2025 target.")
    return told if kind == _first_year_key() else f"'{YEAR_OPTIONS[kind]}' does not fit: {told}"


r2 = ChoiceQuestion(
    LESSON, "r2", correct=_first_year_key, options=YEAR_OPTIONS,
    explanations=_first_year_words,
    hints=["Look at the rows of industry_size whose measure is 'core AI industry'.",
           "The lesson's chart of reported sizes says it in its subtitle."],
    solution=lambda: f'r2.check("{_first_year_key()}")   # {_first_core_year()}',
)

r3 = ChoiceQuestion(
    LESSON, "r3", correct="d",
    options={
        "a": "a curve that bends upwards",
        "b": "a curve that flattens out",
        "c": "a horizontal line",
        "d": "a straight line going up",
    },
    explanations={
        "a": "that is how constant growth looks on an ordinary (linear) axis. On a logarithmic "
             "axis equal steps mean equal ratios, so the same growth rate every year climbs by "
             "the same step every year.",
        "b": "a curve that flattens out on a logarithmic axis means the growth rate is falling.",
        "c": "a horizontal line means no growth at all.",
        "d": "growing by the same percentage multiplies the value by the same factor every year, "
             "and on a logarithmic axis each multiplication by the same factor is the same step "
             "up: a straight line.",
    },
    hints=["On a logarithmic axis, 10 to 100 is as far as 100 to 1,000.",
           "Growing 20 % a year multiplies the value by 1.2 every year: how far up does each "
           "year move it on that axis?"],
    solution='r3.check("d")   # a straight line going up',
)

RECALL = [r1, r2, r3]
