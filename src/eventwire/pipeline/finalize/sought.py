"""A target the actors stage found in a suspicion clause is no side of a battle.

"soldiers fired shots at a market, suspecting the presence of separatists", "police killed
a man suspected of membership in an armed group": the actors stage may code the group
named in the clause as the target, and "target coded as an armed actor" would then make
the attack on the people harmed a battle. When the target's words follow a suspicion word
(``suspicion_cues``, the events stage's list) within a few words of their sentence, the
events stage's reading stands (h16bh).
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.records import Document, Event

_CUES: frozenset[str] = words("lexicon", "suspicion_cues")
_REACH = 8  # words between the suspicion word and the target's words


def sought_target(doc: Document, event: Event) -> bool:
    """True when the event's target is first named within a suspicion clause."""
    a2 = event.actor2
    if a2 is None or not a2.text.strip():
        return False
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences):
        return False
    text = doc.sentences[i].text
    at = text.lower().find(a2.text.strip().lower())
    if at < 0:
        return False
    before = re.findall(r"[a-z]+", text[:at].lower())[-_REACH:]
    return bool(_CUES & set(before))
