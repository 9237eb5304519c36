"""Walks over a sentence's dependency parse that the dates stage uses to tie a time
expression to the clause and the word it dates."""

from __future__ import annotations

import re
from typing import Any

# the words before the day a toll rose on ("the toll climbed to 20 on Sunday")
TOLL_RISE = re.compile(
    r"\b(?:rose|risen|climbed|increased|jumped)\s+to\s+(?:at\s+least\s+)?[\w-]+\s*$", re.I
)


def toll_day(text: str, start: int) -> bool:
    """Whether the date at ``start`` is the day a toll rose on ("the death toll from Friday's
    attack climbed to 20 on Sunday"), not the day of the incident."""
    return TOLL_RISE.search(text[max(0, start - 40) : start]) is not None


def token_at(parse: Any, offset: int) -> Any:
    """The token of a sentence parse covering a sentence-relative character offset."""
    if parse is None:
        return None
    for token in parse:
        if token.idx <= offset < token.idx + max(len(token.text), 1):
            return token
    return None


def in_trigger(token: Any, event: Any, sentence: Any) -> bool:
    """Whether a parse token is one of the event's trigger words (a trigger may be two:
    "air strike", "car bomb")."""
    return bool(event.trigger.start <= sentence.start + token.idx < event.trigger.end)


def other_noun(
    host: Any, anchor: Any, event: Any, sentence: Any, incident_nouns: frozenset[str]
) -> bool:
    """Whether the noun a date hangs on is another thing than the event: not one of its
    trigger words, nor an incident noun the date names from before ("Saturday's raid",
    "Tuesday's air strike" in "the number killed in ... has risen to 19")."""
    return (
        host is not None
        and host.pos_ in ("NOUN", "PROPN")
        and not in_trigger(host, event, sentence)
        and not (host.i > anchor.i and host.text.lower() in incident_nouns)
    )


def verb_of(token: Any) -> Any:
    """The nearest verb at or above a token (the head of its clause)."""
    while token is not None:
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return token
        token = token.head
    return None


def host_of(token: Any, start: int, end: int) -> Any:
    """The word a time expression hangs on: up from its tokens, over prepositions."""
    while token is not None and token.head.i != token.i:
        token = token.head
        inside = start <= token.idx < end
        if not inside and token.pos_ != "ADP":
            return token
    return None


def ancestors(token: Any) -> list[Any]:
    """The heads above a token, nearest first, up to the root."""
    chain = []
    while token is not None and token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain
