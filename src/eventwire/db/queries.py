"""Filters over report-level and canonical events, shared by export, stats and the Python API.

>>> sql, params = EventFilter(since=date(2024, 3, 1), type="ASSAULT").where("report")
>>> sql.split(" AND ")[0], params[:2]
('coalesce(date_end, date_start) >= ?', [datetime.date(2024, 3, 1), 'ASSAULT'])
>>> parse_bbox("44.0,33.0,45.0,34.0")
(44.0, 33.0, 45.0, 34.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal

from eventwire.errors import ConfigError
from eventwire.records import MODALITIES
from eventwire.records.columns import CANONICAL, REPORT

Level = Literal["report", "canonical"]
_PLOVER_NAME = re.compile(r"[A-Z]+")  # PLOVER types are upper-case words: ASSAULT, PROTEST
LEVELS: tuple[str, ...] = ("report", "canonical")
TABLES: dict[str, str] = {"report": "events", "canonical": "canonical_events"}

# Flat columns of each level (CSV, Parquet, the Python API, GeoJSON properties): the spec's.
REPORT_COLUMNS: tuple[str, ...] = REPORT.names("flat")
CANONICAL_COLUMNS: tuple[str, ...] = CANONICAL.names("flat")
COLUMNS: dict[str, tuple[str, ...]] = {"report": REPORT_COLUMNS, "canonical": CANONICAL_COLUMNS}
ORDER: dict[str, str] = {
    "report": "doc_id, sentence_start, event_id",
    "canonical": "date_start, canonical_id",
}


def parse_date(value: date | str | None, name: str) -> date | None:
    """An ISO date (or None); anything else is a usage error."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(
            f"{name}={value!r} is not a date (use YYYY-MM-DD)", "EW-QRY-001"
        ) from None


def parse_bbox(value: str | tuple[float, ...] | list[float] | None) -> tuple[float, ...] | None:
    """``minlon,minlat,maxlon,maxlat`` → a tuple of floats; bad input is a usage error."""
    if value is None:
        return None
    parts: list[Any] = value.split(",") if isinstance(value, str) else list(value)
    try:
        nums = tuple(float(p) for p in parts)
    except (TypeError, ValueError):
        nums = ()
    ok = (
        len(nums) == 4
        and all(math.isfinite(n) for n in nums)
        and -180 <= nums[0] <= 180
        and -180 <= nums[2] <= 180
        and -90 <= nums[1] <= nums[3] <= 90
    )
    if not ok:
        raise ConfigError(
            f"bbox {value!r} is not minlon,minlat,maxlon,maxlat in degrees "
            "(e.g. 38.7,29.0,48.6,37.4 for Iraq)",
            "EW-QRY-002",
        )
    return nums


def contains(column: str) -> str:
    """SQL for ``column`` containing a :func:`like` pattern, case-insensitively."""
    return f"{column} ILIKE ? ESCAPE '\\'"


