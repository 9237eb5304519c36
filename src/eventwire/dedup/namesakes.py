"""A town read in the wrong one of two countries that each have a town of its name.

"Four people were killed in an exchange of fire between gunmen in Tripoli on Thursday" is
placed at Libya's capital; the Lebanese outlet meant its own Tripoli, which another report
names ("troops fanned out in the Jabal Mohsen neighbourhood of the northern city of Tripoli",
placed in Lebanon). A town of the ``namesake_towns`` list (a name that a city of another
country bears, far away, as outlets write it bare) whose sentence names none of its
country's names or adjectives is **bare** (:func:`bare_namesake`: the countries it may
also lie in). Such a town

- is no evidence of its country (``report.country_evidence``: so it is compared with reports
  of any country, batch and incremental) and none against a report placed in its namesake's
  country whose sentence names the town (``report.countryless_against``: "a district of …
  Tripoli"); the day, the actors or the dead must still agree;
- matches a report of its own country that names the country ("the Libyan capital Tripoli")
  only as a place with no evidence of its own (:func:`namesake_place`), and, like a loosely
  placed report, keeps only its links to reports that tell the same dead when it has such
  links (``linkage.prefer_agreeing_tolls``).

>>> bare_namesake(Town("Tripoli", "LY", "Gunmen clashed in Tripoli.", 1))
frozenset({'LB'})
>>> bare_namesake(Town("Tripoli", "LY", "Gunmen clashed in the Libyan capital Tripoli.", 1))
frozenset()
>>> names_town("Troops deployed in a district of the city of Tripoli.", "Tripoli")
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Protocol

from eventwire.datafiles import words
from eventwire.pipeline.common.folding import fold
from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon


class Placed(Protocol):
    """What :func:`namesake_place` reads of a report event (dedup.report.ReportEvent)."""

    location_name: str | None
    country: str | None
    sentence: str | None
    geo_precision: int | None


@dataclass
class Town:
    """A placed report's fields that :func:`bare_namesake` reads (for examples and tests)."""

    location_name: str | None
    country: str | None
    sentence: str | None
    geo_precision: int | None


@functools.cache
def _country_words() -> dict[str, tuple[str, ...]]:
    """Country code -> its folded names and adjectives ("libya", "libyan")."""
    lex = load_lexicon()
    out: dict[str, set[str]] = {}
    for code, names in lex.country_names.items():
        out.setdefault(code, set()).update(fold(n) for n in names)
    for adjective, code in lex.adjectives.items():
        out.setdefault(code, set()).add(adjective)
    return {code: tuple(sorted(found)) for code, found in out.items()}


@functools.lru_cache(maxsize=65536)
def names_country(sentence: str | None, country: str | None) -> bool:
    """Whether ``sentence`` names ``country`` by a name or an adjective."""
    if not (sentence and country):
        return False
    text = fold(sentence)  # "Libya's" folds to "libyas"
    found = _country_words().get(country, ())
    return any(re.search(rf"\b{re.escape(w)}s?\b", text) for w in found)


def names_town(sentence: str | None, name: str | None) -> bool:
    """Whether ``sentence`` names the town ``name`` (folded, word by word)."""
    if not (sentence and name and fold(name).split()):
        return False
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in fold(name).split()) + r"\b"
    return re.search(pattern, fold(sentence)) is not None


def bare_namesake(e: Placed) -> frozenset[str]:
    """The other countries of a listed namesake town that the event is placed at when its
    sentence names none of its own country's words; else none."""
    if not (e.location_name and e.country) or (e.geo_precision or 9) > 2:
        return frozenset()
    found = _listed().get((e.country, fold(e.location_name)))
    if not found or names_country(e.sentence, e.country):
        return frozenset()
    return found


@functools.cache
def _listed() -> dict[tuple[str, str], frozenset[str]]:
    """(country, folded town) -> the other countries of its name (``namesake_towns``:
    "LY:Tripoli|LB:Tripoli")."""
    out: dict[tuple[str, str], set[str]] = {}
    for pair in words("dedup", "namesake_towns"):
        sides = [side.split(":", 1) for side in pair.split("|")]
        for code, town in sides:
            out.setdefault((code, fold(town)), set()).update(c for c, _ in sides if c != code)
    return {key: frozenset(found) for key, found in out.items()}


def namesake_names() -> list[str]:
    """The listed towns' names as written (for the store window's SQL)."""
    pairs = words("dedup", "namesake_towns")
    return sorted({side.split(":", 1)[1] for pair in pairs for side in pair.split("|")})


def namesake_place(a: Placed, b: Placed) -> tuple[float, bool, str] | None:
    """A place with no evidence of its own (score, no match, reason) when both reports are
    placed at one listed namesake town and only one sentence names its country; else None."""
    if not (a.location_name and a.country and a.country == b.country):
        return None
    if (a.country, fold(a.location_name)) not in _listed():
        return None  # a quick test first: the list is short
    if fold(b.location_name or "") != fold(a.location_name):
        return None
    told = [names_country(e.sentence, a.country) for e in (a, b)]
    if told[0] == told[1]:
        return None
    return 0.5, False, f"{a.location_name}: a town of two countries, named bare by one report"
