"""Every lesson has the parts CONTRIBUTING.md lists; generated files are up to date; nothing leaks."""

import json
import re
from pathlib import Path

import pytest

from aicourse import lessons
from aicourse.build import headers, make_exercises, nbfiles

ROOT = lessons.ROOT
COURSE, LESSONS = lessons.load()
WRITTEN = [l for l in LESSONS if l.available()]
WITH_EXERCISES = [l for l in WRITTEN if l.has_exercises]
ALL_NOTEBOOKS = sorted(p for folder in lessons.FOLDERS for p in (ROOT / folder).glob("*.ipynb"))
LINK = re.compile(r"\]\(([^)\s]+)\)")


def text_of(nb, kind=None):
    return "\n".join(nbfiles.source(c) for c in nb["cells"] if kind in (None, c["cell_type"]))


def ids(items):
    return [getattr(i, "slug", None) or str(i.relative_to(ROOT)) for i in items]


def test_written_lessons_follow_the_sequence_without_gaps():
    """Navigation links each written lesson to the next: a lesson missing in between breaks it."""
    assert WRITTEN and WRITTEN == LESSONS[:len(WRITTEN)]


def test_nbval_ran_every_notebook(request):
    """The notebooks nbval collected are exactly those on disk that have code."""
    if not request.config.getoption("nbval", default=False):
        pytest.skip("run with --nbval (the README's test command does) to check this")
    asked = [Path(a.split("::")[0]).resolve() for a in request.config.args]
    folders = [ROOT / f for f in lessons.FOLDERS]
    if not any(a == f or a in f.parents for a in asked for f in folders):
        pytest.skip("this run was not asked to run the notebook folders")
    collected = set(getattr(request.config, "aicourse_notebooks", []))
    assert collected == {p.relative_to(ROOT).as_posix() for p in lessons.runnable_notebooks()}


@pytest.mark.parametrize("lesson", WRITTEN, ids=ids(WRITTEN))
def test_lesson_metadata_is_complete(lesson):
    assert lesson.overview and len(lesson.objectives) >= 3 and lesson.questions
    assert lesson.minutes_teaching > 0 and lesson.prerequisites
    if lesson.has_exercises:
        assert lesson.minutes_exercises > 0


@pytest.mark.parametrize("lesson", WRITTEN, ids=ids(WRITTEN))
def test_lesson_has_every_part(lesson):
    nb = nbfiles.read(lesson.path())
    md = text_of(nb, "markdown")
    code = text_of(nb, "code")
    first = nbfiles.source(nb["cells"][0])
    assert first.startswith("<!-- header:") and "Learning objectives" in first
    assert "Time:" in first and "Prerequisites" in first and "mybinder.org" in first
    for heading in ("## Key points", "## Sources and limitations", "## Discussion"):
        assert heading in md, f"{lesson.slug} lacks '{heading}'"
    assert md.count("Pause and predict") >= 1
    assert "two views" in md.lower() or "view a" in md.lower()
    assert "widgets.explore(" in code, "at least one widget"
    assert nbfiles.source(nb["cells"][1]).startswith("<!-- nav:")
    assert nbfiles.source(nb["cells"][-1]).startswith("<!-- nav:")


@pytest.mark.parametrize("lesson", WRITTEN, ids=ids(WRITTEN))
def test_lesson_has_two_charts_with_alt_text(lesson):
    nb = nbfiles.read(lesson.path())
    images = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]
              if "image/png" in o.get("data", {})]
    assert len(images) >= 2, "stored lesson notebooks show at least two charts"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=ids(ALL_NOTEBOOKS))
def test_every_chart_output_has_alt_text(path):
    """Alt text in the image's metadata and plain-text form, and as a text description after it."""
    from aicourse import charts

    for cell in nbfiles.read(path)["cells"]:
        outputs = cell.get("outputs", [])
        for i, out in enumerate(outputs):
            if "image/png" in out.get("data", {}):
                alt = out.get("metadata", {}).get("image/png", {}).get("alt", "")
                assert len(alt) > 30, f"chart without alt text in {path.name}"
                assert out["data"].get("text/plain", "") == f"[Chart] {alt}"
                following = outputs[i + 1]["data"].get("text/html") if i + 1 < len(outputs) else None
                assert following == charts.description_html(alt), \
                    f"chart without a text description after it in {path.name}"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=ids(ALL_NOTEBOOKS))
def test_notebook_is_clean(path):
    raw = path.read_text(encoding="utf-8")
    nb = json.loads(raw)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert set(nb["metadata"]) <= {"kernelspec", "language_info"}
    for cell in nb["cells"]:
        assert set(cell.get("metadata", {})) <= {"tags"}
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"stored error in {path.name}"
            assert out.get("name") != "stderr", f"stored warning in {path.name}: {out.get('text')}"
    # a path on the author's machine, not a path inside a web address (stanford.edu/work/...)
    assert not re.search(r"(?<![\w.-])(/home/|/root/|/Users/|/tmp/|/work/)|[A-Z]:\\\\Users", raw)
    assert nbfiles.dumps(json.loads(raw)) == raw, "not in normal form: run python3 tasks.py normalise"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=ids(ALL_NOTEBOOKS))
def test_links_resolve(path):
    for target in LINK.findall(text_of(nbfiles.read(path), "markdown")):
        if target.startswith(("http://", "https://", "#", "mailto:")):
            continue
        assert (path.parent / target.split("#")[0]).exists(), f"{path.name}: broken link {target}"


