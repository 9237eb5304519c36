"""The regex gate (issue 22, helper h22n): a cheap test that says only "cannot match" where
the pattern indeed finds nothing, and the stages that try it first answer as before."""

from __future__ import annotations

import random
import re

import pytest

from eventwire.pipeline.attribution.quotes import Quote, _cue, verb_patterns
from eventwire.pipeline.casualties import toll_notes
from eventwire.pipeline.casualties.tolls import find_mentions, load_cue_lexicon
from eventwire.pipeline.common import regexgate
from eventwire.pipeline.common.cues import load_cues
from eventwire.pipeline.common.regexgate import (
    RegexGate,
    any_search,
    gate_of,
    gated_search,
    may_match,
    required_words,
)
from eventwire.pipeline.events.rules import SHORT_NOTE_TOKENS, is_short_note
from eventwire.pipeline.incidents.cues import load_incident_cues
from eventwire.pipeline.places.gazetteer import normalize, toponyms
from eventwire.pipeline.places.gazetteer.mentions import Token
from eventwire.records import Segment

_WORDS_TEXT = (
    "the militia raided a market near the river and since 2019 clashes left many fatalities "
    "said its fighters carried out an ambush later died in hospital toll rose to twelve "
    "during the cold war era nobody was hurt tens of thousands have been killed for months "
    "under siege claimed responsibility wounded abducted arrested SAID Fatality Ünited ı ſ"
)
WORDS = _WORDS_TEXT.split()


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = rng.choices(WORDS, k=rng.randint(0, 14))
        sep = rng.choice([" ", "  ", ", ", "\n"])
        out.append(sep.join(words) + rng.choice(["", ".", "!"]))
    return out


def test_words_of_a_plain_pattern_are_its_longest_literal_run() -> None:
    assert required_words(re.compile(r"\b[\w-]+\s+fatalit(?:y|ies)\b", re.I)) == {"fatalit"}
    # upper-case letters of a case-insensitive pattern are looked for in lower case
    assert required_words(re.compile(r"\bSince\s+\d{4}", re.I)) == {"since"}


def test_words_of_a_branch_are_the_words_of_every_alternative() -> None:
    found = required_words(re.compile(r"\b(?:shot|stabbed)\s+dead\b|\bwere\s+beheaded"))
    assert found == {"shot", "stabbed", "beheaded"} or found == {"dead", "beheaded"}
    # one alternative of digits only: nothing can be required
    assert required_words(re.compile(r"\b(?:\d+|killed)\b")) is None


def test_optional_parts_and_lookarounds_require_nothing() -> None:
    assert required_words(re.compile(r"(?:heavily\s+)?(?<=in )[A-Z]\w+")) is None
    assert required_words(re.compile(r"(?:very\s+)+bad")) in ({"very"}, {"bad"})
    assert required_words(re.compile(r"(?=attack)\w+")) is None


def test_non_ascii_words_are_not_required() -> None:
    # "’s" cannot be looked for in an ASCII text, so the other word is taken
    assert required_words(re.compile(r"monday’s\s+blast", re.I)) == {"blast"}
    assert required_words(re.compile(r"’s", re.I)) is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bsince\s+(?:early\s+|late\s+)?(?:19|20)\d\d\b",
        r"\b(?:said|says)\b[^.;]{0,40}?\b(?:its|their)\s+fighters\b",
        r"\b(?:later\s+died|died\s+later)\b|\btoll\s+(?:has\s+)?rose\b",
        r"(?<![\w-])(?:the\s+cold\s+war|nazis?)\b",
        r"\b(?:no|zero)\s+(?:\w+\s+){0,2}?fatalit(?:y|ies)",
        r"(?P<q>\b[\w,-]+(?:\s+[\w-]+)?)\s+(?:reported\s+)?fatalit(?:y|ies)\b",
        r"\b(?:hundreds|tens of thousands)\s+of\s+\w+\s+have\s+been\s+killed\b",
        r"\bunder\s+siege\b",
        r"SAID",
    ],
)
@pytest.mark.parametrize("flags", [0, re.I])
def test_the_gate_never_refuses_a_text_the_pattern_matches(pattern: str, flags: int) -> None:
    compiled = re.compile(pattern, flags)
    gate = RegexGate([compiled])
    assert gate.words is not None
    refused = 0
    for text in _texts(400, seed=len(pattern) + flags):
        if not gate.may_match(text):
            refused += 1
            assert compiled.search(text) is None, text
    assert refused > 0  # the gate does refuse texts


