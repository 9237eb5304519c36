"""Records: the working data model of the stages, the typed event record, the column spec.

* :mod:`~eventwire.records.document` — Document, Sentence, Event, Actor, Place, When, …:
  what the pipeline stages read and write.
* :mod:`~eventwire.records.model` — :class:`EventRecord` and :class:`CanonicalRecord`:
  the frozen, typed record of one exported event (report or canonical level).
* :mod:`~eventwire.records.columns` — the column spec from which the store's tables, the
  flat column lists, every export and the API's event model are derived.
"""

from __future__ import annotations

from eventwire.records.document import (
    CODED_SEGMENT_KINDS,
    EVENT_DATED,
    MODALITIES,
    PLACE_FIELDS,
    READ_FIELDS,
    Actor,
    Attribution,
    Document,
    DocumentSource,
    Event,
    Fatalities,
    LedgerEntry,
    LedgerStatus,
    Mention,
    MentionKind,
    Modality,
    Note,
    Place,
    Segment,
    SegmentKind,
    Sentence,
    Span,
    When,
    content_hash,
    parse_iso_date,
    sentence_holding,
    stable_id,
)
from eventwire.records.model import (
    CanonicalRecord,
    EventRecord,
    dumps_record,
    event_record,
    from_json,
)

__all__ = [
    "CODED_SEGMENT_KINDS",
    "EVENT_DATED",
    "MODALITIES",
    "PLACE_FIELDS",
    "READ_FIELDS",
    "Actor",
    "Attribution",
    "CanonicalRecord",
    "Document",
    "DocumentSource",
    "Event",
    "EventRecord",
    "Fatalities",
    "LedgerEntry",
    "LedgerStatus",
    "Mention",
    "MentionKind",
    "Modality",
    "Note",
    "Place",
    "Segment",
    "SegmentKind",
    "Sentence",
    "Span",
    "When",
    "content_hash",
    "dumps_record",
    "event_record",
    "from_json",
    "parse_iso_date",
    "sentence_holding",
    "stable_id",
]
