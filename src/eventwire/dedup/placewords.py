"""Place words two reports share when the geocoder found no place for one of them, and a
capital named only by its title as a reference point ("north of the capital").

"A grocer was killed by armed men in Lyari late on Tuesday" gives no place (the gazetteer
lacks Lyari); the other outlet's "Gunmen shot dead a shopkeeper outside his store in
Karachi's Lyari area on Tuesday night" is placed at Karachi. The word the first report names
its place by, read after a locative word ("in", "near", "the village of"; ``locative_words``,
``place_nouns``), is in the other's sentence after one too: with the same day and the same
dead (:func:`eventwire.dedup.rules.compare` checks those), that is the evidence of one place
the geocoder could not give. So is a site both name by its proper name before its kind word
("raided the Plaine Savo camp" / "the attack on the Plaine Savo displacement camp":
:func:`site_words`). Weekdays, months and the words the reports name their actors by are no
place words.

>>> from eventwire.dedup.report import ReportEvent, guessed_place, norm_name
>>> sorted(place_words(ReportEvent("e", "d", "ASSAULT", sentence=(
...     "Gunmen shot dead a shopkeeper in Karachi's Lyari area on Tuesday, police said."))))
['karachi', 'lyari']
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Set

from eventwire.datafiles import words
from eventwire.dedup.report import ReportEvent, guessed_place, norm_name


@functools.cache
def _pattern() -> re.Pattern[str]:
    locative = "|".join(re.escape(w) for w in sorted(words("dedup", "locative_words")))
    nouns = "|".join(re.escape(w) for w in sorted(words("dedup", "place_nouns")))
    return re.compile(
        rf"\b(?i:{locative})\s+(?:(?i:the)\s+)?(?:(?i:{nouns})\s+(?i:of)\s+)?"
        r"([A-Z][\w\-]*)(?:['’]s\s+([A-Z][\w\-]*))?"  # "in Karachi's Lyari area": both
    )


@functools.cache
def _calendar_words() -> frozenset[str]:
    names = [*calendar.day_name, *calendar.month_name, *calendar.month_abbr]
    return frozenset(n.casefold() for n in names if n)


def actor_words(e: ReportEvent, places: Set[str] = frozenset()) -> set[str]:
    """The words of the event's actors, less an actor's words that are one of ``places``
    alone: "the attack on Gatawa" gives the coder's victims the text "Gatawa" (a village
    the gazetteer lacks), which names the place, not the people."""
    texts = (e.actor1_text, e.actor2_text, e.actor1_name, e.actor2_name)
    text = " ".join(t for t in texts if t and t.strip().casefold() not in places and not _thing(t))
    return set(re.findall(r"\w+", text.casefold()))


def _thing(text: str) -> bool:
    """Whether an actor's words name a thing or a place hit, not people ("the Mir Ali
    checkpost", "the Dori barracks": ``target_words``): its name words are place words."""
    last = text.split()[-1].casefold() if text.split() else ""
    return last in words("dedup", "target_words")


def place_words(e: ReportEvent) -> set[str]:
    """The capitalised words the event's sentence names after a locative word, and the one
    after such a word's possessive ("in Karachi's Lyari area"), casefolded, less weekdays,
    months and its actors' words."""
    if not e.sentence:
        return set()
    found = {w.casefold() for m in _pattern().finditer(e.sentence) for w in m.groups() if w}
    found |= site_words(e.sentence)
    return found - _calendar_words() - actor_words(e, found)


@functools.cache
def _site_pattern() -> re.Pattern[str]:
    kinds = words("dedup", "place_nouns") | words("dedup", "target_words")
    alternation = "|".join(re.escape(w) for w in sorted(kinds))
    return re.compile(
        r"\b(?i:the)\s+((?:[A-Z][\w\-]*\s+)+)(?:[a-z][\w\-]*\s+)?" rf"(?i:{alternation})\b"
    )


@functools.lru_cache(maxsize=65536)
def site_words(sentence: str) -> frozenset[str]:
    """The capitalised words of a site named by its proper name before its kind word, with
    at most one lowercase word between ("raided the Plaine Savo camp", "the attack on the
    Kibali displacement camp", "the Mir Ali checkpost"), casefolded: a place the gazetteer
    may lack, named alike by two outlets whatever verb precedes it."""
    return frozenset(w.casefold() for m in _site_pattern().finditer(sentence) for w in m[1].split())


