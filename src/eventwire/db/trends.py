"""Trends and alerts over canonical conflict incidents: what changed in the last window.

ACLED's Early Warning Dashboard and HDX Signals answer three questions every morning; this
module answers them over the store's canonical events (one per real incident), in the
conflict scope (:data:`~eventwire.db.filters.CONFLICT`), with every other filter honoured:

``areas``
    per country and first-level division (admin1): the incidents and fatalities in the
    window, the mean over the ``baseline_windows`` windows before it, the change, and a level
    (:func:`level_of` states the rule);
``new_actors``
    coded actors (a dictionary id that is not a generic one such as Unidentified Armed Group,
    Civilians or Protesters) in an incident of the window that no earlier incident in the
    store names, with the day and area they were first seen;
``spikes``
    areas whose window fatalities exceed the most killed in any earlier window of the same
    length (all history), with at least ``spike_floor`` killed.

Windows are aligned on ``as_of``: window 0 is the ``window_days`` days ending on ``as_of``
(inclusive), window *k* the ``window_days`` days before window *k-1*. An incident counts in
the window holding its first day (``date_start``); an incident dated less precisely than
the window (its date range spans ``window_days`` days or more, e.g. "in June" against a
week) cannot be placed in one and is counted in ``imprecise`` instead.

>>> level_of(8, 1.0, TrendOptions(as_of=date(2025, 6, 1)))
'large increase'
>>> level_of(2, 0.0, TrendOptions(as_of=date(2025, 6, 1)))
'stable'
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

import duckdb

from eventwire.db.filters import EventFilter, parse_date
from eventwire.errors import ConfigError

__all__ = ["LEVELS", "TrendOptions", "compute_trends", "level_of"]

LEVELS: tuple[str, ...] = ("large increase", "moderate increase", "stable", "decrease")
LARGE = 0.25  # a change above +25% is a large increase
MODERATE = 0.10  # +10% to +25% a moderate one; -10% or less a decrease
MAX_WINDOW_DAYS = 366
MAX_BASELINE_WINDOWS = 104


@dataclass(frozen=True, slots=True)
class TrendOptions:
    """What to compare: the window ending on ``as_of`` against the ones before it."""

    as_of: date
    window_days: int = 7
    baseline_windows: int = 4
    min_events: int = 3  # fewer incidents both in the window and in the baseline: stable
    spike_floor: int = 10  # fewer window fatalities are never a spike

    @classmethod
    def from_options(cls, values: dict[str, Any]) -> TrendOptions:
        """Build from CLI or query values (strings accepted; None: the default); bad values
        raise :class:`ConfigError` (``EW-QRY-001`` for the date, ``EW-QRY-012`` otherwise)."""
        as_of = parse_date(values.get("as_of"), "as_of") or date.today()
        limits = {
            "window_days": (1, MAX_WINDOW_DAYS),
            "baseline_windows": (1, MAX_BASELINE_WINDOWS),
            "min_events": (1, 1_000_000),
            "spike_floor": (1, 10_000_000),
        }
        numbers: dict[str, int] = {}
        for name, (low, high) in limits.items():
            value = values.get(name)
            if value is None:
                continue
            number = _whole(value)
            if number is None or not low <= number <= high:
                raise ConfigError(
                    f"{name}={value!r} is not a whole number from {low} to {high:,}",
                    "EW-QRY-012",
                )
            numbers[name] = number
        return cls(as_of=as_of, **numbers)

    @property
    def window(self) -> tuple[date, date]:
        """First and last day of the window (inclusive)."""
        return self.as_of - timedelta(days=self.window_days - 1), self.as_of

    @property
    def baseline(self) -> tuple[date, date]:
        """First and last day of the baseline windows (inclusive)."""
        start = self.as_of - timedelta(days=self.window_days * (self.baseline_windows + 1) - 1)
        return start, self.window[0] - timedelta(days=1)


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def change_of(current: float, baseline: float) -> float | None:
    """The relative change from the baseline mean (0.5 = +50%); None when the mean is 0."""
    return None if baseline <= 0 else (current - baseline) / baseline


def level_of(events: int, baseline_mean: float, options: TrendOptions) -> str:
    """The level of an area, from its incidents in the window and their baseline mean.

    * Floor: when neither the window's incidents nor the baseline mean reach ``min_events``
      (3), the area is ``stable``: a handful of incidents moves any percentage.
    * Baseline mean 0 (nothing in the baseline windows) with ``min_events`` or more in the
      window: ``large increase`` (new activity; the change is reported as null).
    * Otherwise, with change = (window - mean) / mean: above +25% ``large increase``; from
      +10% to +25% ``moderate increase``; -10% or less ``decrease``; else ``stable``.
    """
    if max(events, baseline_mean) < options.min_events:
        return "stable"
    change = change_of(events, baseline_mean)
    if change is None:
        return "large increase"
    if change > LARGE:
        return "large increase"
    if change >= MODERATE:
        return "moderate increase"
    if change <= -MODERATE:
        return "decrease"
    return "stable"


# Conflict incidents of the filter dated on or before as_of, precise enough for a window,
# with their window number k (0: the current window).
_WINDOWED = (
    "SELECT canonical_id, country, admin1, lat, lon, coalesce(fatalities, 0) AS killed, "
    "date_diff('day', date_start, ?::DATE) // ? AS k FROM canonical_events "
    "WHERE {where} AND date_start IS NOT NULL AND date_start <= ? "
    "AND date_diff('day', date_start, coalesce(date_end, date_start)) < ?"
)


def compute_trends(
    con: duckdb.DuckDBPyConnection, options: TrendOptions, flt: EventFilter | None = None
) -> dict[str, Any]:
    """Areas with their change and level, new actors and fatality spikes (a JSON object).

    ``flt`` selects the incidents (its scope is always ``conflict``); ``since`` and
    ``until`` in it narrow the history the spikes compare against too. New actors are new
    to the whole store: the filter chooses the window's incidents, not the history.
    """
    flt = replace(flt or EventFilter(), scope="conflict")
    where, params = flt.where("canonical")
    windowed = _WINDOWED.format(where=where)
    wparams = [options.as_of, options.window_days, *params, options.as_of, options.window_days]
    areas = _areas(con, windowed, wparams, options)
    start, end = options.window
    base_start, base_end = options.baseline
    return {
        "as_of": options.as_of.isoformat(),
        "scope": "conflict",
        "unit": "canonical conflict incidents",
        "window": {"start": start.isoformat(), "end": end.isoformat(), "days": options.window_days},
        "baseline": {
            "start": base_start.isoformat(),
            "end": base_end.isoformat(),
            "windows": options.baseline_windows,
        },
        "rule": {
            "large_increase_above": LARGE,
            "moderate_increase_from": MODERATE,
            "decrease_at_or_below": -MODERATE,
            "min_events": options.min_events,
            "spike_floor": options.spike_floor,
        },
        "totals": _totals(con, where, params, options, areas),
        "areas": areas,
        "new_actors": _new_actors(con, where, params, options),
        "spikes": _spikes(areas, options),
    }


def _areas(
    con: duckdb.DuckDBPyConnection, windowed: str, params: list[Any], options: TrendOptions
) -> list[dict[str, Any]]:
    """Every area with incidents in the window or the baseline, most alarming first."""
    b = options.baseline_windows
    rows = con.execute(
        f"WITH f AS ({windowed} AND country IS NOT NULL), "
        "per_k AS (SELECT country, admin1, k, count(*) AS n, sum(killed) AS killed, "
        "sum(lat) AS lat_sum, sum(lon) AS lon_sum, count(lat) AS located "
        "FROM f GROUP BY ALL) "
        "SELECT country, admin1, "
        "coalesce(sum(n) FILTER (WHERE k = 0), 0), "
        "coalesce(sum(killed) FILTER (WHERE k = 0), 0), "
        "coalesce(sum(n) FILTER (WHERE k BETWEEN 1 AND ?), 0), "
        "coalesce(sum(killed) FILTER (WHERE k BETWEEN 1 AND ?), 0), "
        "coalesce(max(killed) FILTER (WHERE k >= 1), 0), "
        "count(*) FILTER (WHERE k >= 1), "
        "sum(lat_sum) FILTER (WHERE k <= ?) / nullif(sum(located) FILTER (WHERE k <= ?), 0), "
        "sum(lon_sum) FILTER (WHERE k <= ?) / nullif(sum(located) FILTER (WHERE k <= ?), 0) "
        "FROM per_k GROUP BY country, admin1 "
        "HAVING count(*) FILTER (WHERE k <= ?) > 0",
        [*params, b, b, b, b, b, b, b],
    ).fetchall()
    out = []
    for country, admin1, n, killed, base_n, base_killed, hist_max, active, lat, lon in rows:
        mean_n, mean_killed = base_n / b, base_killed / b
        change = change_of(n, mean_n)
        killed_change = change_of(killed, mean_killed)
        out.append(
            {
                "country": country,
                "admin1": admin1,
                "events": int(n),
                "fatalities": int(killed),
                "baseline_events": round(mean_n, 2),
                "baseline_fatalities": round(mean_killed, 2),
                "events_change": None if change is None else round(change, 3),
                "fatalities_change": None if killed_change is None else round(killed_change, 3),
                "level": level_of(int(n), mean_n, options),
                "max_earlier_fatalities": int(hist_max),
                "earlier_active_windows": int(active),
                "lat": None if lat is None else round(float(lat), 4),
                "lon": None if lon is None else round(float(lon), 4),
            }
        )
    rank = {level: i for i, level in enumerate(LEVELS)}
    out.sort(
        key=lambda a: (
            rank[a["level"]],
            -a["events"],
            -a["fatalities"],
            a["country"],
            a["admin1"] or "",
        )
    )
    return out


def _totals(
    con: duckdb.DuckDBPyConnection,
    where: str,
    params: list[Any],
    options: TrendOptions,
    areas: list[dict[str, Any]],
) -> dict[str, Any]:
    """Incidents and fatalities in the window, the areas at each level, and what was left
    out: window incidents without a country, and incidents overlapping the window that are
    dated less precisely than a window."""
    start, end = options.window
    row = con.execute(
        "SELECT count(*) FILTER (WHERE country IS NULL AND span < ? AND date_start >= ?), "
        "count(*) FILTER (WHERE span >= ? AND coalesce(date_end, date_start) >= ?) "
        "FROM (SELECT country, date_start, date_end, "
        "date_diff('day', date_start, coalesce(date_end, date_start)) AS span "
        f"FROM canonical_events WHERE {where} AND date_start <= ?)",
        [options.window_days, start, options.window_days, start, *params, end],
    ).fetchone()
    assert row is not None
    counts = {level: sum(1 for a in areas if a["level"] == level) for level in LEVELS}
    return {
        "events": sum(a["events"] for a in areas),
        "fatalities": sum(a["fatalities"] for a in areas),
        "areas_by_level": counts,
        "without_country": int(row[0]),
        "imprecise": int(row[1]),
    }


def _spikes(areas: list[dict[str, Any]], options: TrendOptions) -> list[dict[str, Any]]:
    """Areas whose window fatalities exceed their earlier maximum and the floor."""
    found = [
        {
            "country": a["country"],
            "admin1": a["admin1"],
            "fatalities": a["fatalities"],
            "max_earlier_fatalities": a["max_earlier_fatalities"],
            "earlier_active_windows": a["earlier_active_windows"],
            "lat": a["lat"],
            "lon": a["lon"],
        }
        for a in areas
        if a["fatalities"] >= options.spike_floor and a["fatalities"] > a["max_earlier_fatalities"]
    ]
    return sorted(found, key=lambda s: (-s["fatalities"], s["country"], s["admin1"] or ""))


@cache
def generic_actor_ids() -> tuple[str, ...]:
    """Ids of the packaged dictionary's generic actors (Unidentified Armed Group, Civilians,
    Protesters, …): they are never new actors."""
    from eventwire.pipeline.common.actordict import load_actor_dictionary

    return tuple(sorted(i for i, e in load_actor_dictionary().by_id.items() if e.generic))


def _new_actors(
    con: duckdb.DuckDBPyConnection, where: str, params: list[Any], options: TrendOptions
) -> list[dict[str, Any]]:
    """Coded actors of the window's incidents that no earlier incident in the store names."""
    start, end = options.window
    generic = generic_actor_ids()
    marks = ", ".join("?" for _ in generic) or "NULL"
    roles = " UNION ALL ".join(
        f"SELECT canonical_id, json_extract_string(record, '$.actor{r}.id') AS actor_id, "
        f"actor{r}_name AS name, actor{r}_inter AS inter, date_start, country, admin1 "
        "FROM canonical_events WHERE date_start IS NOT NULL"
        for r in (1, 2)
    )
    rows = con.execute(
        f"WITH a AS (SELECT * FROM ({roles}) WHERE actor_id IS NOT NULL "
        f"AND actor_id NOT IN ({marks})), "
        f"w AS (SELECT canonical_id FROM canonical_events WHERE {where} "
        "AND date_start BETWEEN ? AND ?) "
        "SELECT actor_id, arg_min(name, date_start), arg_min(inter, date_start), "
        "min(date_start), arg_min(country, date_start), arg_min(admin1, date_start), "
        "count(DISTINCT canonical_id) "
        "FROM a WHERE a.canonical_id IN (SELECT canonical_id FROM w) "
        "AND a.date_start BETWEEN ? AND ? "
        "AND NOT EXISTS (SELECT 1 FROM a AS earlier WHERE earlier.actor_id = a.actor_id "
        "AND earlier.date_start < ?) "
        "GROUP BY actor_id ORDER BY min(date_start), actor_id",
        [*generic, *params, start, end, start, end, start],
    ).fetchall()
    return [
        {
            "actor_id": actor_id,
            "name": name,
            "inter": inter,
            "first_seen": first.isoformat(),
            "country": country,
            "admin1": admin1,
            "events": int(n),
        }
        for actor_id, name, inter, first, country, admin1, n in rows
    ]
