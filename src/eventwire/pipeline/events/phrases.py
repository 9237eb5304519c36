"""Cue classes of a noun phrase and what the sub-type rules know of a trigger's context.

``phrase_classes`` reads a noun phrase's head, modifiers and "of" complement ("members of
the security forces" is armed, "2 civilians" civilian); ``Context`` carries the classes of
the sentence, the window, the agent and the patient to the rules of subtypes.py. Moved out
of subtypes.py (issue 16), behaviour unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.triggers import Lexicon, token_keys

_GROUP_HEADS: frozenset[str] = words("lexicon", "group_heads")
_ORGANISED_WORDS: frozenset[str] = words("lexicon", "organised_group_words")
_CIVILIAN_MODIFIERS: frozenset[str] = words("lexicon", "civilian_modifiers")
_UNKNOWN_MODIFIERS: frozenset[str] = words("lexicon", "unknown_modifiers")
_RECIPROCAL: frozenset[str] = words("lexicon", "reciprocal_pronouns")
_HEAD_ONLY = frozenset({"civilian", "goods"})
_PHRASE_CLASSES = ("armed", "military_site", "civilian", "unarmed_collective", "protesters",
                   "state", "nonstate", "property", "goods", "communal", "aircraft")  # fmt: skip


@dataclass(slots=True)
class Context:
    """What the rules know about a trigger's surroundings."""

    sentence: set[str] = field(default_factory=set)  # cue classes in the sentence
    window: set[str] = field(default_factory=set)  # cue classes in nearby sentences
    frames_sentence: set[str] = field(default_factory=set)  # other trigger frames, same sentence
    frames_window: set[str] = field(default_factory=set)  # trigger frames in nearby sentences
    agent: set[str] = field(default_factory=set)  # cue classes of the agent noun phrase
    patient: set[str] = field(default_factory=set)  # cue classes of the patient noun phrase
    window_violent_agents: set[str] = field(default_factory=set)  # agent classes of violence
    trigger: set[str] = field(default_factory=set)  # lemmas and forms of the trigger words
    victims: set[str] = field(default_factory=set)  # cue classes of the sentence minus the agent
    after: set[str] = field(default_factory=set)  # the victims' classes after the trigger
    people_harmed: bool = False  # unarmed people hurt in the sentence or beside it


def phrase_classes(parse: Any, head: int | None, lexicon: Lexicon) -> set[str]:
    """Cue classes of a noun phrase: its head, modifiers and an "of" complement.

    "members of the security forces" is armed; "a QSD member" is left open (the actor
    dictionary decides); "2 civilians", "a former officer" and "him" are civilian.
    """
    if head is None:
        return set()
    tok = parse[head]
    tokens = [tok]
    tokens += [c for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod", "poss"}]
    complements: list[Any] = []  # "5 tons of cocaine": the complement says what was taken
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            complements += [g for g in c.children if g.dep_ == "pobj"]
            tokens += [g for g in c.children if g.dep_ == "pobj"]
            tokens += [gg for g in c.children for gg in g.lefts if gg.dep_ in {"compound", "amod"}]
    found: set[str] = set()
    head_keys = token_keys(tok)
    for name in _PHRASE_CLASSES:
        words = lexicon.words_of(name)
        in_modifiers = name not in _HEAD_ONLY and any(token_keys(t) & words for t in tokens[1:])
        if name == "goods":
            in_modifiers = any(token_keys(t) & words for t in complements)
        if head_keys & words or in_modifiers:
            found.add(name)
    if (
        "civilian" in found
        and found & {"armed", "nonstate"}
        and not head_keys & lexicon.words_of("armed")
    ):
        found.discard("civilian")  # "members of the armed forces": the complement decides
    modifiers = {m.lower_ for m in tok.lefts if m.dep_ in {"amod", "compound", "advmod"}}
    if tok.dep_ == "compound" and tok.i > 0 and parse[tok.i - 1].dep_ == "amod":
        # a headline's parse hangs the adjective on a later noun: "Unidentified group
        # attack civilians" reads "Unidentified … civilians"; it modifies the group
        modifiers.add(parse[tok.i - 1].lower_)
    if modifiers & _CIVILIAN_MODIFIERS:
        found = (found - {"armed", "military_site", "state", "nonstate"}) | {"civilian"}
    if "armed" in modifiers and "civilian" in found:
        found = (found - {"civilian"}) | {"armed"}  # "armed men", "armed farmers"
    if modifiers & _UNKNOWN_MODIFIERS:
        found.discard("unarmed_collective")
    grouped = any(token_keys(t) & _GROUP_HEADS for t in tokens)
    if "unarmed_collective" in found and grouped and _organised(tok, tokens):
        found = (found - {"unarmed_collective", "civilian"}) | {"armed"}
    if tok.pos_ == "PROPN" and not found:
        found.add("named")
    if any(parse[i : i + 2].text.lower() in _RECIPROCAL for i in (tok.i - 1, tok.i) if i >= 0):
        found.add("reciprocal")  # "shelled each other": the two sides fired, a battle
    if head_keys & lexicon.words_of("membership") and any(t.pos_ == "PROPN" for t in complements):
        found = (found - {"civilian", "unarmed_collective"}) | {"named"}  # "members of X"
    return found


def _organised(head: Any, tokens: list[Any]) -> bool:
    """ "a group of armed men", "an unidentified group", "the Wagner group", "an ethnic group":
    an organised or armed group, not a crowd (issue 16: organised groups are not rioters)."""
    words = {t.lower_ for t in head.subtree}
    return bool(words & _ORGANISED_WORDS) or any(t.pos_ == "PROPN" for t in tokens[1:])


def is_armed(classes: set[str]) -> bool:
    return bool(classes & {"armed", "military_site", "nonstate"}) and "civilian" not in classes


def is_civilian(classes: set[str]) -> bool:
    return "civilian" in classes and not classes & {"armed", "nonstate"}


def is_unarmed_crowd(classes: set[str]) -> bool:
    return bool(classes & {"unarmed_collective", "protesters"}) and not is_armed(classes)