def test_texts_outside_ascii_are_always_passed_on() -> None:
    pattern = re.compile(r"\bsaid\b", re.I)
    assert pattern.search("He saıd so")  # a dotless i matches "i" under IGNORECASE
    assert may_match(pattern, "He saıd so")
    kelvin = re.compile(r"\bkill", re.I)
    assert kelvin.search("\u212aill")  # the Kelvin sign matches "k" under IGNORECASE
    assert may_match(kelvin, "\u212aill")
    assert not may_match(pattern, "He spoke so")


def test_a_pattern_without_required_words_always_passes() -> None:
    gate = RegexGate([re.compile(r"\d+"), re.compile(r"\bkilled\b")])
    assert gate.words is None
    assert gate.may_match("nothing here")


def test_any_search_equals_any_of_the_searches() -> None:
    patterns = (
        re.compile(r"\bsince\s+\d{4}\b", re.I),
        re.compile(r"\bfor\s+(?:\w+\s+)?months\b", re.I),
    )
    for text in [*_texts(300, seed=3), "Since 2019 it rained", "for six months", "for"]:
        assert any_search(patterns, text) == any(p.search(text) for p in patterns)


def test_gates_are_made_once_per_object_and_their_memory_is_bounded() -> None:
    pattern = re.compile(r"\bcurfew\b")
    assert gate_of(pattern) is gate_of(pattern)
    assert gate_of(pattern) is not gate_of(re.compile(r"\bcurfew\b", re.I))
    regexgate._GATES.clear()
    for n in range(regexgate._MAX_GATES + 5):
        gate_of(re.compile(rf"\bword{n}\b"))
    assert len(regexgate._GATES) <= regexgate._MAX_GATES


def _ungated_any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


SENTENCES = [
    "Since 2014 the conflict has killed thousands of people in the north.",
    "Tens of thousands of residents have been killed, the group said.",
    "A wounded guard later died in hospital in the capital on Sunday.",
    "The death toll has risen to nine, bringing the toll to nine.",
    "Residents recalled the cold war era checkpoints along the road.",
    "The town has been besieged for more than two years by the rebels.",
    "The rebels said on Friday that they had carried out the ambush.",
    "A farmer sold his goats at the market on Tuesday.",
    "No fatalities were reported after the blast; 3 fatalities split among 2 events.",
    "Nobody was hurt when the roof fell, officials said.",
    "The dead included four herders and two traders.",
    "Police arrested 12 protesters and wounded three others.",
    "The army said its fighters attacked the camp, claimed Monday’s raid.",
]


def test_incident_cues_answer_as_without_the_gate() -> None:
    cues = load_incident_cues()
    for text in [*SENTENCES, *(s.upper() for s in SENTENCES), *_texts(300, seed=11)]:
        assert cues.tells_later_death(text) == _ungated_any(cues.later_death, text)
        assert cues.is_aggregate(text) == _ungated_any(cues.aggregate, text)
        assert cues.in_past_era(text) == _ungated_any(cues.past_era, text)
        assert cues.is_durative(text) == _ungated_any(cues.durative, text)
        claim = bool(cues.claim.search(text)) or _ungated_any(cues.claim_told, text)
        assert cues.is_claim(text) == claim


def test_casualty_patterns_are_gated_by_words_of_their_own() -> None:
    cues = load_cue_lexicon()
    for pattern in (cues.pattern, cues.breakdown, toll_notes.SUMMARY, toll_notes.UPDATE):
        assert gate_of(pattern).words is not None
        for text in [*SENTENCES, *_texts(300, seed=17)]:
            if not may_match(pattern, text):
                assert pattern.search(text) is None, (pattern.pattern[:40], text)


def test_casualty_mentions_equal_those_found_without_the_gate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [*SENTENCES, *_texts(150, seed=23)]
    gated = [find_mentions(t) for t in texts]
    monkeypatch.setattr(RegexGate, "may_match", lambda self, text: True)
    assert gated == [find_mentions(t) for t in texts]
    assert any(gated)


QUOTED = [
    'The minister said in a statement: "We will rebuild the bridge."',
    'The mayor told reporters, "The market stays closed."',
    'A farmer said "the river rose overnight" and left.',
    'Officials said on Monday that "nothing was taken".',
    '"We lost everything," said Amina, a trader.',
]


