"""Lesson 05's exercise questions (QUESTIONS) and the retrieval questions of its "Check your
understanding" (RECALL). Expected answers are computed from data/, never typed in."""

from __future__ import annotations

import pandas as pd

from aicourse import data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion

LESSON = "05"
BASED = "China-based IC production share of China IC market"
HQ = "China-headquartered firms' IC production share of China IC market"


def _share(measure: str, edition: str, year: int) -> float:
    shares = data.load("ic_self_sufficiency")
    row = shares[(shares["measure"] == measure) & (shares["edition"] == edition)
                 & (shares["year"] == year)]
    return float(row["value_percent"].item())


def _pace(edition: str) -> tuple[float, float, int]:
    """First and last reported share of the China-based measure in one edition, and the years between."""
    shares = data.load("ic_self_sufficiency")
    rows = shares[(shares["measure"] == BASED) & (shares["edition"] == edition)
                  & (shares["status"] == "reported")].sort_values("year")
    first, last = rows.iloc[0], rows.iloc[-1]
    return float(first["value_percent"]), float(last["value_percent"]), int(last["year"] - first["year"])


def _points_a_year(edition: str) -> float:
    first, last, years = _pace(edition)
    return (last - first) / years


def _spliced() -> float:
    """The mistake of joining editions: IC Insights 2021's 2010 figure to TechInsights' 2022 figure."""
    return (_share(BASED, "TechInsights 2023", 2022) - _share(BASED, "IC Insights 2021", 2010)) / 12


def _hq_part(edition: str, year: int) -> float:
    """Percent of the chips made in China that China-headquartered firms made."""
    return 100 * _share(HQ, edition, year) / _share(BASED, edition, year)


def _chip_rows():
    trade = data.load("trade")
    rows = trade[(trade["product"] == "integrated circuits") & (trade["measure"] == "import quantity")]
    return rows.sort_values("year")


def _chip_counts():
    return _chip_rows().set_index("year")["value"]


def _weak_years() -> str:
    """The years of the chip counts whose sources the course rates weak, in words."""
    quality = data.sources().set_index("source_id")["quality"]
    rows = _chip_rows()
    years = [str(y) for y in rows.loc[rows["source_id"].map(quality) == "weak", "year"]]
    return " and ".join([", ".join(years[:-1]), years[-1]] if len(years) > 1 else years) or "none"


q1 = NumberQuestion(
    LESSON, "q1", unit="percentage points a year",
    expected=lambda: _points_a_year("IC Insights 2022"),
    mistakes=[(lambda: _pace("IC Insights 2022")[1] - _pace("IC Insights 2022")[0],
               "that is the change over the whole period. Divide it by the number of years "
               "between the two estimates."),
              (lambda: 100 * ((_pace("IC Insights 2022")[1] / _pace("IC Insights 2022")[0])
                              ** (1 / _pace("IC Insights 2022")[2]) - 1),
               "that is a percentage growth rate of the share. The question asks for the change "
               "in percentage points: subtract the shares, then divide by the years."),
              (lambda: _points_a_year("IC Insights 2021"),
               "that is the IC Insights 2021 edition (the lesson's example). Use the 2022 edition, "
               "which covers 2011 to 2021."),
              (_spliced,
               "that joins two editions (2010 from IC Insights 2021, 2022 from TechInsights). "
               "Each edition revises the market; use the first and last estimates of one edition.")],
    hints=["Select the rows of the China-based share in the 'IC Insights 2022' edition with status "
           "'reported': one for 2011 and one for 2021.",
           "Pace = (share in 2021 − share in 2011) ÷ (2021 − 2011), in percentage points a year."],
)

q2 = NumberQuestion(
    LESSON, "q2", unit="percent of the chips made in China",
    expected=lambda: _hq_part("IC Insights 2020", 2019),
    factor_advice={100: "give the answer in percent (multiply the fraction by 100)."},
    mistakes=[(lambda: _share(HQ, "IC Insights 2020", 2019),
               "that is the China-headquartered firms' share of the whole market. The question asks "
               "for their part of the chips made in China: divide it by the China-based share."),
              (lambda: 100 * _share(BASED, "IC Insights 2020", 2019) / _share(HQ, "IC Insights 2020", 2019),
               "that is the China-based share divided by the China-HQ share; divide the other way "
               "round."),
              (lambda: _hq_part("IC Insights 2022", 2021),
               "that is 2021 (the lesson's example). The question asks for 2019, in the IC Insights "
               "2020 edition.")],
    hints=["Take the two 2019 shares from the 'IC Insights 2020' edition: chips made in China by any "
           "firm, and by China-headquartered firms.",
           "Both are percentages of the same market, so their ratio (times 100) is the China-HQ "
           "firms' part of the chips made in China."],
)

