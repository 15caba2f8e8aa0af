"""A learner's path (issue 14) and the missing evidence (issue 12), lesson by lesson.

Every lesson: honest minutes (the estimator of COURSE.md, within 15 %), a "check your
understanding" section with auto-checked questions, a readable reference list, charts with a
subtitle and text large enough to project, no regex over free text or positional lookup in the
reasoning, and a discussion whose two views each name a quoted proponent."""

import importlib
import re

import pytest

from aicourse import data, lessons
from aicourse.build import nbfiles

COURSE, LESSONS = lessons.load()
CHECKED = [l for l in LESSONS if l.available()]
IDS = [l.slug for l in CHECKED]


def _code(lesson) -> str:
    nb = nbfiles.read(lesson.path())
    return "\n".join(nbfiles.source(c) for c in nb["cells"] if c["cell_type"] == "code")


def _markdown(lesson) -> str:
    nb = nbfiles.read(lesson.path())
    return "\n".join(nbfiles.source(c) for c in nb["cells"] if c["cell_type"] == "markdown")


@pytest.mark.parametrize("lesson", CHECKED, ids=IDS)
def test_stated_minutes_are_within_15_percent_of_the_estimate(lesson):
    est = lessons.estimate_minutes(nbfiles.read(lesson.path()))
    assert abs(lesson.minutes_teaching - est["core"]) <= 0.15 * est["core"], (lesson.number, est)
    if est["extension"]:
        assert abs(lesson.minutes_extension - est["extension"]) <= 0.15 * est["extension"] + 1, est
    else:
        assert lesson.minutes_extension == 0


@pytest.mark.parametrize("lesson", CHECKED, ids=IDS)
def test_check_your_understanding_has_6_to_10_questions_some_checked(lesson):
    md = _markdown(lesson)
    section = re.search(r"^## Check your understanding\s*\n(.*?)(?=^## )", md, re.S | re.M)
    assert section, "a '## Check your understanding' section before the key points"
    assert md.index("## Check your understanding") < md.index("## Key points")
    asked = re.findall(r"^\d+\. ", section.group(1), re.M)
    assert 6 <= len(asked) <= 10
    recall = importlib.import_module(f"aicourse.questions.l{lesson.number}").RECALL
    assert len(recall) >= 2
    for q in recall:
        assert f"{q.qid}.check(" in _code(lesson), f"{q.qid} is asked in the notebook"


@pytest.mark.parametrize("lesson", CHECKED, ids=IDS)
def test_references_are_a_readable_list(lesson):
    code = _code(lesson)
    assert "data.reference_list(" in code and "data.references(" not in code


@pytest.mark.parametrize("lesson", CHECKED, ids=IDS)
def test_every_chart_has_a_subtitle_and_readable_text(lesson):
    view = lessons.ROOT / "aicourse" / "views" / f"l{lesson.number}.py"
    texts = [_code(lesson)] + ([view.read_text(encoding="utf-8")] if view.is_file() else [])
    for text in texts:
        for call in re.findall(r"charts\.finish\((.*?)\n\s*\)", text, re.S):
            assert "subtitle=" in call, call[:80]
        small = re.findall(r"fontsize\s*=\s*([0-9.]+)", text)
        assert all(float(s) >= 9 for s in small), small


@pytest.mark.parametrize("lesson", CHECKED, ids=IDS)
def test_no_conclusion_rests_on_a_regex_or_a_position(lesson):
    code = _code(lesson)
    assert "re.search(" not in code and "re.findall(" not in code
    assert not re.search(r"\.iloc\[\d+\]\s*/|/\s*\S+\.iloc\[\d+\]", code), "a ratio by position"


@pytest.mark.parametrize("lesson", CHECKED, ids=IDS)
def test_stored_outputs_show_no_numpy_type_names(lesson):
    text = lesson.path().read_text(encoding="utf-8")
    assert "np.int64(" not in text and "np.float64(" not in text


@pytest.mark.parametrize("lesson", CHECKED, ids=IDS)
def test_each_view_of_the_discussion_names_a_quoted_proponent(lesson):
    md = _markdown(lesson)
    discussion = re.search(r"^## Discussion\s*\n(.*?)(?=^## )", md, re.S | re.M).group(1)
    voices = data.load("voices")
    mine = voices[voices["lesson"] == lesson.number]
    for view in ("A", "B"):
        speakers = mine[mine["view"] == view]["speaker"]
        named = [s for s in speakers if s.split(" (")[0].split(",")[0] in discussion]
        assert named, f"View {view}: name at least one of {list(speakers)[:4]} in the discussion"
    assert f'data.voice_list("{lesson.number}")' in _code(lesson)
