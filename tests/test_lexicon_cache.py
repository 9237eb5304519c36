"""The packaged trigger lexicon comes from a pickle on a warm start (issue 22), equal to
the one parsed from its files, and a damaged pickle is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.pipeline.common import triggerlexicon


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EVENTWIRE_DATA_DIR", str(tmp_path))
    triggerlexicon.load_lexicon.cache_clear()
    yield tmp_path / "cache"
    triggerlexicon.load_lexicon.cache_clear()


def test_cached_lexicon_equals_parsed(fresh_cache: Path) -> None:
    parsed = triggerlexicon._parse_files(())
    first = triggerlexicon.load_lexicon()  # builds and writes the pickle
    pickles = sorted(fresh_cache.glob("trigger-lexicon-*.pickle"))
    assert len(pickles) == 1
    triggerlexicon.load_lexicon.cache_clear()
    second = triggerlexicon.load_lexicon()  # read back from the pickle
    assert second is not first
    assert second == parsed == first
    assert second.by_word == parsed.by_word and second.masks == parsed.masks


def test_damaged_pickle_is_rebuilt(fresh_cache: Path) -> None:
    triggerlexicon.load_lexicon()
    (pickle,) = fresh_cache.glob("trigger-lexicon-*.pickle")
    pickle.write_bytes(b"not a pickle")
    triggerlexicon.load_lexicon.cache_clear()
    assert triggerlexicon.load_lexicon() == triggerlexicon._parse_files(())


def test_user_files_are_not_cached(fresh_cache: Path, tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("triggers: []\n", encoding="utf-8")
    lexicon = triggerlexicon.load_lexicon((str(extra),))
    assert lexicon == triggerlexicon._parse_files(())  # an empty user file adds nothing
    assert not list(fresh_cache.glob("trigger-lexicon-*.pickle"))
