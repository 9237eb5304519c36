"""Routes of the dashboard: the timeline, countries, place search, export of the current view.

- ``GET /timeline``: events per bin and ACLED (or PLOVER) type, bins chosen by the span.
- ``GET /countries``: the countries of the selected events, with names, for the country box.
- ``GET /places/search``: gazetteer places whose name starts with the typed text.
- ``GET /export``: the selected events as CSV, ACLED-CSV or GeoJSON, streamed as written
  (:mod:`eventwire.db.exports`), with the dashboard's filters and level.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from eventwire.api.deps import ERRORS, AppState, Filter, Reader, State
from eventwire.api.schemas import ErrorResponse
from eventwire.db.dashboard import INTERVALS, countries_present, timeline
from eventwire.db.exports import TEXT_WRITERS
from eventwire.db.filters import EventFilter

dashboard_router = APIRouter(responses={422: ERRORS[422]})

LevelQuery = Annotated[
    Literal["canonical", "report"],
    Query(description="canonical: each incident once (default); report: every report."),
]
# format name -> (writer of db.exports, media type, file suffix)
EXPORTS: dict[str, tuple[str, str, str]] = {
    "csv": ("csv", "text/csv; charset=utf-8", "csv"),
    "acled": ("acled-csv", "text/csv; charset=utf-8", "acled.csv"),
    "geojson": ("geojson", "application/geo+json", "geojson"),
}
CHUNK = 1 << 16  # characters sent at a time


@dashboard_router.get("/timeline", tags=["aggregates"])
def timeline_bins(
    reader: Reader,
    flt: Filter,
    level: LevelQuery = "canonical",
    by: Annotated[
        Literal["acled", "plover"], Query(description="Group by ACLED event type or PLOVER type.")
    ] = "acled",
    interval: Annotated[
        Literal["day", "week", "month", "year"] | None,
        Query(
            description="Bin size; default: from the span (day up to 3 months, week up to "
            "a year, month up to 10 years, then year)."
        ),
    ] = None,
) -> dict[str, Any]:
    """Events per time bin and type under the filters (canonical incidents by default)."""
    assert interval is None or interval in INTERVALS
    return timeline(reader.con, flt, level, by, interval)


@dashboard_router.get("/countries", tags=["aggregates"])
def countries(reader: Reader, flt: Filter, level: LevelQuery = "canonical") -> dict[str, Any]:
    """Countries of the selected events: ISO code, name, number of events."""
    return {"items": countries_present(reader.con, flt, level)}


@dashboard_router.get(
    "/places/search",
    tags=["aggregates"],
    responses={503: {"model": ErrorResponse, "description": "Gazetteer index not built"}},
)
def places_search(
    q: Annotated[str, Query(min_length=1, max_length=200, description="Start of a place name.")],
    country: Annotated[
        str | None, Query(max_length=100, description="Country name or ISO code.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> dict[str, Any]:
    """Gazetteer places (countries, provinces, towns) whose name starts with ``q``, largest
    first, with coordinates: the dashboard pans the map to one and filters around it."""
    from eventwire.db.countries import country_code
    from eventwire.pipeline.places.gazetteer.index import built_gazetteer
    from eventwire.pipeline.places.gazetteer.search import search

    code = country_code(country) if country else None
    return {"items": search(built_gazetteer(), q, code, limit)}


@dashboard_router.get(
    "/export",
    tags=["events"],
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}, "application/geo+json": {}}}},
)
def export(
    state: State,
    flt: Filter,
    format: Annotated[Literal["csv", "acled", "geojson"], Query()] = "csv",
    level: LevelQuery = "canonical",
) -> StreamingResponse:
    """The events of the current filter as a file, streamed as it is written: ``csv`` (the
    level's flat columns), ``acled`` (ACLED's columns) or ``geojson`` (points; events without
    coordinates have a null geometry). Analysts' reviews applied, rejected events left out."""
    writer, media, suffix = EXPORTS[format]
    name = f"eventwire-{level}-{date.today().isoformat()}.{suffix}"
    return StreamingResponse(
        _stream(state, writer, level, flt),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


class _Pipe:
    """A text file whose writes go, in chunks, into a queue read by the response."""

    def __init__(self, out: queue.Queue[bytes | BaseException | None], stop: threading.Event):
        self.out, self.stop = out, stop
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            self.put("".join(self.parts).encode("utf-8"))
            self.parts, self.size = [], 0

    def put(self, item: bytes | BaseException | None) -> None:
        """Queue ``item``; give up (stop the export) once the client has gone away."""
        while not self.stop.is_set():
            try:
                self.out.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise ConnectionAbortedError("the client stopped reading the export")


def _stream(state: AppState, writer: str, level: str, flt: EventFilter) -> Iterator[bytes]:
    """Run the export writer in a thread of its own (on a cursor of its own) and yield what
    it writes; closing the iterator (a client gone) stops the writer."""
    out: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=8)
    stop = threading.Event()
    pipe = _Pipe(out, stop)

    def run() -> None:
        try:
            with state.reader.cursor() as reader:
                TEXT_WRITERS[writer](reader.store, level, flt, pipe)  # type: ignore[arg-type]
            pipe.flush()
            pipe.put(None)
        except ConnectionAbortedError:
            return
        except BaseException as exc:  # handed to the response, which ends the stream
            pipe.put(exc)

    thread = threading.Thread(target=run, name="ew-export", daemon=True)
    thread.start()
    try:
        while (item := out.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
