"""The data: schema and types per the data dictionary, every row sourced, cross-checks."""

import json
import re
import shutil

import excerpts  # tests/excerpts.py
import pandas as pd
import pytest

from aicourse import data
from aicourse.errors import DataError

DATA = data.find_data_dir()
LISTING = data.datasets()
NAMES = list(LISTING["dataset"])
SOURCED = list(LISTING.loc[LISTING["sourced"] == "yes", "dataset"])
FIGURE_KINDS = set(data.FIGURE_KINDS)


def test_every_csv_is_listed_and_every_listed_dataset_exists():
    on_disk = {p.stem for p in DATA.glob("*.csv")} - {"datasets", "dictionary", "sources"}
    assert on_disk == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_dataset_loads_with_dictionary_types(name):
    table = data.load(name)
    spec = data.dictionary(name)
    assert list(table.columns) == list(spec["column"])
    assert len(table) > 0
    expected = {"str": "string", "int": "Int64", "float": "float64", "date": "datetime64[ns]"}
    for _, col in spec.iterrows():
        assert str(table[col["column"]].dtype) == expected[col["type"]], col["column"]


def test_dictionary_is_complete():
    spec = data.dictionary()
    assert set(spec["dataset"]) == set(NAMES)
    assert spec["type"].isin(data.TYPES).all()
    assert (spec["description"].str.len() > 10).all()
    numeric = spec[spec["type"].isin(["int", "float"])]
    assert (numeric["unit"] != "").all(), "every numeric column states its unit"


@pytest.mark.parametrize("name", SOURCED)
def test_sourced_rows_name_their_source_and_kind(name):
    table = data.load(name)
    assert table["source_id"].notna().all()
    assert set(table["figure_kind"]) <= FIGURE_KINDS


def test_every_source_is_complete_and_used():
    src = data.sources()
    assert src["source_id"].is_unique
    for _, row in src.iterrows():
        for field in ("publisher", "title", "date", "url", "quality", "excerpt"):
            assert row[field].strip(), f"{row['source_id']}: empty {field}"
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?|n\.d\.", row["date"]), row["source_id"]
        assert re.match(r"https?://\S+$", row["url"]), row["source_id"]
        assert row["url"].count("://") == 1 and "/tmp/" not in row["url"], row["source_id"]
        assert row["quality"] in data.QUALITY
        # publishers appear in chart source lines, whose font has no Chinese characters
        assert not re.search(r"[\u4e00-\u9fff]", row["publisher"]), row["source_id"]
        assert len(row["excerpt"].split()) <= 60 or len(row["excerpt"]) <= 200
    used = set()
    for name in SOURCED:
        table = data.load(name)
        for column in [c for c in table.columns if c.endswith("source_id")]:
            used |= set(table[column].dropna())
    cited = set()  # a lesson may cite a source in its text by its id, written `source_id`
    ids = set(src["source_id"])
    for name in SOURCED:  # and a row's note may cite a second source by its id
        for text in data.load(name).select_dtypes("string").stack().dropna():
            cited |= ids & set(re.findall(r"[a-z0-9_]+", text))
    for path in (DATA.parent / "notebooks").glob("*.ipynb"):
        cited |= set(re.findall(r"`([a-z0-9_]+)`", path.read_text(encoding="utf-8")))
    unused = set(src["source_id"]) - used - cited
    assert not unused, f"sources.csv holds sources that no row or lesson uses: {unused}"


def test_claims_point_at_lessons_that_exist():
    from aicourse import lessons

    _, all_lessons = lessons.load()
    numbers = {l.number for l in all_lessons}
    claims = data.load("claims")
    for _, row in claims.iterrows():
        assert set(row["lessons"].split("|")) <= numbers, row["claim_id"]


# --- cross-checks ------------------------------------------------------------------------------

def test_targets_grow_and_related_exceeds_core():
    t = data.load("aidp_targets").pivot(index="target_year", columns="segment",
                                        values="value_rmb_bn")
    assert (t["AI-related industries"] > t["core AI industry"]).all()
    assert t["core AI industry"].is_monotonic_increasing
    assert list(t.index) == [2020, 2025, 2030]


