"""``GET /trends``: change per area, new actors, fatality spikes (:mod:`eventwire.db.trends`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from eventwire.api.deps import ERRORS, Filter, Reader
from eventwire.db.trends import MAX_BASELINE_WINDOWS, MAX_WINDOW_DAYS, TrendOptions, compute_trends
from eventwire.errors import ConfigError

trends_router = APIRouter(responses={422: ERRORS[422]})


@trends_router.get("/trends", tags=["aggregates"])
def trends(
    reader: Reader,
    flt: Filter,
    as_of: Annotated[
        date | None, Query(description="Last day of the window (default: today).")
    ] = None,
    window_days: Annotated[
        int, Query(ge=1, le=MAX_WINDOW_DAYS, description="Days in each window.")
    ] = 7,
    baseline_windows: Annotated[
        int,
        Query(ge=1, le=MAX_BASELINE_WINDOWS, description="Windows before it to average."),
    ] = 4,
    min_events: Annotated[
        int,
        Query(ge=1, le=1_000_000, description="Fewer incidents on both sides: stable."),
    ] = 3,
    spike_floor: Annotated[
        int, Query(ge=1, le=10_000_000, description="Fewest window fatalities for a spike.")
    ] = 10,
) -> dict[str, Any]:
    """Per country and admin1: incidents and fatalities in the window against the mean of
    the windows before it, with a level (large increase, moderate increase, stable,
    decrease); coded actors new to the store; areas whose fatalities exceed their earlier
    maximum. Counts canonical conflict incidents; the event filters apply (scope is always
    conflict)."""
    try:
        options = TrendOptions.from_options(
            {
                "as_of": as_of,
                "window_days": window_days,
                "baseline_windows": baseline_windows,
                "min_events": min_events,
                "spike_floor": spike_floor,
            }
        )
    except ConfigError as exc:  # answered as the other invalid queries are
        raise HTTPException(422, {"code": "EW-API-422", "message": str(exc)}) from None
    return compute_trends(reader.con, options, flt)
