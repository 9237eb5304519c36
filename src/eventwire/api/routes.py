"""Read-only endpoints: events, documents, actors, places, stats, map, health, dashboard."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

from eventwire.api.deps import ERRORS, WEB_DIR, Filter, Reader, State
from eventwire.api.schemas import CanonicalPage, EventPage, Health
from eventwire.config import VERSION
from eventwire.db.review import list_reviews
from eventwire.dedup.canonical import canonical_record
from eventwire.ontology import load_ontology
from eventwire.records import MODALITIES, PLACE_FIELDS

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


@router.get("/health", response_model=Health, tags=["service"])
def health(state: State, reader: Reader) -> dict[str, Any]:
    """Liveness plus store counts."""
    return {
        "status": "ok",
        "version": VERSION,
        **reader.counts(),
        "review_enabled": state.review_enabled,
        "read_only": state.read_only,
    }


@router.get("/config", tags=["service"])
def config(state: State) -> dict[str, Any]:
    """Settings the dashboard needs (tile URL, whether review is possible)."""
    vendor = WEB_DIR / "static" / "vendor"
    ontology = load_ontology()
    return {
        "tiles": state.tiles,
        "review_enabled": state.review_enabled,
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
    response_model=EventPage | CanonicalPage,
    responses={200: {"content": {"application/geo+json": {}}}},
)
def list_events(
    request: Request,
    reader: Reader,
    flt: Filter,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    sort: Annotated[
        Literal["date", "-date", "fatalities", "-fatalities", "confidence", "-confidence", "id"],
        Query(),
    ] = "-date",
    format: Annotated[Literal["json", "geojson"] | None, Query()] = None,
    level: Annotated[Literal["report", "canonical"], Query()] = "report",
) -> Any:
    """Events matching the filters, one page at a time (JSON, or GeoJSON points).

    ``level=report`` (the default, kept for compatibility) lists report-level events, one per
    report that tells an incident; ``level=canonical`` lists canonical events, each real
    incident once with its ``sources``, ``n_sources``/``n_reports`` and fatalities
    low/best/high (the latest credible toll as best); its ``event_id`` is the canonical id,
    which ``GET /events/{event_id}`` opens. Filters, sort and paging are the same."""
    total = reader.count_events(flt, level)
    if level == "canonical":
        items = reader.list_canonical(flt, limit, offset, sort)
    else:
        items = reader.list_events(flt, limit, offset, sort)
    accept = request.headers.get("accept", "")
    if format == "geojson" or (format is None and "application/geo+json" in accept):
        return _geojson(items, total, limit, offset)
    return {"level": level, "total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events/{event_id}", tags=["events"], responses={404: ERRORS[404]})
def get_event(event_id: str, reader: Reader) -> dict[str, Any]:
    """One event: the machine record (``event``) and its evidence spans, the record as
    reviewed (``reviewed``: what every list, export and count shows; with ``?machine=true``
    the machine record too), and its reviews."""
    record = reader.event(event_id)
    if record is None:  # a canonical id: the merged record, its reports and merge_reasons
        merged = canonical_record(reader.con, event_id)
        if merged is not None:
            return {"level": "canonical", "event": merged, "merge_reasons": merged["merge_reasons"]}
        raise HTTPException(404, {"code": "EW-API-404", "message": f"no event {event_id!r}"})
    machine = reader.machine_event(event_id) or record
    return {
        "event": machine,
        "evidence": event_spans(machine),
        "review": record.get("review"),
        "reviewed": record,
        "reviews": list_reviews(reader.con, event_id) if reader.has_reviews else [],
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
def get_document(doc_id: str, reader: Reader) -> dict[str, Any]:
    """A document's text with the spans of every value extracted from it."""
    doc = reader.document(doc_id)
    if doc is None:
        raise HTTPException(404, {"code": "EW-API-404", "message": f"no document {doc_id!r}"})
    spans = [s for record in doc["events"] for s in event_spans(record)]
    doc["spans"] = sorted(spans, key=lambda s: (s["start"], -s["end"], s["label"]))
    doc["places"] = _document_places(reader, doc_id)
    return doc


def _document_places(reader: Reader, doc_id: str) -> list[dict[str, Any]]:
    """Every toponym the places stage resolved in a document (the geoparse fields, with
    ``[start, end)`` offsets into its text), from the store's ``documents.places``."""
    row = reader.con.execute("SELECT places FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    stored = json.loads(row[0]) if row and row[0] else []
    return [{k: p.get(k) for k in PLACE_FIELDS} for p in stored if isinstance(p, dict)]


@router.get("/actors", tags=["aggregates"])
def list_actors(
    reader: Reader,
    flt: Filter,
    name: Annotated[str | None, Query(max_length=200, description="Name contains.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """Coded actors with their event counts (as actor1 and actor2)."""
    return {"items": reader.actors(flt, name or None, limit, offset)}


@router.get("/places", tags=["aggregates"])
def list_places(
    reader: Reader,
    flt: Filter,
    name: Annotated[str | None, Query(max_length=200, description="Name contains.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """Event locations with coordinates, precision and event counts."""
    return {"items": reader.places(flt, name or None, limit, offset)}


@router.get("/stats", tags=["aggregates"])
def stats(
    reader: Reader,
    flt: Filter,
    interval: Annotated[Literal["day", "week", "month"] | None, Query()] = None,
    top: Annotated[int, Query(ge=1, le=200)] = 15,
    edges: Annotated[int, Query(ge=1, le=1000)] = 60,
    level: Annotated[Literal["canonical", "report"], Query()] = "canonical",
) -> dict[str, Any]:
    """Server-side aggregation: counts by type, timeline, top actors, actor network edges.

    Counts canonical events (each real incident once, however many reports tell it) unless
    ``level=report``."""
    return reader.stats(flt, interval, top, edges, level)


@router.get("/map", tags=["aggregates"])
def map_features(
    reader: Reader,
    flt: Filter,
    zoom: Annotated[int, Query(ge=0, le=22)] = 2,
    max_points: Annotated[int, Query(ge=1, le=20_000)] = 3000,
    level: Annotated[Literal["canonical", "report"], Query()] = "canonical",
) -> dict[str, Any]:
    """Map layer: every point when few match, else grid cells with counts (clustering).

    Points and counts are canonical events (each real incident once, at its best place)
    unless ``level=report``."""
    return reader.map_features(flt, zoom, max_points, level)


@router.get("/", include_in_schema=False, response_model=None)
def dashboard() -> HTMLResponse | FileResponse:
    index = WEB_DIR / "templates" / "index.html"
    if not index.is_file():
        return HTMLResponse("<h1>eventwire</h1><p>dashboard files are missing</p>", 500)
    return FileResponse(index, media_type="text/html")
