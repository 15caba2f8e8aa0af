"""Lesson 00's practice question, to show how checks, hints and solutions work."""

from aicourse import data
from aicourse.checks import NumberQuestion

LESSON = "00"

practice = NumberQuestion(
    LESSON, "practice", unit="claims", integer=True,
    expected=lambda: int((data.load("claims")["claim_type"] == "forecast").sum()),
    hints=[
        "The column claim_type says whether a claim is a fact, a judgement or a forecast.",
        "claims['claim_type'] == 'forecast' gives True for each forecast; .sum() counts the Trues.",
    ],
    solution="answer = (claims['claim_type'] == 'forecast').sum()",
)

QUESTIONS = [practice]
