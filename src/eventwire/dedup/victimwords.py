"""Sides a report names in words that do not say who they are, or say it the other way round.

- **the dead named by their nation** ("Israeli forces killed three Palestinians", "two
  Afghans were shot dead"; ``national_plurals``): the coder reads civilians, another outlet
  of the same dead calls them gunmen or fighters ("Israeli troops killed three gunmen in an
  exchange of fire"). A victim (actor2) named only by a people's plural says neither, so it
  contradicts no other report's victims; it may still match them.
- **a place read as a side** ("Four civilians were killed when shells landed on the capital
  of Myanmar's western Rakhine state" gives actor1 the words "Myanmar's western Rakhine
  state"): words that end in an area's kind word written in lower case after a name
  (``area_kind_words``, "state", "region"; not "Islamic State") name a place, not people, so
  the actor the coder read from them contradicts no other report's.
- **the blamed attacker** ("A child was killed by sniper fire …, blaming the Iran-aligned
  rebels"; "an attack authorities blamed on a drug cartel"): a side its sentence names right
  after ``blame_cues`` is the attacker the report names, whatever role the coder gave it.

>>> national_victims("three Palestinians"), national_victims("three Palestinian gunmen")
(True, False)
>>> blamed("the rebels", "A boy was shot dead, officials said, blaming the rebels.")
True
>>> blamed("the rebels", "The rebels blamed the army for the blast.")
False
"""

from __future__ import annotations

import functools
import re

from eventwire.datafiles import words


@functools.cache
def _nationals() -> frozenset[str]:
    return words("dedup", "national_plurals")


def national_victims(text: str | None) -> bool:
    """Whether a side's words name people only by their nation's plural ("three
    Palestinians", "two Afghans"), a number and an article aside."""
    found = re.findall(r"[\w'’-]+", (text or "").casefold())
    return bool(found) and found[-1] in _nationals()


def place_as_side(text: str | None) -> bool:
    """Whether a side's words are a place: a capitalised name, then a lower-case area kind
    word last ("Myanmar's western Rakhine state", "the Kebbe district").

    >>> place_as_side("Myanmar's western Rakhine state"), place_as_side("Islamic State")
    (True, False)
    """
    found = re.findall(r"[\w'’-]+", text or "")
    if len(found) < 2 or not found[-1].islower() or not found[-2][:1].isupper():
        return False
    return found[-1] in words("dedup", "area_kind_words") | {"state", "region", "regions"}


@functools.cache
def blame_alternation() -> str:
    """The blame cues as an alternation, the longest first."""
    return _blame_pattern()


@functools.cache
def _blame_pattern() -> str:
    return "|".join(re.escape(w) for w in sorted(words("dedup", "blame_cues"), key=len)[::-1])


@functools.lru_cache(maxsize=65536)
def blamed(text: str | None, sentence: str | None) -> bool:
    """Whether ``sentence`` names the side's words ``text`` right after a blame cue
    ("blaming the Iran-aligned rebels", "blamed on a drug cartel"): the attacker."""
    if not (text and text.strip() and sentence):
        return False
    cue = rf"\b(?:{_blame_pattern()})\s+{re.escape(text.strip())}"
    return re.search(cue, sentence, re.I) is not None
