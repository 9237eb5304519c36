"""Modality of an event mention: asserted, negated, hypothetical, habitual or generic.

Cues are data (``data/lexicon/modality.yaml``). The checks look at the trigger, its
auxiliaries and the chain of words that govern it, so "did not attack" is negated,
"threatened to attack" hypothetical, "nearly daily, Sunnis are picked up" habitual and
"they behead, they torture, they kill" generic.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eventwire.pipeline.events.triggers import Lexicon, find_phrases, split_phrase, token_keys

PRESENT_TAGS = frozenset({"VBP", "VBZ"})
PAST_TAGS = frozenset({"VBD", "VBN"})
_GOVERNOR_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "pobj", "prep", "advcl", "acl", "conj", "pcomp"}
)


def _governors(tok: Any, limit: int = 4) -> Iterator[Any]:
    """Words that govern the trigger: its head, the head's head … (stops at the root).

    A verb coordinated with another ("stopped a bus and seized the phones") is not governed
    by it: the first verb of the pair is skipped, its own governors are not.
    """
    current = tok
    for _ in range(limit):
        if current.dep_ not in _GOVERNOR_DEPS or current.head.i == current.i:
            return
        coordinated = current.dep_ == "conj" and current.pos_ == "VERB"
        current = current.head
        if not coordinated:
            yield current


def _verb_of(tok: Any) -> Any:
    """The verb that carries tense for a trigger (itself, or the verb a nominal depends on)."""
    if tok.pos_ in {"VERB", "AUX"}:
        return tok
    head = tok.head
    hops = 0
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i and hops < 3:
        head, hops = head.head, hops + 1
    return head if head.pos_ in {"VERB", "AUX"} else tok


def _aux_keys(verb: Any) -> set[str]:
    keys: set[str] = set()
    for c in verb.children:
        if c.dep_ in {"aux", "auxpass", "neg"}:
            keys |= token_keys(c)
    return keys


def is_negated(tok: Any, lexicon: Lexicon) -> bool:
    cues = lexicon.modality.get("negation", {})
    words = set(cues.get("words", []))
    governors = set(cues.get("governors", []))
    verb = _verb_of(tok)
    for t in (tok, verb):
        for c in t.children:
            if c.dep_ == "neg" or (
                t.i == tok.i and c.dep_ in {"det", "preconj"} and c.lower_ in {"no", "neither"}
            ):
                return True
    if tok.dep_ == "conj" and any(c.lower_ in {"neither", "no"} for c in tok.head.children):
        return True  # "neither injuries nor fatalities"
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return True
    for gov in _governors(tok):
        if token_keys(gov) & governors:
            return True
        if (
            any(c.dep_ == "neg" for c in gov.children)
            and gov.dep_ != "ROOT"
            and tok.dep_ == "xcomp"
        ):
            return True
    return bool(
        words & {"no"} and tok.dep_ == "dobj" and any(c.lower_ == "no" for c in tok.children)
    )


def is_hypothetical(tok: Any, lexicon: Lexicon, sentence_text: str) -> bool:
    cues = lexicon.modality.get("hypothetical", {})
    modals = set(cues.get("modals", []))
    governors = set(cues.get("governors", []))
    markers = set(cues.get("markers", []))
    if sentence_text.rstrip().endswith("?"):
        return True
    verb = _verb_of(tok)
    if _aux_keys(verb) & modals or _aux_keys(tok) & modals:
        return True
    for t in (tok, verb):
        if any(c.dep_ == "mark" and token_keys(c) & markers for c in t.children):
            return True
    for gov in _governors(tok):
        if token_keys(gov) & governors:
            return True
        if _aux_keys(gov) & modals and tok.dep_ in {"xcomp", "conj"}:
            return True
    # a bare infinitive of purpose ("set up checkpoints to harass")
    light = lexicon.words_of("light_verbs")
    if tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return not (tok.dep_ == "xcomp" and token_keys(tok.head) & (light | {"continue", "begin"}))
    return False


def has_habitual_cue(parse: Any, lexicon: Lexicon) -> bool:
    cues = lexicon.modality.get("habitual", {})
    words = set(cues.get("words", []))
    if any(token_keys(t) & words for t in parse):
        return True
    phrases = [split_phrase(p) for p in cues.get("phrases", [])]
    return bool(find_phrases(list(parse), phrases))


def is_present_narrative(parse: Any) -> bool:
    """A sentence told in the simple present with no past-tense verb ("militias wheel…")."""
    tags = {t.tag_ for t in parse if t.pos_ in {"VERB", "AUX"}}
    return bool(tags & (PRESENT_TAGS | {"VBG"})) and not tags & PAST_TAGS and "MD" not in tags


def find_modality(
    parse: Any,
    head_index: int,
    lexicon: Lexicon,
    sentence_text: str,
    n_violent: int = 0,
    habitual_context: bool = False,
) -> str:
    """Return the modality of the trigger at ``head_index`` in a parsed sentence."""
    tok = parse[head_index]
    if is_negated(tok, lexicon):
        return "negated"
    if is_hypothetical(tok, lexicon, sentence_text):
        return "hypothetical"
    generic = lexicon.modality.get("generic", {})
    verb = _verb_of(tok)
    present = verb.tag_ in PRESENT_TAGS or (
        verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ in PRESENT_TAGS for c in verb.children)
    )
    perfect = any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
    generic_words = set(generic.get("words", []))
    listed = n_violent >= int(generic.get("min_listed_triggers", 3))
    if present and not perfect and (listed or any(token_keys(t) & generic_words for t in parse)):
        return "generic"
    if has_habitual_cue(parse, lexicon):
        return "habitual"
    if (present and not perfect) or (habitual_context and is_present_narrative(parse)):
        return "habitual"
    if is_present_narrative(parse) and verb.tag_ != "VBN":
        return "habitual"
    return "asserted"
