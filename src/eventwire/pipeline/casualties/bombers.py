"""Suicide bombers among the dead of their own attack.

A suicide bomber who sets off the charge dies with it, and both ACLED and GTD count the
bombers among the fatalities. Reports state that death in three ways the cue words miss:

* no toll at all besides the wounded ("a double suicide attack … resulted in the injury of
  19 people"; "2 suicide bombers set off their explosives. No other casualties"): the
  bombers are the toll;
* a toll of the *others* ("The bomber detonated, killing 1 other person"): the bombers
  are added;
* a toll of the victims told beside bombers who set off their charges ("a suicide bomber
  detonated himself, killing 7 people", "Two kamikazes exploded themselves killing one
  civilian"): the bombers who did are added;
* the bombers named beside the victims without a number ("Three suicide bombers detonated
  … In addition to the assailants, two people were killed"), or only by a plural
  reflexive ("Two suicide bombers killed themselves and 5 civilians"): the number told
  before.

:func:`add_bombers` adds one ``count`` mention with the bombers' number to an incident's
mentions in those three cases only. A toll that already holds them ("killing herself and
two others", "including the bomber", "2 kamikazes and 1 civilian dead") or a bomber who
failed, was stopped or arrested, adds nothing; nor does a stated toll of victims alone
("a suicide bomber attacked a market, killing 21", no word of a detonation), which the
two gold sets count apart.
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
# the attackers' own nouns, one list with toll_notes.IN_ADDITION ("bomber", "assailants",
# "kamikaze", "gunmen")
_WHO = words("casualties", "perpetrators")
_WHO_ALT = "|".join(sorted(_WHO, key=len, reverse=True))
_WHO_PLURAL = "|".join(sorted((w for w in _WHO if w.endswith(("s", "men"))), key=len, reverse=True))
HOLDS = re.compile(
    rf"\binclud\w*\s+(?:the\s+|\w+\s+)?(?:suicide\s+)?(?:{_WHO_ALT})\b"
    r"|\bkamikazes?\s+(?:died|dead|killed|and)\b",
    re.I,
)
PERPETRATOR = re.compile(
    rf"\b(?:{_WHO_ALT}|(?:him|her|them)sel(?:f|ves)|themself)\b",
    re.I,
)
OTHERS = re.compile(r"\b(?:other|others)\b", re.I)
IN_ADDITION_PLURAL = re.compile(
    r"\b(?:in\s+addition\s+to|aside\s+from|besides)\s+the\s+(?:suicide\s+)?"
    rf"(?:{_WHO_PLURAL})\b",
    re.I,
)
# the bomber set off the charge: "a suicide bomber detonated himself, killing 7", "Two
# kamikazes exploded themselves", "The assailant detonated, killing a guard"; the toll told
# with it is of the victims, and the bombers died too
DETONATOR = re.compile(
    rf"(?P<pre>(?:[\w'’-]+\s+){{0,5}})(?:suicide\s+)?(?P<who>{_WHO_ALT})"
    r"\s+(?:(?:then|later|reportedly|allegedly|also)\s+)?(?:detonated|exploded|blew)\b",
    re.I,
)
# a toll told as victims killed ("killing 7 people", "four soldiers were killed"), not a
# bare count of the dead ("3 dead"), which may hold the bomber
KILLED_VICTIMS = re.compile(r"\bkill(?:ed|ing)\b", re.I)
BOMB_TYPES = frozenset({"Explosions/Remote violence"})


def bomber_count(text: str, numbers: NumberLexicon) -> int | None:
    """How many suicide bombers a report tells of, from its first mention: the number
    before the noun and its modifiers ("Two Boko Haram suicide bombers", "2 suspected
    female suicide bombers", "twin suicide bombings"), else one for a singular noun ("a
    suicide bomber", "Suicide attack in …"); ``None`` when it tells of none or does not
    say how many ("suicide attacks")."""
    for m in BOMBERS.finditer(text):
        unit = (m.group("unit") or m.group("kamikaze") or "").lower()
        # "killed 5 in a suicide attack": the 5 are not the bombers; "a suicide bomber",
        # "the suicide attack", "Suicide attack in …": one
        found = _number_before(m.group("pre"), not unit.endswith("s"), numbers)
        if found is not None:
            return found
    return None


def _number_before(pre: str, singular: bool, numbers: NumberLexicon) -> int | None:
    """The number of a noun from the words ``pre`` before it: a number past capitalised
    names and ``suicide_modifiers`` ("Two Boko Haram", "2 suspected female"), two for a
    pair word ("twin"), else one for a singular noun and ``None`` for a plural."""
    for word in reversed(pre.split()):
        low = word.lower()
        if low in _PAIRS:
            return 2
        found = find_quantities(word, 0, numbers)
        if found and not found[0].vague:
            return found[0].best
        if not (word[:1].isupper() or low in _MODIFIERS):
            break
    return 1 if singular else None


def detonator_count(text: str, numbers: NumberLexicon) -> int | None:
    """How many bombers a report says set off their charges (``DETONATOR``): the number
    before the noun and its modifiers ("Two Nigerian kamikazes exploded themselves"), one
    for a singular noun ("a suspected Al Shabaab suicide bomber detonated himself", "The
    assailant detonated"); ``None`` when it tells of none or not how many ("Suicide
    bombers detonated two vehicles")."""
    for m in DETONATOR.finditer(text):
        singular = not m.group("who").lower().endswith(("s", "men"))
        found = _number_before(m.group("pre"), singular, numbers)
        if found is not None:
            return found
    return None


def _themselves_only(text: str) -> bool:
    """Whether the only perpetrators a kill mention names are a plural reflexive."""
    return all(w.lower() == "themselves" for w in PERPETRATOR.findall(text))


def add_bombers(
    mentions: list[Mention], text: str, event_types: set[str | None], numbers: NumberLexicon
) -> None:
    """Add the suicide bombers of an incident to its ``mentions`` where its toll does not
    hold them (see the module docstring); ``text`` is the incident's text and
    ``event_types`` the ACLED types of its events (only a bombing counts its bombers)."""
    if not event_types & BOMB_TYPES or FAILED.search(text) or HOLDS.search(text):
        return
    count = bomber_count(text, numbers)
    if not count:
        return
    kills = [
        m
        for m in mentions
        if m.category == "killed" and not m.background and not m.ambiguous and m.kind != "split"
    ]
    held = [m for m in kills if PERPETRATOR.search(m.text)]
    if any(not _themselves_only(m.text) for m in held):
        return  # "a suicide bomber were killed", "killing herself", "in addition to the bomber"
    if held:
        # "Two suicide bombers killed themselves and 5 civilians": the count leaves out the
        # bombers the reflexive names
        start = min(m.start for m in mentions)
        mentions.append(Mention("killed", count, count, count, start, start, "suicide bombers"))
        return
    if not DETONATED.search(text):
        return
    counted = [m for m in kills if m.best]
    plural_addition = IN_ADDITION_PLURAL.search(text)
    others = any(OTHERS.search(m.text) for m in counted)
    if counted and not others and plural_addition is None:
        # a toll of the victims alone: the two gold sets disagree on adding, unless the
        # report says the bombers set off their charges ("a suicide bomber detonated
        # himself, killing 7": both count the bomber)
        count = detonator_count(text, numbers) or 0
        if not count or not all(KILLED_VICTIMS.search(m.text) for m in counted):
            return  # "exploded himself, 3 dead": a bare toll may hold him
    start = min((m.start for m in mentions), default=0)
    mentions.append(Mention("killed", count, count, count, start, start, "suicide bombers"))
