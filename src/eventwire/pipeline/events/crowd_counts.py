"""A crowd told by its number: "a number of farmers", "many teachers", "members of the public".

ACLED codes violence by several ordinary people acting together, with no organisation and
no firearms, as Mob violence: "a number of farmers assaulted a herder", "several taxi
drivers assaulted a suspected robber", "many teachers hit a man", "members of the public
caught a pickpocket and beat him". The doer's head is then a word of number ("a number of",
"dozens of") or of the public, or a plural of ordinary people with a quantifier
("several", "many"), so the phrase's own classes miss the crowd ("number" is no crowd word,
"teacher" is a civilian, not a crowd). This adds the crowd class to such a doer; whether it
is armed, and what it did, the rules of subtypes.py still decide.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.triggers import Lexicon, token_keys

CROWD = "unarmed_collective"
_COUNT_HEADS: frozenset[str] = words("lexicon", "crowd_count_heads")
_QUANTIFIERS: frozenset[str] = words("lexicon", "crowd_quantifiers")
_PUBLIC: frozenset[str] = words("lexicon", "crowd_public_nouns")
_HARMED: frozenset[str] = words("lexicon", "crowd_harmed_nouns")
_MEMBERS = frozenset({"member", "members"})


def counted_crowd(parse: Any, head: int | None, lexicon: Lexicon) -> set[str]:
    """{"unarmed_collective"} for several ordinary people named by their number."""
    if head is None:
        return set()
    tok = parse[head]
    if tok.lower_ in _COUNT_HEADS or tok.lower_ in _MEMBERS:
        for obj in _of_objects(tok):
            if tok.lower_ in _MEMBERS and obj.lower_ not in _PUBLIC:
                continue  # "members of the community": a party, left to the phrase's words
            if obj.lower_ in _PUBLIC or (obj.tag_ == "NNS" and _people(obj, lexicon)):
                return {CROWD}
        return set()
    counted = any(c.lower_ in _QUANTIFIERS for c in tok.lefts if c.dep_ in {"amod", "det"})
    return {CROWD} if counted and tok.tag_ == "NNS" and _people(tok, lexicon) else set()


def _people(tok: Any, lexicon: Lexicon) -> bool:
    """Is the noun one of ordinary people (a civilian or crowd word, not one of the harmed)?
    Built only for a counted doer, not for every doer of a report."""
    people = (lexicon.words_of("civilian") | lexicon.words_of("unarmed_collective")) - _HARMED
    return bool(token_keys(tok) & people)


def _of_objects(tok: Any) -> list[Any]:
    return [g for c in tok.rights if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
