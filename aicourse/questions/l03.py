"""Lesson 03's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

from aicourse import data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, TextQuestion
from aicourse.views.l03 import population

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
        "brings in talent: where researchers train and where they work",
        "says what the measures cannot show (quality of patents, who benefits from flows)",
    ],
    hints=["On which measures does China have the largest share, and on which does the United "
           "States?",
           "Would per-capita figures or citations change your answer? Which editions did you "
           "use?"],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]
