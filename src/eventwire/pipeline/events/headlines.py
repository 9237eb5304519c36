"""A headline's verb the parse read as a noun modifier: "Raiders attack shops", "Pokot attack
Luhya farmers", "Unknown group bombs night club", "Maasai invade home, attack residents".

A short note written as a headline drops its articles, and the tagger then reads its verb
as a noun compounded with the object ("attack shops" as "attack dogs"): the non-event
check drops it as a kit or a unit, and the ambiguous word finds no act. It is the note's
verb when the sentence has no other verb and a noun (the doer) stands before it, or when it
follows a comma or "and" after the note's verb ("invade home, attack residents") with its
object the object of that verb. A modifier of a kit ("Apache attack helicopters", "attack
dogs": ``headline_kit_heads``) stays a modifier. Only short notes (``is_short_note``) are read.

>>> "helicopters" in KIT_HEADS
True
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.triggers import TriggerMatch

__all__ = ["HEADLINE_ACT", "headline_act"]

HEADLINE_ACT = "headline_act"  # the context class the gate hands to accept_violent

KIT_HEADS: frozenset[str] = words("lexicon", "headline_kit_heads")
_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def headline_act(match: TriggerMatch, parse: Any) -> bool:
    """Is this trigger noun, compounded with the noun after it, a headline's verb?"""
    head = parse[match.head]
    first = parse[match.start]
    if head.pos_ not in _NOUNS or head.dep_ != "compound" or first.i == parse[0].i:
        return False
    governor = head.head
    while governor.dep_ == "compound" and governor.head.i > governor.i:
        governor = governor.head  # "attack Luhya farmers": the object's own compounds
    if governor.i < head.i or governor.lower_ in KIT_HEADS or governor.pos_ not in _NOUNS:
        return False
    before = parse[first.i - 1]
    if before.pos_ in _NOUNS:  # "Raiders attack shops": no other verb in the note
        return not any(t.pos_ in _VERBS for t in parse if t.i != head.i)
    verb = governor.head  # "Maasai invade home, attack residents"
    return (
        before.lower_ in {",", "and"}
        and governor.dep_ in {"dobj", "obj"}
        and verb.pos_ == "VERB"
        and verb.dep_ == "ROOT"
        and verb.i < head.i
    )
