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
    LESSON, "q3", unit_words=["model", "count", "number"], any_order=True,
    series=lambda: list(_notable_2024()["count"]),
    hints=["Select the 2025 edition's rows (measure 'notable AI models'), then "
           "ax.bar(countries, counts).",
           "Label the y-axis with what is counted (number of models), give a title, and add the "
           "source line with charts.finish(..., source=data.source_line(table), ...)."],
)

q4 = ChoiceQuestion(
    LESSON, "q4", correct="c",
    options={
        "a": "China's AI patent office approved ten times more patents in one year",
        "b": "the 2022 edition made a typing error",
        "c": "the later edition used a new patent data source and method, so the two shares "
             "measure different things",
        "d": "the United States stopped granting AI patents",
    },
    explanations={
        "a": "the two figures come from different editions with different patent data; the jump "
             "cannot be read as growth in one year.",
        "b": "nothing in the data suggests a typing error; the note column says the method changed.",
        "c": "a method break: the 2024 edition counts granted patents from a new source, so its "
             "series cannot be joined to the 2022 edition's.",
        "d": "the United States still holds about a fifth of granted AI patents in the 2024 "
             "edition.",
    },
    hints=["Read the note column of the two rows.",
           "What changes between editions of a report besides the year?"],
)

q5 = ChoiceQuestion(
    LESSON, "q5", correct="b",
    options={
        "a": "Chinese universities train few top AI researchers",
        "b": "many top researchers who took their first degree in China worked outside China, "
             "most of them in the United States",
        "c": "most researchers working in the United States took their first degree there",
        "d": "China's share of researchers at work rose between 2019 and 2022",
    },
    explanations={
        "a": "China was the largest single origin of first degrees in the 2019 sample.",
        "b": "China's share by first degree was well above its share by place of work, and the "
             "2019 tracker says most Chinese AI PhD students in the US stayed there after "
             "graduating.",
        "c": "the table does not show that: among researchers at US institutions, first degrees "
             "from the US and from China were of similar size.",
        "d": "the data hold no 2022 shares by place of work, so this cannot be read from them.",
    },
    hints=["Compare China's share by country of undergraduate degree with its share by country "
           "of current work, in 2019.",
           "Where did the difference go? Look at the United States' two shares."],
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
