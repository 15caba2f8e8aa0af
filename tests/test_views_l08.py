"""Lesson 08: the evidence browser, the rating form and the learner's file."""

import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from aicourse import data, lessons, widgets
from aicourse.views import l00, l08

CLAIMS = data.load("claims").set_index("claim_id")
N = len(CLAIMS)


def test_claim_card_hides_the_verdict_and_shows_the_evidence():
    result = l08.claim_view("C04")
    text = " ".join(result.notes)
    row = CLAIMS.loc["C04"]
    titles = {l.number: l.title for l in lessons.load()[1]}
    assert row["claim"] in text
    assert all(f"{n} {titles[n]}" in text for n in row["lessons"].split("|"))
    assert row["reference_verdict"] not in text  # the reference verdict stays hidden
    cited = [p.split(":", 1)[1] for p in row["evidence"].split("|")]
    excerpts = data.sources().set_index("source_id").loc[cited, "excerpt"]
    assert list(result.table["what it says"]) == list(excerpts)  # the source's own words
    assert list(result.sources) == cited


def test_claims_without_evidence_say_so():
    without = CLAIMS[CLAIMS["evidence"].isna()].index[0]
    result = l08.claim_view(without)
    assert "no figure" in result.table["evidence"].item()
    assert result.sources == ()


@pytest.mark.parametrize("bad", ["C99", None, 3, ["C01"], "c01"])
def test_claim_view_refuses_unknown_claims(bad):
    with pytest.raises(widgets.ViewError, match="choose a claim"):
        l08.claim_view(bad)


def test_save_and_load_round_trip(tmp_path):
    mine = l08.blank_evaluation()
    mine.loc[mine["claim_id"] == "C04", ["my_verdict", "my_reason"]] = ["not supported", "Xiaomi, not Huawei"]
    message = l08.save_evaluation(mine, tmp_path)
    assert message == f"Saved 1 of {N} ratings to " + tmp_path.name + "/capstone_evaluation.csv."
    saved = pd.read_csv(tmp_path / l08.FILE_NAME)
    assert list(saved.columns) == [*l08.COLUMNS, "saved_at"] and len(saved) == N
    loaded, said = l08.load_evaluation(tmp_path)
    assert f"1 of {N}" in said
    row = loaded.set_index("claim_id").loc["C04"]
    assert (row["my_verdict"], row["my_reason"]) == ("not supported", "Xiaomi, not Huawei")
    assert not list(tmp_path.glob("*.partial"))


def test_a_broken_file_is_left_alone_and_work_starts_afresh(tmp_path):
    target = tmp_path / l08.FILE_NAME
    target.write_text("claim_id,my_verdict\nC01,brilliant\n", encoding="utf-8")
    loaded, said = l08.load_evaluation(tmp_path)
    assert "starting afresh" in said and (loaded["my_verdict"] == l08.NOT_RATED).all()
    assert target.read_text(encoding="utf-8") == "claim_id,my_verdict\nC01,brilliant\n"