def test_readme_links_resolve():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in LINK.findall(text):
        if not target.startswith(("http://", "https://", "#")):
            assert (ROOT / target.split("#")[0]).exists(), target


def test_generated_cells_are_up_to_date():
    for lesson in WRITTEN:
        for kind in lessons.FOLDERS:
            path = lesson.path(kind)
            if not path.is_file():
                continue
            nb = nbfiles.read(path)
            fresh = headers.apply(nbfiles.read(path), COURSE, LESSONS, lesson, kind)
            old = [nbfiles.source(c) for c in nb["cells"] if headers.is_generated(c)]
            new = [nbfiles.source(c) for c in fresh["cells"] if headers.is_generated(c)]
            assert old == new, f"{path.name}: run python tasks.py headers"
    index = nbfiles.read(ROOT / "notebooks" / headers.CONTENTS)
    assert text_of(index) == text_of(headers.contents_notebook(COURSE, LESSONS, ROOT))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert headers.readme_table(COURSE, LESSONS, ROOT) in readme


@pytest.mark.parametrize("lesson", WITH_EXERCISES, ids=ids(WITH_EXERCISES))
def test_exercises_and_solutions_exist(lesson):
    assert lesson.path("solutions").is_file() and lesson.path("exercises").is_file()


def test_exercises_are_what_the_generator_writes():
    assert make_exercises.stale() == [], "run python tasks.py exercises"


@pytest.mark.parametrize("lesson", WITH_EXERCISES, ids=ids(WITH_EXERCISES))
def test_no_answer_leaks_into_exercises(lesson):
    solution = nbfiles.read(lesson.path("solutions"))
    exercise_text = text_of(nbfiles.read(lesson.path("exercises")))
    assert make_exercises.BEGIN not in exercise_text and make_exercises.MD_BEGIN not in exercise_text
    blocks = 0
    for cell in solution["cells"]:
        kept, removed = make_exercises.strip_code(nbfiles.source(cell), "")
        if cell["cell_type"] == "code" and removed:
            blocks += 1
            assert removed.strip() not in exercise_text
            for line in removed.splitlines():  # assignments are where answers live
                if ("=" in line and len(line.strip()) > 12 and not line.strip().startswith("#")
                        and line not in kept):  # the placeholder line stays by design
                    assert line not in exercise_text, f"answer line leaked: {line!r}"
    assert blocks >= 4, "at least four exercises"
    for cell in nbfiles.read(lesson.path("exercises"))["cells"]:
        assert cell.get("outputs", []) == [] and cell.get("execution_count") is None


@pytest.mark.parametrize("lesson", WITH_EXERCISES, ids=ids(WITH_EXERCISES))
def test_every_question_is_asked_and_answered(lesson):
    import importlib

    module = importlib.import_module(f"aicourse.questions.l{lesson.number}")
    solution = text_of(nbfiles.read(lesson.path("solutions")), "code")
    answers = json.loads((ROOT / "aicourse" / "answers" / f"l{lesson.number}.json").read_text(encoding="utf-8"))
    kinds = {type(q).__name__ for q in module.QUESTIONS}
    assert {"NumberQuestion", "ChartQuestion", "ChoiceQuestion", "TextQuestion"} <= kinds
    for q in module.QUESTIONS:
        assert f"{q.qid}.check(" in solution
        assert q.qid in answers


def test_marker_errors_are_reported():
    with pytest.raises(make_exercises.MarkerError):
        make_exercises.strip_code("### BEGIN SOLUTION\nx = 1\n", "cell")
    with pytest.raises(make_exercises.MarkerError):
        make_exercises.strip_code("x = 1\n### END SOLUTION\n", "cell")
    kept, removed = make_exercises.strip_code(
        "x = ...\n### BEGIN SOLUTION\nx = 2\n### END SOLUTION\nq1.check(x)\n", "cell")
    assert kept == "x = ...\nq1.check(x)" and removed == "x = 2"
    assert make_exercises.strip_markdown("a <!-- BEGIN SOLUTION -->secret<!-- END SOLUTION --> b") \
        == f"a {make_exercises.MD_PLACEHOLDER} b"


def test_solutions_only_cells_keep_their_answers_but_leave_the_exercises():
    """The keys to a lesson's "check your understanding" questions (r1, r2 ...) live in cells
    tagged solutions-only: recorded in the answers, absent from exercises/."""
    solution = nbfiles.notebook([
        nbfiles.markdown("## Exercise 1"),
        nbfiles.code("x = ...\n### BEGIN SOLUTION\nx = 2\n### END SOLUTION\nq1.check(x)"),
        nbfiles.markdown("## Exercise R (teachers' copy)", ["solutions-only"]),
        nbfiles.code("answer_1 = ...\n### BEGIN SOLUTION\nanswer_1 = \"b\"\n### END SOLUTION\n"
                     "r1.check(answer_1)", ["solutions-only"]),
    ])
    exercise, answers = make_exercises.convert(solution, "test")
    assert answers == {"q1": "x = 2", "r1": "answer_1 = \"b\""}
    text = "\n".join(nbfiles.source(c) for c in exercise["cells"])
    assert "r1.check" not in text and "Exercise R" not in text and "q1.check(x)" in text
