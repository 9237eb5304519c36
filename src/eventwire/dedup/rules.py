"""Compatibility rules of deduplication: can two report-level events be one real event?

Used by :mod:`eventwire.dedup.linkage`; see its docstring for the clustering around these rules.

>>> a = ReportEvent("e1", "d1", "ASSAULT", country="IQ")
>>> similarity(a, ReportEvent("e2", "d1", "ASSAULT", country="IQ")) is None  # one document
True

A background recall (an incident dated well before its report) and an aggregate (a total
over a long period) merge only with events flagged alike: neither is folded into a
current incident that another report tells.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.config import DedupOptions as DedupOptions  # the thresholds, a config table
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
        mine, theirs = _norm(self.location_name), _norm(other.location_name)
        if mine is None or theirs is None:
            return None
        return mine == theirs


def _norm(text: str | None) -> str | None:
    if not text:
        return None
    return " ".join(text.casefold().replace("the ", " ").split()) or None


def _actor_key(actor_id: str | None, name: str | None) -> str | None:
    return f"id:{actor_id}" if actor_id else (f"n:{_norm(name)}" if _norm(name) else None)


def _actor_score(
    key_a: str | None,
    inter_a: int | None,
    coded_a: bool,
    key_b: str | None,
    inter_b: int | None,
    coded_b: bool,
) -> float | None:
    """1 same actor, 0.5 unknown / not contradicted, None contradicted."""
    if key_a is None or key_b is None:
        return 0.5
    if key_a == key_b:
        return 1.0
    if inter_a is not None and inter_b is not None and inter_a != inter_b:
        return None
    if coded_a and coded_b:
        return None  # two different dictionary actors
    return 0.5


def _actors(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> tuple[float, int] | None:
    """Mean actor score and the number of positively matched roles (best of direct/swapped)."""
    ra = [
        (_actor_key(a.actor1_id, a.actor1_name), a.actor1_inter, a.actor1_id is not None),
        (_actor_key(a.actor2_id, a.actor2_name), a.actor2_inter, a.actor2_id is not None),
    ]
    rb = [
        (_actor_key(b.actor1_id, b.actor1_name), b.actor1_inter, b.actor1_id is not None),
        (_actor_key(b.actor2_id, b.actor2_name), b.actor2_inter, b.actor2_id is not None),
    ]
    best: tuple[float, int] | None = None
    for order, factor in (((0, 1), 1.0), ((1, 0), opts.swapped_actor_penalty)):
        scores = [_actor_score(*ra[i], *rb[j]) for i, j in zip((0, 1), order, strict=True)]
        if any(s is None for s in scores):
            continue
        vals = [s for s in scores if s is not None]
        matched = sum(1 for s in vals if s == 1.0)
        if factor < 1.0 and matched == 0:
            continue  # swapping only helps when it matches something
        cand = (factor * sum(vals) / 2, matched)
        if best is None or cand > best:
            best = cand
    return best


def _dates(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> float | None:
    a0, a1, b0, b1 = a.start, a.end, b.start, b.end
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return None
    overlap = a0 <= b1 and b0 <= a1
    if overlap:
        return 1.0
    if a.date_precision == "day" and b.date_precision == "day":
        return None  # two explicit, different days: two events (daily protests, raids)
    slack = timedelta(days=opts.date_slack_days)
    if a0 - slack > b1 or b0 - slack > a1:
        return None
    return 0.6


def _places(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> tuple[float, bool] | None:
    """Place score and whether the places positively match; None when they contradict."""
    if a.country and b.country and a.country != b.country:
        return None
    if a.admin1 and b.admin1 and _norm(a.admin1) != _norm(b.admin1):
        return None  # different provinces
    if not (a.has_point and b.has_point):
        return 0.5, False
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    same = a.same_place(b)
    if same:
        return 1.0, True
    if same is False and max(a.geo_precision or 9, b.geo_precision or 9) <= opts.named_precision:
        return None  # two different named places: two events (ACLED splits reports this way)
    coarser = max(a.geo_precision or 4, b.geo_precision or 4)
    limit = opts.max_km(None if coarser == 4 else coarser)
    dist = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if dist > limit:
        return None
    return 1.0 - 0.5 * dist / limit, True


def similarity(a: ReportEvent, b: ReportEvent, opts: DedupOptions | None = None) -> float | None:
    """Similarity 0..1 of two report-level events, or None when they cannot be one event."""
    opts = opts or DedupOptions()
    if a.doc_id == b.doc_id or a.plover_type != b.plover_type or a.plover_type is None:
        return None
    if (a.modality or "asserted") != (b.modality or "asserted"):
        return None
    if (a.modality or "asserted") not in opts.merge_modalities:
        return None
    if bool(a.background) != bool(b.background) or bool(a.aggregate) != bool(b.aggregate):
        return None  # a recall or a total is not the current incident another report tells
    for x, y in ((a.acled_event_type, b.acled_event_type), (a.plover_mode, b.plover_mode)):
        if x and y and x != y:
            return None
    if not (_mergeable_dates(a, opts) and _mergeable_dates(b, opts)):
        return None
    date_score = _dates(a, b, opts)
    if date_score is None:
        return None
    place = _places(a, b, opts)
    if place is None:
        return None
    actors = _actors(a, b, opts)
    if actors is None:
        return None
    place_score, place_match = place
    actor_score, matched_roles = actors
    # Evidence: a matching place, or the same country and at least one matching actor.
    if not place_match and not (a.country and a.country == b.country and matched_roles):
        return None
    sub = (
        1.0 if a.acled_sub_event_type and a.acled_sub_event_type == b.acled_sub_event_type else 0.5
    )
    score = 0.35 * place_score + 0.35 * actor_score + 0.2 * date_score + 0.1 * sub
    return score if score >= opts.min_similarity else None


def _mergeable_dates(e: ReportEvent, opts: DedupOptions) -> bool:
    if e.start is None or e.end is None:
        return False
    return (e.end - e.start).days <= opts.max_range_days
