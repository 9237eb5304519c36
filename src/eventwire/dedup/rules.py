"""Compatibility rules of deduplication: can two report-level events be one real event?

Used by :mod:`eventwire.dedup.linkage`; see its docstring for the clustering around these rules.
:func:`compare` answers with a :class:`Link` (a similarity and the reasons, in words, that
``eventwire explain`` shows) or ``None`` when the two reports contradict each other:

- **type family**: the same PLOVER type; modes (and ACLED types) equal, unknown on one side,
  or of one family (``mode_families`` in ``data/dedup/words.yaml``: "a bomb attack" and "a
  suicide bombing" may be one incident);
- **event date**: each report's own resolved event date (relative to its own publication
  date), never the publication date itself: Monday's "Saturday's assault" is Saturday's; a
  date read off the attribution ("fifteen died, officials said on Sunday") is the day the
  source spoke, so the incident happened that day or up to ``date_slack_days`` before;
- **time of day**: "Monday morning" and "Monday evening" are two incidents;
- **place**, precision-aware: the same place; a town and the province it lies in; a weak
  place (read off the sentence, paragraph or dateline) and a place within ``km_weak_place``;
  never two different towns; a town named like its province ("in Arauca") may be the
  province when the same dead and an actor agree; places that disagree ("El Beni" for "Beni
  territory", "north-east of Baghdad") give way when the same named group, dead and day
  agree (:func:`strong_identity`), unless both are towns named in the events' own clauses,
  or when one is a town its sentence does not name and both name a place word alike;
- **actors** (:mod:`eventwire.dedup.actors`): unknown is compatible with known, a claimed
  actor counts as known; an actor1 read from the toll's own words is the victim; an actor
  inferred from no words of the report contradicts no other;
- **toll**: a later report may raise a toll ("has risen to seven"); two tolls far apart
  published the same day, or a later toll far below an earlier one, are two incidents.

>>> a = ReportEvent("e1", "d1", "ASSAULT", country="IQ")
>>> similarity(a, ReportEvent("e2", "d1", "ASSAULT", country="IQ")) is None  # one document
True

A background recall (an incident dated well before its report) and an aggregate (a total
over a long period) merge only with events flagged alike: neither is folded into a
current incident that another report tells.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from eventwire.config import DedupOptions as DedupOptions  # the thresholds, a config table
from eventwire.datafiles import word_table, words
from eventwire.dedup.actors import actor_link, named_group, one_group, roles
from eventwire.dedup.actors import group_key as group_key
from eventwire.dedup.actors import hedged as hedged
from eventwire.dedup.actors import is_generic as is_generic
from eventwire.dedup.areakinds import area_by_kind
from eventwire.dedup.cities import untold
from eventwire.dedup.cities import within_city as within_city
from eventwire.dedup.datelines import dateline_only
from eventwire.dedup.daytime import time_of_day as time_of_day
from eventwire.dedup.districts import in_district
from eventwire.dedup.namesakes import namesake_place
from eventwire.dedup.nights import overnight, parts_clash
from eventwire.dedup.placewords import (
    capital_reference,
    directions,
    guessed_against,
    shared_place_word,
)
from eventwire.dedup.report import (
    WEAK_FALLBACKS,
    Link,
    countryless_against,
    no_country_between,
    norm_name,
    province_named,
    same_admin1,
    split_province,
)
from eventwire.dedup.report import ReportEvent as ReportEvent
from eventwire.dedup.sites import sites_differ
from eventwire.dedup.tolls import recalled_update, toll_link
from eventwire.dedup.tolls import tolls_agree as tolls_agree
from eventwire.pipeline.common.geo import haversine_km


@functools.cache
def _mode_family() -> dict[str, str]:
    return {m: fam for fam, modes in word_table("dedup", "mode_families").items() for m in modes}


def generic_attack(e: ReportEvent) -> bool:
    """Whether the event's word names an attack but no weapon ("an attack on a post"), or
    its weapon only as what the attackers carried ("militants armed with rifles and grenades
    attacked a restaurant": the trigger "grenades attacked" names their kit, not the blow)."""
    trigger = (e.trigger_text or "").casefold()
    if trigger in _generic_attack():
        return True
    *kit, verb = trigger.split() or [""]
    return bool(kit) and verb in _generic_attack() and _armed_with(e.sentence or "", kit[0])


@functools.lru_cache(maxsize=4096)
def _armed_with(sentence: str, weapon: str) -> bool:
    """Whether the sentence names ``weapon`` in what someone was armed with."""
    pattern = rf"\barmed\s+with\s+[^.;:]{{0,60}}?\b{re.escape(weapon)}\b"
    return re.search(pattern, sentence, re.I) is not None


@functools.cache
def _generic_attack() -> frozenset[str]:
    return words("dedup", "generic_attack")


def _bare_bomb(told: ReportEvent, other: ReportEvent) -> ReportEvent | None:
    """``told`` when its explosives mode was read from a bare bomb word ("a glide bomb hit")
    and ``other`` is an air strike or shelling (``bare_bomb``, the bombardment family)."""
    trigger = (told.trigger_text or "").casefold()
    bare = told.plover_mode == "explosives" and trigger in words("dedup", "bare_bomb")
    if not bare or _mode_family().get(other.plover_mode or "") != "bombardment":
        return None
    # "Thursday's car bombing": the word before the trigger may say how the bomb came
    before = re.findall(rf"([\w-]+)\s+{re.escape(trigger)}\b", (told.sentence or "").casefold())
    return None if set(before) & words("dedup", "bomb_delivery") else told


def strong_identity(
    a: ReportEvent, b: ReportEvent, same_day: bool, same_dead: bool, opts: DedupOptions
) -> str | None:
    """Why two reports tell one incident although their places disagree, or None: the same
    named group (actor1), the same dead (or a later report's update of them), the same day,
    and places that may be a geocoder's misreading rather than two towns: one of them a
    province, a country or a place read outside the event's clause (another country's
    "Beni" for "Beni territory", "Turkey" for "near the border with Turkey"), or a place
    given only near another ("north-east of Baghdad") within ``km_strong_identity``.
    Two towns named in the events' own clauses stay two incidents."""
    if not (same_day and same_dead):
        return None
    ra, rb = roles(a), roles(b)
    if ra[0][0] != rb[0][0] or not named_group(ra[0]):
        return None
    loose = [e for e in (a, b) if loose_place(e)]
    if a.country and b.country and a.country != b.country:
        if not loose:
            return None
    elif a.has_point and b.has_point:
        if not loose:
            return None  # two places, each named by its event's clause
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        if haversine_km(a.lat, a.lon, b.lat, b.lon) > opts.km_strong_identity:
            return None
    return (
        f"places disagree ({a.location_name} / {b.location_name}) but the same named group, "
        f"the same dead and the same day tell one incident"
    )


def _despite_places(
    a: ReportEvent, b: ReportEvent, same_day: bool, agrees: bool, matched: int, opts: DedupOptions
) -> tuple[float, bool, str] | None:
    """A place link for two reports whose places disagree, when other evidence is strong:
    a town named like its province (with the same dead and a matched actor), or the same
    named group, the same dead and the same day (:func:`strong_identity`)."""
    named = province_named(a, b)
    if named and agrees and matched:
        return 0.6, True, named
    if same_day and agrees and (wide := _wide_area(a, b, opts)):
        return 0.6, True, wide  # "in the Douentza circle" / "at Boni": one cercle, same dead
    why = strong_identity(a, b, same_day, agrees, opts) or dateline_only(a, b, same_day)
    return None if why is None else (0.4, True, why)


def _wide_area(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> str | None:
    """An area named with its kind word (:func:`area_by_kind`) and a town of its province
    farther than ``km_precision1`` but within ``km_precision3`` (a cercle, a county), the
    town named by a claim ("JNIM claimed Saturday's attack on the army camp in Boni" /
    "gunmen attacked a military post in the Douentza circle"); two outlets' own towns stay
    two places."""
    if not (a.has_point and b.has_point and same_admin1(a, b)):
        return None
    if not any(e.actor1_claimed or is_claim(e) for e in (a, b)):
        return None
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    if haversine_km(a.lat, a.lon, b.lat, b.lon) > opts.km_precision3:
        return None
    return area_by_kind(a, b)


def loose_place(e: ReportEvent) -> bool:
    """Whether an event's place is loose evidence of where it happened: a province or larger,
    a place read outside the event's clause (the sentence, the dateline, the document), or
    a place named only as a reference point (:func:`reference_place`)."""
    return _coarse(e) or e.place_fallback in WEAK_FALLBACKS or reference_place(e)


def reference_place(e: ReportEvent) -> bool:
    """Whether the event's sentence names its place only as a reference point: "north-east
    of Baghdad", "30 km south of Kirkuk" (``reference_directions``)."""
    if not (e.sentence and e.location_name and e.geo_precision == 2):
        return False
    name = re.escape(e.location_name)
    pattern = rf"\b(?:{directions()})\s+(?:of|from)\s+(?:the\s+)?{name}\b"
    return re.search(pattern, e.sentence, re.I) is not None


def _window(e: ReportEvent, opts: DedupOptions) -> tuple[date | None, date | None, bool, bool]:
    """The days the event may have happened on, whether it is one explicit day, and whether
    its date is a day it happened on or before: the day a source spoke of it, the dateline's
    day, a toll update's day or a claim's day."""
    start, end = e.start, e.end
    before = e.statement_date or e.date_borrowed or e.date_in_toll  # inline: a hot path
    if (before or (e.attribution_verb is not None and is_claim(e))) and start is not None:
        # the incident came before the statement, or before the dateline it was dated by
        return start - timedelta(days=opts.date_slack_days), end, False, True
    return start, end, e.date_precision == "day", False


def earliest(e: ReportEvent, opts: DedupOptions) -> date | None:
    """The first day the event may have happened on (a claim's or a statement's day opens
    its window a slack before): where the sweep of candidate pairs must look back to."""
    return _window(e, opts)[0]


def _dates(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> tuple[float, str] | None:
    a0, a1, a_day, a_before = _window(a, opts)
    b0, b1, b_day, b_before = _window(b, opts)
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return None
    if (a_before and b0 > a1) or (b_before and a0 > b1):
        return None  # an incident after the day a source spoke of it
    if a0 <= b1 and b0 <= a1:
        what = f"same event day {a0}" if a0 == a1 == b0 == b1 else "event dates overlap"
        if a.statement_date or b.statement_date:
            what += " (one date is the day a source spoke)"
        return 1.0, what
    if a_day and b_day:
        return None  # two explicit, different days: two events (daily protests, raids)
    slack = timedelta(days=opts.date_slack_days)
    if a0 - slack > b1 or b0 - slack > a1:
        return None
    return 0.6, f"event dates within {opts.date_slack_days} day(s)"


def is_claim(e: ReportEvent) -> bool:
    """Whether the event is told by a claim of responsibility ("X claimed the attack")."""
    return (e.attribution_verb or "").casefold() in _claim_verbs()


@functools.cache
def _claim_verbs() -> frozenset[str]:
    return words("dedup", "claim_verbs")


def _coarse(e: ReportEvent) -> bool:
    """A province or larger, or a new province filed as an area (:func:`split_province`)."""
    return (e.geo_precision or 0) >= 3 or split_province(e)


def _places(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> tuple[float, bool, str] | None:
    """Place score, whether the places positively match, and a reason; None: they contradict."""
    if a.country and b.country and a.country != b.country:
        told = [e for e, o in ((a, b), (b, a)) if countryless_against(e, o, opts.km_weak_place)]
        if not told:
            return None
        return 0.5, False, f"{told[0].location_name} names no country of the incident"
    same_admin = same_admin1(a, b)
    if not (a.has_point and b.has_point):
        if a.admin1 and b.admin1 and not same_admin:
            return None
        return 0.5, False, "one report has no place"
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    same = a.same_place(b)
    if same:
        return 1.0, True, f"same place ({a.location_name or b.location_name})"
    dist = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if a.doc_id == b.doc_id:  # one report, one incident told twice (see _same_report)
        return 0.8, True, f"{a.location_name} and {b.location_name} {dist:.0f} km apart"
    if _coarse(a) or _coarse(b):  # a province (or larger) and a place in it
        # the area is the coarser of the two (a country over its province), whatever order
        town, area = sorted((a, b), key=lambda e: (_coarse(e), not e.admin1, e.geo_precision or 0))
        if a.admin1 and b.admin1 and not same_admin:
            return None
        if not area.admin1 and dist > opts.km_precision3:
            # a coarse place of no known province ("Mali's Gao region" read as Mali): its
            # point is the country's, so it neither rules out nor confirms the town
            return (
                0.5,
                False,
                f"{area.location_name} names no province; {town.location_name} lies in its country",
            )
        if not same_admin and area.admin1:
            return None
        return 0.7, True, f"{town.location_name} lies in {area.location_name}"
    # a district filed as its own province and a town of its real province ("the Tapoa
    # province town of Diapaga" / "Diapaga")
    if not same_admin and dist <= opts.km_precision2 and (own_province(a) != own_province(b)):
        district, town = (a, b) if own_province(a) else (b, a)
        return 0.7, True, f"{town.location_name} lies {dist:.0f} km from {district.location_name}"
    weak = [e for e in (a, b) if e.place_fallback in WEAK_FALLBACKS]
    if weak and dist <= opts.km_weak_place:  # a place read off the sentence or the dateline
        return 0.9 - 0.5 * dist / opts.km_weak_place, True, _weak_reason(weak[0], dist)
    if same_admin and dist <= opts.km_weak_place and (ref := capital_reference(a, b)):
        # "north of the capital" placed at the capital; the other report names the town
        return 0.9 - 0.5 * dist / opts.km_weak_place, True, ref
    if a.admin1 and b.admin1 and not same_admin:
        return None  # different provinces
    if same_admin and (hit := in_district(a, b, dist, opts)):
        return hit  # a district and a town of it, or a village and its district both name
    if same_admin and dist <= opts.km_precision1 and (ref := area_by_kind(a, b)):
        return 0.7 - 0.3 * dist / opts.km_precision1, True, ref  # "Ngoketunjia division"
    if same is False and max(a.geo_precision or 9, b.geo_precision or 9) <= opts.named_precision:
        return None  # two different named places: two events (ACLED splits reports this way)
    coarser = max(a.geo_precision or 4, b.geo_precision or 4)
    limit = opts.max_km(None if coarser == 4 else coarser)
    if dist > limit:
        return None
    return 1.0 - 0.5 * dist / limit, True, f"places {dist:.0f} km apart"


def own_province(e: ReportEvent) -> bool:
    """Whether the event is placed at a district the gazetteer files as its own province
    (precision 2, named like its admin1: Burkina Faso's Tapoa province, filed with admin1
    "Tapoa" rather than its region, Est; an area, so no GeoNames id): its admin1 is no
    province to set against another report's, and a town near its point may lie in it. A
    town named like its province ("near Kirkuk") has an id, and is not such a district."""
    return bool(
        e.geo_precision == 2
        and e.geonameid is None
        and e.admin1
        and e.location_name
        and norm_name(e.location_name) == norm_name(e.admin1)
    )


def _weak_reason(weak: ReportEvent, dist: float) -> str:
    return (
        f"places {dist:.0f} km apart; {weak.location_name} was read off the "
        f"{weak.place_fallback}, not the event's clause"
    )


def _kind(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> tuple[float, str] | None:
    """Type family: the same PLOVER type, modes (ACLED types) alike or of one family."""
    if a.plover_type != b.plover_type or a.plover_type is None:
        return None
    if (a.modality or "asserted") != (b.modality or "asserted"):
        return None
    if (a.modality or "asserted") not in opts.merge_modalities:
        return None
    if bool(a.aggregate) != bool(b.aggregate) or (
        bool(a.background) != bool(b.background) and not recalled_update(a, b)
    ):
        return None  # a recall or a total is not the current incident another report tells
    if a.plover_mode and b.plover_mode and a.plover_mode != b.plover_mode:
        family = _mode_family().get(a.plover_mode)
        if family is not None and family == _mode_family().get(b.plover_mode):
            return 0.3, f"{a.plover_type} modes {a.plover_mode}/{b.plover_mode} of one family"
        if (a.trigger_text or b.trigger_text) and (generic_attack(a) or generic_attack(b)):
            told = a if generic_attack(a) else b
            return 0.3, f"{told.plover_mode} read from {told.trigger_text!r}, which names no weapon"
        if (bare := _bare_bomb(a, b) or _bare_bomb(b, a)) is not None:
            return 0.3, f"explosives read from {bare.trigger_text!r}, which names no delivery"
        return None
    if a.acled_event_type and b.acled_event_type and a.acled_event_type != b.acled_event_type:
        return None
    if a.acled_sub_event_type and a.acled_sub_event_type == b.acled_sub_event_type:
        return 1.0, f"same type {a.acled_sub_event_type}"
    return 0.5, f"same type {a.plover_type}" + (f" ({a.plover_mode})" if a.plover_mode else "")


def _same_report(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> bool:
    """Two events of one report are one incident only when the report tells it twice: the
    same mode, one of the places given as "near" and within ``km_same_report``, and the toll
    given once (ACLED splits one text into rows for places close together, each with a toll)."""
    if shared_toll(a, b) or elaborates(a, b) or elaborates(b, a):
        return True
    if not (a.has_point and b.has_point) or a.plover_mode != b.plover_mode:
        return False
    if a.fatalities is not None and b.fatalities is not None:
        return False
    if max(a.geo_precision or 9, b.geo_precision or 9) != 2:
        return False
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= opts.km_same_report


def elaborates(part: ReportEvent, lead: ReportEvent) -> bool:
    """Whether ``part`` is a later sentence of one report adding to the incident the report
    leads with ("… and the army responded with drone strikes", "IS claimed the attack"): the
    same PLOVER type, no toll, no date of its own (read off the dateline) or a claim's date,
    and no place of its own (the document's place, the lead's), while the lead has its own
    date and place."""
    return bool(
        part.doc_id == lead.doc_id
        and (part.date_borrowed or is_claim(part))
        and part.place_fallback in WEAK_FALLBACKS
        and not lead.date_borrowed
        and lead.place_fallback not in WEAK_FALLBACKS
        and part.fatalities is None
        and part.plover_type == lead.plover_type
        and part.same_place(lead)
    )


def _elaboration_reason(part: ReportEvent) -> str:
    if is_claim(part):
        return "a claim of responsibility in one report, with no toll or place of its own"
    return "a later sentence of one report, dated by its dateline, adds to its lead"


def shared_toll(a: ReportEvent, b: ReportEvent) -> bool:
    """Two events of one report given the very same toll phrase in one sentence at one place
    ("fifteen people died in Saturday's attack on a hotel"): the report counts one incident's
    dead once, so the two are that incident told twice (a death and an attack), whatever
    actors the coder read for each."""
    return (
        a.doc_id == b.doc_id
        and a.fatalities is not None
        and a.fatalities == b.fatalities
        and bool(a.fatalities_text)
        and a.fatalities_text == b.fatalities_text
        and bool(a.sentence)
        and a.sentence == b.sentence
        and a.same_place(b) is not False
    )


def compare(
    a: ReportEvent, b: ReportEvent, opts: DedupOptions | None = None, *, evidence: bool = True
) -> Link | None:
    """The link between two report-level events, or None when they cannot be one event.
    ``evidence=False``: also when nothing shows one place but nothing contradicts it either
    (a report joining a cluster through another member it links to; see linkage)."""
    opts = opts or DedupOptions()
    if a.doc_id == b.doc_id and not _same_report(a, b, opts):
        return None
    kind = _kind(a, b, opts)
    if kind is None and (elaborates(a, b) or elaborates(b, a)):
        part = a if elaborates(a, b) else b
        kind = (0.3, _elaboration_reason(part))
    elif kind is None and shared_toll(a, b):
        kind = (0.3, "one toll of one sentence read as two modes")
    if kind is None or not (_mergeable_dates(a, opts) and _mergeable_dates(b, opts)):
        return None
    dates = _dates(a, b, opts) or overnight(a, b)  # "Tuesday night" / "overnight into Wednesday"
    if dates is None or parts_clash(a, b) or sites_differ(a, b):
        return None  # "Monday morning" and "Monday evening", a market and a checkpoint
    actors, toll = actor_link(a, b, opts), toll_link(a, b, opts)
    if actors is None and shared_toll(a, b):
        actors = (0.5, 0, "actors read differently for one toll of one report")
    district = within_city(a, b) if a.city_km or b.city_km else None
    # a district and its city need a distinctive fact in common: the same dead (or a later
    # update of them), not only a day and a type (ACLED splits a city's protests by district)
    agrees = toll is not None and toll[0] >= 0.8 and bool(a.fatalities) and bool(b.fatalities)
    place = (0.8, True, district) if district and (agrees or untold(a, b, evidence)) else None
    place = place or namesake_place(a, b) or _places(a, b, opts)
    if actors is None or toll is None:
        return None
    if place is None:
        place = _despite_places(a, b, dates[0] == 1.0, agrees, actors[1], opts)
        place = place or guessed_against(a, b, evidence)
    if place is None:
        return None
    place_score, place_match, place_why = place
    actor_score, matched_roles, actor_why = actors
    # Evidence: a matching place, or the same country and at least one matching actor or
    # the same dead (a later update of them): "a bus bombing in the southern Philippines"
    # placed at the country and "the bus bombing in Isulan … the toll rose to four".
    # the same country, or two countries of which one is no evidence (a border, the document)
    one_country = a.country == b.country or no_country_between(a, b)  # or "Fada" for Fada N'Gourma
    if not place_match and not (
        a.country and b.country and one_country and (matched_roles or agrees)
    ):
        # a report with no place: the same named group, dead and day
        place_why = strong_identity(a, b, dates[0] == 1.0, agrees, opts) or ""
        if not place_why and dates[0] == 1.0 and (agrees or one_group(a, b) or _bare_claim(a, b)):
            place_why = shared_place_word(a, b) or ""  # a place word the gazetteer lacks
        if not place_why and evidence:
            return None
        place_why = place_why or "no place evidence of its own, and none against"
    score = 0.35 * place_score + 0.3 * actor_score + 0.2 * dates[0] + 0.1 * kind[0] + 0.05 * toll[0]
    if score < opts.min_similarity:
        return None
    reasons = [kind[1], dates[1], place_why, actor_why, toll[1]]
    if a.doc_id == b.doc_id:
        reasons.insert(0, "one report telling one incident twice")
    return Link(round(score, 4), tuple(reasons))


def _bare_claim(a: ReportEvent, b: ReportEvent) -> bool:
    """Whether one of two reports is a claim with no toll of its own ("the front said it had
    carried out Thursday's attack on the police station in El Plateado"): it names the act,
    with no dead to agree or disagree with the other report's."""
    return any((e.actor1_claimed or is_claim(e)) and e.fatalities is None for e in (a, b))


def similarity(a: ReportEvent, b: ReportEvent, opts: DedupOptions | None = None) -> float | None:
    """Similarity 0..1 of two report-level events, or None when they cannot be one event."""
    link = compare(a, b, opts)
    return None if link is None else link.score


def _mergeable_dates(e: ReportEvent, opts: DedupOptions) -> bool:
    if e.start is None or e.end is None:
        return False
    return (e.end - e.start).days <= opts.max_range_days
