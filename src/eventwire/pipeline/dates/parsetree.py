"""Walks over a sentence's dependency parse that the dates stage uses to tie a time
expression to the clause and the word it dates."""

from __future__ import annotations

from typing import Any


def token_at(parse: Any, offset: int) -> Any:
    """The token of a sentence parse covering a sentence-relative character offset."""
    if parse is None:
        return None
    for token in parse:
        if token.idx <= offset < token.idx + max(len(token.text), 1):
            return token
    return None


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
