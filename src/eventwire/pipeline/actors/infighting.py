"""Two groups of one party that fought each other.

"2 groups of Al Shabaab clashed", "two groups of government soldiers (SNA) exchanged
gunfire", "two Islamic State Somalia Province groups clashed", "clashes between two
factions of the militia": ACLED codes the party on both sides (Al Shabaab against Al
Shabaab, the military against the military). The parse reads the subject as one mention
and finds no second side, so the stage gave actor2 from elsewhere (a victim, a default) or
none. ``split_group`` reads the pair off the event's sentence: "two/2 [rival] groups
(factions, units, wings) of X" or "two/2 X groups (factions, units)", X an armed party the
dictionary or the composer codes, and a trigger that tells a fight (clash, fight, gunfire,
battle …), never a one-sided act ("two groups of fighters attacked the villages").
A riot told the same way ("two groups of students clashed", "two rival factions of youth
engaged in a street-fight") has its rioters on both sides, not the police that came.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

from eventwire.pipeline.common.actordict import ARMED_INTER
from eventwire.records import Actor, Document, Event

_FORCES = frozenset({1, 2, 8})  # state forces, rebels, external forces
_KINDS = frozenset({"Battles", "Riots"})  # a soldiers' brawl may still be typed a riot
_PARTS = r"(?:groups|factions|units|wings|sections)"
_OF = re.compile(
    r"\b(?:two|2)\s+(?:rival(?:ing)?\s+|armed\s+|separate\s+|different\s+|opposing\s+)?"
    rf"{_PARTS}\s+of\s+(?:the\s+)?(?P<x>[^,.;:()]+?)"
    r"(?=\s+(?:clash|clashed|fought|fight|exchanged|engaged|opened|aligned|loyal|in|at|near|"
    r"on|over|inside|outside|who)\b|\s*[,.;:(]|$)"
)
_BEFORE = re.compile(
    r"\b(?:two|2)\s+(?:rival\s+)?(?P<x>[A-Z][\w'’/-]*(?:\s+[A-Z][\w'’/-]*){0,5})\s+"
    rf"{_PARTS}\b"
)
_TWO = re.compile(
    r"\b(?:two|2)\s+(?:rival(?:ing)?\s+|opposing\s+)?(?:[a-z]+\s+)?(?:groups|factions)\b",
    re.IGNORECASE,
)
_FIGHT = re.compile(
    r"clash|fight|fought|exchang|gunfire|battle|skirmish|confront|shootout|firefight",
    re.IGNORECASE,
)


def split_group(
    doc: Document, event: Event, code: Callable[[str], Actor]
) -> tuple[Actor, Actor] | None:
    """The party named as "two groups of X" on both sides of a fight, or None."""
    armed = _armed_pair(doc, event, code)
    if armed is None and event.acled_event_type == "Riots":
        return _rival_crowds(doc, event)
    return armed


def _armed_pair(
    doc: Document, event: Event, code: Callable[[str], Actor]
) -> tuple[Actor, Actor] | None:
    """Two groups of X fought, X an armed party: X on both sides."""
    if event.acled_event_type not in _KINDS or not _FIGHT.search(event.trigger.text):
        return None
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences):
        return None
    sentence = doc.sentences[i]
    for pattern in (_OF, _BEFORE):
        match = pattern.search(sentence.text)
        if match is None:
            continue
        side = code(match.group("x"))
        if side.inter not in ARMED_INTER or side.resolved_by in (None, "unknown"):
            return None
        # a riot's "two groups of NPP supporters" stay a crowd; forces or armed men do not
        riot = event.acled_event_type == "Riots"
        if riot and side.inter not in _FORCES and "armed" not in match.group("x").lower():
            return None
        side.text = match.group(0)
        side.start = sentence.start + match.start()
        side.end = sentence.start + match.end()
        return side, copy.deepcopy(side)
    return None


def _rival_crowds(doc: Document, event: Event) -> tuple[Actor, Actor] | None:
    """A riot's rioters on both sides when its sentence tells two groups or factions."""
    a1, i = event.actor1, event.sentence_index
    if a1 is None or a1.inter != 5 or not 0 <= i < len(doc.sentences):
        return None
    if _TWO.search(doc.sentences[i].text) is None:
        return None
    return a1, copy.deepcopy(a1)
