"""Lesson 06's rules view: filters return the right rows, dates and gaps are the table's, bad
inputs are refused in words a learner understands."""

import matplotlib.pyplot as plt
import pytest

from aicourse import data, widgets
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
    fig, table, *notes = l06.rules_view("synthetic content", (2022, 2023))
    assert len(table) == 2 and "Deep synthesis provisions" in fig.alt_text
    assert "2022-11-03" in fig.alt_text and "2022-11-25" in fig.alt_text
    assert any("different dates" in n for n in notes)
    plt.close(fig)


def test_every_theme_draws_over_the_full_range():
    for theme in l06.theme_options():
        parts = l06.rules_view(theme)
        assert parts[0].alt_text.startswith("Timeline of data and AI rules")
        plt.close(parts[0])


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
