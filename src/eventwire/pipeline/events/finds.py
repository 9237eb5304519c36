"""Strategic developments told beside a crowd's or a device's word (issue 16, h16bj).

Three small readings the sub-type and frame rules ask for:

- ``headline_passive``: a headline's participle with a subject and no auxiliary is a
  passive ("Bomb found near the market", "Explosives recovered in a raid"): the weapon is
  the thing found, as in "a bomb was found", not the doer of "found".
- ``crowd_took_someone``: an arrest whose doers are an unarmed crowd ("residents arrested
  him", "villagers captured a man", "locals tried apprehending the passengers"): only the
  state arrests; ACLED codes a crowd that seizes a person as Mob violence, harmed or not.
- ``crowd_named_beside_find``: a crowd word that starts an event ("vigilantes") in a
  sentence whose act is a device found or seized ("vigilantes discovered a landmine") and
  no violent act: the crowd did not riot, the event is the disrupted weapons use.
- ``occupied_unopposed``: ground "occupied" (``occupation_words``) with no violent act told
  in its sentence or the ones beside it ("troops occupied a disputed area on the border"):
  a Non-violent transfer of territory; "attacked and occupied a camp" stays the battle's.
- ``noun_with_subject`` and ``marching_amount``: a headline's protest verb the tagger read
  as the sentence's noun, with a subject ("Hundreds march in X", "Health staff march"), is
  the verb; an amount of people (``crowd_amounts``: "hundreds", "thousands") is people.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

__all__ = [
    "FIND_FRAMES",
    "crowd_named_beside_find",
    "crowd_took_someone",
    "headline_passive",
    "marching_amount",
    "noun_with_subject",
    "occupied_unopposed",
]

FIND_FRAMES = frozenset({"disrupt", "seize_arms"})  # a device found, defused or seized
OCCUPATION: frozenset[str] = words("lexicon", "occupation_words")
CROWD_AMOUNTS: frozenset[str] = words("lexicon", "crowd_amounts")
WEAPON_FRAMES = frozenset({"explode", "grenade", "shell"})  # a device's word: found, not fired


def headline_passive(tok: Any) -> bool:
    """Is the token the subject of a verb with no auxiliary ("Bomb found near X", which the
    tagger may read as a past tense)? The caller asks it of a weapon and a verb of finding:
    a weapon finds nothing, so it is what was found."""
    verb = tok.head
    return tok.dep_ == "nsubj" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def crowd_took_someone(frame: str, crowd_agent: bool, harm_told: bool) -> bool:
    """An arrest by an unarmed crowd with no harm told (the harm rule decides otherwise)."""
    return frame == "arrest" and crowd_agent and not harm_told


def crowd_named_beside_find(
    frame: str, others: set[str], sentence: set[str], violent: frozenset[str]
) -> bool:
    """A crowd word's event in a sentence that tells a device found (a verb of finding and
    a weapon's trigger, which the frame rules read as found) and no other violent act."""
    weapons = others & WEAPON_FRAMES
    return (
        frame == "mob"
        and "discovery" in sentence
        and bool(others & FIND_FRAMES or weapons)
        and not others & (violent - WEAPON_FRAMES - {"mob"})
    )


def occupied_unopposed(trigger: set[str], told: set[str], violent: frozenset[str]) -> bool:
    """Ground occupied with no violent act told beside it."""
    return bool(trigger & OCCUPATION) and not told & violent


def noun_with_subject(head: Any) -> bool:
    """A noun that heads the sentence and has a subject: a headline's verb ("Hundreds
    march in X") the tagger read as a noun."""
    return (
        head.pos_ == "NOUN"
        and head.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" for c in head.children)
    )


def marching_amount(subj: Any) -> bool:
    """An amount of people with no complement ("Hundreds march", "thousands marched")."""
    return subj.lower_ in CROWD_AMOUNTS and not any(c.lower_ == "of" for c in subj.children)
