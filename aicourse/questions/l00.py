"""Lesson 00's practice question, to show how checks, hints and solutions work, and its
retrieval questions (asked in the lesson, under "Check your understanding")."""

from aicourse import data
from aicourse.checks import ChoiceQuestion, NumberQuestion

LESSON = "00"


def _kinds():
    return data.load("claims")["claim_type"].value_counts()


practice = NumberQuestion(
    LESSON, "practice", unit="claims", integer=True,
    expected=lambda: int(_kinds()["forecast"]),
    mistakes=[(lambda: int(_kinds()["fact"]),
               "that is the number of facts. The question asks for the forecasts: pick the count "
               "named 'forecast'."),
              (lambda: int(_kinds().sum()),
               "that is the number of all the claims. The question asks only for the forecasts.")],
    hints=[
        "The counts by kind are printed above, under 'Pause and predict': claims['claim_type']"
        ".value_counts().",
        "value_counts() gives one count per kind, named by the kind; square brackets pick one "
        "count by its name: claims['claim_type'].value_counts()['forecast'].",
    ],
    solution='answer = claims["claim_type"].value_counts()["forecast"]',
)

QUESTIONS = [practice]


def _kind_explanation(key: str) -> str:
    forecasts = int(_kinds()["forecast"])
    return {
        "a": "a fact can be checked now; a claim about 2030 cannot, because 2030 has not come.",
        "b": "a judgement is an evaluation ('unusually fast'); a claim about what will happen by "
             "2030 is a forecast, and no data settle the future once and for all.",
        "c": f"right: it is a forecast, like the other {forecasts - 1} forecasts among the claims. "
             "Data up to today show where things stand and how fast they move, which informs "
             "the forecast; only 2030 can check it.",
        "d": "the course rates forecasts 'not checkable': no data can confirm a statement about a "
             "year that has not come.",
    }[key]


r1 = ChoiceQuestion(
    LESSON, "r1", correct="c",
    options={
        "a": "a fact: the course's data can confirm or refute it today",
        "b": "a judgement: the data can settle it once and for all",
        "c": "a forecast: today's data inform it but cannot check it",
        "d": "a forecast: the course already rates it as supported",
    },
    explanations=_kind_explanation,
    hints=["Which of the three kinds is about the future?",
           "A forecast is about the future: which answer says what data from before 2030 can and "
           "cannot do with it?"],
    solution='r1.check("c")',
)

r2 = ChoiceQuestion(
    LESSON, "r2", correct="a",
    options={
        "a": "in the excerpt column of data/sources.csv, by the row's source_id",
        "b": "in the key points of each lesson, which quote every source in full",
        "c": "nowhere: the course keeps the web address of a page, not its words",
        "d": "in data/datasets.csv, which has one quotation for each dataset",
    },
    explanations={
        "a": "right: each row names its source_id; that row of data/sources.csv gives the "
             "publisher, title, date, address, quality and the words the source printed.",
        "b": "the key points sum up a lesson; the sources table holds the quotations.",
        "c": "the course keeps a short quotation of each source (the excerpt) beside its address, "
             "so that a figure can be checked even when a page moves.",
        "d": "datasets.csv describes each dataset; quotations are per source, in sources.csv.",
    },
    hints=["Every row of the course's data names its source with a source_id.",
           "The source_id points to a row of data/sources.csv: which of its columns holds the "
           "source's own words?"],
    solution='r2.check("a")',
)

RECALL = [r1, r2]
