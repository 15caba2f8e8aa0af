"""Reading a lesson's discussion and exercises from its notebook text."""

from aicourse import lessons
from aicourse.build import lessontext

DISCUSSION = """**Has the target been met?** Weigh two views.

- **View A: met early.** The ministry reports it.
  > "We met it." (A. Official, ministry, 2025)
- **View B: cannot tell.** No independent statistic.

> "The figures are not audited." (B. Analyst, think tank, 2024)

- **View C: too early.** A third reading.

Which view is stronger? What would settle it?
"""


def test_views_keep_what_is_written_under_them():
    d = lessontext.parse_discussion(DISCUSSION)
    assert d.intro == ["**Has the target been met?** Weigh two views."]
    assert [label for label, _ in d.views] == ["View A: met early", "View B: cannot tell",
                                               "View C: too early"]
    assert '"We met it."' in d.views[0][1]
    assert "not audited" in d.views[1][1], "a quote set under a view stays with it"
    assert d.closing == ["Which view is stronger? What would settle it?"]


def test_a_discussion_without_views_is_all_questions():
    d = lessontext.parse_discussion("1. First question?\n2. Second question,\n   on two lines?")
    assert d.views == [] and len(d.intro) == 2 and d


def test_every_lesson_has_a_discussion():
    _, all_lessons = lessons.load()
    for lesson in (l for l in all_lessons if l.available()):
        assert lessontext.discussion(lesson), lesson.slug
