"""Lesson 00's views: two claims written down, read back for lesson 08; lesson 00b's chart view."""

import pandas as pd
import pytest

from aicourse import data, widgets
from aicourse.views import l00, l00b, l08


def test_untouched_cell_saves_nothing_and_says_so(tmp_path, capsys):
    l00.write_down(..., ..., folder=tmp_path)
    assert "Not written down yet" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("ids, why, problem", [
    ("C01, C02", "they rest on official figures", "as a list"),
    (["C01"], "they rest on official figures", "exactly two"),
    (["C01", "C02", "C03"], "they rest on official figures", "exactly two"),
    (["C01", "C99"], "they rest on official figures", "'C99' is not a claim id"),
    (["C01", 3], "they rest on official figures", "3 is not a claim id"),
    (["C01", "c01"], "they rest on official figures", "two different claims"),
    (["C01", "C02"], ..., "one sentence"),
    (["C01", "C02"], "yes", "one sentence"),
    (None, None, "exactly two"),
])
def test_a_problem_is_named_and_nothing_is_saved(tmp_path, capsys, ids, why, problem):
    l00.write_down(ids, why, folder=tmp_path)
    out = capsys.readouterr().out
    assert out.startswith("Not saved:") and problem in out, out
    assert not (tmp_path / l00.EXPECTATIONS).exists()


def test_two_claims_are_saved_and_read_back(tmp_path, capsys):
    l00.write_down([" c04", "C12 "], "the data on firms and payments look solid", folder=tmp_path)
    assert "you expect C04 and C12 to hold" in capsys.readouterr().out
    saved, message = l00.read_expectations(tmp_path)
    assert list(saved["claim_id"]) == ["C04", "C12"]
    claims = data.load("claims").set_index("claim_id")
    assert list(saved["claim"]) == [claims.loc["C04", "claim"], claims.loc["C12", "claim"]]
    assert "lesson 00" in message
    l00.write_down(["C01", "C02"], "the plan and the standing look well documented",
                   folder=tmp_path)
    assert (tmp_path / "expectations.previous.csv").is_file()  # the earlier choice is kept
    assert list(l00.read_expectations(tmp_path)[0]["claim_id"]) == ["C01", "C02"]


def test_a_missing_or_edited_file_is_left_alone(tmp_path):
    saved, message = l00.read_expectations(tmp_path)
    assert saved is None and "No two claims" in message
    target = tmp_path / l00.EXPECTATIONS
    target.write_text("nonsense\n1,2\n", encoding="utf-8")
    saved, message = l00.read_expectations(tmp_path)
    assert saved is None and "Could not read" in message
    assert target.read_text(encoding="utf-8") == "nonsense\n1,2\n"


def test_lesson_08_sees_them_beside_both_verdicts(tmp_path, capsys):
    l00.write_down(["C04", "C12"], "the data on firms and payments look solid", folder=tmp_path)
    mine = pd.DataFrame({"claim_id": ["C04", "C05"], "my_verdict": ["not supported", "supported"]})
    result = l08.look_back(mine, folder=tmp_path)
    assert isinstance(result, widgets.ViewResult) and result.figure is None
    table = result.table.set_index("claim_id")
    reference = data.load("claims").set_index("claim_id")["reference_verdict"]
    assert table.loc["C04", "the course's verdict"] == reference["C04"]
    assert table.loc["C04", "your verdict"] == "not supported"
    assert table.loc["C12", "your verdict"] == "not rated yet"
    assert "0 of them hold" in result.notes[-1]
    assert set(result.sources) <= set(data.sources()["source_id"]) and result.sources


def test_lesson_08_without_a_file_gets_a_prompt(tmp_path):
    result = l08.look_back(folder=tmp_path)
    assert result.table is None and "Which two would you have picked" in result.notes[0]


def test_edition_view_draws_one_edition_without_the_world_row():
    table = data.load("private_ai_investment")
    for edition in l00b.editions():
        result = l00b.edition_view(edition)
        rows = table[(table["edition"] == edition) & (table["country"] != "World")]
        assert sorted(result.table["country"]) == sorted(rows["country"])
        assert set(result.sources) == set(rows["source_id"])
        assert "World" not in result.figure.alt_text and str(edition) in result.figure.axes[0].get_title("left")
    for bad in (1999, "2025", None, 2025.5):
        with pytest.raises(widgets.ViewError):
            l00b.edition_view(bad)
