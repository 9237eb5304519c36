"""Suicide bombers among the dead of their own attack.

A suicide bomber who sets off the charge dies with it, and both ACLED and GTD count the
bombers among the fatalities. Reports state that death in three ways the cue words miss:

* no toll at all besides the wounded ("a double suicide attack … resulted in the injury of
  19 people"; "2 suicide bombers set off their explosives. No other casualties"): the
  bombers are the toll;
* a toll of the *others* ("The bomber detonated, killing 1 other person"): the bombers
  are added;
* the bombers named beside the victims without a number ("Three suicide bombers detonated
  … In addition to the assailants, two people were killed"): the number told before.

:func:`add_bombers` adds one ``count`` mention with the bombers' number to an incident's
mentions in those three cases only. A toll that already holds them ("killing herself and
two others", "including the bomber", "2 kamikazes and 1 civilian dead") or a bomber who
failed, was stopped or arrested, adds nothing; nor does a stated toll of victims alone
("a suicide bomber attacked a market, killing 21"), which the two gold sets count apart.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities
from eventwire.pipeline.casualties.toll_notes import Mention

_UNITS = words("casualties", "suicide_units")
_PAIRS = words("casualties", "suicide_pairs")
_MODIFIERS = words("casualties", "suicide_modifiers")
_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
# "Two Boko Haram suicide bombers", "a suspected female suicide bomber", "twin suicide
# attacks", "3 kamikazes"; a unit followed by another noun ("the suicide bomber squad",
# "suicide bomber units") names no attack
BOMBERS = re.compile(
    rf"(?P<pre>(?:[\w'’-]+\s+){{0,5}})(?:suicid(?:e|al)\s+(?P<unit>{_UNIT_ALT})|(?P<kamikaze>kamikazes?))\b"
    r"(?!\s+(?:squads?|units?|cells?|brigades?|networks?|training|vests?|belts?))",
    re.I,
)
DETONATED = re.compile(
    r"\b(?:detonat\w*|explod\w*|blew|blown|blowing|set\s+off|went\s+off|blasts?|explosions?"
    r"|suicid(?:e|al)\s+(?:attacks?|bombings?))\b",
    re.I,
)
# the bomber was stopped, failed, or is alive: no death to add
FAILED = re.compile(
    r"\b(?:fail\w*|attempt\w*|foil\w*|dud|defus\w*|prevented|thwarted|escaped|on\s+the\s+run"
    r"|before\s+(?:he|she|they|it)\s+could|without\s+detonat\w*|arrested|surrendered"
    r"|wounding\s+only|injuring\s+only)\b",
    re.I,
)
# a toll that already holds the bombers
HOLDS = re.compile(
    r"\binclud\w*\s+(?:the\s+|\w+\s+)?(?:suicide\s+)?(?:bombers?|kamikazes?|attackers?"
    r"|assailants?|perpetrators?)\b"
    r"|\bkamikazes?\s+(?:died|dead|killed|and)\b",
    re.I,
)
PERPETRATOR = re.compile(
    r"\b(?:bombers?|kamikazes?|attackers?|assailants?|perpetrators?|(?:him|her|them)sel(?:f|ves)"
    r"|themself)\b",
    re.I,
)
OTHERS = re.compile(r"\b(?:other|others)\b", re.I)
IN_ADDITION_PLURAL = re.compile(
    r"\b(?:in\s+addition\s+to|aside\s+from|besides)\s+the\s+(?:suicide\s+)?"
    r"(?:bombers|assailants|attackers|perpetrators)\b",
    re.I,
)
BOMB_TYPES = frozenset({"Explosions/Remote violence"})


def bomber_count(text: str, numbers: NumberLexicon) -> int | None:
    """How many suicide bombers a report tells of, from its first mention: the number
    before the noun and its modifiers ("Two Boko Haram suicide bombers", "2 suspected
    female suicide bombers", "twin suicide bombings"), else one for a singular noun ("a
    suicide bomber", "Suicide attack in …"); ``None`` when it tells of none or does not
    say how many ("suicide attacks")."""
    for m in BOMBERS.finditer(text):
        unit = (m.group("unit") or m.group("kamikaze") or "").lower()
        for word in reversed(m.group("pre").split()):
            low = word.lower()
            if low in _PAIRS:
                return 2
            found = find_quantities(word, 0, numbers)
            if found and not found[0].vague:
                return found[0].best
            if not (word[:1].isupper() or low in _MODIFIERS):
                break  # "killed 5 in a suicide attack": the 5 are not the bombers
        if not unit.endswith("s"):
            return 1  # "a suicide bomber", "the suicide attack", "Suicide attack in …"
    return None


def add_bombers(
    mentions: list[Mention], text: str, event_types: set[str | None], numbers: NumberLexicon
) -> None:
    """Add the suicide bombers of an incident to its ``mentions`` where its toll does not
    hold them (see the module docstring); ``text`` is the incident's text and
    ``event_types`` the ACLED types of its events (only a bombing counts its bombers)."""
    if not event_types & BOMB_TYPES or FAILED.search(text) or HOLDS.search(text):
        return
    if not DETONATED.search(text):
        return
    count = bomber_count(text, numbers)
    if not count:
        return
    kills = [
        m
        for m in mentions
        if m.category == "killed" and not m.background and not m.ambiguous and m.kind != "split"
    ]
    if any(PERPETRATOR.search(m.text) for m in kills):
        return  # "a suicide bomber were killed", "killing herself", "in addition to the bomber"
    counted = [m for m in kills if m.best]
    plural_addition = IN_ADDITION_PLURAL.search(text)
    others = any(OTHERS.search(m.text) for m in counted)
    if counted and not others and plural_addition is None:
        return  # a toll of the victims alone: the two gold sets disagree on adding
    start = min((m.start for m in mentions), default=0)
    mentions.append(Mention("killed", count, count, count, start, start, "suicide bombers"))