def test_exchange_rate_sources_agree_within_two_percent():
    fx = data.load("exchange_rates")
    spread = fx.groupby("year")["rmb_per_usd"].agg(lambda s: s.max() / s.min() - 1)
    assert (spread < 0.02).all(), spread[spread >= 0.02]


def test_timeline_is_within_range_and_sourced():
    t = data.load("policy_timeline")
    assert t["date"].between(pd.Timestamp("2015-01-01"), pd.Timestamp("2025-12-31")).all()
    assert t["title_zh"].str.contains(r"[\u4e00-\u9fff]").all(), "Chinese titles in characters"


def test_industry_sizes_are_below_the_related_industry_targets():
    size = data.load("industry_size")
    top = data.load("aidp_targets")["value_rmb_bn"].max()
    assert (size["value_rmb_bn"] < top).all()


# --- malformed files give messages that name the file, line and column -------------------------

@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv("AICOURSE_DATA", str(copy))
    return copy


def _corrupt(path, line, column, value):
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table.loc[line - 2, column] = value
    table.to_csv(path, index=False)


@pytest.mark.parametrize("column,value,words", [
    ("value_rmb_bn", "lots", "is not a number"),
    ("target_year", "2020.5", "is not a whole number"),
    ("segment", "", "a value is required"),
    ("figure_kind", "rumour", "is not one of"),
    ("source_id", "nowhere", "not in sources.csv"),
    ("value_rmb_bn", "-5", "outside the allowed range"),
])
def test_malformed_value_is_located(data_copy, column, value, words):
    _corrupt(data_copy / "aidp_targets.csv", 3, column, value)
    with pytest.raises(DataError) as err:
        data.load("aidp_targets")
    message = str(err.value)
    assert "aidp_targets.csv, line 3" in message
    assert words in message


def test_bad_date_and_duplicate_key_and_missing_column(data_copy):
    _corrupt(data_copy / "policy_timeline.csv", 2, "date", "July 2017")
    with pytest.raises(DataError, match=r"policy_timeline.csv, line 2, column 'date'"):
        data.load("policy_timeline")
    path = data_copy / "aidp_targets.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(rows + [rows[1]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="repeats an earlier row"):
        data.load("aidp_targets")
    table = pd.read_csv(data_copy / "exchange_rates.csv", dtype=str).drop(columns="series")
    table.to_csv(data_copy / "exchange_rates.csv", index=False)
    with pytest.raises(DataError, match="missing: series"):
        data.load("exchange_rates")


def test_a_repeated_key_names_the_later_row_of_the_first_pair(data_copy):
    """Rows 2 and 9 share a key, and rows 4 and 5: line 5 is the first row that repeats one."""
    path = data_copy / "aidp_targets.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    key = ["target_year", "segment"]
    table = pd.concat([table, table.iloc[[0, 0]]], ignore_index=True)  # lines 8 and 9
    table.loc[3, key] = table.loc[2, key].to_numpy()  # line 5 repeats line 4; line 9 line 2
    table.loc[6, key] = ["2025", "AI-related industries"]  # line 8: the key line 5 had
    table.to_csv(path, index=False)
    with pytest.raises(DataError, match=r"aidp_targets.csv, line 5: the key"):
        data.load("aidp_targets")


@pytest.mark.parametrize("text", ["2017/07/20", "20/07/2017", "20170720", "2017-7-20", "2017-07-20T10:00"])
def test_a_date_is_written_yyyy_mm_dd(data_copy, text):
    _corrupt(data_copy / "policy_timeline.csv", 2, "date", text)
    with pytest.raises(DataError, match=r"line 2, column 'date': .* is not a date written YYYY-MM-DD"):
        data.load("policy_timeline")


