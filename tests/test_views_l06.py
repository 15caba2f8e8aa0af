"""Lesson 06's rules view: filters return the right rows, dates and gaps are the table's, bad
inputs are refused in words a learner understands. The chart helpers place labels apart, name
people as the data do, and describe every point; the lesson asks the retrieval questions it
defines."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from aicourse import data, lessons, widgets
from aicourse.build import nbfiles
from aicourse.questions import l06 as questions
from aicourse.views import l06


def test_days_to_force_is_in_force_minus_adopted():
    table = l06.rules().set_index("instrument")
    pipl = table.loc["Personal Information Protection Law (PIPL)"]
    raw = data.load("rules_timeline").set_index("instrument").loc["Personal Information Protection Law (PIPL)"]
    assert pipl["days_to_force"] == (raw["in_force"] - raw["adopted"]).days > 0
    assert table["days_to_force"].dropna().ge(0).all()  # never takes effect before adoption


def test_source_quality_comes_from_the_sources_table():
    table = l06.rules()
    quality = data.sources().set_index("source_id")["quality"]
    expected = [sid for sid in data.load("rules_timeline")["source_id"] if quality[sid] == "weak"]
    assert list(table.loc[table["source_quality"] == "weak", "source_id"]) == expected


def test_theme_filter_keeps_only_that_theme():
    table = l06.rules_table("generative AI")
    assert set(table["theme"]) == {"generative AI"}
    assert set(table["jurisdiction"]) == {"China", "European Union"}
    assert len(l06.rules_table(l06.ALL)) == len(data.load("rules_timeline"))


def test_binding_only_drops_guidance():
    everything = l06.rules_table(l06.ALL)
    binding = l06.rules_table(l06.ALL, binding_only=True)
    assert set(binding["binding"]) == {"yes"}
    assert len(everything) - len(binding) == (everything["binding"] == "no").sum() > 0


def test_year_range_keeps_rules_whose_span_touches_it():
    table = l06.rules_table(l06.ALL, (2017, 2017))
    # the Cybersecurity Law was adopted in 2016 and took effect in 2017; the GDPR spans 2016-2018
    assert set(table["instrument"].map(l06.short_name)) == {"Cybersecurity Law",
                                                             "General Data Protection Regulation"}


def test_view_draws_every_row_and_names_conflicts():
    result = l06.rules_view("synthetic content", (2022, 2023))
    assert isinstance(result, widgets.ViewResult)
    assert len(result.table) == 2 and "Deep synthesis provisions" in result.figure.alt_text
    assert "2022-11-03" in result.figure.alt_text and "2022-11-25" in result.figure.alt_text
    assert any("different dates" in n for n in result.notes)
    assert set(result.sources) == set(l06.rules_table("synthetic content", (2022, 2023))["source_id"])
    plt.close(result.figure)


def test_every_theme_draws_over_the_full_range():
    for theme in l06.theme_options():
        result = l06.rules_view(theme)
        assert result.figure.alt_text.split(" ", 3)[:3] == ["Rules", "(themes)", "shown:"]
        assert "Timeline of data and AI rules" in result.figure.alt_text
        plt.close(result.figure)


def test_subtitle_counts_rules_and_themes_of_each_jurisdiction():
    result = l06.rules_view()
    table = data.load("rules_timeline")
    china = table[table["jurisdiction"] == "China"]
    assert f"China {china['instrument'].nunique()} ({china['theme'].nunique()})" in result.figure.alt_text
    plt.close(result.figure)


def test_short_names_are_short_and_keep_the_stage():
    for instrument in data.load("rules_timeline")["instrument"]:
        assert len(l06.short_name(instrument)) <= 45, instrument
    assert l06.short_name("Executive Order 14179: Removing Barriers to American Leadership in AI") \
        == "Executive Order 14179"
    stages = {i for i in data.load("rules_timeline")["instrument"] if i.startswith("AI Act")}
    names = {l06.short_name(i) for i in stages}
    assert len(stages) > 1 and len(names) == len(stages)  # each stage keeps its own name


@pytest.mark.parametrize("args, words", [
    (("no such theme",), "choose a theme"),
    ((["generative AI"],), "choose a theme"),
    ((l06.ALL, (2030, 2031)), "between 2016 and 2028"),
    ((l06.ALL, (2024, 2020)), "must not come after"),
    ((l06.ALL, 2020), "as a pair"),
    ((l06.ALL, (True, 2020)), "whole numbers"),
    ((l06.ALL, (2016, 2028), "yes"), "ticked"),
    (("frontier AI", (2016, 2020)), "no rule in the table"),
])
def test_bad_inputs_are_refused_in_words(args, words):
    with pytest.raises(widgets.ViewError, match=words):
        l06.rules_view(*args)


# --- chart helpers ----------------------------------------------------------------------------

YEARS = (pd.Timestamp("2018-01-01"), pd.Timestamp("2026-01-01"))


def test_stack_lifts_a_point_whose_label_would_run_into_another():
    table = pd.DataFrame({"date": pd.to_datetime(["2019-01-01", "2019-03-01", "2024-01-01"]),
                          "label": ["a long label here", "next", "far away"]})
    y = l06.stack(table, 0, YEARS, width=6)
    assert y.tolist() == [0, 0.3, 0]  # the second is lifted; the third has room again
    two_lanes = l06.stack(table, pd.Series([0, 1, 1]), YEARS, width=6)
    assert two_lanes.tolist() == [0, 1, 1]  # points in different lanes never lift each other


def test_short_names_keep_chinese_names_whole():
    assert l06.short_who("Zhao Lijian") == "Zhao Lijian"
    assert l06.short_who("Steven Feldstein") == "Feldstein"
    for who in data.load("surveillance_evidence")["who"]:
        assert 0 < len(l06.short_who(who)) <= 22, who
    assert l06.analyst_label("Shen Kui (沈岿)", "China", 1) == "Shen"
    assert l06.analyst_label("Xu Xu, Genia Kostka and Xun Cao", "outside China", 1) == "Xu et al."
    assert l06.analyst_label("Rogier Creemers", "outside China", 2) == "Creemers (2 quotes)"


def test_credit_points_have_one_point_per_document_and_per_author_year_aspect():
    credit, opinions = data.load("social_credit"), data.load("social_credit_views")
    points = l06.credit_points(credit, opinions)
    assert (points["kind"] == "document").sum() == credit["title"].nunique()
    views = points[points["kind"] != "document"]
    assert len(views) == len(opinions.drop_duplicates(["author", "year", "aspect"]))
    assert not points[["label", "date"]].duplicated().any()  # no name drawn twice in one year
    assert set(points["lane"]) == set(l06.CREDIT_LANES)
    assert set(points["kind"]) == set(l06.CREDIT_MARKS)


def test_statements_alt_names_every_point_in_its_lane():
    s = data.load("surveillance_evidence")
    points = s.assign(date=pd.to_datetime(s["date"], format="ISO8601"),
                      label=s["who"].map(l06.short_who))
    alt = l06.statements_alt(points, "stance")
    for stance in points["stance"].unique():
        assert f"{stance}:" in alt
    assert all(label in alt for label in points["label"])


def test_filings_alt_gives_every_count_with_its_qualifier():
    f = data.load("algorithm_filings")
    genai = f[f["measure"] == "generative AI service filing"]
    totals, first = genai[genai["count_kind"] == "cumulative"], genai[genai["count_kind"] == "first batch"]
    deep = f[(f["measure"] == "deep synthesis algorithm filing") & (f["count_kind"] == "batch")]
    running = deep.assign(running_total=deep["count"].cumsum())
    alt = l06.filings_alt(running, totals, first)
    for r in totals.itertuples():
        said = ("more than " if r.qualifier == "more than" else "") + f"{r.count:,}"
        assert said in alt
    assert all(t in alt for t in first["count_text"])
    assert f"{running['running_total'].max():,}" in alt


def test_the_lesson_asks_each_retrieval_question_with_its_options():
    lesson = next(l for l in lessons.load()[1] if l.number == "06")
    md = "\n".join(nbfiles.source(c) for c in nbfiles.read(lesson.path())["cells"]
                   if c["cell_type"] == "markdown")
    lines = {line.strip() for line in md.splitlines()}
    for q in questions.RECALL:
        for letter, text in getattr(q, "options", {}).items():
            assert f"- {letter}: {text}" in lines, (q.qid, letter)
