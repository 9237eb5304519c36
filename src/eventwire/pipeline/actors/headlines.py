"""A headline's reduced passive: the subject of "<people> shot in an attack" was hit.

"Herdsman shot in attack by armed raiders", "Nine members of a clan killed in a road
ambush", "Guard shot and killed.": headline style drops the auxiliary, so the parser reads
the participle as an active verb and its victim as the subject — actor1 of the event.
ACLED codes the attacker (the "by" agent, else an Unidentified Armed Group) first and the
victims second. ``headline_victim`` is True when the event's actor1 is directly followed
by a harm participle (``headline_harm_participles``) that takes no object: what follows is
the end of the sentence, a comma, or a preposition or time word (``headline_after_words``),
optionally after "and <participle>" or "dead". "Gunmen shot two traders" and "Police shot
dead a suspect" (an object follows) keep the subject as the attacker.

>>> from eventwire.records import Actor, Document
>>> doc = Document(text="Trader shot in attack by gunmen.")
>>> headline_victim(doc, Actor(text="Trader", start=0, end=6))
True
>>> doc = Document(text="Gunmen shot two traders.")
>>> headline_victim(doc, Actor(text="Gunmen", start=0, end=6))
False
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.common.wordpattern import word_pattern
from eventwire.records import Actor, Document

_HARM = word_pattern(words("actors", "headline_harm_participles")).pattern
_AFTER_WORDS = word_pattern(words("actors", "headline_after_words")).pattern
_REDUCED = re.compile(
    rf"\s+(?:{_HARM})(?:\s+at(?=\s+and\b))?(?:\s+and\s+(?:seriously\s+)?(?:{_HARM}))?"
    rf"(?:\s+dead)?(?=\s*(?:[.,;:]|$)|\s+(?:{_AFTER_WORDS})\b)",
    re.IGNORECASE,
)
# a headline's subject opens its sentence or clause ("On 3 May, two guards shot …"), or is
# the last part of a short subject ("A commissioner and six bodyguards killed", "Aid worker
# from Ethiopia killed"); within a longer clause the words before may hold the verb
_OPENS = re.compile(r"(?:^|[.:;,!?)\]]|\s[-–—])\s*(?:(?:[\w'’-]+\s+){0,5}(?:and|from|of)\s+)?$")


def headline_victim(doc: Document, actor: Actor | None) -> bool:
    """True when ``actor`` is the subject of a reduced passive harm participle ("<actor>
    shot in …", "<actor> killed."), i.e. the one who was hit, not the attacker."""
    if actor is None or actor.start < 0 or actor.end > len(doc.text):
        return False
    if _REDUCED.match(doc.text, actor.end) is None:
        return False
    return _OPENS.search(doc.text[max(0, actor.start - 40) : actor.start]) is not None


def struck_side(victim: Actor | None) -> Actor | None:
    """The headline victim as actor2 when it is a state force (a battle's struck side) or
    civilians; a victim coded as an armed group ("Herdsman": a communal militia) is left to
    the civilian defaults."""
    return victim if victim is not None and victim.inter in (1, 7) else None


def coded_headline_victim(doc: Document, actor1: Actor | None) -> bool:
    """``headline_victim`` for an event's actor1, except a victim coded as a community's
    militia ("nine members of a tribe killed"): the community defaults read those notes."""
    return actor1 is not None and actor1.inter != 4 and headline_victim(doc, actor1)
