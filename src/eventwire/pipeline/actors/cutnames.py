"""A group's name the parse cut at its left edge, joined again before it is coded.

The parse of a note can leave the first word of a long name outside the mention
("clashed with Islamic State Somalia Province": the mention "State Somalia Province …",
which codes as the state of Somalia). ``rejoin_cut_name`` widens a raw mention to the
words directly before it, in the same line, when they and the mention's first words make
one alias of the dictionary; the mention then codes as that group.

"Clashes between military and SPLA/M-IO in Pariang": the parse can also end the mention at
a slash ("SPLA"), which codes as the state's army. ``rejoin_slash_name`` widens a raw
mention over the slash-joined words right after it ("/M-IO") when the whole token is an
alias of the dictionary.
"""

from __future__ import annotations

import re

from eventwire.pipeline.common.actordict import ActorDictionary, normalise
from eventwire.records import Actor, Document

_LEFT_WORDS = re.compile(r"((?:[A-Za-z][\w'’.-]* ){1,3})$")
LEFT_WORDS = 3  # the most words of a name left before the mention
_SLASHED = re.compile(r"(?:/[A-Za-z][\w-]*)+")


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


def rejoin_slash_name(d: ActorDictionary, doc: Document, actor: Actor) -> bool:
    """Widen ``actor`` (a raw mention) over "/M-IO" right after it when the whole token is
    one dictionary alias; True when it did."""
    if actor.end <= 0 or actor.end >= len(doc.text) or doc.text[actor.end] != "/":
        return False
    match = _SLASHED.match(doc.text, actor.end)
    if match is None:
        return False
    token = doc.text[actor.start : match.end()].split()[-1]
    if normalise(token) not in d.alias:
        return False
    actor.text, actor.end = doc.text[actor.start : match.end()], match.end()
    return True
