"""Lesson 03's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

from aicourse import data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion
from aicourse.logic.l03 import ARENA, BENCHMARKS, population

LESSON = "03"


def _share(metric: str, country: str, edition: int, year: int = 2021) -> float:
    pubs = data.load("ai_publications")
    row = pubs[(pubs["metric"] == metric) & (pubs["country"] == country)
               & (pubs["edition"] == edition) & (pubs["data_year"] == year)]
    return float(row["value"].item())


def _impact(edition: int) -> float:
    """China's share of AI journal citations divided by its share of AI journal publications."""
    return (_share("share of AI journal citations", "China", edition)
            / _share("share of AI journal publications", "China", edition))


def _patents(country: str) -> float:
    """Granted AI patents in 2022, as the 2024 edition prints them."""
    return _share("granted AI patents", country, 2024, 2022)


def _per_million(country: str) -> float:
    people = population(country, 2022)[0]
    return _patents(country) / people


def _notable_2024():
    models = data.load("notable_models")
    return models[(models["edition"] == 2025) & (models["measure"] == "notable AI models")]


q1 = NumberQuestion(
    LESSON, "q1", unit="ratio",
    expected=lambda: _impact(2023),
    mistakes=[(lambda: 1 / _impact(2023),
               "that is publications divided by citations; the question asks for the citation "
               "share divided by the publication share."),
              (lambda: _impact(2022),
               "that uses the 2022 edition. The question asks for the 2023 edition, which "
               "revised the 2021 figures.")],
    hints=["Select China's rows for 2021 in the 2023 edition: one for the share of AI journal "
           "publications and one for the share of AI journal citations.",
           "Divide the citation share by the publication share. Below 1 means China's papers are "
           "cited less than their number alone would suggest."],
)

q2 = NumberQuestion(
    LESSON, "q2", unit="ratio",
    expected=lambda: _per_million("China") / _per_million("United States"),
    mistakes=[(lambda: _patents("China") / _patents("United States"),
               "that is the ratio of the totals. Divide each country's patents by its "
               "population first, then compare."),
              (lambda: _per_million("United States") / _per_million("China"),
               "that is the United States divided by China; the question asks for China "
               "divided by the United States.")],
    hints=["Per million people = granted patents ÷ population in millions, for each country in "
           "2022.",
           "Take the population of each country in 2022 from the world_population table, then "
           "divide China's figure per million people by the US figure."],
)

q3 = ChartQuestion(
    LESSON, "q3", unit=("models", "number"), any_order=True,
    series=lambda: _notable_2024().set_index("country")["count"],
    hints=["Select the 2025 edition's rows (measure 'notable AI models'): every country or "
           "region in them, then ax.bar(countries, counts) or ax.barh(countries, counts).",
           "Label the value axis with what is counted (number of models), give a title, and add "
           "the source line with charts.finish(..., source=data.source_line(table), ...)."],
)

def _patent_words(kind: str) -> str:
    old, new = _share("share of granted AI patents", "China", 2022), \
        _share("share of granted AI patents", "China", 2024, 2022)
    us = _share("share of granted AI patents", "United States", 2024, 2022)
    return {
        "a": f"a method break: the 2024 edition counts granted patents from a new source "
             f"({new:g}% for China in 2022, against {old:g}% for 2021 in the 2022 edition), so its "
             "series cannot be joined to the 2022 edition's.",
        "b": "the two figures come from different editions with different patent data; the jump "
             "cannot be read as growth in one year.",
        "c": "nothing in the data suggests a typing error; the note column says the method changed.",
        "d": f"the United States still holds {us:g}% of granted AI patents in the 2024 edition.",
    }[kind]


q4 = ChoiceQuestion(
    LESSON, "q4", correct="a",
    options={
        "a": "the 2024 edition counts patents with a new data source and method",
        "b": "China's patent office approved ten times more AI patents in one year",
        "c": "the 2022 edition made a typing error that the 2024 edition corrected",
        "d": "the United States stopped being granted AI patents after 2021",
    },
    explanations=_patent_words,
    hints=["Read the note column of the two rows.",
           "What changes between editions of a report besides the year?"],
)


def _flows() -> dict[str, float]:
    """Shares of the 2019 top-tier sample (percent) that the talent question reads."""
    talent = data.load("talent_flows")
    rows = talent[(talent["conference_year"] == 2019) & (talent["tier"] == "top-tier")]

    def share(metric: str, country: str) -> float:
        return float(rows.loc[(rows["metric"] == metric) & (rows["country"] == country),
                              "value"].item())

    at_us = "country of undergraduate degree (researchers at US institutions)"
    return {"cn_degree": share("country of undergraduate degree", "China"),
            "cn_work": share("country of current work", "China"),
            "us_degree": share("country of undergraduate degree", "United States"),
            "us_work": share("country of current work", "United States"),
            "us_from_us": share(at_us, "United States"),
            "us_from_cn": share(at_us, "China")}


