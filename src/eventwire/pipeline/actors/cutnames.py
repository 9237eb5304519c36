"""A group's name the parse cut at its left edge, joined again before it is coded.

The parse of a note can leave the first word of a long name outside the mention
("clashed with Islamic State Somalia Province": the mention "State Somalia Province …",
which codes as the state of Somalia). ``rejoin_cut_name`` widens a raw mention to the
words directly before it, in the same line, when they and the mention's first words make
one alias of the dictionary; the mention then codes as that group.
"""

from __future__ import annotations

import re

from eventwire.pipeline.common.actordict import ActorDictionary, normalise
from eventwire.records import Actor, Document

_LEFT_WORDS = re.compile(r"((?:[A-Za-z][\w'’.-]* ){1,3})$")
LEFT_WORDS = 3  # the most words of a name left before the mention


def rejoin_cut_name(d: ActorDictionary, doc: Document, actor: Actor) -> bool:
    """Widen ``actor`` (a raw mention) to the start of an alias the parse cut; True when it
    did."""
    if actor.start <= 0 or actor.end > len(doc.text):
        return False
    match = _LEFT_WORDS.search(doc.text[max(0, actor.start - 48) : actor.start])
    if match is None:
        return False
    before = match.group(1).split()
    inside = actor.text.split()
    for n in range(min(LEFT_WORDS, len(before)), 0, -1):
        for k in range(min(len(inside), d.max_alias_words - n), 0, -1):
            key = normalise(" ".join(before[-n:] + inside[:k]))
            if key and key in d.alias:
                prefix = " ".join(before[-n:]) + " "
                start = actor.start - len(prefix)
                if doc.text[start : actor.start] != prefix:
                    return False
                actor.text, actor.start = doc.text[start : actor.end], start
                return True
    return False
