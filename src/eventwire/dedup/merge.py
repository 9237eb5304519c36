"""Merging one cluster of report-level events into its canonical record (pure: no store).

- **actor1** comes from the most specific report: a coded actor before a bare name, a
  named group before a generic one ("JNIM" before "armed men"), a claim before a hedged
  guess ("suspected Boko Haram"), one that reports name as
  the attacker rather than as the victim; a claim of responsibility fills it when no
  report names the attacker itself
  (``actor1.claimed``). **actor2** is the most specific other actor named as a victim, never
  the actor1 again.
- **fatalities**: best from the latest credible update (the latest report whose toll is an
  update, words ``toll_update`` in ``data/dedup/words.yaml``, or no lower than any toll
  published before it; on one day, a stated update "the toll rose to eleven" before a plain
  count, then the narrowest range, then the higher count: tolls rise as the dead are counted,
  so of two outlets' counts the same day the higher is most likely the later), low/high
  across all reports. A toll a report summed over several sentences, one of which is
  another report's count (a recalled incident's dead added in), is no count of this
  incident: it is neither the best nor the high (:func:`eventwire.dedup.tolls.summed_toll`).
- **place**: the place most reports support (a town is supported by reports of that town and
  of the province it lies in), then the most precise; **date**: the narrowest range.
- **merge_reasons**: for each report, the member it links to most closely and why
  (:func:`eventwire.dedup.rules.compare`).

confidence is ``1 - Π(1 - cᵢ)`` over the reports times the mean similarity of the cluster.
A canonical event is ``background`` (``aggregate``) only when every one of its reports is.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from eventwire.datafiles import words
from eventwire.dedup.actors import kin
from eventwire.dedup.areakinds import kind_named_area
from eventwire.dedup.linkage import Cluster, lead_key
from eventwire.dedup.report import country_evidence, twin_countries
from eventwire.dedup.responders import responder
from eventwire.dedup.rules import (
    DedupOptions,
    ReportEvent,
    compare,
    generic_attack,
    hedged,
    is_claim,
    is_generic,
)
from eventwire.dedup.tolls import bomber_only, is_update, summed_toll
from eventwire.pipeline.common.actordict import ActorDictionary, load_actor_dictionary
from eventwire.records.columns import CANONICAL
from eventwire.records.model import (
    ActorRef,
    CanonicalRecord,
    DateRange,
    FatalityRange,
    MergeReason,
    PlaceRef,
    ReportRef,
    dumps_record,
)

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "range": 3, "year": 4, "publication": 5}


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]


@dataclass
class _Votes:
    """How the reports of a cluster name one actor."""

    ref: ActorRef
    as1: set[str] = field(default_factory=set)  # documents naming it actor1
    as2: set[str] = field(default_factory=set)  # … actor2
    claimed_only: bool = True  # every actor1 naming comes from a claim
    hedged_only: bool = True  # … or hedges it ("suspected Boko Haram")


def _actor_votes(members: list[ReportEvent]) -> dict[str, _Votes]:
    votes: dict[str, _Votes] = {}
    for e in members:
        for role, (aid, name, inter), text in (
            (1, (e.actor1_id, e.actor1_name, e.actor1_inter), e.actor1_text),
            (2, (e.actor2_id, e.actor2_name, e.actor2_inter), e.actor2_text),
        ):
            if not (aid or name) or responder(text, e.sentence):
                continue  # "… before police killed the attackers": no side of the incident
            key = f"id:{aid}" if aid else f"n:{(name or '').casefold()}"
            v = votes.setdefault(key, _Votes(ActorRef(id=aid, name=name, inter=inter)))
            if role == 1:
                v.as1.add(e.doc_id)
                v.claimed_only = v.claimed_only and (bool(e.actor1_claimed) or is_claim(e))
                v.hedged_only = v.hedged_only and hedged(e.actor1_text)
            else:
                v.as2.add(e.doc_id)
    return votes


def pick_actors(members: list[ReportEvent]) -> tuple[ActorRef | None, ActorRef | None]:
    """actor1 from the most specific report (a claim fills it), actor2 the victim."""
    votes = _actor_votes(members)
    ones = [(k, v) for k, v in votes.items() if v.as1]
    actor1_key: str | None = None
    actor1: ActorRef | None = None
    if ones:
        actor1_key, best = min(
            ones,
            key=lambda kv: (
                len(kv[1].as1) <= len(kv[1].as2),  # named more often as the victim: last
                kv[1].ref.id is None,  # a coded actor before a bare name
                is_generic(kv[1].ref.id),  # a named group before "gunmen"
                _kin_of_claimant(kv[0], ones),  # ISWAP's claim before "Boko Haram fighters"
                kv[1].hedged_only,  # a claim before a guess ("suspected Boko Haram")
                kv[1].claimed_only,  # the report's own words before a claim
                -(len(kv[1].as1) - len(kv[1].as2)),
                kv[0],
            ),
        )
        actor1 = ActorRef(best.ref.id, best.ref.name, best.ref.inter, claimed=best.claimed_only)
    twos = [(k, v) for k, v in votes.items() if v.as2 and k != actor1_key]
    if not twos:
        return actor1, None
    _, victim = min(twos, key=lambda kv: (kv[1].ref.id is None, -len(kv[1].as2), kv[0]))
    return actor1, victim.ref


def _kin_of_claimant(key: str, ones: list[tuple[str, _Votes]]) -> bool:
    """Whether another candidate that claimed the incident is the group's kin
    (:func:`eventwire.dedup.actors.kin`): the claimant names itself, an outlet's old name
    for it does not."""
    return any(v.claimed_only and k != key and kin(key, k) for k, v in ones)


def _spread(e: ReportEvent) -> int:
    lo = e.fatalities_low if e.fatalities_low is not None else e.fatalities
    hi = e.fatalities_high if e.fatalities_high is not None else e.fatalities
    return (hi or 0) - (lo or 0)


@functools.cache
def _claimant_toll() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in sorted(words("dedup", "claimant_toll_patterns")))


def claimant_count(e: ReportEvent) -> bool:
    """Whether a claim's toll is the claimant's own count ("Al-Shabaab said it had carried out
    Thursday's attack, which it said killed 30 soldiers"; ``claimant_toll_patterns``)."""
    if not (e.actor1_claimed or is_claim(e)) or e.fatalities is None:
        return False
    return any(p.search(e.sentence or "") for p in _claimant_toll())


def _credible(e: ReportEvent, reported: list[ReportEvent]) -> bool:
    """A toll is credible as the latest when it updates an earlier one, or is no lower than
    any toll published before it (a later rewrite repeating an old, lower count is not); a
    claimant's own count is not, while another report gives a toll."""
    if claimant_count(e) and any(not claimant_count(x) for x in reported):
        return False
    if summed_toll(e, reported):  # "killed 4 soldiers … In March, … killed nine": 13
        return False
    earlier = [
        x.fatalities or 0
        for x in reported
        if x.published
        and e.published
        and x.published < e.published
        and not claimant_count(x)
        and not summed_toll(x, reported)
    ]
    return is_update(e) or (e.fatalities or 0) >= max(earlier, default=0)


def latest_toll(members: list[ReportEvent]) -> ReportEvent | None:
    """The report whose toll is the latest credible update (see the module docstring)."""
    reported = [e for e in members if e.fatalities is not None]
    if not reported:
        return None
    return min(
        reported,
        key=lambda e: (
            not _credible(e, reported),
            -(e.published or date.min).toordinal(),
            not is_update(e),
            _spread(e),
            -(e.fatalities or 0),  # one day's counts: the higher was most likely told later
            -(e.confidence or 0.0),
            e.event_id,
        ),
    )


def _fatalities(members: list[ReportEvent]) -> FatalityRange | None:
    latest = latest_toll(members)
    if latest is None:
        return None
    reported = [e for e in members if e.fatalities is not None]
    # the bomber a claim's coder counted where it gives no toll is no count of the victims
    counts = [e for e in reported if not bomber_only(e)] or reported
    lows = [e.fatalities_low if e.fatalities_low is not None else e.fatalities for e in counts]
    # a toll summed over sentences one of which is another report's count is no count of
    # this incident: the high is the largest of the others, never below the best
    counted = [e for e in reported if not summed_toll(e, reported)]
    highs = [e.fatalities_high if e.fatalities_high is not None else e.fatalities for e in counted]
    return FatalityRange(
        best=latest.fatalities,
        low=min(v for v in lows if v is not None),
        high=max([v for v in highs if v is not None] + [latest.fatalities or 0]),
    )


# Where a place read outside the event's sentence came from: the paragraph, the dateline.
OFF_CLAUSE = frozenset({"paragraph", "document"})


def _supports(place: ReportEvent, other: ReportEvent) -> bool:
    """Whether ``other``'s place agrees with ``place``: the same, or a province or a country
    holding it ("northwest Pakistan" supports "Dera Ismail Khan district")."""
    if place.same_place(other):
        return True
    coarse = (other.geo_precision or 0) >= 3 and (place.geo_precision or 9) < 3
    if coarse and not other.admin1:  # a country (no province): the same country holds it
        return bool(other.country and other.country == place.country)
    return bool(coarse and other.admin1 and other.admin1 == place.admin1)


def best_place(members: list[ReportEvent]) -> ReportEvent | None:
    """The member whose place most reports support, then the most precise (a province
    before a country), less a border twin that the others' countries outvote; two places of
    one rank in different countries (Bolivia's "El Beni" read for "Beni territory", North
    Kivu) go to the country more reports and their named attackers' homes name."""
    placed = [e for e in members if e.lat is not None and e.lon is not None]
    if not placed:
        return None
    placed = [e for e in placed if not _outvoted_twin(e, members)] or placed

    def rank(e: ReportEvent) -> tuple[int, bool, int, bool, bool]:
        # a province before its country (both precision 3: "Mandera" county, "Kenya"); a
        # place off the dateline ("PESHAWAR, Nov 24 - Militants attacked … in Mir Ali") is
        # where the reporter was: only the same place supports it, and it comes after a
        # place an event's clause names ("Khyber Pakhtunkhwa province's North Waziristan")
        off = e.place_fallback in OFF_CLAUSE
        supports = len({o.doc_id for o in placed if (e.same_place(o) if off else _supports(e, o))})
        # an area named with its kind word ("Ngoketunjia division") filed as a town comes
        # after a town of that precision another report names in it ("Ndop")
        area = kind_named_area(e) is not None
        return -supports, off, e.geo_precision or 9, area, not e.admin1

    top = min(rank(e) for e in placed)
    tied = [e for e in placed if rank(e) == top]
    votes: Counter[str] = Counter()
    if len({e.country for e in tied}) > 1:
        votes.update(c for e in members if (c := country_evidence(e)))
        votes.update(home for e in members if (home := _home(e.actor1_id)))
    return min(
        tied,
        key=lambda e: (-votes[e.country or ""], -(e.confidence or 0.0), e.event_id),
    )


def _outvoted_twin(e: ReportEvent, members: list[ReportEvent]) -> bool:
    """Whether ``e`` is placed at a border twin ("Elwak", Somalia's) while every other
    report that names a country names its twin's (Kenya): the geocoder's other namesake."""
    others = {c for o in members if o is not e and (c := country_evidence(o))}
    return bool(others) and others <= twin_countries(e)


def _home(actor_id: str | None) -> str | None:
    """The home country of a dictionary actor (a group's, a state force's), if any."""
    if not actor_id or is_generic(actor_id):
        return None
    entry = _actors().get(actor_id)
    return entry.country if entry is not None else None


@functools.cache
def _actors() -> ActorDictionary:
    return load_actor_dictionary()


def _place(members: list[ReportEvent]) -> PlaceRef | None:
    p = best_place(members)
    if p is None:
        return None
    return PlaceRef(
        p.location_name, p.geonameid, p.lat, p.lon, p.admin1, p.country, p.geo_precision
    )


def _date(members: list[ReportEvent]) -> DateRange | None:
    """The narrowest date range (then the most precise)."""
    dated = [e for e in members if e.start is not None]
    if not dated:
        return None
    when = min(
        dated,
        key=lambda e: (
            (e.end - e.start).days if e.end and e.start else 9999,
            _PRECISION_RANK.get(e.date_precision or "", 9),
            e.start,
            e.event_id,
        ),
    )
    return DateRange(start=when.start, end=when.end, precision=when.date_precision)


def outlet_names(event: ReportEvent) -> list[str]:
    """The outlets that carried an event's document: its own and those linked to it (the
    same text under another id or outlet)."""
    linked = json.loads(event.sources) if event.sources else []
    names = [str(o) for o in linked if isinstance(o, str) and o.strip()]
    return names or ([event.source] if event.source else [])


def distinct_outlets(members: list[ReportEvent]) -> tuple[str, ...]:
    """The outlets of a cluster, each once ("Horn Observer" and "horn observer" are one)."""
    seen: dict[str, str] = {}
    for name in sorted(o.strip() for e in members for o in outlet_names(e)):
        seen.setdefault(name.casefold(), name)
    return tuple(sorted(seen.values()))


def _outlets(event: ReportEvent) -> set[str]:
    """Distinct sources an event counts for (a document without an outlet counts once)."""
    return {o.strip().casefold() for o in outlet_names(event)} or {f"doc:{event.doc_id}"}


def merge_reasons(members: list[ReportEvent], opts: DedupOptions) -> tuple[MergeReason, ...]:
    """For each report (first published first), the member it links to best and why."""
    ordered = sorted(members, key=lambda e: (e.published or date.min, e.event_id))
    out = [MergeReason(ordered[0].event_id, None, None, ("first report of the incident",))]
    for e in ordered[1:]:
        links = [(compare(e, m, opts), m.event_id) for m in ordered if m is not e]
        scored = [(lk.score, mid, lk.reasons) for lk, mid in links if lk is not None]
        if not scored:
            out.append(MergeReason(e.event_id, None, None, ("kept by an earlier clustering",)))
            continue
        score, mid, reasons = max(scored, key=lambda t: (t[0], t[1]))
        out.append(MergeReason(e.event_id, mid, score, reasons))
    return tuple(out)


def report_voters(members: list[ReportEvent]) -> list[ReportEvent]:
    """The readings that speak for their reports: one per report (its lead: the one with
    the toll, dated and placed by its own words, the most confident), plus its claims of
    responsibility. A second reading of one report ("vigilante" read as mob violence beside
    the suicide bombing the same toll counts) casts no vote on actors or type."""
    by_doc: dict[str, list[ReportEvent]] = {}
    for e in members:
        by_doc.setdefault(e.doc_id, []).append(e)
    out: list[ReportEvent] = []
    for events in by_doc.values():
        lead = min(events, key=lead_key)
        out.extend(e for e in events if e is lead or is_claim(e))
    return sorted(out, key=lambda e: e.event_id)


def merge_record(
    cluster: Cluster, members: list[ReportEvent], opts: DedupOptions | None = None
) -> CanonicalRecord:
    """The canonical record of one cluster of report-level events."""
    opts = opts or DedupOptions()
    members = sorted(members, key=lambda e: e.event_id)
    place = _place(members)
    outlets = {o for e in members for o in _outlets(e)}
    published = [e.published for e in members if e.published]
    cohesion = sum(cluster.similarity.values()) / len(cluster.similarity)
    miss = 1.0
    for e in members:
        miss *= 1.0 - min(max(e.confidence or 0.0, 0.0), 0.99)
    rep = max(members, key=lambda e: (e.confidence or 0.0, e.published or date.min, e.event_id))
    voters = report_voters(members)
    actor1, actor2 = pick_actors(voters)
    # the type from the readings that name a weapon, when any does ("an attack": a default)
    typed = [e for e in voters if not generic_attack(e)] or voters
    return CanonicalRecord(
        canonical_id=cluster.canonical_id,
        plover_type=rep.plover_type,
        plover_mode=_most_common(e.plover_mode for e in typed),
        acled_event_type=_most_common(e.acled_event_type for e in typed),
        acled_sub_event_type=_most_common(e.acled_sub_event_type for e in typed),
        cameo_root=_most_common(e.cameo_root for e in typed),
        actor1=actor1,
        actor2=actor2,
        location=place,
        country=place.country if place else _most_common(e.country for e in members),
        date=_date(members),
        fatalities=_fatalities(members),
        modality=rep.modality,
        n_reports=len({e.doc_id for e in members}),
        n_sources=len(outlets),
        sources=distinct_outlets(members),
        confidence=round(min(0.99, (1.0 - miss) * cohesion), 4),
        first_published=min(published) if published else None,
        last_published=max(published) if published else None,
        sentence=rep.sentence,
        reports=tuple(_report_ref(e, cluster) for e in members),
        background=all(bool(e.background) for e in members),
        aggregate=all(bool(e.aggregate) for e in members),
        merge_reasons=merge_reasons(members, opts) if len(members) > 1 else (),
    )


def _report_ref(e: ReportEvent, cluster: Cluster) -> ReportRef:
    return ReportRef(
        event_id=e.event_id,
        doc_id=e.doc_id,
        source=e.source,
        published=e.published,
        fatalities=e.fatalities,
        similarity=cluster.similarity.get(e.event_id),
        location_name=e.location_name,
        sentence=e.sentence,
    )


def merge_cluster(
    cluster: Cluster, members: list[ReportEvent], now: datetime, opts: DedupOptions | None = None
) -> dict[str, Any]:
    """The canonical_events row (with its JSON record) of one cluster."""
    record = merge_record(cluster, members, opts)
    return CANONICAL.row(
        record,
        component_id=cluster.component_id,
        record=dumps_record(record),
        clustered_at=now,
    )