def _talent_words(kind: str) -> str:
    f = _flows()
    return {
        "a": f"China was the largest single origin of first degrees in the sample "
             f"({f['cn_degree']:g}%).",
        "b": f"among researchers at US institutions, {f['us_from_us']:g}% took their first degree "
             f"in the United States and {f['us_from_cn']:g}% in China: not most.",
        "c": f"{f['cn_degree']:g}% of the sample took their first degree in China, but only "
             f"{f['cn_work']:g}% work at institutions in China, so at least "
             f"{f['cn_degree'] - f['cn_work']:g} points of the sample studied in China and work "
             "elsewhere. The table cannot say where each one went: it gives shares, not flows.",
        "d": f"at most {f['cn_work']:g}% of the sample work in China, fewer than the "
             f"{f['cn_degree']:g}% who studied there, so most cannot have returned.",
    }[kind]


q5 = ChoiceQuestion(
    LESSON, "q5", correct="c",
    options={
        "a": "Chinese universities trained few of the top AI researchers in the sample",
        "b": "most researchers at US institutions took their first degree in the US",
        "c": "more took a first degree in China than work in China, so many work elsewhere",
        "d": "most researchers with a Chinese first degree went back to work in China",
    },
    explanations=_talent_words,
    hints=["Compare China's share by country of undergraduate degree with its share by country "
           "of current work.",
           "If a share by place of study is larger than the share by place of work, where are "
           "the others?"],
)

q6 = TextQuestion(
    LESSON, "q6", min_words=60,
    points=[
        "separates volume (publications, patents, conference papers) from impact (citations, "
        "most-cited papers, notable models)",
        "uses figures from one edition at a time and notes method breaks",
        "brings in model performance: benchmark and Arena gaps, and their limits",
        "brings in talent: where researchers train and where they work",
        "says what the measures cannot show (quality of patents, who benefits from flows)",
    ],
    hints=["On which measures does China have the largest share, and on which does the United "
           "States?",
           "Would per-capita figures or citations change your answer? Which editions did you "
           "use?"],
)


# --- exercise 7 and 8: the gap on the Chatbot Arena ------------------------------------------------

def _arena(edition: int, month: str) -> dict[str, float]:
    """The top US and top Chinese Arena scores that one edition gives for one month."""
    perf = data.load("model_performance")
    rows = perf[(perf["measure"] == "Arena score of top model") & perf["benchmark"].isin(ARENA)
                & (perf["edition"] == edition) & (perf["as_of"] == month)]
    return dict(zip(rows["country"], rows["value"]))


def _arena_lead(edition: int, month: str, over: str = "China") -> float:
    """US lead in percent: (US score - Chinese score) / the score named by ``over`` * 100."""
    s = _arena(edition, month)
    return 100 * (s["United States"] - s["China"]) / s[over]


def _printed_arena_gap(edition: int, month: str) -> float:
    perf = data.load("model_performance")
    rows = perf[(perf["measure"] == "US lead over top Chinese model") & perf["benchmark"].isin(ARENA)
                & (perf["edition"] == edition) & (perf["as_of"] == month)]
    return float(rows["value"].drop_duplicates().item())  # two sources may print the same figure


q7 = NumberQuestion(
    LESSON, "q7", unit="percent",
    expected=lambda: _arena_lead(2026, "2026-03"),
    mistakes=[(lambda: _arena_lead(2026, "2026-03", over="United States"),
               "that divides by the US score. The AI Index divides the difference by the lower "
               "score, the Chinese model's."),
              (lambda: _arena(2026, "2026-03")["United States"] - _arena(2026, "2026-03")["China"],
               "that is the gap in Arena points. Divide it by the Chinese model's score and "
               "multiply by 100 to get percent."),
              (lambda: _arena_lead(2026, "2025-02"),
               "that is the gap in February 2025. The question asks for March 2026."),
              (lambda: _arena_lead(2025, "2025-02"),
               "that uses the 2025 edition's scores for February 2025. The question asks for the "
               "2026 edition's scores for March 2026.")],
    hints=["Select the rows of model_performance with measure 'Arena score of top model', "
           "edition 2026 and as_of '2026-03': one for the United States, one for China.",
           "US lead (%) = (US score - Chinese score) / Chinese score * 100."],
)