def test_saving_never_destroys_an_earlier_file(tmp_path):
    """An unreadable file is kept under a new name; a readable one as the previous version."""
    target = tmp_path / l08.FILE_NAME
    broken = "claim_id;my_verdict\nC01;edited in a spreadsheet\n"
    target.write_text(broken, encoding="utf-8")
    mine = l08.blank_evaluation()
    mine.loc[mine["claim_id"] == "C04", "my_verdict"] = "not supported"
    said = l08.save_evaluation(mine, tmp_path)
    kept = list(tmp_path.glob("capstone_evaluation.unreadable-*.csv"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == broken and kept[0].name in said
    first = target.read_text(encoding="utf-8")
    mine.loc[mine["claim_id"] == "C05", "my_verdict"] = "supported"
    said = l08.save_evaluation(mine, tmp_path)
    assert "could not be read" not in said
    assert (tmp_path / "capstone_evaluation.previous.csv").read_text(encoding="utf-8") == first
    assert l08.load_evaluation(tmp_path)[1].startswith("Loaded your saved evaluation: 2 of")


def test_the_work_folder_is_not_part_of_the_course():
    from aicourse import lessons

    ignored = (lessons.ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert l08.work_folder().name + "/" in ignored


@pytest.mark.parametrize("bad, words", [
    ("a string", "must be a table"),
    (pd.DataFrame({"claim_id": ["C01"]}), "must be a table"),
])
def test_bad_evaluations_are_refused_in_words(bad, words, tmp_path):
    with pytest.raises(l08.SaveError, match=words):
        l08.save_evaluation(bad, tmp_path)


def test_unknown_verdicts_and_claims_are_refused(tmp_path):
    mine = l08.blank_evaluation()
    mine.loc[0, "my_verdict"] = "brilliant"
    with pytest.raises(l08.SaveError, match="'brilliant' is not a verdict"):
        l08.save_evaluation(mine, tmp_path)
    mine = l08.blank_evaluation()
    mine.loc[0, "claim_id"] = "C99"
    with pytest.raises(l08.SaveError, match="not a claim"):
        l08.save_evaluation(mine, tmp_path)


def test_unwritable_folder_gives_advice(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(l08.SaveError, match="could not write"):
        l08.save_evaluation(l08.blank_evaluation(), blocker / "sub")


def test_compare_marks_agreement():
    mine = l08.blank_evaluation()
    reference = data.load("claims").set_index("claim_id")["reference_verdict"]
    mine.loc[0, "my_verdict"] = reference["C01"]
    mine.loc[1, "my_verdict"] = next(v for v in l08.VERDICTS if v != reference["C02"])
    same = l08.compare_table(mine).set_index("claim_id")["same"]
    assert (same["C01"], same["C02"], same["C03"]) == ("yes", "no", "not rated")


def test_form_remembers_saves_and_reloads(tmp_path):
    form = l08.rating_form(tmp_path)
    choose, _, verdict, reason, buttons, status, _ = form.children
    save, compare = buttons.children
    choose.value = "C04"
    verdict.value = "not supported"
    reason.value = "BATX has Xiaomi as its X"
    choose.value = "C05"  # moving on keeps the rating of C04 ...
    assert verdict.value == l08.NOT_RATED and reason.value == ""
    choose.value = "C04"  # ... and coming back shows it
    assert (verdict.value, reason.value) == ("not supported", "BATX has Xiaomi as its X")
    save.click()
    assert f"Saved 1 of {N}" in status.value
    compare.click()
    again = l08.rating_form(tmp_path)  # a new session reloads the file
    assert f"1 of {N} claims rated" in again.children[5].value
    again.children[0].value = "C04"
    assert again.children[2].value == "not supported"


def test_verdicts_view_counts_every_claim():
    result = l08.verdicts_view("claim_type")
    fig = result.figure
    counts = data.load("claims")["reference_verdict"].value_counts()
    said = {}  # the alt text gives "<verdict> <n>" per kind of claim; add them up per verdict
    for verdict, n in re.findall(rf"(?:: |, )({'|'.join(l08.VERDICTS)}) (\d+)", fig.alt_text):
        said[verdict] = said.get(verdict, 0) + int(n)
    assert said == counts.to_dict()
    assert result.table.sum().to_dict() == counts.to_dict()
    assert sum(p.get_width() for p in fig.axes[0].patches) == N
    assert all(f"{n} {v}" in fig.alt_text.split(" Stacked")[0] for v, n in counts.items())  # subtitle
    plt.close(fig)
    with pytest.raises(widgets.ViewError):
        l08.verdicts_view("colour")


def _expectations(folder, ids, why="they looked well supported to me"):
    folder.mkdir(exist_ok=True)
    pd.DataFrame({"claim_id": ids, "claim": [CLAIMS.loc[i, "claim"] for i in ids],
                  "why": why, "written_at": "2026-01-01T10:00:00"}).to_csv(
        folder / l00.EXPECTATIONS, index=False)


def test_look_back_without_a_file_asks_for_two_claims(tmp_path):
    result = l08.look_back(folder=tmp_path)
    assert result.table is None and "Which two" in result.notes[0]


def test_look_back_sets_the_two_claims_beside_both_verdicts(tmp_path):
    ids = list(CLAIMS.index[:2])
    _expectations(tmp_path, ids)
    mine = l08.blank_evaluation()
    mine.loc[mine["claim_id"] == ids[0], "my_verdict"] = "supported"
    result = l08.look_back(mine, tmp_path)
    table = result.table.set_index("claim_id")
    assert list(table.index) == ids
    assert list(table["the course's verdict"]) == list(CLAIMS.loc[ids, "reference_verdict"])
    assert list(table["your verdict"]) == ["supported", l08.NOT_RATED]
    assert "1 of them" in result.notes[-1]
    assert set(result.sources) <= set(data.sources()["source_id"])


@pytest.mark.parametrize("text", ["not,a,csv\n\"\n", "claim_id;why\nC01;x\n", "claim_id,why\nC99,x\n"])
def test_look_back_leaves_a_broken_file_alone(tmp_path, text):
    target = tmp_path / l00.EXPECTATIONS
    target.write_text(text)
    result = l08.look_back(folder=tmp_path)
    assert result.table is None and result.notes
    assert target.read_text() == text
