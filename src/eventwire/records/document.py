"""The working data model: Document, Sentence, Event, Actor, Place, When, LedgerEntry…

Every stage reads and writes these plain dataclasses. Offsets are always
``[start, end)`` character offsets into ``Document.text``, so any extracted value
can be traced back to the words that produced it.

What leaves the pipeline is an :class:`~eventwire.records.model.EventRecord` (the JSONL
export contract of DESIGN.md), built from an ``Event`` and its ``Document``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Modality = Literal["asserted", "habitual", "hypothetical", "negated", "generic"]
MODALITIES: tuple[str, ...] = ("asserted", "habitual", "hypothetical", "negated", "generic")

LedgerStatus = Literal["processed", "skipped", "rejected", "failed", "superseded"]

# Segment kinds produced by the structure stage. Only "body" and "answer" (and
# "quote" inside them) carry factual events; the others are kept but not coded.
SegmentKind = Literal[
    "title", "byline", "dateline", "caption", "question", "answer", "body", "boilerplate"
]
CODED_SEGMENT_KINDS: frozenset[str] = frozenset({"body", "answer"})


def content_hash(text: str) -> str:
    """Return the stable sha256 hex digest of a text (the basis of every id)."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def stable_id(*parts: object, length: int = 16) -> str:
    """Return a short stable id from the parts, e.g. ``stable_id(doc_id, 10, 24, "ASSAULT")``."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8", errors="surrogatepass")).hexdigest()[:length]


@dataclass(slots=True)
class Span:
    """A labelled character span in the document text, kept as evidence."""

    start: int
    end: int
    label: str  # e.g. "trigger", "actor1", "actor2", "location", "date", "fatalities", "speaker"
    text: str = ""


@dataclass(slots=True)
class Note:
    """A message a stage leaves on a document (warnings, skipped values)."""

    stage: str
    code: str
    message: str


@dataclass(slots=True)
class Segment:
    """A structural block of the document: a paragraph, title, question, answer, caption…"""

    start: int
    end: int
    kind: str = "body"  # one of SegmentKind
    speaker: str | None = None  # who speaks this block (interview turns)
    speaker_role: str | None = None  # "interviewer", "interviewee", "author", "outlet", …


@dataclass(slots=True)
class Sentence:
    """One sentence: offsets into the document text and the segment it belongs to."""

    start: int
    end: int
    text: str
    segment: int = 0  # index into Document.segments
    candidate: bool = True  # set by the relevance pre-filter; False = not parsed


def sentence_holding(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    """The first of ``sentences`` that holds character ``offset``, or None."""
    return next((s for s in sentences if s.start <= offset < s.end), None)


@dataclass(slots=True)
class Actor:
    """An actor mention, coded against the actor dictionary when possible."""

    text: str  # the words in the document
    start: int = -1
    end: int = -1
    name: str | None = None  # canonical name, e.g. "Islamic State"
    actor_id: str | None = None  # dictionary id, e.g. "ISIS"
    type: str | None = None  # sector: military, police, rebel, militia, protesters, civilians, …
    inter: int | None = None  # ACLED inter code 1..8
    country: str | None = None  # ISO 3166-1 alpha-2
    affiliation: list[str] = field(default_factory=list)  # sect, ethnicity, parent organisation
    resolved_by: str | None = None  # "dictionary", "fuzzy", "composed", "coref", "head-noun", …
    claimed: bool = False  # named only by a claim of responsibility, not by the report itself


# Document.published_source of a record dated at the event it tells, not at its publication
# (a coded event's note: its "yesterday" is the record's date, see pipeline/dates/deictic.py)
EVENT_DATED = "event-date"

# The Document fields a reader fills from its input, before any stage runs (the pipeline's
# contract check, re-coding stored documents and sending read documents to a server).
READ_FIELDS: tuple[str, ...] = (
    "text",
    "doc_id",
    "source_id",
    "input",
    "title",
    "published",
    "published_source",
    "source",
    "url",
    "author",
    "language",
    "encoding",
    "notes",
)

# The fields of one resolved toponym that `eventwire geoparse`, `eventwire.geoparse()` and
# `GET /documents/{id}` give, in this order.
PLACE_FIELDS: tuple[str, ...] = (
    "text",
    "start",
    "end",
    "name",
    "geonameid",
    "lat",
    "lon",
    "country",
    "admin1",
    "feature",
    "precision",
)


@dataclass(slots=True)
class Place:
    """A gazetteer place attached to an event."""

    text: str  # the toponym as written
    start: int = -1
    end: int = -1
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None  # ISO2
    precision: int | None = None  # ACLED geo precision 1 town, 2 near/part of region, 3 province+
    feature: str | None = None  # "city", "admin1", "country", …
    fallback: str | None = None  # "clause", "sentence", "paragraph", "document", …


@dataclass(slots=True)
class When:
    """When an event happened: an inclusive ISO date range with a precision."""

    text: str | None = None
    start: date | None = None
    end: date | None = None
    # "day" | "week" | "month" | "year" | "range" | "publication" | "unknown"
    precision: str = "unknown"
    recurring: bool = False  # habitual ("nearly daily")
    span_start: int = -1
    span_end: int = -1


@dataclass(slots=True)
class Fatalities:
    """Deaths attributed to an event, with a conservative best estimate."""

    text: str | None = None
    best: int | None = None
    low: int | None = None
    high: int | None = None
    start: int = -1
    end: int = -1
    wounded: int | None = None  # kept apart; never added to fatalities


@dataclass(slots=True)
class Attribution:
    """Who claims the event happened, and with which words."""

    speaker: str | None = None
    role: str | None = None  # "interviewee", "quoted", "outlet", "author", "claimant", …
    verb: str | None = None  # reporting verb: said, claimed, alleged, denied …
    start: int = -1  # evidence span of the attribution cue
    end: int = -1


MentionKind = Literal["main", "coreferent", "consequence", "claim", "denial", "follow-up"]


@dataclass(slots=True)
class Mention:
    """One place in the report that speaks of an incident: its trigger words and sentence.

    ``kind`` says how the mention relates to the incident: the ``main`` mention (the one
    the event was coded from), a ``coreferent`` one ("the attack", "the blast"), a
    ``consequence`` ("killing four"), a ``claim`` or ``denial`` of responsibility, or a
    ``follow-up`` (arrests, condemnations of the incident).
    """

    sentence_index: int
    start: int
    end: int
    text: str
    kind: str = "main"  # one of MentionKind


@dataclass(slots=True)
class Event:
    """One event mention found in one sentence of one document."""

    doc_id: str
    trigger: Span
    sentence_index: int
    plover_type: str
    plover_mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = field(default_factory=list)
    location: Place | None = None
    date: When | None = None
    fatalities: Fatalities | None = None
    modality: str = "asserted"
    attribution: Attribution | None = None
    confidence: float = 0.5
    evidence: list[Span] = field(default_factory=list)
    rule: str | None = None  # which lexicon entry / pattern produced it
    event_id: str = ""
    # every mention of the incident in the report (the incidents stage fills it)
    mentions: list[Mention] = field(default_factory=list)
    background: bool = False  # an incident recalled well before publication
    aggregate: bool = False  # a total over a long period, not one incident

    def assign_id(self) -> str:
        """Set and return the stable id: a hash of (document, trigger span, type)."""
        self.event_id = stable_id(
            self.doc_id, self.trigger.start, self.trigger.end, self.plover_type
        )
        return self.event_id

    @property
    def attributed_to(self) -> str | None:
        return self.attribution.speaker if self.attribution else None


@dataclass(slots=True)
class Document:
    """A report being processed. Stages fill ``segments``, ``sentences``, ``events``."""

    text: str
    doc_id: str = ""
    source_id: str | None = None  # the input's own id (JSONL/CSV `id`), if it had one
    input: str = ""  # path, "path#record", or "-" for stdin
    title: str | None = None
    published: date | None = None
    # "record", "option", "html-metadata", EVENT_DATED, "unknown"
    published_source: str = "unknown"
    source: str | None = None  # outlet
    url: str | None = None
    author: str | None = None
    language: str | None = None
    encoding: str | None = None
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)  # every toponym resolved in the text
    country: str | None = None  # focus country (ISO2) of the document, set by the places stage
    notes: list[Note] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    # Transient, never serialised: sentence index -> spaCy Doc of that sentence's text
    # (token.idx + sentence.start = offset in ``text``). Set by the nlp stage for the
    # sentences it parsed (candidates of the pre-filter).
    parses: dict[int, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.doc_id:
            self.doc_id = content_hash(self.text)[:16]

    def note(self, stage: str, code: str, message: str) -> None:
        """Leave a message on the document (kept in the store with the document)."""
        self.notes.append(Note(stage, code, message))

    def sentence_at(self, offset: int) -> int | None:
        """The index of the sentence holding character ``offset``, or None (a gap, or no
        sentences yet)."""
        return next((i for i, s in enumerate(self.sentences) if s.start <= offset < s.end), None)

    def segment_of(self, sentence: Sentence) -> Segment | None:
        if 0 <= sentence.segment < len(self.segments):
            return self.segments[sentence.segment]
        return None

    def __getstate__(self) -> dict[str, Any]:
        # spaCy Docs do not travel between processes; everything else does.
        state = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        state["parses"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)


@dataclass(frozen=True, slots=True)
class DocumentSource:
    """One input that carries a stored document's text: the first, or a later one with the
    same text under another id or outlet (a wire story two outlets ran, ACLED rows sharing
    one note). Each is a source of the document's events (``source_ids``, ``sources``)."""

    doc_id: str
    input: str
    source_id: str | None = None
    source: str | None = None  # outlet
    url: str | None = None
    title: str | None = None
    published: date | None = None

    @classmethod
    def of(cls, doc: Document) -> DocumentSource:
        return cls(
            doc.doc_id, doc.input, doc.source_id, doc.source, doc.url, doc.title, doc.published
        )


