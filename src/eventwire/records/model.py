"""The event record: the typed, frozen form of one exported event, at either level.

An :class:`EventRecord` is one event mention of one report (the JSONL export contract of
DESIGN.md, built by :meth:`EventRecord.of` from a pipeline ``Event`` and its ``Document``);
a :class:`CanonicalRecord` is one real-world event merged from several reports
(:mod:`eventwire.dedup.canonical`). Both serialise with :meth:`to_json` to the JSON object
stored in the ``record`` column and written by the JSONL export, and read back with
:func:`from_json`. Field names are the JSON keys; spans are ``(start, end)`` pairs
(JSON lists); dates are ISO strings in JSON. The flat columns of each level are read off
these records by the column spec (:mod:`eventwire.records.columns`).

>>> rec = FatalityRange(best=3, low=2, high=5)
>>> rec.to_json()
{'best': 3, 'low': 2, 'high': 5}
>>> from_json(FatalityRange, {'best': 3}) == FatalityRange(best=3, low=None, high=None)
True
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, TypeVar

from eventwire.records.document import (
    Actor,
    Document,
    Event,
    Mention,
    Place,
    When,
    parse_iso_date,
)

Pair = tuple[int, int]
T = TypeVar("T")


class _Record:
    """JSON conversion shared by every record class (fields in declaration order)."""

    __slots__ = ()

    def to_json(self) -> dict[str, Any]:
        """The JSON object of this record: dates as ISO strings, tuples as lists."""
        return {name: _jsonable(getattr(self, name)) for name in field_names(type(self))}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names in declaration order, found once per class (``fields`` is
    slow per record; the store's rows ask too)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _jsonable(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_json()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


# -- report level -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActorRecord(_Record):
    """An actor of a report-level event, as written and as coded."""

    text: str | None
    name: str | None
    id: str | None  # actor dictionary id
    type: str | None
    inter: int | None  # ACLED inter code 1..8
    country: str | None
    affiliation: tuple[str, ...]
    span: Pair
    claimed: bool  # named only by a claim of responsibility

    @classmethod
    def of(cls, actor: Actor) -> ActorRecord:
        """The record of a pipeline actor."""
        return cls(
            text=actor.text,
            name=actor.name,
            id=actor.actor_id,
            type=actor.type,
            inter=actor.inter,
            country=actor.country,
            affiliation=tuple(actor.affiliation),
            span=(actor.start, actor.end),
            claimed=actor.claimed,
        )


@dataclass(frozen=True, slots=True)
class PlaceRecord(_Record):
    """The gazetteer place of a report-level event."""

    text: str | None
    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    country: str | None  # ISO2
    precision: int | None  # ACLED geo precision 1..3
    fallback: str | None
    span: Pair

    @classmethod
    def of(cls, p: Place) -> PlaceRecord:
        """The record of a pipeline place."""
        return cls(
            p.text, p.name, p.geonameid, p.lat, p.lon, p.admin1, p.country, p.precision,
            p.fallback, (p.start, p.end),
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateRecord(_Record):
    """When a report-level event happened: an inclusive date range and its precision."""

    text: str | None
    start: dt.date | None
    end: dt.date | None
    precision: str | None
    recurring: bool
    span: Pair

    @classmethod
    def of(cls, w: When) -> DateRecord:
        """The record of a pipeline date."""
        return cls(w.text, w.start, w.end, w.precision, w.recurring, (w.span_start, w.span_end))


@dataclass(frozen=True, slots=True)
class FatalitiesRecord(_Record):
    """Deaths reported for an event: best estimate, range, wounded kept apart."""

    text: str | None
    best: int | None
    low: int | None
    high: int | None
    wounded: int | None
    span: Pair


@dataclass(frozen=True, slots=True)
class AttributionRecord(_Record):
    """Who claims the event and with which reporting verb."""

    speaker: str | None
    role: str | None
    verb: str | None
    span: Pair


@dataclass(frozen=True, slots=True)
class TriggerRecord(_Record):
    """The words that name the event."""

    text: str | None
    span: Pair


@dataclass(frozen=True, slots=True)
class EvidenceRecord(_Record):
    """A labelled span of the document kept as evidence."""

    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class MentionRecord(_Record):
    """One mention of the incident in the report (see ``records.Mention``)."""

    sentence_index: int
    kind: str
    text: str
    span: Pair

    @classmethod
    def of(cls, mention: Mention) -> MentionRecord:
        return cls(mention.sentence_index, mention.kind, mention.text, (mention.start, mention.end))


@dataclass(frozen=True, slots=True)
class EventRecord(_Record):
    """One event mention of one report: the report-level record (DESIGN.md contract)."""

    event_id: str
    doc_id: str
    source_id: str | None
    plover_type: str | None
    plover_mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    cameo_root: str | None
    actor1: ActorRecord | None
    actor2: ActorRecord | None
    assoc_actors: tuple[ActorRecord, ...]
    location: PlaceRecord | None
    date: DateRecord | None
    fatalities: FatalitiesRecord | None
    modality: str | None
    background: bool  # an incident recalled well before publication
    aggregate: bool  # a total over a long period, not one incident
    attributed_to: str | None
    attribution: AttributionRecord | None
    trigger: TriggerRecord
    sentence: str | None
    span: Pair | None  # of the sentence
    evidence: tuple[EvidenceRecord, ...]
    mentions: tuple[MentionRecord, ...]  # every mention of the incident in the report
    confidence: float | None
    rule: str | None
    published: dt.date | None
    source: str | None  # outlet
    # every input carrying the document's text: its own id/outlet first, then linked ones
    source_ids: tuple[str, ...]
    sources: tuple[str, ...]
    title: str | None
    url: str | None

    @classmethod
    def of(cls, event: Event, doc: Document) -> EventRecord:
        """The record of an event of a processed document (assigns the event id if unset)."""
        sentence = doc.sentences[event.sentence_index] if doc.sentences else None
        loc, when, fat, att = event.location, event.date, event.fatalities, event.attribution
        return cls(
            event_id=event.event_id or event.assign_id(),
            doc_id=doc.doc_id,
            source_id=doc.source_id,
            plover_type=event.plover_type,
            plover_mode=event.plover_mode,
            acled_event_type=event.acled_event_type,
            acled_sub_event_type=event.acled_sub_event_type,
            cameo_root=event.cameo_root,
            actor1=None if event.actor1 is None else ActorRecord.of(event.actor1),
            actor2=None if event.actor2 is None else ActorRecord.of(event.actor2),
            assoc_actors=tuple(ActorRecord.of(a) for a in event.assoc_actors),
            location=None if loc is None else PlaceRecord.of(loc),
            date=None if when is None else DateRecord.of(when),
            fatalities=None
            if fat is None
            else FatalitiesRecord(
                fat.text, fat.best, fat.low, fat.high, fat.wounded, (fat.start, fat.end)
            ),
            modality=event.modality,
            background=event.background,
            aggregate=event.aggregate,
            attributed_to=event.attributed_to,
            attribution=None
            if att is None
            else AttributionRecord(att.speaker, att.role, att.verb, (att.start, att.end)),
            trigger=TriggerRecord(event.trigger.text, (event.trigger.start, event.trigger.end)),
            sentence=sentence.text if sentence else None,
            span=(sentence.start, sentence.end) if sentence else None,
            evidence=tuple(EvidenceRecord(s.label, s.start, s.end, s.text) for s in event.evidence),
            mentions=tuple(MentionRecord.of(m) for m in event.mentions),
            confidence=round(float(event.confidence), 4),
            rule=event.rule,
            published=doc.published,
            source=doc.source,
            source_ids=(doc.source_id,) if doc.source_id else (),
            sources=(doc.source,) if doc.source else (),
            title=doc.title,
            url=doc.url,
        )


# -- canonical level --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActorRef(_Record):
    """The actor a canonical event settled on (the most specific report's; see dedup/merge.py)."""

    id: str | None
    name: str | None
    inter: int | None
    claimed: bool = False  # named only by a claim of responsibility in its reports


@dataclass(frozen=True, slots=True)
class PlaceRef(_Record):
    """The best-supported place among a canonical event's reports (then the most precise)."""

    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    country: str | None
    precision: int | None


@dataclass(frozen=True, slots=True)
class DateRange(_Record):
    """The narrowest date range among a canonical event's reports."""

    start: dt.date | None
    end: dt.date | None
    precision: str | None


@dataclass(frozen=True, slots=True)
class FatalityRange(_Record):
    """Fatalities of a canonical event: best from the latest credible update, range across all."""

    best: int | None
    low: int | None
    high: int | None


@dataclass(frozen=True, slots=True)
class ReportRef(_Record):
    """One report-level event that contributes to a canonical event."""

    event_id: str
    doc_id: str | None
    source: str | None
    published: dt.date | None
    fatalities: int | None
    similarity: float | None
    location_name: str | None = None  # the report's own place
    sentence: str | None = None  # the report's evidence: the sentence the event was coded from


@dataclass(frozen=True, slots=True)
class MergeReason(_Record):
    """Why one report joined a canonical event: the member it links to most closely, the
    similarity of the two and the rules that held, in words (``eventwire explain``)."""

    event_id: str
    linked_to: str | None  # None for the cluster's first report (its seed)
    similarity: float | None
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CanonicalRecord(_Record):
    """One real-world event merged from the report-level events that describe it."""

    canonical_id: str
    plover_type: str | None
    plover_mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    cameo_root: str | None
    actor1: ActorRef | None
    actor2: ActorRef | None
    location: PlaceRef | None
    country: str | None
    date: DateRange | None
    fatalities: FatalityRange | None
    modality: str | None
    n_reports: int
    n_sources: int
    sources: tuple[str, ...]
    confidence: float | None
    first_published: dt.date | None
    last_published: dt.date | None
    sentence: str | None
    reports: tuple[ReportRef, ...]
    background: bool  # every member report recalls the incident well before publication
    aggregate: bool  # every member report gives a total over a long period
    merge_reasons: tuple[MergeReason, ...] = ()  # why each report belongs here


AnyRecord = EventRecord | CanonicalRecord
RECORD_TYPES: dict[str, type[EventRecord] | type[CanonicalRecord]] = {
    "report": EventRecord,
    "canonical": CanonicalRecord,
}


# -- JSON ---------------------------------------------------------------------------------
def dumps_record(record: dict[str, Any] | _Record) -> str:
    """Serialise a record as one stable JSON line (sorted keys)."""
    data = record.to_json() if isinstance(record, _Record) else record
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def event_record(event: Event, doc: Document) -> dict[str, Any]:
    """Return the JSONL export record of DESIGN.md for an event of a document."""
    return EventRecord.of(event, doc).to_json()


def from_json(cls: type[T], data: Any) -> T:
    """Read a record class back from its JSON object; a missing key reads as empty."""
    convert = _converter(typing.cast(Any, cls))
    return typing.cast(T, convert(data))


Convert = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _converter(tp: Any) -> Convert:
    """A function turning JSON data into ``tp`` (built once per type from its hints)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        convert = _converter(inner)
        return lambda v: None if v is None else convert(v)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            return lambda v: () if v is None else tuple(item(x) for x in v)
        if all(a is int for a in args):
            return lambda v: None if v is None else tuple(v)
        parts = [_converter(a) for a in args]
        return lambda v: None if v is None else tuple(c(x) for c, x in zip(parts, v, strict=True))
    if tp is dt.date:
        return lambda v: parse_iso_date(v) if isinstance(v, str) else v
    if tp is bool:
        return bool  # a record written before the flag existed reads False
    if isinstance(tp, type) and is_dataclass(tp):
        return _record_converter(tp)
    return _identity


def _record_converter(cls: type) -> Convert:
    hints = typing.get_type_hints(cls)
    plan = [(f.name, _converter(hints[f.name])) for f in fields(cls)]

    def convert(value: Any) -> Any:
        if value is None:
            return None
        return cls(**{name: conv(value.get(name)) for name, conv in plan})

    return convert