def _editions_words(kind: str) -> str:
    old, new = _arena(2025, "2025-02"), _arena(2026, "2025-02")
    gap25, gap26 = _printed_arena_gap(2025, "2025-02"), _printed_arena_gap(2026, "2025-02")
    scores = (f"the 2025 edition compares {old['United States']:g} with {old['China']:g}, the "
              f"2026 edition {new['United States']:g} with {new['China']:g}")
    return {
        "a": f"both figures describe the same month, February 2025: {scores}.",
        "b": f"both figures agree with their own edition's scores ({gap25:g}% and {gap26:g}%); "
             "they differ because the scores differ.",
        "c": f"{scores}. Arena scores are re-estimated as votes come in, so each edition's "
             "reading of the same month differs: quote a figure with its edition.",
        "d": f"both editions compare the top US and the top Chinese model of the month: {scores}.",
    }[kind]


q8 = ChoiceQuestion(
    LESSON, "q8", correct="c",
    options={
        "a": "the US lead shrank sharply during February 2025",
        "b": "one of the two editions contains a typing error",
        "c": "each edition used scores taken at a different time",
        "d": "the 2026 edition compared the open-weight models only",
    },
    explanations=_editions_words,
    hints=["Compare the two editions' scores for February 2025 with your computation.",
           "Are Arena scores fixed once published? Read the note column of the rows."],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]


# --- check your understanding (asked in the lesson, answered in the solutions notebook) ----------

def _arena_words(kind: str) -> str:
    return {
        "a": "that is a benchmark such as MMLU or MATH: a fixed test with known answers.",
        "b": "people put one question to two anonymous chatbots and vote for the better answer; "
             "the votes give each model a rating, its Arena score.",
        "c": "computing power is a different measure (Epoch AI's compute figures), not the Arena.",
        "d": "citations measure research impact; the Arena rates answers, not papers.",
    }[kind]


r1 = ChoiceQuestion(
    LESSON, "r1", correct="b",
    options={
        "a": "the share of questions a model answers correctly on a fixed test",
        "b": "which of two anonymous models people prefer, from their votes",
        "c": "how much computing power a model needed to be trained",
        "d": "how many research papers cite the model's technical report",
    },
    explanations=_arena_words,
    hints=["Read the benchmarks table: what does the Arena let anyone do?",
           "Who decides which answer is better on the Arena: a test key or people?"],
)


def _narrowing() -> dict[str, float]:
    """How many points each benchmark gap narrowed, end 2023 to end 2024 (AI Index 2025)."""
    perf = data.load("model_performance")
    rows = perf[(perf["topic"] == "benchmark gap") & (perf["edition"] == 2025)]
    gaps = rows.pivot(index="benchmark", columns="as_of", values="value")
    return {b: float(gaps.loc[b, "2023-12"] - gaps.loc[b, "2024-12"]) for b in BENCHMARKS}


R2_OPTIONS = {"a": "HumanEval", "b": "MATH", "c": "MMLU", "d": "MMMU"}


def _least_narrowed() -> str:
    fell = _narrowing()
    least = min(fell, key=fell.get)
    return next(k for k, name in R2_OPTIONS.items() if name == least)


def _narrowing_words(kind: str) -> str:
    fell = _narrowing()
    name = R2_OPTIONS[kind]
    least = min(fell, key=fell.get)
    if name == least:
        return f"{name}'s gap narrowed by {fell[name]:.1f} points, the least of the four."
    return f"{name}'s gap narrowed by {fell[name]:.1f} points; {least}'s by only {fell[least]:.1f}."


r2 = ChoiceQuestion(
    LESSON, "r2", correct=_least_narrowed, options=R2_OPTIONS,
    explanations=_narrowing_words,
    hints=["Look at the column 'narrowed by' in the lesson's table of benchmark gaps.",
           "Narrowed by = gap at the end of 2023 minus gap at the end of 2024."],
)


def _lead_2025(measure: str) -> tuple[float, float]:
    """China's and the US value of one measure in the AI Index 2025 (latest year it gives)."""
    from aicourse.logic.l03 import lead_measures

    rows = lead_measures()
    rows = rows[(rows["measure"] == measure) & (rows["source"] == "AI Index 2025")]
    values = dict(zip(rows["country"], rows["value"]))
    return float(values["China"]), float(values["United States"])


def _lead_words(kind: str) -> str:
    measure = {"a": "share of AI publication citations", "b": "notable AI models",
               "c": "private AI investment (USD billion)", "d": "top Chatbot Arena score"}[kind]
    china, us = _lead_2025(measure)
    leader = "China leads" if china > us else "the United States leads"
    return f"{leader}: China {china:g}, the United States {us:g} ({measure}, AI Index 2025)."


r3 = ChoiceQuestion(
    LESSON, "r3", correct="a",
    options={
        "a": "share of the world's AI citations",
        "b": "number of notable AI models released",
        "c": "private investment in AI companies",
        "d": "top score on the Chatbot Arena",
    },
    explanations=_lead_words,
    hints=["Look at the lesson's table 'who leads?' for the AI Index 2025.",
           "On which row is 'China as % of US' above 100?"],
)

RECALL = [r1, r2, r3]