q3 = ChartQuestion(
    LESSON, "q3", unit="chips", scale="billion",
    series=_chip_counts,
    must_say=[(("weak",), lambda: f"it does not say that the counts for {_weak_years()} rest on "
               "weak sources (in the title, a note or the alt text)")],
    hints=["Select the rows where product is 'integrated circuits' and measure is 'import "
           "quantity', sorted by year, and plot value against year.",
           "Label the y-axis with the unit (billion units), give a title, add the source line "
           "with charts.finish(..., source=data.source_line(table), ...), and say in the title "
           "or the alt text which years rest on weak sources."],
)


def _market_words(kind: str) -> str:
    made_in_china = _share(BASED, "IC Insights 2020", 2019)
    return {
        "a": "a market cannot use more chips than it buys; the gap shows that the two figures "
             "measure different things, not that one is wrong.",
        "b": "the import bill includes chips that pass through China; how many leave again inside "
             "finished goods, the course's sources do not measure (one weak source says many).",
        "c": "both figures are in US dollars.",
        "d": f"production in China was {made_in_china:g}% of the market in 2019 (IC Insights "
             "2020), far below the import bill.",
    }[kind]


q4 = ChoiceQuestion(
    LESSON, "q4", correct="b",
    options={
        "a": "China used more chips than its whole market, so the market estimate is wrong",
        "b": "customs counts every chip that enters, even those that leave again in goods",
        "c": "the import bill is in renminbi, while the market estimate is in US dollars",
        "d": "China's own chip production is larger than its imports, and fills the gap",
    },
    explanations=_market_words,
    hints=["Check the unit of both figures first.",
           "What happens to a chip that goes into a phone assembled in China and sold abroad? "
           "Does customs count it?"],
)


def _smic_words(kind: str) -> str:
    controls = data.load("export_controls")
    listing = controls[controls["targets"].str.startswith("SMIC")
                       & controls["measure"].str.contains("Entity List")].iloc[0]
    teardown = controls[controls["targets"].str.contains("7 nm")].iloc[0]
    listed = f"{listing['date'].day} {listing['date']:%B %Y}"
    return {
        "a": "the data show one chip found in one phone; they hold nothing on volume, yield or "
             "cost, so they cannot show that the controls failed.",
        "b": f"SMIC was added to the Entity List on {listed} (the row for that date).",
        "c": "TechInsights calls it a made-in-China design and manufacturing milestone.",
        "d": f"TechInsights found SMIC's 7 nm process in a phone chip in {teardown['date']:%B %Y}, "
             f"after SMIC was put on the Entity List ({listed}): progress under the controls, "
             "of unknown scale.",
    }[kind]


q5 = ChoiceQuestion(
    LESSON, "q5", correct="d",
    options={
        "a": "the export controls failed: China now makes leading chips in volume",
        "b": "SMIC was never on the US Entity List, so the controls did not apply",
        "c": "TechInsights found that the chip in the phone was made abroad",
        "d": "a Chinese firm made 7 nm chips under the controls, in unknown numbers",
    },
    explanations=_smic_words,
    hints=["Read the SMIC row and its note, then the row for December 2020.",
           "What does the table say about how many chips, and at what cost?"],
)

q6 = TextQuestion(
    LESSON, "q6", min_words=60,
    points=[
        "weighs the two views of the controls by their argument: a targeted security measure "
        "that slows frontier AI (BIS and Jake Sullivan on the aim; DeepSeek's founder on the "
        "effect), and a broad measure that costs its authors and speeds substitution (Nvidia's "
        "Jensen Huang, the SIA and ITIF; China's Ministry of Commerce)",
        "names one voice for each view from the voices table, with its source_id",
        "uses figures from the lesson: import bill, exports, share made in China, Chinese firms' "
        "share",
        "brings in the timeline: from single firms to whole technologies, EUV and SMIC's 7 nm, "
        "and China's responses",
        "says what the data cannot show (re-exports, SMIC's scale, other causes of change)",
    ],
    hints=["Which parts of the claim do the imports, the shares and the timeline support?",
           "Look up the lesson's voices with data.voice_list(\"05\"): which argument does each "
           "make, and which of the lesson's data could test it?"],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]


