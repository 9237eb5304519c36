"""A crowd that took someone: "held hostage by some irate youths", "a mob abducted …".

ACLED codes a person seized by a riotous crowd (an angry crowd, a mob, rioters or
protesters) as Mob violence, or as a Violent demonstration at a protest, not as an
Abduction: the crowd is no armed group holding captives. A neutral "group of men" or
"a group of youth" that abducts people stays an Abduction (kidnappers for ransom, ritual
or bargaining), so only a crowd named by its mood or by a riot noun counts.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

ANGRY_CROWD = "angry_crowd"  # the class it adds to an agent's phrase
_MOODS: frozenset[str] = words("lexicon", "angry_crowd_moods")
_NOUNS: frozenset[str] = words("lexicon", "angry_crowd_nouns")


def angry_crowd(parse: Any, head: int | None) -> set[str]:
    """{"angry_crowd"} for a crowd named by a riot noun ("a mob", "rioters", "protesters")
    or by its mood ("irate youths", "angry residents")."""
    if head is None:
        return set()
    tok = parse[head]
    if tok.lemma_.lower() in _NOUNS or tok.lower_ in _NOUNS:
        return {ANGRY_CROWD}
    moods = [c for c in tok.lefts if c.dep_ in {"amod", "compound"} and c.lower_ in _MOODS]
    return {ANGRY_CROWD} if moods else set()
