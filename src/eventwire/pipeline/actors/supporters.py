"""A supporting force is not the party it supports: "military forces supported by Wagner
fighters took over the village following clashes with CPC rebels".

A mention that is the agent of a support participle ("supported by", "backed by",
"accompanied by", …) hung on another noun phrase names a supporter of that phrase's party:
ACLED lists the supported side as the actor and its supporters as associated actors, so
the stage's search for a "by" agent skips it (``is_supporter``). The participles are data
(``support_participles`` in ``data/actors/words.yaml``).
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.records import Actor, Document, Event

SUPPORT_PARTICIPLES: frozenset[str] = words("actors", "support_participles")


def _head_token(parse: Any, offset: int, actor: Actor) -> Any | None:
    """The syntactic head of the mention's words in the parse, or None."""
    inside = [t for t in parse if actor.start <= offset + t.idx < actor.end]
    heads = [t for t in inside if not (actor.start <= offset + t.head.idx < actor.end)]
    return heads[0] if len(heads) == 1 else None


def _support_participle(parse: Any, offset: int, actor: Actor) -> Any | None:
    """The support participle whose agent the mention is ("supported by X"), or None."""
    head = _head_token(parse, offset, actor)
    while head is not None and head.dep_ == "conj":  # "by Wagner fighters and Rwandan forces"
        head = head.head
    if head is None or head.dep_ != "pobj" or head.head.dep_ != "agent":
        return None
    participle = head.head.head
    if participle.lower_ not in SUPPORT_PARTICIPLES or participle.dep_ != "acl":
        return None
    return participle if participle.head.pos_ in ("NOUN", "PROPN") else None


def is_supporter(doc: Document, event: Event, actor: Actor) -> bool:
    """Whether the mention is only the supporter of another party of the event's sentence."""
    parse = doc.parses.get(event.sentence_index)
    if parse is None or actor.start < 0 or not 0 <= event.sentence_index < len(doc.sentences):
        return False
    return _support_participle(parse, doc.sentences[event.sentence_index].start, actor) is not None
