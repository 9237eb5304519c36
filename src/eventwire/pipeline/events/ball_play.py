"""A ball struck, saved or owned by a player is sport, not violence (issue 16, h16cd).

Match reports tell a player's attempt on goal with the words of a fight: "the striker's shot
was beaten away by the keeper", "the goalkeeper beat away his low drive", "hit the ball",
"his header was punched clear". Two wordings are sport whatever the rest of the sentence says:

- a violent verb ("beat", "attack", "hit", "shoot") whose thing struck is a ball or a
  player's attempt (``ball_acts`` of ``data/lexicon/words.yaml``: drive, header, volley,
  cross, ball …). A "shot" fired is the real thing for a shooting ("police fired shots"), so
  the shoot frame does not count "shot" as a ball act;
- a trigger noun that is such an attempt ("shot") owned by a player ("the striker's shot",
  ``sport`` class of ``context.yaml``) or struck by a keeper's verb ("the shot was beaten
  away", "parried the shot": ``ball_stop_verbs``).

"The sniper's shot", "a shot was fired", "the attack was beaten back" stay violence: a sniper
is no player, "fire" stops no ball, an attack is no ball act.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, token_keys

BALL_ACTS: frozenset[str] = words("lexicon", "ball_acts")
BALL_STOP_VERBS: frozenset[str] = words("lexicon", "ball_stop_verbs")
_PATIENT = frozenset({"dobj", "obj", "nsubjpass"})
_FIRED = frozenset({"shot", "shots"})


def _struck_ball(head: Any, frame: str) -> bool:
    """A verb whose thing struck is a ball act ("beat away his drive")."""
    acts = BALL_ACTS - _FIRED if frame == "shoot" else BALL_ACTS
    return any(c.dep_ in _PATIENT and token_keys(c) & acts for c in head.children)


def _players_attempt(head: Any, lexicon: Lexicon) -> bool:
    """A ball-act noun owned by a player or stopped by a keeper's verb."""
    if not token_keys(head) & BALL_ACTS:
        return False
    sport = lexicon.words_of("sport")
    if any(c.dep_ == "poss" and token_keys(c) & sport for c in head.children):
        return True  # "the striker's shot"
    verb = head.head
    return head.dep_ in _PATIENT and bool(token_keys(verb) & BALL_STOP_VERBS)


def ball_play(match: TriggerMatch, parse: Any, frame: str, lexicon: Lexicon) -> bool:
    """Is the trigger a ball struck or a player's attempt on goal (sport, no violence)?"""
    head = parse[match.head]
    if head.pos_ in {"NOUN", "PROPN"}:
        return _players_attempt(head, lexicon)
    return head.pos_ == "VERB" and _struck_ball(head, frame)