@dataclass(slots=True)
class LedgerEntry:
    """One row per input: what happened to it and why."""

    input: str
    content_hash: str | None
    status: str  # LedgerStatus
    reason: str | None = None
    code: str | None = None
    doc_id: str | None = None
    source_id: str | None = None
    n_events: int = 0
    seconds: float = 0.0
    stage: str | None = None
    pipeline_version: str = ""
    data_versions: str = ""  # JSON object {name: version}
    # same text as a stored document: this input joins its sources (not a ledger column)
    link: DocumentSource | None = None


def parse_iso_date(value: str | None, *, prefix: bool = False) -> date | None:
    """The one ISO-8601 date parser of eventwire: ``"YYYY-MM-DD"`` to a date, None stays None.

    With ``prefix`` only the first ten characters are read, so a datetime string gives its
    date. Anything else raises ``ValueError``; each caller turns that into its own coded error
    (a usage error in the CLI, ``EW-ACT-004`` in an actor file, None for a gold row).

    >>> parse_iso_date("2024-03-01")
    datetime.date(2024, 3, 1)
    >>> parse_iso_date("2024-03-01T10:00:00Z", prefix=True)
    datetime.date(2024, 3, 1)
    >>> parse_iso_date(None) is None
    True
    """
    if value is None:
        return None
    return date.fromisoformat(value[:10] if prefix else value)
