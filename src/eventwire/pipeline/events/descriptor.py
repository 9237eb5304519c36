"""A fight named only to say who someone is, is not the event (issue 16, h16cc).

"five people were hit by shots fired by militiamen who have been fighting AU troops",
"committee members fighting the insurgents demonstrated": a verb of fighting in a relative
clause or a participle that hangs on a noun tells what those people do in general, not the
act the note reports. When the note has another act with an ACLED type, that act is the
event: the fight is dropped before any event is coded, and its clause ("who have been
fighting the army") gives no cue to the other acts of its sentence (the troops are not a
side of the shooting).
"""

from __future__ import annotations

from typing import Any, TypeVar

from eventwire.datafiles import words
from eventwire.pipeline.events.engage_sense import idle_engage_tokens
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch

__all__ = ["describes_people", "descriptor_tokens", "drop_descriptors", "idle_fight_tokens"]

T = TypeVar("T")
_MODIFIER = frozenset({"relcl", "acl"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# what a group does, not a deed in the narrative: a relative clause in the present or the
# progressive ("who fight", "who are fighting", "who have been fighting"), a participle in
# -ing ("members fighting Boko Haram"); "who fought back", "forces engaged with X" are acts
_TENSES = {"relcl": frozenset({"VBG", "VBZ", "VBP"}), "acl": frozenset({"VBG"})}
_FIGHT_VERBS: frozenset[str] = words("lexicon", "descriptor_fight_verbs")


def describes_people(tok: Any) -> bool:
    """Is a verb of fighting the verb of a present or progressive relative clause or an -ing
    participle that modifies a noun ("gunmen who have been fighting the army", "members
    fighting the insurgents")?"""
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ not in _MODIFIER:
        return False
    if tok.lemma_.lower() not in _FIGHT_VERBS or tok.tag_ not in _TENSES[tok.dep_]:
        return False  # "the locals, who fought back": a past deed told in the narrative
    if any(c.lower_ == "back" for c in tok.children):
        return False  # "who are fighting back": the answer to the attack
    return tok.head.pos_ in _NOMINAL and tok.head.i != tok.i


def drop_descriptors(
    parses: dict[int, Any],
    chosen: dict[int, list[tuple[TriggerMatch, str]]],
    lexicon: Lexicon,
) -> dict[int, list[tuple[TriggerMatch, str]]]:
    """``chosen`` without the fights that only say who someone is, unless the note has no
    other act with an ACLED type or the people described are the subject of another fight
    of the sentence ("soldiers who are fighting the rebels clashed with them": the clause
    names the clash's other side)."""

    def told(i: int, m: TriggerMatch, f: str) -> bool:
        tok = parses[i][m.head]
        if f != "clash" or not describes_people(tok):
            return False
        fights = {n.head for n, g in chosen[i] if g == "clash" and n.head != m.head}
        return not (tok.head.dep_.startswith("nsubj") and tok.head.head.i in fights)

    others = any(
        lexicon.frames[f].acled is not None and not told(i, m, f)
        for i, picks in chosen.items()
        for m, f in picks
    )
    if not others:
        return chosen
    return {i: [(m, f) for m, f in picks if not told(i, m, f)] for i, picks in chosen.items()}


def descriptor_tokens(parse: Any, kept_heads: set[int]) -> set[int]:
    """The tokens of the dropped clauses that tell only who someone is ("who have been
    fighting the army near the frontier"): no cue to another act of the sentence."""
    return {
        t.i
        for tok in parse
        if tok.i not in kept_heads and describes_people(tok)
        for t in tok.subtree
    }


def idle_fight_tokens(parse: Any, kept_heads: set[int], lexicon: Lexicon) -> set[int]:
    """The words of fighting that give no cue to the other acts of a sentence: the dropped
    clauses that say who someone is, and "engaged in" a thing that is no fight ("engaged
    in an argument and were later assaulted by police": a one-sided attack)."""
    return descriptor_tokens(parse, kept_heads) | idle_engage_tokens(parse, lexicon)