def test_the_cue_before_a_quote_needs_a_colon_or_comma_at_its_end() -> None:
    cues = load_cues()
    pats = verb_patterns(tuple(sorted(v for v in cues.verbs if v not in cues.cognitive_verbs)))
    found = 0
    for text in QUOTED:
        for end in range(len(text) + 1):
            before = text[:end]
            match = pats.before.search(before)
            found += match is not None
            if before.rstrip()[-1:] not in (":", ","):
                assert match is None, before
    assert found > 0


def test_quote_speakers_are_found_before_and_after_the_quote() -> None:
    cues = load_cues()
    pats = verb_patterns(tuple(sorted(v for v in cues.verbs if v not in cues.cognitive_verbs)))
    speakers = []
    for text in QUOTED:
        start = text.index('"')
        end = text.index('"', start + 1) + 1
        quote = Quote(start, end, 0)
        _cue(text, quote, Segment(0, len(text), "body"), pats)
        speakers.append(quote.speaker)
    assert speakers[0] == "minister"
    assert speakers[1] == "mayor"
    assert speakers[2] is None  # no colon or comma before the quote
    assert speakers[4] == "Amina"


def test_gated_search_gives_the_pattern_s_own_match() -> None:
    pattern = re.compile(r"\bdenied\s+(?:any\s+)?role\b", re.I)
    text = "The group DENIED any role in the raid."
    found = gated_search(pattern, text)
    assert found is not None and found.span() == pattern.search(text).span()  # type: ignore[union-attr]
    assert gated_search(pattern, "The group took part in the raid.") is None


def test_more_incident_cues_answer_as_their_patterns() -> None:
    cues = load_incident_cues()
    extra = [
        "The rebels denied any role in the raid on the depot.",
        "Police arrested two men in connection with the bombing.",
        "We only defended ourselves after they fired first, the herders said.",
        "A year after the massacre, families gathered to commemorate the dead.",
        "Earlier this month, fighting broke out in the hills.",
    ]
    checks = [
        (cues.is_followup, cues.followup),
        (cues.is_denial, cues.denial),
        (cues.is_own_account, cues.own_account),
        (cues.is_retrospective, cues.retrospective),
    ]
    answered = 0
    for text in [*extra, *SENTENCES, *_texts(200, seed=31)]:
        for method, pattern in checks:
            assert method(text) == bool(pattern.search(text))
            answered += method(text)
    assert answered >= 4


def test_a_short_note_is_counted_up_to_its_bound() -> None:
    assert is_short_note("Fighting in Malakal. 3 killed.")
    assert not is_short_note("")
    words = " ".join(["word"] * SHORT_NOTE_TOKENS)
    assert is_short_note(words)
    assert not is_short_note(words + " more")
    assert not is_short_note(words + ".")  # punctuation counts as a token


def _endings_per_rule(key: str) -> set[str]:
    words_ = key.split(" ")
    out = set()
    for i, word in enumerate(words_):
        for a, b in normalize._ENDINGS:
            if word.endswith(a) and len(word) > len(a) + 2:
                out.add(" ".join([*words_[:i], word[: -len(a)] + b, *words_[i + 1 :]]))
    return out


def test_spelling_endings_equal_those_of_trying_every_rule() -> None:
    keys = ["huseiniyah", "tall kalakh", "ayn al jahsh", "abc", "zubeidiyah town", ""]
    keys += [a + "x" + a for a, _ in normalize._ENDINGS]  # every ending, inside and at the end
    keys += ["qarya " + a for a, _ in normalize._ENDINGS]  # an ending as a word too short
    changed = 0
    for key in keys:
        assert normalize._endings(key) == _endings_per_rule(key)
        changed += bool(normalize._endings(key))
    assert changed > len(normalize._ENDINGS)


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Kisumu", True),
        ("al-Bakir", True),
        ("ibn-Saud", True),
        ("al-bakir", False),
        ("village", False),
        ("x-Ray", False),
        ("9th", False),
        ("\u2167", False),  # a capital Roman numeral is no letter
        ("", False),
        ("Étoile", True),
    ],
)
def test_name_words(word: str, name: bool) -> None:
    assert toponyms._is_name_word(Token(0, len(word), word)) is name
