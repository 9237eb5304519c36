"""The one event filter: what ``export``, ``stats``, the HTTP API and the Python API select.

One vocabulary everywhere (CLI ``--since``, query ``?since=``, ``events(since=...)``); the
older names ``start``, ``end``, ``source`` and ``q`` are accepted as aliases. Every value is
checked once, in :meth:`EventFilter.from_options`, and bad ones raise a coded
:class:`~eventwire.errors.ConfigError`. :meth:`EventFilter.where` compiles the filter to a
parameterised SQL condition over the report-level (``events``) or canonical
(``canonical_events``) table.

``scope`` says which records count at all: ``all`` (every record, the default of the
filter, of exports and of the Python API) or ``conflict`` (what conflict views count: an
ACLED-typed, asserted incident that is neither a background recall nor an aggregate over
a long period; the default of ``stats``, the HTTP API and the dashboard). An event with a
PLOVER type but no ACLED type is a political interaction: kept in the store, but not a
conflict incident.

>>> flt = EventFilter.from_options({"since": "2024-03-01", "type": "assault,Attack"})
>>> sql, params = flt.where("report")
>>> sql.split(" AND ")[0], params
('coalesce(date_end, date_start) >= ?', [datetime.date(2024, 3, 1), 'ASSAULT', 'attack', 'attack'])
>>> EventFilter(scope="conflict").where("report")
('acled_event_type IS NOT NULL AND modality = ? AND NOT coalesce(background, false) \
AND NOT coalesce(aggregate, false)', ['asserted'])
>>> parse_bbox("44.0,33.0,45.0,34.0")
(44.0, 33.0, 45.0, 34.0)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal

from eventwire.db.countries import country_codes
from eventwire.db.textindex import sentence_condition
from eventwire.errors import ConfigError
from eventwire.ontology import load_ontology
from eventwire.records import MODALITIES, parse_iso_date

Level = Literal["report", "canonical"]
LEVELS: tuple[str, ...] = ("report", "canonical")
TABLES: dict[str, str] = {"report": "events", "canonical": "canonical_events"}
MAX_VALUES = 50  # values in one list filter (country, type, …)
# Older names of filters, still accepted: the HTTP API's, which came first there.
ALIASES: dict[str, str] = {"start": "since", "end": "until", "source": "outlet", "q": "text"}
Bbox = tuple[float, float, float, float]
SCOPES: tuple[str, ...] = ("conflict", "all")
# What a conflict view counts, as SQL and its parameters: ACLED-typed, asserted, not a
# background recall, not an aggregate (columns both levels have; NULL flags, from records
# coded before schema 3, read as false).
CONFLICT: tuple[str, list[Any]] = (
    "acled_event_type IS NOT NULL AND modality = ? "
    "AND NOT coalesce(background, false) AND NOT coalesce(aggregate, false)",
    ["asserted"],
)


def parse_date(value: date | str | None, name: str) -> date | None:
    """An ISO date (or None); anything else is a usage error.

    >>> parse_date("2024-03-01", "since")
    datetime.date(2024, 3, 1)
    """
    if value is None or isinstance(value, date):
        return value
    try:
        return parse_iso_date(str(value).strip())
    except ValueError:
        raise ConfigError(
            f"{name}={value!r} is not a date (use YYYY-MM-DD)", "EW-QRY-001"
        ) from None


def parse_bbox(value: str | Iterable[float | str] | None) -> Bbox | None:
    """``minlon,minlat,maxlon,maxlat`` in degrees → four floats; bad input is a usage error.

    Longitudes lie in [-180, 180]; ``minlon > maxlon`` is a box across the antimeridian.
    Latitudes lie in [-90, 90] with ``minlat <= maxlat``.
    """
    if value is None:
        return None
    parts: list[Any] = value.split(",") if isinstance(value, str) else list(value)
    try:
        nums = tuple(float(p) for p in parts)
    except (TypeError, ValueError):
        nums = ()
    if not (
        len(nums) == 4
        and all(math.isfinite(n) for n in nums)
        and -180 <= nums[0] <= 180
        and -180 <= nums[2] <= 180
        and -90 <= nums[1] <= nums[3] <= 90
    ):
        raise ConfigError(
            f"bbox {value!r} is not minlon,minlat,maxlon,maxlat in degrees with "
            "-180 <= lon <= 180 and -90 <= minlat <= maxlat <= 90 "
            "(e.g. 38.7,29.0,48.6,37.4 for Iraq)",
            "EW-QRY-002",
        )
    return nums[0], nums[1], nums[2], nums[3]


def parse_values(value: str | Iterable[str] | None, name: str) -> tuple[str, ...]:
    """``"IQ,SY"`` or ``["IQ", "SY"]`` → ``("IQ", "SY")``: stripped, empty ones dropped.

    >>> parse_values(" IQ, ,SY", "country")
    ('IQ', 'SY')
    """
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    out = tuple(v.strip() for v in items if v.strip())
    if len(out) > MAX_VALUES:
        raise ConfigError(
            f"{name} has {len(out)} values; at most {MAX_VALUES} are allowed", "EW-QRY-007"
        )
    return out


def parse_min_sources(value: int | str | None) -> int | None:
    """A whole number of at least 1 (or None)."""
    if value is None:
        return None
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if number is None or number < 1:
        raise ConfigError(
            f"min_sources={value!r} is not a whole number of at least 1", "EW-QRY-005"
        )
    return number


def parse_scope(value: str | None, default: str = "all") -> str:
    """``conflict`` or ``all`` (any case; None: ``default``); anything else is a usage error.

    >>> parse_scope(" Conflict ")
    'conflict'
    """
    if value is None:
        return default
    scope = str(value).strip().lower()
    if scope not in SCOPES:
        raise ConfigError(
            f"scope={value!r} is not one of {', '.join(SCOPES)} (conflict: ACLED-typed, "
            "asserted, non-background, non-aggregate incidents; all: every record)",
            "EW-QRY-010",
        )
    return scope


def contains(column: str) -> str:
    """SQL for ``column`` containing a :func:`like` pattern, case-insensitively."""
    return f"{column} ILIKE ? ESCAPE '\\'"


def like(text: str) -> str:
    """An ILIKE pattern matching ``text`` anywhere, with its wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _in(column: str, values: Iterable[Any]) -> tuple[str, list[Any]]:
    """``column IN (?, ?, …)`` and its parameters."""
    items = list(values)
    return f"{column} IN ({', '.join('?' for _ in items)})", items


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What to select; every field is optional and the given ones are combined with AND.

    List fields match any of their values. Text fields (``actor``, ``speaker``, ``outlet``,
    ``text``) match a part, case-insensitively, with ``%`` and ``_`` taken literally.
    """

    since: date | None = None  # events whose date range ends on or after this day
    until: date | None = None  # … and starts on or before this day
    country: tuple[str, ...] = ()  # ISO2 codes; names and alpha-3 codes are accepted too
    admin1: str | None = None  # first-level division, whole name, any case
    bbox: Bbox | None = None  # minlon, minlat, maxlon, maxlat
    type: tuple[str, ...] = ()  # PLOVER types, ACLED event types or sub-event types, any case
    acled_type: tuple[str, ...] = ()  # ACLED event types only, any case
    sub_type: tuple[str, ...] = ()  # ACLED sub-event types only, any case
    actor: str | None = None  # part of actor1's or actor2's name
    modality: tuple[str, ...] = ()  # asserted | habitual | hypothetical | negated | generic
    speaker: str | None = None  # part of who the event is attributed to
    outlet: str | None = None  # part of the reporting outlet (the document's source)
    text: str | None = None  # part of the event's sentence
    doc_id: str | None = None  # events of this document
    min_sources: int | None = None  # reported by at least this many outlets
    scope: str = "all"  # all records, or only conflict incidents (see the module docstring)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The filter names, in declaration order."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_options(cls, values: Mapping[str, Any], *, scope: str = "all") -> EventFilter:
        """Build from keyword, CLI or query values (strings accepted); ``None`` means unset.

        ``scope`` is the scope when the values do not give one (``all`` here, ``conflict``
        for the conflict views).

        Unknown names, a name given twice (``since`` and its alias ``start``) and bad values
        are :class:`ConfigError` with an ``EW-QRY-…`` code.
        """
        given = {k: v for k, v in values.items() if v is not None}
        known = set(cls.names())
        unknown = sorted(set(given) - known - set(ALIASES))
        if unknown:
            raise ConfigError(
                f"unknown filter {', '.join(unknown)}; known: {', '.join(sorted(known))}",
                "EW-QRY-003",
            )
        for alias, name in ALIASES.items():
            if alias in given:
                if name in given and str(given[name]).strip() != str(given[alias]).strip():
                    raise ConfigError(
                        f"{name} and its older name {alias} are both given; use {name}",
                        "EW-QRY-008",
                    )
                given[name] = given.pop(alias)
        since, until = (
            parse_date(given.get("since"), "since"),
            parse_date(given.get("until"), "until"),
        )
        if since and until and since > until:
            raise ConfigError(f"since {since} is after until {until}", "EW-QRY-009")
        modality = parse_values(given.get("modality"), "modality")
        bad = [m for m in modality if m not in MODALITIES]
        if bad:
            raise ConfigError(
                f"modality {', '.join(map(repr, bad))} is not one of {', '.join(MODALITIES)}",
                "EW-QRY-004",
            )
        return cls(
            since=since,
            until=until,
            country=country_codes(parse_values(given.get("country"), "country")),
            admin1=given.get("admin1") or None,
            bbox=parse_bbox(given.get("bbox")),
            type=parse_values(given.get("type"), "type"),
            acled_type=parse_values(given.get("acled_type"), "acled_type"),
            sub_type=parse_values(given.get("sub_type"), "sub_type"),
            actor=given.get("actor") or None,
            modality=modality,
            speaker=given.get("speaker") or None,
            outlet=given.get("outlet") or None,
            text=given.get("text") or None,
            doc_id=given.get("doc_id") or None,
            min_sources=parse_min_sources(given.get("min_sources")),
            scope=parse_scope(given.get("scope"), parse_scope(scope)),
        )

    def where(self, level: str = "report", text_index: bool = False) -> tuple[str, list[Any]]:
        """SQL condition (``TRUE`` when empty) and its parameters, over the level's table.

        The table is referred to by its name (``events`` or ``canonical_events``), so the
        query it goes into must not alias it. ``text_index``: the store's
        ``event_sentences`` table is up to date (:func:`eventwire.db.textindex.ensure`), so
        ``text`` scans it instead of the documents (same matches, less to read).
        """
        if level not in LEVELS:
            raise ConfigError(f"level {level!r} is not one of {', '.join(LEVELS)}", "EW-QRY-006")
        parts: list[tuple[str, list[Any]]] = [
            *self._event_parts(),
            *self._report_parts(level, text_index),
        ]
        if self.min_sources is not None and (level == "canonical" or self.min_sources > 1):
            if level == "canonical":
                parts.append(("n_sources >= ?", [self.min_sources]))
            else:  # an event not clustered (yet) counts as one source
                parts.append(
                    (
                        "event_id IN (SELECT m.event_id FROM canonical_members m JOIN "
                        "canonical_events c USING (canonical_id) WHERE c.n_sources >= ?)",
                        [self.min_sources],
                    )
                )
        sql = " AND ".join(p for p, _ in parts) or "TRUE"
        return sql, [v for _, values in parts for v in values]

    def _event_parts(self) -> list[tuple[str, list[Any]]]:
        """Conditions on columns both levels have."""
        parts: list[tuple[str, list[Any]]] = []
        if self.scope == "conflict":
            parts.append(CONFLICT)
        if self.since is not None:
            parts.append(("coalesce(date_end, date_start) >= ?", [self.since]))
        if self.until is not None:
            parts.append(("date_start <= ?", [self.until]))
        if self.country:
            parts.append(_in("country", self.country))
        if self.admin1:
            parts.append(("lower(admin1) = lower(?)", [self.admin1]))
        if self.bbox is not None:
            minlon, minlat, maxlon, maxlat = self.bbox
            parts.append(("lat BETWEEN ? AND ?", [minlat, maxlat]))
            if minlon <= maxlon:
                parts.append(("lon BETWEEN ? AND ?", [minlon, maxlon]))
            else:  # crosses the antimeridian
                parts.append(("(lon >= ? OR lon <= ?)", [minlon, maxlon]))
        if self.type:
            parts.append(_type_condition(self.type))
        if self.acled_type:
            parts.append(_in("lower(acled_event_type)", (v.lower() for v in self.acled_type)))
        if self.sub_type:
            parts.append(_in("lower(acled_sub_event_type)", (v.lower() for v in self.sub_type)))
        if self.actor:
            parts.append(
                (
                    f"({contains('actor1_name')} OR {contains('actor2_name')})",
                    [like(self.actor)] * 2,
                )
            )
        if self.modality:
            parts.append(_in("modality", self.modality))
        return parts

    def _report_parts(self, level: str, text_index: bool) -> list[tuple[str, list[Any]]]:
        """Conditions on what only report events have (a canonical event: one of its reports)."""
        table = "events" if level == "report" else "e"
        parts: list[tuple[str, list[Any]]] = []
        for column, value in (("attributed_to", self.speaker), ("source", self.outlet)):
            if value:
                parts.append((contains(f"{table}.{column}"), [like(value)]))
        if self.text and text_index:
            parts.append((sentence_condition(table, contains("s.sentence")), [like(self.text)]))
        elif self.text:
            # The sentence is the slice [sentence_start, sentence_end) of its document's
            # text: a semi-join on the documents first, then the slice (JSON parsing of
            # every record would be 5-10x slower).
            parts.append(
                (
                    f"{table}.doc_id IN (SELECT d.doc_id FROM documents d WHERE "
                    f"{contains('d.text')}) AND EXISTS (SELECT 1 FROM documents d WHERE "
                    f"d.doc_id = {table}.doc_id AND {contains(_SENTENCE.format(t=table))})",
                    [like(self.text)] * 2,
                )
            )
        if self.doc_id:
            parts.append((f"{table}.doc_id = ?", [self.doc_id]))
        if level == "report" or not parts:
            return parts
        members = " AND ".join(p for p, _ in parts)
        return [
            (
                "canonical_id IN (SELECT m.canonical_id FROM canonical_members m "
                f"JOIN events e USING (event_id) WHERE {members})",
                [v for _, values in parts for v in values],
            )
        ]


_SENTENCE = "substr(d.text, {t}.sentence_start + 1, {t}.sentence_end - {t}.sentence_start)"


def _type_condition(values: tuple[str, ...]) -> tuple[str, list[Any]]:
    """Each value is a PLOVER type, an ACLED event type or an ACLED sub-event type.

    PLOVER names (no ACLED name equals one, in any case) become a plain ``plover_type IN``
    that DuckDB pushes into the scan; other values are compared with both ACLED columns.
    """
    onto = load_ontology()
    plover = {*onto.plover, *onto.retired}  # a retired name (FIGHT) selects its successor
    codes = [onto.canonical_type(v.upper()) for v in values if v.upper() in plover]
    names = [v.lower() for v in values if v.upper() not in plover]
    parts: list[tuple[str, list[Any]]] = []
    if codes:
        parts.append(_in("plover_type", codes))
    if names:
        acled, _ = _in("lower(acled_event_type)", names)
        sub, _ = _in("lower(acled_sub_event_type)", names)
        parts.append((f"{acled} OR {sub}", [*names, *names]))
    if len(parts) == 1 and not names:
        return parts[0]
    return f"({' OR '.join(p for p, _ in parts)})", [v for _, vs in parts for v in vs]
