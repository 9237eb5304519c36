"""The report-level event that deduplication compares (:class:`ReportEvent`), read from the
store (:mod:`eventwire.dedup.canonical`) or built by benchmarks and tests, and the
:class:`Link` that says why two of them may tell one incident."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from eventwire.datafiles import word_table, words
from eventwire.dedup.namesakes import bare_namesake, names_town
from eventwire.dedup.owners import owned_abroad
from eventwire.dedup.patrons import patron_place
from eventwire.dedup.shortnames import short_name_abroad
from eventwire.pipeline.common.folding import fold, fold_text
from eventwire.pipeline.common.geo import haversine_km


@dataclass(slots=True)
class ReportEvent:
    """The fields of a stored report-level event that clustering and merging use."""

    event_id: str
    doc_id: str
    plover_type: str | None
    plover_mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    actor1_id: str | None = None
    actor1_name: str | None = None
    actor1_inter: int | None = None
    actor2_id: str | None = None
    actor2_name: str | None = None
    actor2_inter: int | None = None
    location_name: str | None = None
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    modality: str | None = "asserted"
    source: str | None = None
    published: date | None = None
    confidence: float | None = 0.5
    sentence: str | None = None
    background: bool | None = False  # recalled well before publication (NULL: not flagged)
    aggregate: bool | None = False  # a total over a long period, not one incident
    sources: str | None = None  # JSON list of every outlet carrying the document (linked ones)
    actor1_claimed: bool | None = False  # actor1 named only by a claim of responsibility
    date_text: str | None = None  # the date expression ("on Friday morning")
    fatalities_text: str | None = None  # the toll's words ("has risen to seven")
    place_fallback: str | None = None  # where the place was found: clause, sentence, … document
    statement_date: bool | None = False  # the date is the day a source spoke ("said on Sunday")
    actor1_text: str | None = None  # the words actor1 was read from ("Three police officers")
    actor2_text: str | None = None  # "" when the coder inferred the actor from no words
    date_borrowed: bool | None = False  # the date was read outside its sentence (the dateline)
    city_km: float | None = None  # a large city's radius (from its population; see cities.py)
    trigger_text: str | None = None  # the event's word ("attack", "drone strikes")
    date_in_toll: bool | None = False  # the date is the toll update's ("rose to 17 on Saturday")
    attribution_verb: str | None = None  # the source's verb ("said", "claimed")

    @property
    def start(self) -> date | None:
        return self.date_start or self.date_end or self.published

    @property
    def end(self) -> date | None:
        return self.date_end or self.date_start or self.published

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None

    def same_place(self, other: ReportEvent) -> bool | None:
        """True/False when both places are identified (gazetteer id, else name), else None."""
        if self.geonameid is not None and other.geonameid is not None:
            return self.geonameid == other.geonameid
        mine, theirs = norm_name(self.location_name), norm_name(other.location_name)
        if mine is None or theirs is None:
            return None
        return mine == theirs


# A place found outside the event's own clause (elsewhere in its sentence, its paragraph, the
# dateline or the document's focus): where the report was filed or a place on the way, weak
# evidence of where the incident happened.
WEAK_FALLBACKS = frozenset({"sentence", "paragraph", "document"})


# Where a place read outside the event's clause says nothing of the incident's country: the
# paragraph or the document's focus (a claim report's "Mali" for a raid across the border).
_COUNTRYLESS_FALLBACKS = frozenset({"paragraph", "document"})


def country_evidence(e: ReportEvent) -> str | None:
    """The event's country as evidence of where it happened: None when its place is a
    country named as a border ("near the border with Niger": either side of it), a place
    read off the paragraph or the document rather than the event's sentence, or a town with
    a twin of its name across a border (:func:`twin_countries`: "near Elwak", Somalia's or
    Kenya's), or a town its sentence does not name (:func:`guessed_place`: the geocoder's
    guess for a name it lacks, in whatever country)."""
    if _countryless(e) or twin_countries(e) or guessed_place(e) or _owned_abroad(e):
        return None  # a town the sentence does not name: the geocoder's guess of a country
    if bare_namesake(e):
        return None  # a bare "Tripoli": Libya's or Lebanon's (dedup/namesakes.py)
    return e.country


def _owned_abroad(e: ReportEvent) -> bool:
    """A place its sentence gives to another country ("Yemen's Red Sea" read as Sudan's
    state) or names only as a patron ("the Iran-backed rebels" read as Iran, see
    :mod:`eventwire.dedup.patrons`): no evidence of the country it was read in."""
    if patron_place(e.sentence, e.location_name):
        return True
    return owned_abroad(e.sentence, e.location_name, e.country) is not None


def _short_abroad(e: ReportEvent, other: ReportEvent) -> bool:
    """Whether ``e``'s town is ``other``'s read abroad under its short name ("in Fada" read
    as Chad's Fada against "Fada N'Gourma"; :mod:`eventwire.dedup.shortnames`)."""
    if (e.geo_precision or 9) > 2 or (other.geo_precision or 9) > 2:
        return False
    args = (e.location_name, e.country, e.sentence, other.location_name, other.country)
    return short_name_abroad(*args)


def no_country_between(a: ReportEvent, b: ReportEvent) -> bool:
    """Whether the countries of two reports are no evidence against each other: one of them
    is no evidence at all (:func:`country_evidence`), or one town is read abroad under the
    other's short name (:func:`_short_abroad`)."""
    if None in (country_evidence(a), country_evidence(b)):
        return True
    return _short_abroad(a, b) or _short_abroad(b, a)


def _countryless(e: ReportEvent) -> bool:
    """A border's country or a place off the paragraph or document (see country_evidence)."""
    if e.place_fallback in _COUNTRYLESS_FALLBACKS:
        return True
    if e.location_name and (e.geo_precision or 0) >= 3 and e.sentence:
        name = re.escape(e.location_name)
        if re.search(rf"\bborders?\s+with\s+(?:the\s+)?{name}\b", e.sentence, re.I):
            return True
    return False


@functools.cache
def border_twins() -> dict[tuple[str, str], frozenset[str]]:
    """(country, town) -> the countries across the border with a town of its name
    (``border_twins`` of dedup's words: "KE:El Wak|SO:Elwak")."""
    out: dict[tuple[str, str], set[str]] = {}
    for pair in words("dedup", "border_twins"):
        (c1, n1), (c2, n2) = (side.split(":", 1) for side in pair.split("|", 1))
        out.setdefault((c1, n1), set()).add(c2)
        out.setdefault((c2, n2), set()).add(c1)
    return {key: frozenset(found) for key, found in out.items()}


def twin_countries(e: ReportEvent) -> frozenset[str]:
    """The countries across a border where a town of the event's town's name lies, when its
    place is such a town (precision 1 or 2): the geocoder may have picked the wrong one."""
    if not (e.country and e.location_name and e.geo_precision in (1, 2)):
        return frozenset()
    return border_twins().get((e.country, e.location_name), frozenset())


def countryless_against(e: ReportEvent, other: ReportEvent, km: float) -> bool:
    """Whether ``e``'s country is no evidence against ``other``'s: a border's country or a
    place off the document (against any country), or a border twin against its twin's
    country when ``other`` is placed no closer than a province there or within ``km``."""
    if _countryless(e) or _owned_abroad(e) or _short_abroad(e, other):
        return True  # "Yemen's Red Sea" read as Sudan's state: no evidence of Sudan
    if other.country in bare_namesake(e) and names_town(other.sentence, e.location_name):
        return True  # a bare "Tripoli" against "a district of … Tripoli" placed in Lebanon
    if other.country not in twin_countries(e):
        return False
    if (other.geo_precision or 0) >= 3 or not (e.has_point and other.has_point):
        return True
    assert e.lat is not None and e.lon is not None and other.lat is not None
    assert other.lon is not None
    return haversine_km(e.lat, e.lon, other.lat, other.lon) <= km


def province_named(a: ReportEvent, b: ReportEvent) -> str | None:
    """Why a town or a district named like its province ("Arauca", the city or the
    department; "the Sagaing region" read as the district Sagaing) may be the province in
    which the other report's town lies, or None."""
    if not same_admin1(a, b) or a.country != b.country:
        return None
    for area, town in ((a, b), (b, a)):
        if area.geo_precision in (1, 2) and _names_province(area):
            return f"{area.location_name} may name its province, in which {town.location_name} lies"
    return None


@dataclass(frozen=True, slots=True)
class Link:
    """Why two reports may tell one incident: a similarity 0..1 and the reasons in words."""

    score: float
    reasons: tuple[str, ...]


def norm_name(text: str | None) -> str | None:
    if not text:
        return None
    return " ".join(text.casefold().replace("the ", " ").split()) or None


def _names_province(e: ReportEvent) -> bool:
    """Whether a town's or a district's name is its province's ("Arauca" in Arauca, the
    district "Sagaing" in the region the gazetteer spells "Sagaing" or "Sagain")."""
    if not (e.location_name and e.admin1):
        return False
    return norm_name(e.location_name) == norm_name(e.admin1) or same_province_name(
        e.location_name, e.admin1
    )


def _folded(name: str) -> str:
    """A province's name without accents, case, spaces or punctuation ("Diyarbakır" ->
    "diyarbakir", "Ivano-Frankivsk" -> "ivanofrankivsk"): the gazetteer's lookup key
    (:func:`~eventwire.pipeline.common.folding.fold`) without its spaces."""
    return fold(name).replace(" ", "")


@functools.cache
def _spelling_endings() -> frozenset[str]:
    return words("dedup", "admin1_spelling_endings")


@functools.lru_cache(maxsize=4096)
def same_province_name(x: str, y: str) -> bool:
    """Whether two province names are one province spelled two ways, as the gazetteer spells
    a province differently for its towns and for the province itself: accents ("Aydın" /
    "Aydin"), or a transliteration's last letter (``admin1_spelling_endings``: "Sagain" /
    "Sagaing", "Donetsk" / "Donetska"); "Loire" / "Loiret" and "Kalungu" / "Kanungu" stay two."""
    short, long_ = sorted((_folded(x), _folded(y)), key=len)
    if short == long_:
        return bool(short)
    return (
        len(short) >= 5
        and len(long_) == len(short) + 1
        and long_.startswith(short)
        and long_[-1] in _spelling_endings()
    )


def same_admin1(a: ReportEvent, b: ReportEvent) -> bool:
    """Whether two events name one province (both known; see :func:`same_province_name`),
    a new province and the one it was split from included ("Ituri" / "Eastern Province")."""
    x, y = a.admin1, b.admin1
    if not (x and y):
        return False
    if x == y or norm_name(x) == norm_name(y) or same_province_name(x, y):
        return True
    return _successor(a.country, x, y) or _successor(a.country, y, x)


@functools.cache
def _split_provinces() -> dict[str, frozenset[str]]:
    table = word_table("dedup", "split_provinces")
    return {old: frozenset(norm_name(n) or n for n in new) for old, new in table.items()}


def _successor(country: str | None, old: str, new: str) -> bool:
    """Whether ``new`` is a province split from ``old`` (``split_provinces``)."""
    return norm_name(new) in _split_provinces().get(f"{country}:{old}", frozenset())


def split_province(e: ReportEvent) -> bool:
    """Whether the event is placed at a new province the gazetteer files as an area of its
    own ("Ituri", admin1 "Ituri", no GeoNames id), split from an older province its towns
    still carry: it holds those towns as a province does (``split_provinces``)."""
    if not (e.geo_precision == 2 and e.geonameid is None and e.location_name and e.admin1):
        return False
    name = norm_name(e.location_name)
    return name == norm_name(e.admin1) and any(
        name in new and old.startswith(f"{e.country}:") for old, new in _split_provinces().items()
    )


def names_own_place(e: ReportEvent) -> bool:
    """Whether the event's sentence names the place it was given (a word of the place's
    name, accents and hyphens aside, is in the sentence: "Al Bāb" for "al-Bab", "Nord Kivu"
    for "North Kivu"). A town or district read from the event's clause that the sentence
    does not name is the geocoder's guess for a name it lacks ("the massacre in
    Manguredjipa" given a town of another country)."""
    if not (e.sentence and e.location_name):
        return True
    return _names(e.sentence, e.location_name)


@functools.lru_cache(maxsize=65536)
def _names(sentence: str, name: str) -> bool:
    text = fold_text(sentence)  # "Ma'rib" -> "marib"
    named = [w for w in fold(name).split() if len(w) >= 4]
    return not named or any(w in text for w in named)


def guessed_place(e: ReportEvent) -> bool:
    """Whether the event was given a town or district its sentence does not name
    (:func:`names_own_place`), or names only as a site's name (:func:`site_named`): no
    evidence for or against another report's place."""
    clause = e.place_fallback in (None, "clause")  # the dateline's town is not in the sentence
    return clause and e.geo_precision in (1, 2) and (not names_own_place(e) or site_named(e))


def name_pattern(name: str) -> str:
    """A folded name as a pattern: its words with or without a space ("ngo ?ketunjia")."""
    return r"\b" + r"\s?".join(re.escape(w) for w in fold(name).split()) + r"\b"


@functools.cache
def alternation(listed: frozenset[str]) -> str:
    """Words of a list as a regular-expression alternation of their folded forms."""
    return "|".join(re.escape(fold(w)) for w in sorted(listed, key=len, reverse=True))


@functools.lru_cache(maxsize=65536)
def _site_only(sentence: str, name: str) -> bool:
    text, pattern = fold_text(sentence), name_pattern(name)
    hits = len(re.findall(pattern, text))
    kinds = alternation(words("dedup", "target_words"))
    sites = re.findall(rf"\bthe\s+{pattern}\s+(?:[a-z]\w*\s+)?(?:{kinds})\b", text)
    return hits > 0 and len(sites) == hits


def site_named(e: ReportEvent) -> bool:
    """Whether the event's town or district is a name its sentence uses only as a site's
    proper name before the site's kind word ("the Lala camp", "the Lala displacement camp";
    ``target_words``), never alone: the geocoder's town of that name may be a homonym
    abroad ("The toll from the attack on the Lala camp has risen to 26" placed at a Lala
    in India)."""
    if not (e.sentence and e.location_name and e.geo_precision in (1, 2)):
        return False
    return _site_only(e.sentence, e.location_name)
