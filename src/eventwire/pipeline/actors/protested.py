"""A force that does nothing to a peaceful protest is no party to it.

ACLED gives a Peaceful protest no actor2 (acled_more tune seed 13: 555 of 556 rows). The
actors stage kept police or soldiers there, on the reading that a force at a protest did
something to it; but the force words of such notes mostly name the protesters themselves
("Somaliland soldiers protested over delayed salaries", "hundreds of police retirees
protested") or what the protest is about or asks ("criticizing the police", "demanding
the police release the students", "protest police raids", "prevented the military from
entering"). ``idle_force`` is True for such a force: its words are not the subject of a
verb other than the protest's own (``protest_lemmas``, or one coordinated with it: "soldiers
erected a checkpoint and protested") nor a "by" agent. A force that
acts ("the police warned them", "killed by the police during protests") stays.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.records import Actor, Document, Event

PROTEST_LEMMAS: frozenset[str] = words("actors", "protest_lemmas")
SUBJECTS = frozenset({"nsubj", "csubj"})


def _root(parse: Any, offset: int, actor: Actor) -> Any | None:
    """The token of the mention whose head lies outside it."""
    for token in parse:
        start = offset + token.idx
        if not actor.start <= start < actor.end:
            continue
        head_start = offset + token.head.idx
        if token.head is token or not actor.start <= head_start < actor.end:
            return token
    return None


def idle_force(doc: Document, event: Event) -> bool:
    """True when a peaceful protest's state-force actor2 neither acts nor is an agent."""
    a2 = event.actor2
    if event.acled_sub_event_type != "Peaceful protest" or a2 is None:
        return False
    if a2.inter != 1 or a2.start < 0:
        return False
    i = doc.sentence_at(a2.start)
    parse = doc.parses.get(i) if i is not None else None
    if i is None or parse is None:
        return False
    node = _root(parse, doc.sentences[i].start, a2)
    if node is None:
        return False
    for _ in range(3):  # "soldiers and civilians marched": the coordination's subject
        if node.dep_ not in ("conj", "appos") or node.head is node:
            break
        node = node.head
    if node.dep_ in SUBJECTS:  # "erected a checkpoint and protested": the same subject
        verbs = (node.head, *node.head.conjuncts)
        return any(verb.lemma_.lower() in PROTEST_LEMMAS for verb in verbs)
    return not (node.dep_ == "pobj" and node.head.lower_ == "by")
