"""Read-only endpoints: events, documents, actors, places, stats, map, health, dashboard."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

from eventwire.api.app import WEB_DIR, AppState
from eventwire.api.queries import EventFilter
from eventwire.api.schemas import ErrorResponse, EventPage, Health
from eventwire.records import MODALITIES

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Not found"},
    422: {"model": ErrorResponse, "description": "Invalid parameters"},
}
router = APIRouter(responses={422: ERRORS[422]})
SPAN_LABELS: tuple[str, ...] = (
    "trigger",
    "actor1",
    "actor2",
    "location",
    "date",
    "fatalities",
    "attribution",
)


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.ew
    return state


def get_cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    yield from get_state(request).cursor()


Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(get_cursor)]
State = Annotated[AppState, Depends(get_state)]


def _list(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(v.strip() for v in value.split(",") if v.strip())[:50]


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise HTTPException(
            422,
            {"code": "EW-API-422", "message": "invalid bbox: use min_lon,min_lat,max_lon,max_lat"},
        )
    west, south, east, north = parts
    if not (-90 <= south <= north <= 90 and -540 <= west <= 540 and -540 <= east <= 540):
        raise HTTPException(
            422,
            {
                "code": "EW-API-422",
                "message": "invalid bbox: latitudes must satisfy -90 <= min_lat <= max_lat <= 90",
            },
        )
    return (west, south, east, north)


_CSV = ", comma-separated."


def event_filter(
    start: Annotated[date | None, Query(description="Events on or after this date.")] = None,
    end: Annotated[date | None, Query(description="Events on or before this date.")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    country: Annotated[str | None, Query(description=f"ISO2 codes{_CSV}")] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Actor name contains.")] = None,
    type: Annotated[str | None, Query(description=f"PLOVER types{_CSV}")] = None,
    acled_type: Annotated[str | None, Query(description=f"ACLED event types{_CSV}")] = None,
    sub_type: Annotated[str | None, Query(description=f"ACLED sub-event types{_CSV}")] = None,
    modality: Annotated[str | None, Query(description=f"Modalities{_CSV}")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Outlet contains.")] = None,
    speaker: Annotated[str | None, Query(max_length=200, description="Speaker contains.")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    q: Annotated[str | None, Query(max_length=500, description="Sentence text contains.")] = None,
    doc_id: Annotated[str | None, Query(max_length=200)] = None,
) -> EventFilter:
    """The filters shared by every view of the dashboard."""
    if start and end and start > end:
        raise HTTPException(422, {"code": "EW-API-422", "message": "invalid range: start > end"})
    return EventFilter(
        start=start,
        end=end,
        bbox=_bbox(bbox),
        country=_list(country),
        admin1=admin1 or None,
        actor=actor or None,
        type=_list(type),
        acled_type=_list(acled_type),
        sub_type=_list(sub_type),
        modality=_list(modality),
        source=source or None,
        speaker=speaker or None,
        min_sources=min_sources,
        q=q or None,
        doc_id=doc_id or None,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]


@router.get("/health", response_model=Health, tags=["service"])
def health(state: State, cur: Cursor) -> dict[str, Any]:
    """Liveness plus store counts."""
    from eventwire.config import VERSION as __version__

    counts = state.queries.counts(cur)
    return {
        "status": "ok",
        "version": __version__,
        **counts,
        "review_enabled": bool(state.review_token) and not state.read_only,
        "read_only": state.read_only,
    }


@router.get("/config", tags=["service"])
def config(state: State) -> dict[str, Any]:
    """Settings the dashboard needs (tile URL, whether review is possible)."""
    from eventwire.ontology import load_ontology

    vendor = WEB_DIR / "static" / "vendor"
    ontology = load_ontology()
    return {
        "tiles": state.tiles,
        "review_enabled": bool(state.review_token) and not state.read_only,
        "vendor": vendor.is_dir(),
        "plover_types": sorted(ontology.plover),
        "acled_sub_types": {
            sub: cw.acled_event_type for sub, cw in sorted(ontology.sub_types.items())
        },
        "modalities": list(MODALITIES),
    }


def _geojson(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> JSONResponse:
    features = [
        {
            "type": "Feature",
            "id": item["event_id"],
            "geometry": None
            if item.get("lat") is None or item.get("lon") is None
            else {"type": "Point", "coordinates": [item["lon"], item["lat"]]},
            "properties": item,
        }
        for item in items
    ]
    return JSONResponse(
        {
            "type": "FeatureCollection",
            "features": features,
            "total": total,
            "limit": limit,
            "offset": offset,
        },
        media_type="application/geo+json",
    )


@router.get(
    "/events",
    tags=["events"],
    response_model=EventPage,
    responses={200: {"content": {"application/geo+json": {}}}},
)
def list_events(
    request: Request,
    state: State,
    cur: Cursor,
    flt: Filter,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    sort: Annotated[
        Literal["date", "-date", "fatalities", "-fatalities", "confidence", "-confidence", "id"],
        Query(),
    ] = "-date",
    format: Annotated[Literal["json", "geojson"] | None, Query()] = None,
) -> Any:
    """Events matching the filters, one page at a time (JSON, or GeoJSON points)."""
    total = state.queries.count_events(cur, flt)
    items = state.queries.list_events(cur, flt, limit, offset, sort)
    accept = request.headers.get("accept", "")
    if format == "geojson" or (format is None and "application/geo+json" in accept):
        return _geojson(items, total, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events/{event_id}", tags=["events"], responses={404: ERRORS[404]})
def get_event(event_id: str, state: State, cur: Cursor) -> dict[str, Any]:
    """One event: the machine record, its evidence spans, reviews and the reviewed values."""
    from eventwire.db.review import list_reviews, reviewed_record

    record = state.queries.event(cur, event_id)
    if record is None:
        raise HTTPException(404, {"code": "EW-API-404", "message": f"no event {event_id!r}"})
    reviews = list_reviews(cur, event_id) if state.queries.has_reviews else []
    reviewed = reviewed_record(record, reviews)
    return {
        "event": record,
        "evidence": event_spans(record),
        "review": reviewed.get("review"),
        "reviewed": reviewed,
    }


def event_spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Labelled character spans of one event record (for highlighting)."""
    out = []
    for label in SPAN_LABELS:
        value = record.get(label)
        if not isinstance(value, dict):
            continue
        span = value.get("span")
        if not (isinstance(span, list) and len(span) == 2):
            continue
        start, end = span
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            text = value.get("text") or value.get("speaker") or value.get("name")
            out.append(
                {
                    "label": label,
                    "start": start,
                    "end": end,
                    "text": text,
                    "event_id": record.get("event_id"),
                }
            )
    return out


