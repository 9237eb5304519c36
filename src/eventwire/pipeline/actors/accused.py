"""The accused party of an act told as an accusation: the act's actor1.

"the rebels accuse the army of shelling hamlets, torching homes and raping women",
"HRW accuses police of beating civilians", "Intelligence agents are accused of killing
4 people": the event of the accused act (its trigger a verb of the "of" complement, or
an act chained to the accusation) was done by the accused, not by the accuser, who is the
sentence's subject. ``accused_roles`` returns the raw (actor1, actor2) mentions of such an
event: the accused (the accusation's object, or its passive subject), and the act's own
object; with no object of its own ("accuse government forces of shelling in Bushar") the
accuser, when the act is the accuser's grievance against the accused, is the other side
(ACLED lists the accusing side as actor2). The accusation verbs are data
(``accusation_verbs`` in ``data/actors/words.yaml``).
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.actors.parse import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    trigger_token,
)
from eventwire.records import Actor, Document, Event

ACCUSATION_VERBS: frozenset[str] = words("actors", "accusation_verbs")
# the acts of violence an accusation can tell; a motive ("accused them of spying", "of
# being a separatist", "of supporting the OLF") is no act of the accused
ACCUSED_ACTS: frozenset[str] = words("actors", "accused_acts")
# how the act hangs on the accusation: "of shelling" (pcomp / pobj of "of"), or an act the
# parser chained to the accusation verb ("…, and raping women": advcl / conj)
_ACT_DEPS = frozenset({"pcomp", "pobj"})
_CHAIN_DEPS = frozenset({"advcl", "conj"})


def _violent(act: Any) -> bool:
    """A gerund of violence ("shelling", "killing", "burning")."""
    return bool(act.tag_ == "VBG" and act.lemma_.lower() in ACCUSED_ACTS)


def _told_act(verb: Any) -> Any | None:
    """The act an accusation verb tells ("accuse police of beating": "beating"), or None."""
    owners = [verb, *(c for c in verb.children if c.dep_ in OBJECT_DEPS)]
    for owner in owners:
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                act = next((c for c in prep.children if c.dep_ in _ACT_DEPS), None)
                if act is not None and _violent(act):
                    return act
    return None


def _accusation(act: Any) -> Any | None:
    """The accusation verb the act token hangs on, or None."""
    node = act
    for _ in range(2):  # "of shelling …, burning houses": a conj of the first act
        if not _violent(node):
            return None
        if node.dep_ in _ACT_DEPS and node.head.lower_ == "of":
            owner = node.head.head
            verb = owner.head if owner.dep_ in OBJECT_DEPS else owner
            return verb if verb.lemma_.lower() in ACCUSATION_VERBS else None
        if node.dep_ in _CHAIN_DEPS and node.head.lemma_.lower() in ACCUSATION_VERBS:
            return node.head
        if node.dep_ != "conj":
            return None
        node = node.head
    return None


def _phrase(parse: Any, offset: int, token: Any, whole: bool = False) -> Actor:
    """The noun phrase headed by ``token``: its whole subtree (a subject: "SPLA-IO and Gai
    Gatluak"), or with its "of"/"in" complements cut off (the accused object)."""
    first = token.left_edge.i
    last = token.right_edge.i if whole else token.i
    for child in () if whole else token.rights:
        if child.dep_ in ("conj", "cc"):
            last = max(last, child.right_edge.i)
        elif child.dep_ in ("compound", "flat", "nummod", "amod"):
            last = max(last, child.i)
        else:
            break
    while first < last and parse[first].is_punct:
        first += 1
    start = offset + parse[first].idx
    end = offset + parse[last].idx + len(parse[last].text)
    return Actor(text=parse[first : last + 1].text, start=start, end=end)


def accused_roles(doc: Document, event: Event) -> tuple[Actor, Actor | None] | None:
    """(accused, other side) raw mentions of an act told as an accusation, or None."""
    parse = doc.parses.get(event.sentence_index)
    if parse is None or not 0 <= event.sentence_index < len(doc.sentences):
        return None
    offset = doc.sentences[event.sentence_index].start
    act = trigger_token(parse, offset, event)
    if act is not None and act.lemma_.lower() in ACCUSATION_VERBS:
        verb, act = act, _told_act(act)  # the event of the accusation itself
    else:
        verb = _accusation(act) if act is not None else None
    if act is None or verb is None:
        return None
    accused = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    accuser = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if accused is None:  # "agents are accused of killing": the passive subject
        accused = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        accuser = None
    if accused is None or accused.pos_ not in ("NOUN", "PROPN"):
        return None
    target = next((c for c in act.children if c.dep_ in OBJECT_DEPS), None)
    if target is not None:
        other: Actor | None = _phrase(parse, offset, target)
    else:
        other = _phrase(parse, offset, accuser, whole=True) if accuser is not None else None
    return _phrase(parse, offset, accused), other
