"""Lesson 08's exercise questions. Expected answers are computed from data/, never typed in."""

from __future__ import annotations

from aicourse import data
from aicourse.checks import (
    ChartQuestion,
    ChoiceQuestion,
    NumberQuestion,
    SourcedListQuestion,
    TextQuestion,
    VoiceQuestion,
)

LESSON = "08"


def _verdicts():
    return data.load("claims")["reference_verdict"]


def _supported_share(base: str = "checkable") -> float:
    verdicts = _verdicts()
    checkable = verdicts[verdicts != "not checkable"] if base == "checkable" else verdicts
    return 100 * (checkable == "supported").sum() / len(checkable)


q1 = NumberQuestion(
    LESSON, "q1", unit="percent",
    expected=lambda: _supported_share(),
    factor_advice={100: "give a percentage (40 for 40 %), not a fraction."},
    mistakes=[(lambda: _supported_share("all"),
               lambda: f"that divides by all {len(_verdicts())} claims. The question asks for the "
               "share of the claims that can be checked: leave out those rated 'not checkable' "
               "first.")],
    hints=["Leave out the claims whose reference_verdict is 'not checkable'.",
           "Of the rest, count those rated 'supported', divide by how many are left, and "
           "multiply by 100."],
)

q2 = ChartQuestion(
    LESSON, "q2", unit=("claims", "number"), any_order=True,
    series=lambda: _verdicts().value_counts(),
    hints=["claims['reference_verdict'].value_counts() counts the claims per verdict.",
           "ax.bar(counts.index, counts.values) or ax.barh(counts.index, counts.values), then "
           "label the value axis 'Number of claims' and finish the chart with charts.finish(...)."],
)

q3 = ChoiceQuestion(
    LESSON, "q3", correct="c",
    options={
        "a": "whether it matches the course's reference verdict on the claim",
        "b": "whether most of the class chose the same verdict for the claim",
        "c": "whether its reason names evidence that bears on the claim",
        "d": "whether the article's author would accept it as a fair reading",
    },
    explanations={
        "a": "the reference verdict is the course's reading, not the answer: disagreeing with it "
             "is not a mistake. Read its reason, and see whether it changes your mind.",
        "b": "a majority can be wrong; a verdict is as good as the evidence its reason names.",
        "c": "a verdict stands on its reason: which figures, from which lesson and source, bear "
             "on the claim, and what they cannot show. Two good ratings can differ.",
        "d": "the author's view is one more claim to test, not a yardstick for your verdict.",
    },
    hints=["Read what lesson 08 says under 'The course's verdicts'.",
           "What would you ask a classmate to show you before you accepted their verdict?"],
)

q4 = ChoiceQuestion(
    LESSON, "q4", correct="b",
    options={
        "a": "because the evidence shows that China will not be the leader in 2030",
        "b": "because it is a forecast, and 'leading' has no single measure",
        "c": "because the course has no data on China after the year 2020",
        "d": "because the article does not say which year it has in mind",
    },
    explanations={
        "a": "no evidence can show what will happen in 2030; 'not supported' would need "
             "evidence against the claim.",
        "b": "a forecast cannot be checked before the date, and the lessons show China ahead "
             "on some measures and behind on others, so 'leading' depends on the measure chosen.",
        "c": "the course has data up to 2025 on many measures.",
        "d": "the claim names 2030.",
    },
    hints=["Look at the claim_type column for C20.",
           "Which kind of claim cannot be checked yet, whatever the data say today?"],
)

q5 = SourcedListQuestion(
    LESSON, "q5", min_items=3,
    hints=["An application in use is something people or firms use: a chatbot, a face-recognition "
           "system, a payment service. A ministry assigning a domain to a firm is a plan, not "
           "an application. Look in the firms table (lesson 02) and its sources.",
           'Write pairs like ("what the application is and who runs it", "source_id"), taking '
           "the source_id from the row you rely on, and describe the example in the words of "
           "the source's excerpt (data.sources())."],
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

q7 = VoiceQuestion(
    LESSON, "q7", for_lesson=LESSON,
    hints=["Start from a source the course already has: the evidence of claims C01 and C20 "
           "(data.load('claims')) and data.sources() hold excerpts with statements that are not "
           "yet in data.voice_list('08'). Or add a page of your own to my-work/my_sources.csv.",
           "Copy the quote exactly as the excerpt prints it (data.sources().set_index('source_id')"
           ".loc['your_id', 'excerpt']), give the speaker's role at the time and the date, and "
           "say in a sentence which part of View A or View B it supports."],
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7]


# --- check your understanding (asked in the lesson notebook) --------------------------------------

r1 = ChoiceQuestion(
    LESSON, "r1", correct="c",
    options={
        "a": "supported, if the trend so far points that way",
        "b": "partly supported, if some measures point that way",
        "c": "not checkable, whatever the data show today",
        "d": "not supported, if the US still leads today",
    },
    explanations={
        "a": "a trend up to today cannot show what will hold in 2030: rule 1 keeps a forecast "
             "'not checkable' until its date has passed.",
        "b": "'partly supported' is for a fact or a judgement that holds in part; a forecast "
             "cannot hold yet, in part or in full.",
        "c": "rule 1: a forecast is 'not checkable' until its date has passed; the evidence of "
             "today goes in the reason, not the verdict.",
        "d": "the United States leading today does not show that it will lead in 2030.",
    },
    hints=["Which kind of claim is C20 (claim_type)?",
           "Read rule 1 of 'Rules for a verdict' near the top of the lesson."],
    solution="c: a forecast is 'not checkable' until its date has passed, whatever the data show "
             "today (rule 1).",
)


def _public(key: str) -> str:
    """What of the model evidence was public on the article's date, from the data."""
    releases = data.load("model_releases").set_index("model")
    published = data.sources().set_index("source_id")["date"]
    performance = data.load("model_performance")
    r1_date = releases.loc["DeepSeek-R1", "release_date"]
    gaps = performance[performance["topic"] == "benchmark gap"]
    usage = performance[(performance["topic"] == "usage") & (performance["country"] == "World")]
    lag = performance[performance["measure"] == "Average lag of the best Chinese model behind the "
                                                "US frontier"]
    return {
        "a": f"the AI Index 2025, which reported the benchmark gaps, was published in "
             f"{published[gaps['source_id'].iloc[0]]}, after the article of 7 February 2025.",
        "b": f"DeepSeek-R1 was released on {r1_date}, with open weights (licence: "
             f"{releases.loc['DeepSeek-R1', 'licence']}), before the article of 7 February 2025.",
        "c": f"the user count is CNNIC's, in a report published in "
             f"{published[usage['source_id'].iloc[0]]}, after the article.",
        "d": f"Epoch AI's estimate covers the period up to {lag['as_of'].iloc[0]}; it was not "
             "public on 7 February 2025.",
    }[key]


r2 = ChoiceQuestion(
    LESSON, "r2", correct="b",
    options={
        "a": "the AI Index 2025's benchmark gaps between US and Chinese models",
        "b": "DeepSeek-R1, released with open weights in January 2025",
        "c": "CNNIC's count of the daily users of DeepSeek's app",
        "d": "Epoch AI's estimate of a seven-month average lag",
    },
    explanations=_public,
    hints=["The tables model_releases and model_performance have a column known_by_2025_02_07.",
           "Which of the four was public before 7 February 2025, the article's date?"],
    solution="b: DeepSeek-R1 was public before 7 February 2025; the other three came later.",
)

RECALL = [r1, r2]