def like(text: str) -> str:
    """An ILIKE pattern matching ``text`` anywhere, with its wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class EventFilter:
    """What to select; every field is optional and the given ones are combined with AND."""

    since: date | None = None  # events whose date range ends on or after this day
    until: date | None = None  # … and starts on or before this day
    country: str | None = None  # ISO2 code (case-insensitive); several: "IQ,SY"
    bbox: tuple[float, ...] | None = None  # minlon, minlat, maxlon, maxlat
    type: str | None = None  # PLOVER type, ACLED event type or ACLED sub-event type
    actor: str | None = None  # substring of actor1 or actor2 name, case-insensitive
    min_sources: int | None = None  # canonical: n_sources; report: its canonical event's
    modality: str | None = None  # asserted | habitual | hypothetical | negated | generic
    speaker: str | None = None  # substring of who the event is attributed to
    outlet: str | None = None  # substring of the reporting outlet (document source)

    @classmethod
    def from_options(cls, values: Mapping[str, Any]) -> EventFilter:
        """Build from keyword/CLI values (strings accepted); unknown names are an error."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(
                f"unknown filter {', '.join(unknown)}; known: {', '.join(sorted(known))}",
                "EW-QRY-003",
            )
        modality = values.get("modality")
        if modality is not None and modality not in MODALITIES:
            raise ConfigError(
                f"modality {modality!r} is not one of {', '.join(MODALITIES)}", "EW-QRY-004"
            )
        min_sources = values.get("min_sources")
        if min_sources is not None:
            try:
                min_sources = int(min_sources)
            except (TypeError, ValueError):
                raise ConfigError(
                    f"min_sources={min_sources!r} is not a number", "EW-QRY-005"
                ) from None
        return cls(
            since=parse_date(values.get("since"), "since"),
            until=parse_date(values.get("until"), "until"),
            country=values.get("country") or None,
            bbox=parse_bbox(values.get("bbox")),
            type=values.get("type") or None,
            actor=values.get("actor") or None,
            min_sources=min_sources,
            modality=modality,
            speaker=values.get("speaker") or None,
            outlet=values.get("outlet") or None,
        )

    def where(self, level: str = "report") -> tuple[str, list[Any]]:
        """SQL condition (``TRUE`` when empty) and its parameters, for the level's table."""
        if level not in LEVELS:
            raise ConfigError(f"level {level!r} is not one of {', '.join(LEVELS)}", "EW-QRY-006")
        parts: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            parts.append("coalesce(date_end, date_start) >= ?")
            params.append(self.since)
        if self.until is not None:
            parts.append("date_start <= ?")
            params.append(self.until)
        if self.country:
            codes = [c.strip().upper() for c in self.country.split(",") if c.strip()]
            parts.append(f"country IN ({', '.join('?' for _ in codes)})")
            params.extend(codes)
        if self.bbox is not None:
            minlon, minlat, maxlon, maxlat = self.bbox
            parts.append("lat BETWEEN ? AND ?")
            params.extend([minlat, maxlat])
            if minlon <= maxlon:
                parts.append("lon BETWEEN ? AND ?")
                params.extend([minlon, maxlon])
            else:  # crosses the antimeridian
                parts.append("(lon >= ? OR lon <= ?)")
                params.extend([minlon, maxlon])
        if self.type and _PLOVER_NAME.fullmatch(self.type):
            parts.append("plover_type = ?")  # a plain equality DuckDB pushes into the scan
            params.append(self.type)
        elif self.type:
            parts.append(
                "(plover_type = ? OR lower(acled_event_type) = ? "
                "OR lower(acled_sub_event_type) = ?)"
            )
            params.extend([self.type.upper(), self.type.lower(), self.type.lower()])
        if self.actor:
            parts.append(f"({contains('actor1_name')} OR {contains('actor2_name')})")
            params.extend([like(self.actor), like(self.actor)])
        if self.modality:
            parts.append("modality = ?")
            params.append(self.modality)
        for column, value in (("attributed_to", self.speaker), ("source", self.outlet)):
            if not value:
                continue
            condition = contains(column)
            if level == "canonical":  # a canonical event matches when one of its reports does
                condition = (
                    "canonical_id IN (SELECT m.canonical_id FROM canonical_members m "
                    f"JOIN events e USING (event_id) WHERE e.{condition})"
                )
            parts.append(condition)
            params.append(like(value))
        if self.min_sources is not None:
            if level == "canonical":
                parts.append("n_sources >= ?")
            else:
                parts.append(
                    "event_id IN (SELECT m.event_id FROM canonical_members m JOIN "
                    "canonical_events c USING (canonical_id) WHERE c.n_sources >= ?)"
                )
            params.append(self.min_sources)
        return (" AND ".join(parts) or "TRUE"), params


def select_sql(
    level: str,
    flt: EventFilter,
    columns: tuple[str, ...] | None = None,
    extra: tuple[str, ...] = (),
) -> tuple[str, list[Any]]:
    """``SELECT columns FROM <level table> WHERE … ORDER BY …`` and its parameters."""
    where, params = flt.where(level)
    cols = ", ".join((*(columns or COLUMNS[level]), *extra))
    table = TABLES[level]
    if where != "TRUE":
        # Filter on the narrow columns first, then read the wide ones (the JSON record) only
        # for matching rows: DuckDB turns the rowid semi-join into a late materialisation.
        where = f"rowid IN (SELECT rowid FROM {table} WHERE {where})"
    return f"SELECT {cols} FROM {table} WHERE {where} ORDER BY {ORDER[level]}", params
