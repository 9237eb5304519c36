"""Event filters shared by every endpoint and view, compiled to SQL over ``events e``.

>>> EventFilter(type=("ASSAULT",)).where()
('e.plover_type IN (?)', ['ASSAULT'])
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb

from eventwire.db.queries import contains, like
from eventwire.records.columns import REPORT

# The stored event columns the API returns: the spec's ``api`` columns (the others it
# lists — trigger, sentence, n_sources, review_status — are computed by the queries).
EVENT_COLUMNS: tuple[str, ...] = tuple(u.name for u in REPORT.stored() if "api" in u.exports)
SORTS: dict[str, str] = {
    "date": "e.date_start ASC NULLS LAST, e.event_id",
    "-date": "e.date_start DESC NULLS LAST, e.event_id",
    "fatalities": "e.fatalities ASC NULLS LAST, e.event_id",
    "-fatalities": "e.fatalities DESC NULLS LAST, e.event_id",
    "confidence": "e.confidence ASC NULLS LAST, e.event_id",
    "-confidence": "e.confidence DESC NULLS LAST, e.event_id",
    "id": "e.event_id",
}
INTERVALS: tuple[str, ...] = ("day", "week", "month")
SENTENCE = "json_extract_string(e.record, '$.sentence')"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters shared by /events, /stats, /map, /actors and /places."""

    start: date | None = None
    end: date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    country: tuple[str, ...] = ()
    admin1: str | None = None
    actor: str | None = None
    type: tuple[str, ...] = ()  # PLOVER types
    acled_type: tuple[str, ...] = ()
    sub_type: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    source: str | None = None
    speaker: str | None = None
    min_sources: int | None = None
    q: str | None = None
    doc_id: str | None = None

    def where(self, sources_sql: str | None = None) -> tuple[str, list[Any]]:
        """Return a SQL condition over ``events e`` and its parameters."""
        sql: list[str] = []
        params: list[Any] = []
        if self.start is not None:
            sql.append("coalesce(e.date_end, e.date_start) >= ?")
            params.append(self.start)
        if self.end is not None:
            sql.append("e.date_start <= ?")
            params.append(self.end)
        if self.bbox is not None:
            west, south, east, north = self.bbox
            sql.append("e.lat BETWEEN ? AND ?")
            params += [south, north]
            if west <= east:
                sql.append("e.lon BETWEEN ? AND ?")
                params += [west, east]
            else:  # crosses the antimeridian
                sql.append("(e.lon >= ? OR e.lon <= ?)")
                params += [west, east]
        for column, values in (
            ("e.country", tuple(v.upper() for v in self.country)),
            ("e.plover_type", tuple(v.upper() for v in self.type)),
            ("e.acled_event_type", self.acled_type),
            ("e.acled_sub_event_type", self.sub_type),
            ("e.modality", self.modality),
        ):
            if values:
                sql.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params += list(values)
        if self.admin1:
            sql.append("lower(e.admin1) = lower(?)")
            params.append(self.admin1)
        if self.actor:
            sql.append(f"({contains('e.actor1_name')} OR {contains('e.actor2_name')})")
            params += [like(self.actor), like(self.actor)]
        if self.source:
            sql.append(contains("e.source"))
            params.append(like(self.source))
        if self.speaker:
            sql.append(contains("e.attributed_to"))
            params.append(like(self.speaker))
        if self.q:
            # The sentence is the slice [sentence_start, sentence_end) of its document's
            # text: a semi-join on the documents first, then the slice (JSON parsing of
            # every record would be 5-10x slower).
            sql.append(
                "e.doc_id IN (SELECT d.doc_id FROM documents d WHERE d.text ILIKE ? ESCAPE '\\')"
            )
            sql.append(
                "EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = e.doc_id AND substr(d.text, "
                "e.sentence_start + 1, e.sentence_end - e.sentence_start) ILIKE ? ESCAPE '\\')"
            )
            params += [like(self.q), like(self.q)]
        if self.doc_id:
            sql.append("e.doc_id = ?")
            params.append(self.doc_id)
        if self.min_sources is not None and self.min_sources > 1:
            # Events not clustered (yet) count as one source, so they never match here.
            sql.append(f"e.event_id IN ({sources_sql})" if sources_sql else "FALSE")
            if sources_sql:
                params.append(self.min_sources)
        return " AND ".join(sql) or "TRUE", params


def iso(value: Any) -> str | None:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return None if value is None else str(value)


def dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description or ()]
    out = []
    for row in cur.fetchall():
        item = {}
        for key, value in zip(cols, row, strict=True):
            item[key] = value.isoformat() if isinstance(value, (date, datetime)) else value
        out.append(item)
    return out