def shared_place_word(a: ReportEvent, b: ReportEvent) -> str | None:
    """Why a report the geocoder placed nowhere (or at a town its sentence does not name:
    :func:`guessed_place`) names the other report's place, or None: a place word of it is
    a place word of the other (see the module)."""
    placeless = a.has_point != b.has_point and not (a.location_name and b.location_name)
    # neither placed ("in the Kurram district" / "in Kurram": a district the gazetteer lacks)
    placeless = placeless or not (a.has_point or b.has_point or a.location_name or b.location_name)
    guessed = a.has_point and b.has_point and guessed_place(a) != guessed_place(b)
    guessed = guessed and a.country != b.country
    if not (placeless or guessed):
        return None  # one report has a place, the other none (or a guess)
    a_words, b_words = place_words(a), place_words(b)
    common = a_words & b_words - actor_words(a, a_words) - actor_words(b, b_words)
    if guessed:  # a province both name ("Zamfara state's Maru", "in Zamfara") is no town
        common -= {w for e in (a, b) for w in re.findall(r"\w+", (e.admin1 or "").casefold())}
    if not common:
        return None
    word = min(common)
    return f"one report has no place, but both name it by '{word}'"


@functools.cache
def directions() -> str:
    """The compass words a place is named by as a reference point ("north-east of Baghdad";
    ``reference_directions``), as a regular-expression alternation."""
    return "|".join(re.escape(w) for w in sorted(words("dedup", "reference_directions")))


def capital_by_title(e: ReportEvent) -> bool:
    """Whether the event is placed at a capital its sentence names only by its title, as a
    reference point ("fired on their position north of the capital", "south of the Somali
    capital"): the place is near the capital, not in it; the capital's name is not in the
    sentence."""
    if not (e.sentence and e.location_name and e.geo_precision == 1):
        return False
    if re.search(rf"\b{re.escape(e.location_name)}\b", e.sentence, re.I) is not None:
        return False
    titled = rf"\b(?:{directions()})\s+(?:of|from)\s+the\s+(?:[\w-]+\s+)?capital\b"
    return re.search(titled, e.sentence, re.I) is not None


def capital_reference(a: ReportEvent, b: ReportEvent) -> str | None:
    """Why one of two places is only the reference point of the other: a capital named by
    its title alone ("north of the capital"), not by name, with the other placed by name."""
    for ref, town in ((a, b), (b, a)):
        if capital_by_title(ref) and not capital_by_title(town):
            return f"{ref.location_name} is named only as a reference point of {town.location_name}"
    return None


def district_reference(a: ReportEvent, b: ReportEvent) -> str | None:
    """One report placed at a district the gazetteer knows only as an area (precision 2,
    no GeoNames id: "a market in the southern Philippine province of Maguindanao"), the
    other at a town with an id ("the market in Datu Piang town"): the town may lie in it,
    so the two named places are not two different places."""
    for area, town in ((a, b), (b, a)):
        district = area.geo_precision == 2 and area.geonameid is None and area.location_name
        if district and town.geo_precision == 1 and (town.geonameid or _the_province(area)):
            return f"{town.location_name} may lie in the district {area.location_name}"
    return None


def _the_province(area: ReportEvent) -> bool:
    """Whether an area is named like the province it is filed in ("in Lanao del Sur", filed
    as an area of admin1 Lanao del Sur): the province itself, so a town of it with no
    GeoNames id (a village of a dense layer) lies in it as well."""
    return bool(area.admin1 and norm_name(area.location_name) == norm_name(area.admin1))


def guessed_against(
    a: ReportEvent, b: ReportEvent, evidence: bool = True
) -> tuple[float, bool, str] | None:
    """A place score for two reports in two countries when one of them is a guess
    (:func:`guessed_place`, the other not: a homonym abroad), or None: a place word both name
    (:func:`shared_place_word`); without ``evidence`` (a report joining a cluster through
    another member it links to), none is needed: the guess contradicts nothing."""
    guessed = [e for e in (a, b) if guessed_place(e)]
    if len(guessed) != 1 or a.country == b.country:
        return None  # a guess in the other report's country is the geocoder's reading of it
    why = shared_place_word(a, b)
    if why is None and evidence:
        return None
    return 0.5, False, why or f"{guessed[0].location_name} is not named by its report"
