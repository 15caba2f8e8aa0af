"""Lesson 08's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

from aicourse import data
from aicourse.checks import ChartQuestion, ChoiceQuestion, NumberQuestion, SourcedListQuestion, TextQuestion

LESSON = "08"


def _verdicts():
    return data.load("claims")["reference_verdict"]


def _supported_share(base: str = "checkable") -> float:
    verdicts = _verdicts()
    checkable = verdicts[verdicts != "not checkable"] if base == "checkable" else verdicts
    return 100 * (checkable == "supported").sum() / len(checkable)


def _reference(claim_id: str) -> str:
    claims = data.load("claims").set_index("claim_id")
    letter = {"supported": "a", "partly supported": "b", "not supported": "c",
              "not checkable": "d"}
    return letter[claims.loc[claim_id, "reference_verdict"]]


q1 = NumberQuestion(
    LESSON, "q1", unit="percent",
    expected=lambda: _supported_share(),
    factor_advice={100: "give a percentage (40 for 40 %), not a fraction."},
    mistakes=[(lambda: _supported_share("all"),
               "that divides by all 21 claims. The question asks for the share of the claims "
               "that can be checked: leave out those rated 'not checkable' first.")],
    hints=["Leave out the claims whose reference_verdict is 'not checkable'.",
           "Of the rest, count those rated 'supported', divide by how many are left, and "
           "multiply by 100."],
)

q2 = ChartQuestion(
    LESSON, "q2", unit_words=["claim", "number", "count"], any_order=True,
    series=lambda: list(_verdicts().value_counts()),
    hints=["claims['reference_verdict'].value_counts() counts the claims per verdict.",
           "ax.bar(counts.index, counts.values), then label the y-axis 'Number of claims' and "
           "finish the chart with charts.finish(...)."],
)

q3 = ChoiceQuestion(
    LESSON, "q3", correct=lambda: _reference("C03"),
    options={
        "a": "supported: USD 150 billion is what the plan says",
        "b": "partly supported: the figure matches the 2030 core-industry target converted at "
             "2017 rates, but the plan set it in renminbi and beside a much larger target",
        "c": "not supported: the plan has no target near that size",
        "d": "not checkable: the plan's targets are secret",
    },
    explanations={
        "a": "the plan's targets are in renminbi; USD 150 billion is a conversion that news "
             "reports made, and it leaves out the target for related industries.",
        "b": "RMB 1 trillion for the core AI industry in 2030 is about USD 150 billion at 2017 "
             "exchange rates, so the number has a basis, but it describes one of two targets "
             "in another currency (lesson 01).",
        "c": "the 2030 target for the core AI industry (RMB 1 trillion) converts to about that "
             "amount at 2017 rates.",
        "d": "the targets were published with the plan and reported by news media (lesson 01).",
    },
    hints=["Lesson 01 converted the plan's targets from renminbi to dollars.",
           "Which target converts to about USD 150 billion, and what does the dollar figure "
           "leave out?"],
)

q4 = ChoiceQuestion(
    LESSON, "q4", correct="c",
    options={
        "a": "because the evidence shows China will not lead in 2030",
        "b": "because the course has no data on China after 2020",
        "c": "because it is a forecast, and 'leading AI power' has no single agreed measure",
        "d": "because the article does not say which year it means",
    },
    explanations={
        "a": "no evidence can show what will happen in 2030; 'not supported' would need "
             "evidence against the claim.",
        "b": "the course has data up to 2025 on many measures.",
        "c": "a forecast cannot be checked before the date, and the lessons show China ahead "
             "on some measures and behind on others, so 'leading' depends on the measure chosen.",
        "d": "the claim names 2030.",
    },
    hints=["Look at the claim_type column for C20.",
           "Which kind of claim cannot be checked yet, whatever the data say today?"],
)

q5 = SourcedListQuestion(
    LESSON, "q5", min_items=3,
    hints=["The national AI open innovation platforms (open_platforms) name a domain for each "
           "firm, and the payments table counts mobile payments.",
           'Write pairs like ("what the application is and who runs it", "source_id"), taking '
           "the source_id from the row you rely on."],
)

q6 = TextQuestion(
    LESSON, "q6", min_words=80,
    points=[
        "names the measure(s) the answer rests on: China's own targets, or comparison with "
        "the United States",
        "uses figures from at least two lessons, with their years",
        "notes conflicting figures or definitions (e.g. two 2025 industry figures, editions)",
        "gives more than one reading before concluding, and says what evidence would change it",
    ],
    hints=["Against its own 2017 targets, which measures has China reached or passed?",
           "Against the United States, on which measures does China lead, and on which does it "
           "trail? Is 'the world's leading AI power' one measure or several?"],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]
