"""Pydantic models of the HTTP API: request bodies and the main response shapes.

The items of ``/events`` are :data:`EventItem`, derived from the column spec: one field per
column the spec marks ``api`` at the report level (:mod:`eventwire.records.columns`).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from eventwire.records.columns import CANONICAL, REPORT, Level


class ErrorBody(BaseModel):
    code: str = Field(description="Stable error code, e.g. EW-API-404.")
    message: str
    status: int
    details: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    """The one error shape of the API (404, 401, 403, 422, 500 alike)."""

    error: ErrorBody


class ActorChange(BaseModel):
    """An actor from the dictionary (``id``: name, inter code and country come from it) or
    a new one (``name`` and ``inter``)."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(default=None, min_length=1, max_length=200)
    name: str | None = Field(default=None, min_length=1, max_length=200)
    type: str | None = Field(default=None, max_length=60)
    inter: int | None = Field(default=None, ge=0, le=8)
    country: str | None = Field(default=None, min_length=2, max_length=2)


class PlaceChange(BaseModel):
    """A gazetteer place (``geonameid``, or ``name`` and optionally ``country`` to look up),
    or a place typed in whole (``name``, ``lat``, ``lon``); ``precision`` 1..3."""

    model_config = ConfigDict(extra="forbid")
    geonameid: int | None = Field(default=None, ge=1)
    name: str | None = Field(default=None, min_length=1, max_length=200)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    admin1: str | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, min_length=2, max_length=2)
    precision: int | None = Field(default=None, ge=1, le=3)


class DateChange(BaseModel):
    """A date range (``end`` defaults to ``start``)."""

    model_config = ConfigDict(extra="forbid")
    start: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    end: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    precision: Literal["day", "week", "month", "year", "range"] | None = None


class FatalitiesChange(BaseModel):
    """Fatalities: low ≤ best ≤ high (low and high default to best)."""

    model_config = ConfigDict(extra="forbid")
    best: int = Field(ge=0, le=1_000_000)
    low: int | None = Field(default=None, ge=0, le=1_000_000)
    high: int | None = Field(default=None, ge=0, le=1_000_000)


class AttributionChange(BaseModel):
    """Who the event is attributed to (``speaker`` null: the report's own voice)."""

    model_config = ConfigDict(extra="forbid")
    speaker: str | None = Field(default=None, max_length=200)
    role: str | None = Field(default=None, max_length=60)
    verb: str | None = Field(default=None, max_length=60)


class ReviewChanges(BaseModel):
    """Reviewed values; only the fields given are changed."""

    model_config = ConfigDict(extra="forbid")
    plover_type: str | None = Field(default=None, min_length=1, max_length=40)
    plover_mode: str | None = Field(default=None, max_length=40)
    acled_event_type: str | None = Field(default=None, max_length=80)
    acled_sub_event_type: str | None = Field(default=None, max_length=80)
    actor1: ActorChange | None = None
    actor2: ActorChange | None = None
    location: PlaceChange | None = None
    date: DateChange | None = None
    fatalities: FatalitiesChange | None = None
    modality: Literal["asserted", "habitual", "hypothetical", "negated", "generic"] | None = None
    attribution: AttributionChange | None = None


class ReviewIn(BaseModel):
    """A review of one event: confirm it, correct some fields, or reject it."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["confirm", "correct", "reject"]
    author: str = Field(min_length=1, max_length=100)
    changes: ReviewChanges | None = None
    note: str | None = Field(default=None, max_length=2000)


class MergeIn(BaseModel):
    """Merge this canonical event with another one (one real-world event)."""

    model_config = ConfigDict(extra="forbid")
    other: str = Field(min_length=1, max_length=200, description="The other canonical id.")
    author: str = Field(min_length=1, max_length=100)
    note: str | None = Field(default=None, max_length=2000)


class SplitIn(BaseModel):
    """Take one report event out of this canonical event (a canonical event of its own)."""

    model_config = ConfigDict(extra="forbid")
    event_id: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1, max_length=100)
    note: str | None = Field(default=None, max_length=2000)


class ReviewOut(BaseModel):
    review_id: str
    event_id: str
    action: str
    author: str
    created_at: str
    changes: dict[str, Any]


def event_item_model(
    level: Level = REPORT, name: str = "EventItem", **extra: Any
) -> type[BaseModel]:
    """A model with one field per ``api`` column of a level (nullable unless the spec says
    the column never is) and the ``extra`` fields; other keys are refused, so the items
    cannot drift from the spec."""
    specs: dict[str, Any] = dict(extra)
    for column_name in level.names("api"):
        use = level.use(column_name)
        tp: Any = use.column.python
        if not use.constraint:
            tp = tp | None
        specs[column_name] = (tp, Field(description=use.column.doc or None))
    return create_model(name, __config__=ConfigDict(extra="forbid"), **specs)


EventItem = event_item_model()
_EventItems: Any = list.__class_getitem__(EventItem)  # list[EventItem] of a built model

_REPORT_LEVEL: Any = Literal["report"]
_CANONICAL_LEVEL: Any = Literal["canonical"]
EventPage = create_model(
    "EventPage",
    __doc__="One page of report-level events matching the filters.",
    level=(_REPORT_LEVEL, "report"),
    total=(int, ...),
    limit=(int, ...),
    offset=(int, ...),
    items=(_EventItems, ...),
)
CanonicalItem = event_item_model(
    CANONICAL,
    "CanonicalItem",
    event_id=(str, Field(description="the canonical id (GET /events/{id} opens it)")),
    sources=(list[str], Field(description="the distinct outlets that report the incident")),
    sentence=(str | None, Field(description="the sentence of the most specific report")),
)
_CanonicalItems: Any = list.__class_getitem__(CanonicalItem)
CanonicalPage = create_model(
    "CanonicalPage",
    __doc__="One page of canonical events (each real incident once) matching the filters.",
    level=(_CANONICAL_LEVEL, ...),
    total=(int, ...),
    limit=(int, ...),
    offset=(int, ...),
    items=(_CanonicalItems, ...),
)


class Health(BaseModel):
    status: str
    version: str
    events: int
    documents: int
    review_enabled: bool
    read_only: bool