@router.get("/documents/{doc_id}", tags=["documents"], responses={404: ERRORS[404]})
def get_document(doc_id: str, state: State, cur: Cursor) -> dict[str, Any]:
    """A document's text with the spans of every value extracted from it."""
    doc = state.queries.document(cur, doc_id)
    if doc is None:
        raise HTTPException(404, {"code": "EW-API-404", "message": f"no document {doc_id!r}"})
    spans = [s for record in doc["events"] for s in event_spans(record)]
    doc["spans"] = sorted(spans, key=lambda s: (s["start"], -s["end"], s["label"]))
    return doc


@router.get("/actors", tags=["aggregates"])
def list_actors(
    state: State,
    cur: Cursor,
    flt: Filter,
    name: Annotated[str | None, Query(max_length=200, description="Name contains.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """Coded actors with their event counts (as actor1 and actor2)."""
    return {"items": state.queries.actors(cur, flt, name or None, limit, offset)}


@router.get("/places", tags=["aggregates"])
def list_places(
    state: State,
    cur: Cursor,
    flt: Filter,
    name: Annotated[str | None, Query(max_length=200, description="Name contains.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """Event locations with coordinates, precision and event counts."""
    return {"items": state.queries.places(cur, flt, name or None, limit, offset)}


@router.get("/stats", tags=["aggregates"])
def stats(
    state: State,
    cur: Cursor,
    flt: Filter,
    interval: Annotated[Literal["day", "week", "month"] | None, Query()] = None,
    top: Annotated[int, Query(ge=1, le=200)] = 15,
    edges: Annotated[int, Query(ge=1, le=1000)] = 60,
) -> dict[str, Any]:
    """Server-side aggregation: counts by type, timeline, top actors, actor network edges."""
    return state.queries.stats(cur, flt, interval, top, edges)


@router.get("/map", tags=["aggregates"])
def map_features(
    state: State,
    cur: Cursor,
    flt: Filter,
    zoom: Annotated[int, Query(ge=0, le=22)] = 2,
    max_points: Annotated[int, Query(ge=1, le=20_000)] = 3000,
) -> dict[str, Any]:
    """Map layer: every point when few match, else grid cells with counts (clustering)."""
    return state.queries.map_features(cur, flt, zoom, max_points)


@router.get("/", include_in_schema=False, response_model=None)
def dashboard() -> HTMLResponse | FileResponse:
    index = WEB_DIR / "templates" / "index.html"
    if not index.is_file():
        return HTMLResponse("<h1>eventwire</h1><p>dashboard files are missing</p>", 500)
    return FileResponse(index, media_type="text/html")
