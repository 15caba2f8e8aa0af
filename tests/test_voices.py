"""The voices of each lesson's discussion: named, dated, quoted from their source, on both sides."""

import pytest

from aicourse import data
from aicourse.checks import _normal

VOICES = data.load("voices")
SOURCES = data.sources().set_index("source_id")
LESSONS = [f"{n:02d}" for n in range(9)] + ["00b"]  # 00b: the pandas on-ramp


@pytest.mark.parametrize("voice", VOICES.itertuples(), ids=list(VOICES["voice_id"]))
def test_every_quote_is_in_its_source_excerpt(voice):
    excerpt = _normal(SOURCES.loc[voice.source_id, "excerpt"])
    for part in [_normal(p) for p in voice.quote.replace("...", "…").split("…")]:
        assert part in excerpt, f"{voice.voice_id}: '{part[:40]}' not in {voice.source_id}"


def test_a_quote_not_in_english_has_a_named_translation():
    for voice in VOICES.itertuples():
        if SOURCES.loc[voice.source_id, "language"] != "en":
            assert isinstance(voice.quote_en, str) and voice.quote_en.strip(), voice.voice_id
            assert isinstance(voice.quote_en_by, str) and voice.quote_en_by.strip(), voice.voice_id


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_view_has_a_named_voice(lesson):
    views = VOICES[VOICES["lesson"] == lesson].groupby("view")["speaker"].count()
    assert set(views.index) == {"A", "B"} and (views >= 1).all(), lesson


def test_dates_are_not_after_their_sources():
    for voice in VOICES.itertuples():
        said, page = data.source_date(voice.date), data.source_date(SOURCES.loc[voice.source_id, "date"])
        second_page = isinstance(voice.date_source_id, str) and voice.date_source_id.strip()
        if said is not None and page is not None and not second_page:
            assert said.year <= page.year, voice.voice_id
