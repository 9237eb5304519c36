"""Relevance pre-filter: inflections, word boundaries, the lexicon's forms, the nlp stage."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.config import Settings
from eventwire.pipeline.nlp.prefilter import (
    TriggerPrefilter,
    build_prefilter,
    expand_forms,
    inflect,
    load_prefilter,
)
from eventwire.pipeline.nlp.stage import NlpStage, load_sentencizer
from eventwire.records import Document, Segment


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("kill", "killed"),
        ("kill", "kills"),
        ("kill", "killing"),
        ("seize", "seized"),
        ("seize", "seizing"),
        ("stab", "stabbed"),
        ("bury", "buried"),
        ("clash", "clashes"),
        ("die", "dying"),
        ("free", "freeing"),
        ("ambush", "ambushed"),
    ],
)
def test_inflect_produces_regular_forms(word: str, form: str) -> None:
    assert form in inflect(word)


def test_expand_forms_inflects_phrase_edges_and_hyphens() -> None:
    forms = expand_forms(["exchange fire", "car bomb", "cease-fire", "Sit - In"])
    assert {"exchanged fire", "car bombs", "cease fire", "ceasefire", "sit-in"} <= forms
    assert "sit in" in forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed two police officers in Mosul.", True),
        ("KILLED IN ACTION", True),
        ("Two car\nbombs exploded.", True),
        ("The skill of the players impressed.", False),  # "kill" inside a word
        ("Killarney won the cup.", False),
        ("Profits rose 5% in the third quarter.", False),
        ("", False),
    ],
)
def test_prefilter_matches_whole_words_only(text: str, expected: bool) -> None:
    is_candidate = build_prefilter(["kill", "car bomb"])
    assert is_candidate(text) is expected


def test_matches_reports_spans() -> None:
    prefilter = TriggerPrefilter(["shell"])
    assert prefilter.matches("Artillery shelled the town.") == [(10, 17, "shelled")]


_WORDS = st.sampled_from(
    [
        "kill",
        "killed",
        "skill",
        "bomb",
        "bombs",
        "car",
        "the",
        "rose",
        "-",
        " ",
        "\n",
        ".",
        "İ",
        "killing",
        "ß",
    ]
)


@given(st.lists(_WORDS, max_size=12).map("".join) | st.text(max_size=60))
def test_prefilter_agrees_with_a_regex_oracle(text: str) -> None:
    forms = sorted(expand_forms(["kill", "car bomb"]), key=len, reverse=True)
    oracle = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, forms)) + r")(?![^\W_])")
    lowered = re.sub(r"\s+", " ", text.lower())
    # the lookarounds make the regex backtrack to another alternative when one is not bounded
    expected = any(oracle.match(lowered, i) for i in range(len(lowered) + 1))
    assert build_prefilter(["kill", "car bomb"])(text) is expected


def test_load_prefilter_covers_the_lexicon() -> None:
    is_candidate = load_prefilter(Settings())
    for sentence in (
        "Gunmen killed two police officers in Mosul.",
        "Airstrikes hit rebel positions overnight.",
        "Two roadside bombs exploded near the market.",
        "Protesters gathered outside parliament.",
        "Militants kidnapped three aid workers.",
    ):
        assert is_candidate(sentence), sentence
    assert not is_candidate("The committee published its annual accounts.")


def test_nlp_stage_parses_only_candidates() -> None:
    class FakeNlp:
        def __init__(self) -> None:
            self.seen: list[str] = []

        def pipe(self, texts: list[str], batch_size: int = 64) -> list[str]:
            self.seen.extend(texts)
            return [f"parse:{t}" for t in texts]

    text = "Shares rose on Monday. Gunmen killed two guards. The weather was fine."
    doc = Document(text=text, segments=[Segment(0, len(text), "body")])
    nlp = FakeNlp()
    stage = NlpStage(nlp, load_sentencizer(), build_prefilter(["kill"]))
    doc = stage(doc)
    assert [s.candidate for s in doc.sentences] == [False, True, False]
    assert nlp.seen == ["Gunmen killed two guards."]
    assert list(doc.parses) == [1]


def test_a_pattern_head_needs_its_child_and_blocks_cancel_their_triggers() -> None:
    is_candidate = load_prefilter(Settings())
    # "set" -> fire / ablaze, "take" -> control: the head alone cannot make a match
    assert is_candidate("Rioters set the cars on fire.")
    assert is_candidate("The rebels took control of the town.")
    assert not is_candidate("Prices were set to rise again this spring.")
    # a trigger word inside a block phrase of the lexicon is never coded
    assert is_candidate("Rebels launched a takeover of the port.")
    assert not is_candidate("The firm made a hostile takeover bid.")


def test_the_cache_key_follows_the_lexicon_files_bytes_not_only_their_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit to a word list that forgets to bump its "version" field still gives the
    pre-filter a new cache file (the old automaton would silently keep the old words)."""
    from eventwire.datafiles import data_path
    from eventwire.pipeline.nlp import prefilter

    for folder in ("lexicon", "ontology"):
        shutil.copytree(data_path(folder), tmp_path / folder)
    monkeypatch.setattr(prefilter, "data_path", lambda *parts: tmp_path.joinpath(*parts))
    settings = Settings()
    before = prefilter.cache_key(settings)
    assert prefilter.cache_key(settings) == before
    words = tmp_path / "lexicon" / "words.yaml"
    words.write_text(words.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert prefilter.cache_key(settings) != before