# --- retrieval: the lesson's "Check your understanding" ------------------------------------------

def _made_in_china_words(kind: str) -> str:
    edition, year = "IC Insights 2022", 2021
    any_firm, chinese = _share(BASED, edition, year), _share(HQ, edition, year)
    return {
        "a": f"that is the narrower measure: by the {edition} edition, China-headquartered firms "
             f"made {chinese:g}% of the market in {year}.",
        "b": f"fabs of foreign firms in China count too: by the {edition} edition, {any_firm:g}% "
             f"of the market in {year} was made in China, only {chinese:g}% by "
             "China-headquartered firms.",
        "c": "the measure counts where a chip is made (in China), not who owns the maker.",
        "d": "the measure says nothing about ownership by the state; it counts chips made in China "
             "by any firm.",
    }[kind]


r1 = ChoiceQuestion(
    LESSON, "r1", correct="b",
    options={
        "a": "only firms that have their headquarters in China",
        "b": "any firm with a fab in China, foreign ones too",
        "c": "Chinese firms, wherever in the world their fabs are",
        "d": "only firms that the Chinese state owns or controls",
    },
    explanations=_made_in_china_words,
    hints=["The lesson names TSMC, SK Hynix and Samsung in this measure.",
           "Compare the two measures of the same edition: which one is larger, and why?"],
    solution="b: any firm with a fab in China, foreign ones too (TSMC, SK Hynix and Samsung "
             "count). The narrower measure counts China-headquartered firms only.",
)


def _euv_words(kind: str) -> str:
    sources = data.sources().set_index("source_id")
    publisher = sources.loc["l05_dcd_asml_euv", "publisher"]
    return {
        "a": "TSMC makes chips; it buys the machines that print them.",
        "b": "SMIC makes chips; it made its 7 nm chip without EUV machines.",
        "c": f"ASML is the only maker of EUV machines ({publisher}, l05_dcd_asml_euv), and it "
             "has never sold one to a Chinese firm.",
        "d": "Nvidia designs chips and has them made by others.",
    }[kind]


r2 = ChoiceQuestion(
    LESSON, "r2", correct="c",
    options={
        "a": "TSMC, a chipmaker in Taiwan",
        "b": "SMIC, a chipmaker in Shanghai",
        "c": "ASML, in the Netherlands",
        "d": "Nvidia, a chip designer in California",
    },
    explanations=_euv_words,
    hints=["The machines print chips; which of these firms makes machines rather than chips?",
           "Read the paragraph 'Why EUV matters' again: whose export rules cover the machines?"],
    solution="c: ASML, in the Netherlands, the only maker of EUV machines.",
)


def _voice(voice_id: str) -> str:
    voices = data.load("voices").set_index("voice_id")
    row = voices.loc[voice_id]
    english = row["quote"] if pd.isna(row["quote_en"]) else row["quote_en"]
    return f"{row['speaker']} ({row['date']}): “{english}”"


def _cost_words(kind: str) -> str:
    both = f"{_voice('V032')}; {_voice('V036')}"
    return {
        "a": f"both say the controls hurt the country that imposes them. {both}",
        "b": "that is the reason BIS gives (View A); neither Huang nor the Ministry of Commerce "
             "argues it.",
        "c": "neither says so; Huang says the controls speed China's own development.",
        "d": "the lesson's timeline shows China suspending some measures in November 2025, not "
             "the US controls being lifted.",
    }[kind]


r3 = ChoiceQuestion(
    LESSON, "r3", correct="a",
    options={
        "a": "the controls cost the firms of the country imposing them",
        "b": "the controls are aimed only at chips for military end uses",
        "c": "the controls have already halted China's progress in AI chips",
        "d": "the controls were all lifted after the trade talks of 2025",
    },
    explanations=_cost_words,
    hints=["Read the quotes under View B in the discussion.",
           "Who, in each quote, loses from the controls?"],
    solution="a: the controls cost the firms of the country imposing them (Huang: 'it hurts us "
             "more'; the Ministry of Commerce: they harm 'the legitimate commercial interests of "
             "US exporters').",
)

RECALL = [r1, r2, r3]
