"""Class verdicts on generated files: good, duplicate, malformed and spreadsheet-saved ones.

The folder is made the way a teacher's would be: files saved by lesson 08 for several learners
(in subfolders and under their names), a copy handed in twice, an earlier save that lesson 08
kept aside, files a spreadsheet re-saved, and files that are not the capstone's at all. The
tests check the counts against the generated verdicts, that every file left out is named with
its reason, that no input file is changed, and that no output names a learner.
"""

import hashlib
import random

import pandas as pd
import pytest

from aicourse import lessons
from aicourse.build import classverdicts
from aicourse.views import l08

ROOT = lessons.ROOT
NAMES = ["Alice Wong", "Bram de Vries", "Chen Jing", "Dana Smith", "Emeka Obi"]


def _fingerprint(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """A folder of learners' files, and the verdicts each counted learner gave."""
    folder = tmp_path_factory.mktemp("collected")
    rng = random.Random(15)
    expected = []  # one {claim: verdict} per learner that must be counted
    for name in NAMES:
        table = l08.blank_evaluation()
        mine = {}
        for i, claim in enumerate(table["claim_id"]):
            if rng.random() < 0.85:
                verdict = rng.choice(l08.VERDICTS)
                table.loc[i, ["my_verdict", "my_reason"]] = [verdict, f"figure {rng.randint(1, 99)} for {claim}"]
                mine[claim] = verdict
        l08.save_evaluation(table, folder / name)
        expected.append(mine)
    # Dana saved twice: lesson 08 kept the first save as capstone_evaluation.previous.csv.
    again = pd.read_csv(folder / "Dana Smith" / l08.FILE_NAME, dtype=str, keep_default_na=False)
    l08.save_evaluation(again[l08.COLUMNS], folder / "Dana Smith")
    # Alice handed her file in twice, once under another name.
    (folder / "alice_resubmitted.csv").write_bytes(
        (folder / "Alice Wong" / l08.FILE_NAME).read_bytes())
    # Bram's file again, re-saved a second later (a different saved_at): same verdicts, reasons.
    bram = pd.read_csv(folder / "Bram de Vries" / l08.FILE_NAME, dtype=str, keep_default_na=False)
    bram.assign(saved_at="2030-01-01T00:00:00").to_csv(folder / "bram-again.csv", index=False)
    # Fatima's file went through a European spreadsheet: semicolons, Windows-1252, capitals,
    # spaces, an accented reason.
    fatima = {"C01": "partly supported", "C02": "not supported", "C03": "supported"}
    lines = ["claim_id;claim;my_verdict;my_reason"] + [
        f"{c};x;  {v.upper()} ;raison évidente" for c, v in fatima.items()]
    (folder / "fatima.csv").write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    expected.append(fatima)
    # Gao's file was edited by hand: an unknown claim, a verdict that is not one, a claim twice.
    lines = ["claim_id,claim,my_verdict,my_reason", "C04,x,not supported,first",
             "C99,x,supported,?", "C05,x,mostly true,hmm", "C04,x,partly supported,second"]
    (folder / "gao.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected.append({"C04": "partly supported"})
    # Not capstone files.
    (folder / "empty.csv").write_bytes(b"")
    (folder / "grades.csv").write_text("name,score\nA,3\n", encoding="utf-8")
    (folder / "photo.csv").write_bytes(bytes(range(256)) * 4)
    (folder / "notes.txt").write_text("remember to collect files\n", encoding="utf-8")
    (folder / "blank.csv").write_text(l08.blank_evaluation().to_csv(index=False),
                                      encoding="utf-8")
    return folder, expected


@pytest.fixture(scope="module")
def result(classroom, tmp_path_factory):
    folder, _ = classroom
    before = _fingerprint(folder)
    out = tmp_path_factory.mktemp("results") / "class-verdicts"
    written, report, learners = classverdicts.build(folder, out)
    return out, written, report, learners, before


def test_counts_match_the_generated_verdicts(classroom, result):
    _, expected = classroom
    out, _, _, learners, _ = result
    assert learners == len(expected)
    counts = pd.read_csv(out / "class-verdicts.csv").set_index("claim_id")
    for claim in l08.claim_ids():
        for verdict in l08.VERDICTS:
            want = sum(1 for mine in expected if mine.get(claim) == verdict)
            assert counts.loc[claim, verdict] == want, (claim, verdict)
        assert counts.loc[claim, "rated"] == sum(claim in mine for mine in expected)


def test_every_file_left_out_is_named_with_its_reason(result):
    _, _, report, _, _ = result
    text = "\n".join(report)
    for name, why in [("alice_resubmitted.csv", "the same file as Alice Wong/"),
                      ("bram-again.csv", "the same verdicts and reasons as Bram de Vries/"),
                      ("capstone_evaluation.previous.csv", "earlier save"),
                      ("empty.csv", "empty"), ("grades.csv", "no claim_id and my_verdict"),
                      ("photo.csv", "binary"), ("notes.txt", "not a .csv"),
                      ("blank.csv", "rates no claim")]:
        line = next((l for l in report if name in l and l.startswith("left out")), "")
        assert why in line, f"{name}: {line or 'not reported'}"
    assert "'C99' is not a claim" in text and "'mostly true' is not a verdict" in text
    assert "C04 is rated twice" in text and "Windows-1252" in text
    used = [l for l in report if l.startswith("used")]
    assert len(used) == len(NAMES) + 2


def test_learners_files_are_not_changed(classroom, result):
    folder, _ = classroom
    *_, before = result
    assert _fingerprint(folder) == before


def test_outputs_name_no_learner(result):
    _, written, _, _, _ = result
    assert sorted(p.name for p in written) == sorted(classverdicts.FILES)
    for path in written:
        text = path.read_bytes().decode("utf-8", "replace")
        for name in NAMES + ["alice", "bram", "fatima", "gao"]:
            assert name.split()[0] not in text and name not in text, (path.name, name)


def test_reasons_are_kept_without_names_of_files(result, classroom):
    out, *_ = result
    reasons = pd.read_csv(out / "class-reasons.csv")
    assert list(reasons.columns) == ["claim_id", "verdict", "reason"]
    assert "raison évidente" in set(reasons["reason"])
    assert reasons.equals(reasons.sort_values(["claim_id", "verdict", "reason"],
                                              ignore_index=True))


def test_split_table_and_chart(result):
    out, _, _, learners, _ = result
    page = (out / "class-splits.md").read_text(encoding="utf-8")
    counts = pd.read_csv(out / "class-verdicts.csv").set_index("claim_id")
    shares = counts[l08.VERDICTS].max(axis=1) / counts["rated"]
    split = sorted(shares[shares <= classverdicts.SPLIT].index)
    assert f"**Split ({len(split)}):**" in page
    for claim in split:
        assert f"| {claim}: " in page and page.split(f"| {claim}: ", 1)[1].split("\n")[0] \
            .rstrip().endswith("| yes |")
    alt = page.split("![", 1)[1].split("](class-verdicts.png)")[0]
    assert "C01:" in alt and "course:" in alt and len(alt) > 200
    png = (out / "class-verdicts.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    assert f"{learners} learners" in page


def test_a_second_run_replaces_only_its_own_files(classroom, result):
    folder, _ = classroom
    out, *_ = result
    (out / "my-notes.txt").write_text("keep me", encoding="utf-8")
    written, _, learners = classverdicts.build(folder, out)
    assert (out / "my-notes.txt").read_text() == "keep me"
    assert learners == result[3] and len(written) == len(classverdicts.FILES)


def test_command_line_messages(classroom, tmp_path, capsys):
    folder, _ = classroom
    assert classverdicts.main([str(tmp_path / "nowhere"), str(tmp_path / "out")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    (tmp_path / "none").mkdir()
    (tmp_path / "none" / "grades.csv").write_text("name,score\n", encoding="utf-8")
    assert classverdicts.main([str(tmp_path / "none"), str(tmp_path / "out2")]) == 1
    assert "could be counted" in capsys.readouterr().out
    assert not (tmp_path / "out2").exists()
    assert classverdicts.main([str(folder), str(folder)]) == 2
    assert "holds the learners' files" in capsys.readouterr().err
