"""A border named by two nationalities joined by a hyphen: "along the Yemeni-Saudi border".

A report names its own country's side of a border first ("the Kenya-Somalia border" in a
Kenyan note, "the Yemeni-Saudi border" in a Yemeni one), so in such a pair the first
nationality votes as that country's own word and the second, the neighbour's, not at all.
Any other hyphenated word with nationalities ("pro-Russian", "Saudi-led") keeps its weak
vote for each of them (a stance or a foreign leader)."""

from __future__ import annotations

from collections import Counter

from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold

BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})  # as ``places.borders``
FIRST_SIDE_VOTE = 1.0  # the first of the pair: a nationality's own vote


def hyphen_votes(tok: str, after: str, lex: Lexicon, weak: float) -> Counter[str]:
    """The votes of a hyphenated word ``tok`` followed by the word ``after``: the first
    side of a border pair ("Yemeni-Saudi border"), else ``weak`` for each nationality."""
    votes: Counter[str] = Counter()
    parts = [p for p in tok.split("-") if p[:1].isupper() and fold(p) in lex.adjectives]
    sides = {lex.adjectives[fold(p)] for p in parts}
    if after.lower() in BORDER_NOUNS and len(parts) == 2 == len(tok.split("-")) and len(sides) == 2:
        votes[lex.adjectives[fold(parts[0])]] += FIRST_SIDE_VOTE  # type: ignore[assignment]  # float weights in a Counter
        return votes
    for part in parts:
        votes[lex.adjectives[fold(part)]] += weak  # type: ignore[assignment]  # float weights in a Counter
    return votes