def test_a_date_outside_the_dictionary_range_is_refused(data_copy):
    spec = pd.read_csv(data_copy / "dictionary.csv", dtype=str, keep_default_na=False)
    where = (spec["dataset"] == "policy_timeline") & (spec["column"] == "date")
    spec.loc[where, ["min", "max"]] = ["2015-01-01", "2025-12-31"]
    spec.to_csv(data_copy / "dictionary.csv", index=False)
    _corrupt(data_copy / "policy_timeline.csv", 2, "date", "2014-12-31")
    with pytest.raises(DataError, match=r"line 2, column 'date': 2014-12-31 is outside the allowed range"):
        data.load("policy_timeline")


def test_importing_the_data_module_changes_nothing_outside_a_notebook():
    """No pandas option or IPython handler is set by an import in a script or a test."""
    import subprocess
    import sys

    code = ("import pandas as pd; before = pd.get_option('display.max_colwidth'); "
            "import aicourse.data; assert pd.get_option('display.max_colwidth') == before")
    subprocess.run([sys.executable, "-c", code], cwd=data.find_data_dir().parent, check=True)


def test_unknown_dataset_and_missing_folder(monkeypatch, tmp_path):
    with pytest.raises(DataError, match="no dataset called"):
        data.load("nothing_here")
    with pytest.raises(DataError, match="not"):
        data.load(42)
    monkeypatch.setenv("AICOURSE_DATA", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(data, "__file__", str(tmp_path / "x" / "data.py"))
    with pytest.raises(DataError, match="Could not find the course's data folder"):
        data.find_data_dir()


def test_source_line_names_publishers():
    line = data.source_line(data.load("aidp_targets"))
    assert line.startswith("Source") and "data/sources.csv" in line


def test_source_line_can_name_every_publisher():
    """A chart whose points come from many sources can name them all (most=None): lesson 01's
    chart of reported industry sizes must not end its source line in 'and 6 more'."""
    sizes = data.load("industry_size")
    short, full = data.source_line(sizes), data.source_line(sizes, most=None)
    assert re.search(r"and \d+ more", short) and not re.search(r"and \d+ more", full)
    publishers = {re.split(r" \(|, ", p)[0] for p in data.sources().set_index("source_id")
                  .loc[sizes["source_id"], "publisher"]}
    assert all(p in full for p in publishers)


# --- cross-checks between datasets (issue 4) ----------------------------------------------------

def population_by_year():
    pop = data.load("population")
    return pop.groupby("year")["population_million"].mean()


def test_5g_users_never_exceed_the_population():
    five_g = data.load("five_g")
    users = five_g[(five_g["indicator"] == "5g_users") & (five_g["status"] == "reported")]
    pop = population_by_year()
    checked = 0
    for _, row in users.iterrows():
        year = int(row["period"][:4])
        if year in pop.index:
            assert row["value"] < pop[year], f"5G users above population in {row['period']}"
            checked += 1
    assert checked >= 3


def test_internet_penetration_agrees_with_users_and_population():
    """CNNIC's penetration is users / population; allow 1.5 points for the population's date."""
    net = data.load("internet_users").dropna(subset=["penetration_pct"])
    pop = population_by_year()
    checked = 0
    for _, row in net.iterrows():
        year, month = int(row["survey_date"][:4]), int(row["survey_date"][5:7])
        base = year if month == 12 else year - 1  # the nearest year-end population
        if base in pop.index:
            implied = 100 * row["users_million"] / pop[base]
            assert abs(implied - row["penetration_pct"]) < 1.5, (row["survey_date"], implied)
            checked += 1
    assert checked >= 8


def test_export_control_timeline_is_in_range():
    events = data.load("export_controls")
    assert events["date"].between(pd.Timestamp("2018-01-01"), pd.Timestamp("2025-12-31")).all()
    assert {"United States", "China"} <= set(events["actor"])


@pytest.mark.parametrize("name", ["ai_publications", "notable_models"])
def test_ai_index_series_keep_their_edition(name):
    """Editions revise back years: the edition is part of the key, so none is spliced."""
    key = LISTING.set_index("dataset").loc[name, "key"].split("|")
    assert "edition" in key
    table = data.load(name)
    assert table["edition"].notna().all()


def test_rules_are_adopted_before_they_take_effect():
    rules = data.load("rules_timeline")
    both = rules.dropna(subset=["adopted", "in_force"])
    assert len(both) >= 10
    late = both[both["adopted"] > both["in_force"]]
    assert late.empty, late[["instrument", "adopted", "in_force"]]
    assert {"China", "European Union", "United States"} <= set(rules["jurisdiction"])


def test_pilot_zones_lie_inside_china():
    """A bounding box of China (about 18-54 N, 73-135 E) catches swapped or mistyped coordinates."""
    zones = data.load("pilot_zones")
    assert zones["latitude"].between(18, 54).all() and zones["longitude"].between(73, 135).all()
    assert zones["coord_source_id"].notna().all()


def test_hub_members_and_zone_cities_are_named():
    hubs = data.load("innovation_hubs")
    assert hubs["hub"].nunique() == 3


def test_claim_verdicts_rest_on_rows_that_exist():
    claims = data.load("claims")
    checkable = claims[claims["reference_verdict"] != "not checkable"]
    assert checkable["evidence"].notna().all(), "a verdict other than 'not checkable' needs evidence"
    for _, claim in claims.dropna(subset=["evidence"]).iterrows():
        for ref in claim["evidence"].split("|"):
            name, _, source_id = ref.partition(":")
            assert name in NAMES, f"{claim['claim_id']}: no dataset {name}"
            table = data.load(name)
            cited = set()
            for column in [c for c in table.columns if c.endswith("source_id")]:
                cited |= set(table[column].dropna())
            assert source_id in cited, f"{claim['claim_id']}: no row of {name} cites {source_id}"


SKIP_UNITS = {"year", "report number", "paragraph number", "degrees east", "degrees north",
              "batch number", "AI Index edition year"}


def _figures():
    """(dataset, line, column, value, unit, source_id) for every figure of every sourced row."""
    for name in SOURCED:
        table = data.load(name)
        spec = data.dictionary(name).set_index("column")
        columns = [c for c in table.columns if spec.loc[c, "type"] in ("int", "float")
                   and spec.loc[c, "unit"] not in SKIP_UNITS]
        for index, row in table.iterrows():
            for column in columns:
                if pd.isna(row[column]):
                    continue
                unit = spec.loc[column, "unit"]
                unit = row["unit"] if unit.startswith("see unit") else unit
                yield name, index + 2, column, float(row[column]), unit, row["source_id"]


FIGURES = list(_figures())


def test_every_figure_appears_in_its_source_excerpt():
    """A typed-in figure that its own quotation does not state, at the row's scale, is a typo
    or a wrong source (see tests/excerpts.py for how numbers and unit words are read)."""
    src = data.sources().set_index("source_id")
    missing = [f"{name} line {line}: {column}={value:g} {unit} ({sid})"
               for name, line, column, value, unit, sid in FIGURES
               if not excerpts.in_excerpt(value, unit, src.loc[sid, "excerpt"],
                                          src.loc[sid, "language"])]
    assert len(FIGURES) > 500
    assert missing == [], missing


def test_typos_of_a_figure_do_not_pass():
    """The check reads scale words: RMB 150 billion is not 15, 1500, 1.5 or 105 billion."""
    excerpt = "the core industry will exceed RMB 150 billion by 2020 and RMB 1 trillion by 2030"
    assert excerpts.in_excerpt(150, "RMB billion", excerpt)
    assert excerpts.in_excerpt(0.15, "RMB trillion", excerpt)
    assert excerpts.in_excerpt(1000, "RMB billion", excerpt)
    for typo in (15, 1500, 1.5, 105):
        assert not excerpts.in_excerpt(typo, "RMB billion", excerpt), typo
    assert excerpts.in_excerpt(1125, "million people", "网民规模达11.25亿人", "zh")
    assert not excerpts.in_excerpt(112.5, "million people", "网民规模达11.25亿人", "zh")
    assert excerpts.in_excerpt(67.8, "million people", "la France comptait 67,8 millions", "fr")
    assert excerpts.in_excerpt(1382, "million people", "reached 1 billion 382 million people")
    assert excerpts.in_excerpt(80.1, "percent", "penetration rate of 80.1%")
    assert not excerpts.in_excerpt(80.1, "percent", "80.1 million users")


def test_every_figure_is_protected_against_typos():
    """Mutation test: each figure times 10, divided by 10 and with two digits swapped must fail
    against its excerpt, unless the excerpt itself states the mutated number (then it is a
    different figure of the same source, e.g. RMB 1 and 10 trillion)."""
    src = data.sources().set_index("source_id")
    escaped, caught = [], 0
    for name, line, _column, value, unit, sid in FIGURES:
        excerpt, language = src.loc[sid, "excerpt"], src.loc[sid, "language"]
        stated = {round(n, 9) for n, _ in excerpts.numbers(excerpt, language)}
        for mutant in excerpts.mutations(value):
            if excerpts.in_excerpt(mutant, unit, excerpt, language):
                if round(mutant * excerpts.unit_scale(unit), 9) not in stated and \
                        unit not in excerpts.PERCENT_UNITS:
                    escaped.append(f"{name} line {line}: {value:g} -> {mutant:g}")
            else:
                caught += 1
    assert caught > 3 * len(FIGURES) * 0.9
    assert escaped == [], escaped


def test_references_show_every_row_however_long():
    everything = data.sources()[["source_id"]]
    assert len(everything) > 100  # longer than pandas shows by default
    refs = data.references(everything)
    assert len(refs) == len(everything)
    assert repr(refs).count("\n") > len(everything) and "\n..." not in repr(refs)
    assert refs._repr_html_().count("<tr") > len(everything)  # header row and every source


# --- data cut-off (issue 11) ------------------------------------------------------------------

LESSON_NUMBERS = [f"{n:02d}" for n in range(9)] + ["00b"]  # 00b: the pandas on-ramp


def _loaded_by(lesson: str) -> set[str]:
    """Datasets a lesson's notebook or its views module loads with data.load("...")."""
    texts = [p.read_text(encoding="utf-8") for p in (DATA.parent / "notebooks").glob(f"{lesson}_*.ipynb")]
    view = DATA.parent / "aicourse" / "views" / f"l{lesson}.py"
    if view.is_file():
        texts.append(view.read_text(encoding="utf-8"))
    return {name for text in texts for name in re.findall(r'data\.load\(\\?"([a-z0-9_]+)\\?"\)', text)}


@pytest.mark.parametrize("lesson", LESSON_NUMBERS)
def test_every_dataset_a_lesson_uses_is_listed_for_it(lesson):
    """The cut-off of a lesson is the newest source of the datasets listed for it in datasets.csv,
    so every dataset it loads must be listed there."""
    assert _loaded_by(lesson) <= set(data.lesson_datasets(lesson)) | {"claims"}


@pytest.mark.parametrize("lesson", LESSON_NUMBERS)
def test_each_lesson_states_its_cut_off_and_no_source_is_newer(lesson):
    """The header states the cut-off computed from the data now: a source added after the header
    was written, or a source dated later than the stated cut-off, fails here."""
    from aicourse import lessons

    path = next((DATA.parent / "notebooks").glob(f"{lesson}_*.ipynb"))
    header = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
    stated = re.search(r"figures as published up to ([A-Za-z]+ \d{4}|\d{4})", header)
    assert stated, f"lesson {lesson} states no data cut-off (run python3 tasks.py headers)"
    limit = pd.Timestamp(stated.group(1)) + pd.offsets.MonthEnd(0) if " " in stated.group(1) \
        else pd.Timestamp(f"{stated.group(1)}-12-31")
    scope = None if lesson == "00" else lesson
    names = data.lesson_datasets(scope) if scope else list(LISTING["dataset"])
    dates = data.sources().set_index("source_id").loc[data.source_ids(names, scope), "date"]
    later = [d for d in dates if data.source_date(d) is not None and data.source_date(d) > limit]
    assert later == [], f"lesson {lesson} uses sources dated after its stated cut-off: {later}"
    assert data.cutoff_sentence(scope) in header.replace("**", "").replace(":**", ":")
    assert lessons.ROOT == DATA.parent


def test_no_source_is_dated_in_the_future():
    today = pd.Timestamp.today()
    late = [(sid, d) for sid, d in data.sources()[["source_id", "date"]].itertuples(index=False)
            if data.source_date(d) is not None and data.source_date(d) > today]
    assert late == []


def test_readme_states_the_course_cut_off():
    assert data.cutoff_sentence() in (DATA.parent / "README.md").read_text(encoding="utf-8")


# --- reference verdicts follow the course's rules (issue 11) ----------------------------------

HEDGES = re.compile(r"cannot|can not|does not settle|do not settle|not settle|is a judgement|"
                    r"cannot be checked|no data", re.IGNORECASE)


def test_verdicts_follow_the_rules():
    """The rules are written in the data dictionary (claims.reference_verdict) and lesson 08."""
    claims = data.load("claims")
    cut = max(d for d in map(data.source_date, data.sources()["date"]) if d is not None)
    broken = []
    for _, c in claims.iterrows():
        verdict, kind = c["reference_verdict"], c["claim_type"]
        if kind == "forecast" and (pd.isna(c["due"]) or c["due"] > cut.year):
            if verdict != "not checkable":
                broken.append(f"{c['claim_id']}: a forecast before its date is 'not checkable'")
        if kind == "judgement" and verdict in ("supported", "not supported"):
            broken.append(f"{c['claim_id']}: a judgement can be informed, not settled")
        if verdict == "supported" and HEDGES.search(c["verdict_reason"]):
            broken.append(f"{c['claim_id']}: 'supported' with a reason that says part cannot be checked")
        if kind != "forecast" and not pd.isna(c["due"]):
            broken.append(f"{c['claim_id']}: only a forecast has a due year")
    assert broken == []


def test_the_verdict_rules_are_written_where_learners_read_them():
    rules = data.dictionary("claims").set_index("column").loc["reference_verdict", "description"]
    capstone = next((DATA.parent / "notebooks").glob("08_*.ipynb")).read_text(encoding="utf-8")
    for words in ("forecast", "judgement", "supported", "evidence"):
        assert words in rules
    assert "Rules for a verdict" in capstone


@pytest.mark.parametrize("case, rule", [
    ({"claim_type": "forecast", "due": None, "reference_verdict": "partly supported"}, "forecast"),
    ({"claim_type": "judgement", "reference_verdict": "supported"}, "judgement"),
    ({"claim_type": "fact", "reference_verdict": "supported",
      "verdict_reason": "True, but 'most advanced' cannot be compared."}, "supported"),
])
def test_the_verdict_rule_test_fails_on_a_seeded_break(monkeypatch, case, rule):
    claims = data.load("claims")
    row = claims.index[0]
    for column, value in case.items():
        claims.loc[row, column] = value
    monkeypatch.setattr(data, "load", lambda name: claims)
    with pytest.raises(AssertionError, match=rule):
        test_verdicts_follow_the_rules()


def test_every_weak_source_has_a_reason_in_the_data_notes():
    """A weak copy stays only with a reason (docs/data-notes/weak-sources.md)."""
    notes = (DATA.parent / "docs" / "data-notes" / "weak-sources.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `([a-z0-9_]+)` \|.*\| ([^|]+) \|$", notes, flags=re.M))
    weak = set(data.sources().query("quality == 'weak'")["source_id"])
    assert weak - set(listed) == set(), "add these weak sources, with a reason, to weak-sources.md"
    assert all(len(reason.split()) >= 3 for reason in listed.values())
