""" "Engaged in" a thing that is no fight is not a clash (issue 16, h16cc).

"two men engaged in an argument were later beaten by police", "fishermen attacked for
engaging in light fishing", "men engaged in sexual relations were ambushed": "engage" is a
clash word only when it takes the other side ("troops engaged the rebels") or a fight
("engaged in a firefight", "engaged in heavy fighting", "engaged in a brawl with police").
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.triggers import Lexicon, token_keys

_FIGHTS: frozenset[str] = words("lexicon", "engage_fight_objects")


def engaged_in_no_fight(head: Any, lexicon: Lexicon) -> bool:
    """Is the verb "engage" told with "in" and a thing that is no fight, and no direct
    object ("engaged in an argument", "engaging in light fishing")?"""
    if head.lemma_.lower() != "engage" or head.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ in {"dobj", "obj"} for c in head.children):
        return False  # "troops engaged the rebels"
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"]
    if not preps:
        return False
    # every word after "in": "in shelling and armed clashes", "in a shoot-out", "in fire fights"
    things = [t for p in preps for t in p.subtree if t.i != p.i]
    fights = _FIGHTS | lexicon.words_of("exchange")
    return not any(token_keys(t) & fights or t.lower_ in fights for t in things)


def idle_engage_tokens(parse: Any, lexicon: Lexicon) -> set[int]:
    """The "engage" verbs of a sentence that tell no fight: no exchange cue to another act
    ("They engaged in an argument and were later assaulted by police": a one-sided attack)."""
    return {t.i for t in parse if engaged_in_no_fight(t, lexicon)}
