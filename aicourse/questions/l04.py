"""Lesson 04's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

from aicourse import charts, data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion
from aicourse.logic.l04 import base_stations, population

LESSON = "04"


def _station_target() -> float:
    g = data.load("five_g")
    return float(g.loc[(g["indicator"] == "5g_base_stations") & (g["status"] == "target"),
                       "value"].item())


def _november_2025() -> float:
    g = data.load("five_g")
    return float(g.loc[(g["indicator"] == "5g_base_stations") & (g["period"] == "2025-11"),
                       "value"].item())


def _per_person(year: int, station_year: int | None = None) -> float:
    """Stations per person: the count at the end of ``station_year`` over the population."""
    return float(base_stations()[station_year or year] / (population()[year] * 1e6))


def _payments(indicator: str, year: int) -> float:
    p = data.load("payments")
    return float(p.loc[(p["indicator"] == indicator) & (p["period"] == str(year)), "value"].item())


def _cagr(start: float, end: float, years: int) -> float:
    return (end / start) ** (1 / years) - 1


def _bank_growth(indicator: str = "bank_mobile_payments_transactions", years: int = 4) -> float:
    return _cagr(_payments(indicator, 2016), _payments(indicator, 2020), years)


q1 = NumberQuestion(
    LESSON, "q1", unit="times", sig_figs=4, rel_tol=0.0005,  # the November count is 0.2 % away
    expected=lambda: base_stations()[2025] / _station_target(),
    factor_advice={100: "give a ratio (1.5 for one and a half times), not a percentage."},
    mistakes=[
        (lambda: _station_target() / base_stations()[2025],
         "that is the target divided by the count; the question asks how many times the target "
         "the count was, so divide the count by the target."),
        (lambda: base_stations()[2025] / _station_target() - 1,
         "that is how far the count was above the target, as a fraction. The question asks how "
         "many times the target it was (the ratio itself)."),
        (lambda: base_stations()[2024] / _station_target(),
         "that uses the count at the end of 2024; the question asks for the end of 2025."),
        (lambda: _november_2025() / _station_target(),
         "that uses the count at the end of November 2025; the question asks for the end of the "
         "year (the row whose period is 2025 and status is reported)."),
    ],
    hints=["Take the end-2025 count from stations and the target from the row of five_g whose "
           "indicator is '5g_base_stations' and whose status is 'target'.",
           "Divide the count by the target: stations[2025] / target."],
)

q2 = NumberQuestion(
    LESSON, "q2", unit="stations per 10,000 people",
    expected=lambda: _per_person(2024) * 10_000,
    factor_advice={
        1_000_000: "the population column is in millions of people: multiply it by 1,000,000 "
                   "before you divide.",
        100: "that is per million people (or a power of ten off): the question asks per 10,000 "
             "people.",
    },
    mistakes=[
        (lambda: _per_person(2024),
         "that is stations per person; multiply by 10,000 for stations per 10,000 people."),
        (lambda: 1 / _per_person(2024),
         "that is people per station: the division is the wrong way round."),
        (lambda: _per_person(2023) * 10_000,
         "that uses the end of 2023; the question asks for the end of 2024."),
    ],
    hints=["You need the stations at the end of 2024 and the population at the end of 2024 "
           "(population_million, in millions).",
           "people = population_million * 1,000,000; then stations / people * 10,000."],
)

q3 = ChartQuestion(
    LESSON, "q3", unit="stations", log_scale=True,
    series=lambda: base_stations().sort_index(),
    hints=["fig, ax = plt.subplots(); ax.plot(stations.index, stations.values), then "
           "ax.set_yscale('log').",
           "Plot the counts (or millions of stations, if the label says so). Label the y-axis "
           "with the unit (stations), give a title, and add the source line with "
           "charts.finish(..., source=data.source_line(rows), ...), where rows are the rows of "
           "five_g you plotted."],
)

q4 = NumberQuestion(
    LESSON, "q4", unit="a fraction per year, 0.05 for 5 %",
    expected=lambda: _bank_growth(),
    factor_advice={100: "give the rate as a fraction (0.05 for 5 %), not as a percentage."},
    mistakes=[
        (lambda: _bank_growth(years=5),
         "you counted 5 years. From 2016 to 2020 there are 4 years of growth (2020 - 2016)."),
        (lambda: (_payments("bank_mobile_payments_transactions", 2020)
                  / _payments("bank_mobile_payments_transactions", 2016) - 1) / 4,
         "that is the simple average growth (total growth divided by the years). Growth "
         "compounds: use (end / start) ** (1 / years) - 1."),
        (lambda: _payments("bank_mobile_payments_transactions", 2020)
         / _payments("bank_mobile_payments_transactions", 2016),
         "that is how many times larger the 2020 figure is (the growth factor over four years), "
         "not the growth rate per year."),
        (lambda: _bank_growth("bank_mobile_payments_value"),
         "that is the growth of the value of the payments (RMB trillion); the question asks "
         "about their number (transactions)."),
    ],
    hints=["Select the rows of payments whose indicator is 'bank_mobile_payments_transactions' "
           "and take the values for the periods '2016' and '2020'.",
           "A compound annual growth rate needs only the start, the end and the number of years "
           "between them; the missing 2019 does not matter.",
           "(end / start) ** (1 / 4) - 1."],
)

q5 = ChoiceQuestion(
    LESSON, "q5", correct="d",
    options={
        "a": "average the two figures and draw one line through the average of the sources",
        "b": "use the larger figure, because a later report usually revises a count upwards",
        "c": "leave 2020 out of the chart, because the two sources disagree about that year",
        "d": "keep MIIT's count in the line, and show the other figure as a labelled point",
    },
    explanations={
        "a": "the two figures count different things (base stations and 'sites') and come from "
             "different sources; their average is a number that nobody reported.",
        "b": "nothing in the data says the larger figure is a revision: the Global Times does not "
             "say where its figure comes from, and it counts 'sites', not base stations.",
        "c": "leaving the year out hides the disagreement and breaks the series; keep both "
             "figures, say which one the line uses, and why.",
        "d": "one measure from one source makes one line; the Global Times figure stays visible, "
             "marked as what it is, with its source, so a reader sees the disagreement.",
    },
    hints=["Read the measure and body columns of the two rows.",
           "Can two figures that count different things, from different sources, be averaged or "
           "joined into one line?"],
)

q6 = ChoiceQuestion(
    LESSON, "q6", correct="a",
    options={
        "a": "the count kept rising, but its growth rate fell each year",
        "b": "fewer stations were added each year than the year before",
        "c": "the number of stations in use fell after its peak year",
        "d": "nothing: a log scale distorts the data, so its shape means little",
    },
    explanations={
        "a": "on a log scale a constant growth rate is a straight line; a line that bends "
             "downwards is growing by a smaller percentage each year, while it still rises.",
        "b": "a log scale shows ratios, not the amounts added: the number added each year can "
             "rise while the rate falls (see the lesson's table). The linear chart answers that.",
        "c": "the line rises every year on both scales; a falling count would make it go down.",
        "d": "a log scale does not distort: it shows equal ratios as equal distances. A linear "
             "and a log chart of the same data answer different questions.",
    },
    hints=["On a log scale, what does a straight line mean?",
           "Compare the growth column (growth on the year before) of the lesson's table with "
           "the shape of your line."],
)

q7 = TextQuestion(
    LESSON, "q7", min_words=60,
    points=[
        "uses the number of people online and of payments as evidence for a data advantage",
        "names limits: what payment records can teach, data held by separate firms (silos), "
        "the Personal Information Protection Law",
        "notes that computing power and chips matter as well as data",
        "says what the data cannot show and weighs both views before concluding",
    ],
    hints=["View A rests on scale: how many people are online and how many payments they make. "
           "What does View B say about the kind of data, who holds it and the law?",
           "AI needs data, computing power and chips: which of these does this lesson measure, "
           "and which do other lessons cover?"],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7]


# --- check your understanding (asked in the lesson notebook, not in the exercises) -------------

def _per_100k(year: int) -> float:
    """Stations per 100,000 people at the end of ``year``, as the lesson computes them."""
    return _per_person(year) * 100_000


def _oecd(country: str) -> float:
    table = data.load("five_g_international")
    return float(table.loc[table["country"] == country, "stations_per_100k"].item())


def _compute(indicator: str, period: str) -> float:
    table = data.load("computing_power")
    rows = table[(table["indicator"] == indicator) & (table["period"] == period)
                 & (table["status"] == "reported")]
    return float(rows["value"].item())


def _compute_ratio() -> float:
    """Intelligent computing (2025) as a multiple of total computing power (2024)."""
    return _compute("intelligent_computing_power", "2025") / _compute("total_computing_power", "2024")


r1 = ChoiceQuestion(
    LESSON, "r1", correct="c",
    options={
        "a": "the same number is added every year",
        "b": "the count doubles every year",
        "c": "the count grows at a constant rate",
        "d": "growth is slowing but still positive",
    },
    explanations={
        "a": "that is a straight line on a linear scale. On a log scale equal distances are equal "
             "ratios, so the same number added each year makes a line that bends downwards.",
        "b": "doubling every year is one constant rate and gives a straight line, but so does any "
             "other constant rate: the line's slope says which.",
        "c": "on a log scale equal distances stand for equal ratios, so growth by the same "
             "percentage each year is a straight line; a steeper line is a faster rate.",
        "d": "a slowing rate makes the line bend downwards on a log scale, as China's 5G count "
             "does; a straight line means the rate does not change.",
    },
    hints=["On a log scale, the step from 1 to 2 is as tall as the step from 2 to 4.",
           "Equal distances are equal ratios: what kind of growth gives the same ratio every "
           "year?"],
    solution="c: on a log scale a straight rising line is growth at a constant rate (the same "
             "percentage each year); a line that bends downwards is a falling rate.",
)

r2 = NumberQuestion(
    LESSON, "r2", unit="stations per 100,000 people",
    expected=lambda: _per_100k(2024),
    mistakes=[
        (lambda: _per_person(2024) * 10_000,
         "that is per 10,000 people; per 100,000 people is ten times as many."),
        (lambda: _per_100k(2023),
         "that uses the end of 2023; the question asks for the end of 2024."),
        (lambda: _per_100k(2025),
         "that uses the end of 2025; the question asks for the end of 2024."),
    ],
    hints=["Stations per 100,000 people = stations / people x 100,000, with the population in "
           "people (population_million x 1,000,000).",
           "It is ten times the lesson's figure per 10,000 people for the end of 2024."],
    solution="stations[2024] / (population_million of 2024 x 1,000,000) x 100,000: ten times "
             "the lesson's figure per 10,000 people for the end of 2024 (its table per_10k).",
)

r3 = ChoiceQuestion(
    LESSON, "r3", correct="b",
    options={
        "a": "that China built 5G faster than all others",
        "b": "a rough placing: the data year is unstated",
        "c": "that China ranks second of the 29 countries",
        "d": "how much of China's land its 5G covers",
    },
    explanations={
        "a": "the comparison is a level at one date, not a pace: testing 'unprecedented' needs "
             "other countries' roll-outs year by year, which the course does not hold.",
        "b": lambda: (f"China's computed {charts.num(round(_per_100k(2023)))} (end-2023) and "
                      f"{charts.num(round(_per_100k(2024)))} (end-2024) stations per 100,000 "
                      f"people lie between the OECD average ({charts.num(_oecd('OECD average'))}) "
                      f"and South Korea's {charts.num(_oecd('South Korea'))}; the report does not "
                      "say which year its figures describe, so it is a rough placing, not a rank."),
        "c": "the report the course read gives only South Korea's figure and the OECD average, "
             "not the other 27 countries, so no rank can be read from it.",
        "d": "stations per person count equipment, not coverage: the share of land or people "
             "covered by 5G is another measure, which the course does not hold.",
    },
    hints=["Which figures does the report give, and for which year?",
           "Does the chart show how fast the networks were built, or how many stations there "
           "were per person at one date?"],
    solution="b: it places China's computed figures between the OECD average and South Korea's, "
             "roughly, since the report gives no data year; it is a level, not a pace or a rank.",
)

r4 = ChoiceQuestion(
    LESSON, "r4", correct="d",
    options={
        "a": "one is a target and the other a reported count",
        "b": "the larger figure comes only from a weak copy",
        "c": "intelligent computing is not used for AI at all",
        "d": "they may be counted at different precisions",
    },
    explanations={
        "a": "both are reported figures: the total for the end of 2024 and the intelligent "
             "computing for the end of 2025. The target (for the total) is another row.",
        "b": "the figure comes from Science and Technology Daily's report of CNNIC's 57th "
             "report, a reprint; the Digital China Development Report gives it too.",
        "c": "intelligent computing is the part of computing power built for AI; that is why the "
             "plans count it separately.",
        "d": lambda: (f"intelligent computing is counted at half precision (FP16), and the total "
                      f"does not state its precision. The part would be "
                      f"{_compute_ratio():.1f}"
                      " times the whole if the two were one measure: they are not."),
    },
    hints=["Can a part be larger than the whole it belongs to?",
           "FP16 means numbers of 16 bits (half precision). Which precision do the totals state?"],
    solution="d: intelligent computing is counted at half precision (FP16) and the totals do not "
             "state their precision, so the two are not one measure; the part even comes out "
             "larger than the whole.",
)

RECALL = [r1, r2, r3, r4]
