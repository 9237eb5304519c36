"""The column spec: every flat column of the two events tables, declared once.

A :class:`Column` is a name and a DuckDB type (the Arrow and Python types follow from it).
A :class:`Level` is one table — ``report`` (``events``) or ``canonical``
(``canonical_events``) — as an ordered tuple of :class:`Use`: which columns the table holds
in storage order, how each is read off the level's typed record (a path such as
``actor1.name|actor1.text``: the first that is set, like ``or``), its constraint, the
schema version that added it, and which outputs carry it:

``flat``     the level's flat columns: CSV, Parquet, GeoJSON properties, the Python API
``parquet``  the Parquet export besides the flat columns (the JSON ``record``)
``geojson``  GeoJSON properties besides the flat columns (the ``sentence``)
``api``      the items of the HTTP API's ``/events``

A use that is not ``stored`` is read from the JSON record when selected (``sentence``) or
filled by the reader (the API's ``n_sources``). Everything that lists columns — the DuckDB
DDL, the store's rows and Arrow schema, the v2 migration, the exports, ``REPORT_COLUMNS`` /
``CANONICAL_COLUMNS`` and the OpenAPI model of ``/events`` — is derived from here, and
:data:`ACLED_FIELDS` says how a record flattens to ACLED's CSV columns.

>>> REPORT.names("flat")[:3]
('event_id', 'doc_id', 'source_id')
>>> REPORT.use("actor1_name").path
'actor1.name|actor1.text'
>>> CANONICAL.sql_expr("sentence")
"json_extract_string(record, '$.sentence')"
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

EXPORTS: tuple[str, ...] = ("flat", "parquet", "geojson", "api")
FLAT_AND_API: frozenset[str] = frozenset({"flat", "api"})  # what most columns go to
_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?")

# DuckDB type -> (Arrow type factory name, Python type)
_TYPES: dict[str, tuple[str, type]] = {
    "VARCHAR": ("string", str),
    "JSON": ("string", str),
    "INTEGER": ("int32", int),
    "BIGINT": ("int64", int),
    "DOUBLE": ("float64", float),
    "DATE": ("date32", dt.date),
    "TIMESTAMP": ("timestamp", dt.datetime),
    "BOOLEAN": ("bool_", bool),
}


@dataclass(frozen=True, slots=True)
class Column:
    """A flat column: its name, DuckDB type and meaning (the same at every level)."""

    name: str
    sql: str  # DuckDB type
    doc: str = ""

    @property
    def python(self) -> type:
        return _TYPES[self.sql][1]

    def arrow(self) -> pa.DataType:
        """The Arrow type of the column (pyarrow is imported only when asked)."""
        import pyarrow as pa

        factory = _TYPES[self.sql][0]
        return pa.timestamp("us") if factory == "timestamp" else getattr(pa, factory)()


def _columns(*columns: Column) -> dict[str, Column]:
    return {c.name: c for c in columns}


# fmt: off
COLUMNS: dict[str, Column] = _columns(
    Column("event_id", "VARCHAR", "hash of (doc_id, trigger span, PLOVER type)"),
    Column("canonical_id", "VARCHAR", "hash of the smallest member event_id"),
    Column("component_id", "VARCHAR", "candidate-graph component (unit of re-clustering)"),
    Column("doc_id", "VARCHAR", "hash of the document text"),
    Column("source_id", "VARCHAR", "the input's own id, if it had one"),
    Column("plover_type", "VARCHAR"),
    Column("plover_mode", "VARCHAR"),
    Column("acled_event_type", "VARCHAR"),
    Column("acled_sub_event_type", "VARCHAR"),
    Column("cameo_root", "VARCHAR"),
    Column("actor1_id", "VARCHAR", "actor dictionary id"),
    Column("actor1_name", "VARCHAR"),
    Column("actor1_inter", "INTEGER", "ACLED inter code 1..8"),
    Column("actor2_id", "VARCHAR"),
    Column("actor2_name", "VARCHAR"),
    Column("actor2_inter", "INTEGER"),
    Column("location_name", "VARCHAR"),
    Column("geonameid", "BIGINT"),
    Column("country", "VARCHAR", "ISO2"),
    Column("admin1", "VARCHAR"),
    Column("lat", "DOUBLE"),
    Column("lon", "DOUBLE"),
    Column("geo_precision", "INTEGER", "ACLED geo precision 1 town, 2 near/region, 3 province+"),
    Column("date_start", "DATE"),
    Column("date_end", "DATE"),
    Column("date_precision", "VARCHAR"),
    Column("fatalities", "INTEGER", "best estimate"),
    Column("fatalities_low", "INTEGER"),
    Column("fatalities_high", "INTEGER"),
    Column("modality", "VARCHAR", "asserted | habitual | hypothetical | negated | generic"),
    Column("attributed_to", "VARCHAR", "who claims the event"),
    Column("source", "VARCHAR", "outlet of the document"),
    Column("confidence", "DOUBLE"),
    Column("sentence_start", "INTEGER"),
    Column("sentence_end", "INTEGER"),
    Column("published", "DATE", "publication date of the document"),
    Column("n_reports", "INTEGER", "contributing report-level events (= documents)"),
    Column("n_sources", "INTEGER", "distinct outlets (a document without one counts once)"),
    Column("first_published", "DATE"),
    Column("last_published", "DATE"),
    Column("record", "JSON", "the full JSON record of the level"),
    Column("pipeline_version", "VARCHAR"),
    Column("data_versions", "JSON"),
    Column("clustered_at", "TIMESTAMP"),
    Column("trigger", "VARCHAR", "the words naming the event"),
    Column("sentence", "VARCHAR", "the sentence the event was found in"),
    Column("review_status", "VARCHAR", "latest analyst review action"),
    Column("sources", "VARCHAR", "JSON list of the outlets carrying the document"),
    Column("background", "BOOLEAN", "an incident recalled well before publication"),
    Column("aggregate", "BOOLEAN", "a total over a long period, not one incident"),
)
# fmt: on


@dataclass(frozen=True, slots=True)
class Use:
    """A column's place in one level: where its value comes from and who carries it."""

    name: str
    path: str | None  # into the level's record; None: given by the writer or the reader
    exports: frozenset[str] = FLAT_AND_API
    constraint: str = ""  # "PRIMARY KEY" | "NOT NULL"
    since: int = 1  # schema version that added the column
    stored: bool = True

    @property
    def column(self) -> Column:
        return COLUMNS[self.name]

    def value(self, record: Any) -> Any:
        """The column's value read off a typed record (``a|b``: ``a or b``)."""
        if self.path is None:
            raise KeyError(f"column {self.name!r} is not read from the record")
        alternatives = [_get(record, p) for p in _alternatives(self.path)]
        value = alternatives[0]
        for other in alternatives[1:]:
            value = value or other
        return value

    def json_path(self) -> str:
        """The path as a DuckDB JSON path (first alternative): ``$.span[0]``."""
        if self.path is None:
            raise KeyError(f"column {self.name!r} is not read from the record")
        return "$." + self.path.split("|")[0]


@functools.cache
def _alternatives(path: str) -> tuple[str, ...]:
    return tuple(path.split("|"))


@functools.cache
def _steps(path: str) -> tuple[tuple[str, int | None], ...]:
    """A path's attributes and indices (``span[0].x``: ``("span", 0), ("x", None)``), read
    once per path rather than once per row."""
    steps: list[tuple[str, int | None]] = []
    for part in path.split("."):
        match = _PART.fullmatch(part)
        if match is None:
            raise ValueError(f"bad record path {path!r}")
        steps.append((match[1], None if match[2] is None else int(match[2])))
    return tuple(steps)


def _get(record: Any, path: str) -> Any:
    value = record
    for name, index in _steps(path):
        value = getattr(value, name, None)
        if value is not None and index is not None:
            value = value[index]
        if value is None:
            return None
    return value


def _use(name: str, path: str | None = "", **kwargs: Any) -> Use:
    """A :class:`Use` whose path is the column's own name unless given (None: no path)."""
    return Use(name, name if path == "" else path, **kwargs)


_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Level:
    """One events table: the level's name, its table, key and columns in storage order."""

    name: str
    table: str
    key: str
    uses: tuple[Use, ...]

    def use(self, name: str) -> Use:
        for u in self.uses:
            if u.name == name:
                return u
        raise KeyError(f"no column {name!r} at level {self.name!r}")

    def stored(self) -> tuple[Use, ...]:
        return tuple(u for u in self.uses if u.stored)

    def names(self, export: str) -> tuple[str, ...]:
        """Column names an output carries, in order (``parquet`` and ``geojson`` include
        the flat columns, then their own)."""
        if export not in EXPORTS:
            raise ValueError(f"unknown export {export!r}; known: {', '.join(EXPORTS)}")
        first = [u.name for u in self.uses if export in u.exports]
        if export in ("parquet", "geojson"):
            flat = [u.name for u in self.uses if "flat" in u.exports]
            first = flat + [n for n in first if n not in flat]
        return tuple(first)

    def sql_expr(self, name: str, alias: str = "") -> str:
        """SQL for a column: itself when stored, else extracted from the JSON record."""
        use, prefix = self.use(name), f"{alias}." if alias else ""
        if use.stored:
            return f"{prefix}{name}"
        return f"json_extract_string({prefix}record, '{use.json_path()}')"

    def ddl(self) -> str:
        """``CREATE TABLE IF NOT EXISTS`` of the level's table."""
        lines = [
            f"    {u.name} {u.column.sql}{' ' + u.constraint if u.constraint else ''}"
            for u in self.stored()
        ]
        return f"CREATE TABLE IF NOT EXISTS {self.table} (\n" + ",\n".join(lines) + "\n);\n"

    def arrow_schema(self, names: tuple[str, ...] | None = None) -> pa.Schema:
        """The Arrow schema of the stored columns (or of the given ones)."""
        import pyarrow as pa

        chosen = names if names is not None else tuple(u.name for u in self.stored())
        return pa.schema([(n, COLUMNS[n].arrow()) for n in chosen])

    def row(self, record: Any, /, **given: Any) -> dict[str, Any]:
        """The stored row of a typed record; columns without a path come from ``given``."""
        out: dict[str, Any] = {}
        for u in self.stored():
            out[u.name] = given[u.name] if u.path is None else u.value(record)
        return out


# fmt: off
REPORT = Level("report", "events", "event_id", (
    _use("event_id", constraint="PRIMARY KEY"),
    _use("doc_id", constraint="NOT NULL"),
    _use("source_id", exports=frozenset({"flat"})),
    _use("plover_type"),
    _use("plover_mode"),
    _use("acled_event_type"),
    _use("acled_sub_event_type"),
    _use("cameo_root", exports=frozenset({"flat"})),
    _use("actor1_name", "actor1.name|actor1.text"),
    _use("actor1_inter", "actor1.inter"),
    _use("actor2_name", "actor2.name|actor2.text"),
    _use("actor2_inter", "actor2.inter"),
    _use("location_name", "location.name|location.text"),
    _use("country", "location.country"),
    _use("admin1", "location.admin1"),
    _use("lat", "location.lat"),
    _use("lon", "location.lon"),
    _use("geo_precision", "location.precision"),
    _use("date_start", "date.start"),
    _use("date_end", "date.end"),
    _use("date_precision", "date.precision"),
    _use("fatalities", "fatalities.best"),
    _use("modality"),
    _use("attributed_to"),
    _use("source"),
    _use("confidence"),
    _use("sentence_start", "span[0]", exports=frozenset({"flat"})),
    _use("sentence_end", "span[1]", exports=frozenset({"flat"})),
    _use("record", None, exports=frozenset({"parquet"})),
    _use("pipeline_version", None, exports=_NONE),
    _use("data_versions", None, exports=_NONE),
    _use("actor1_id", "actor1.id", exports=_NONE, since=2),
    _use("actor2_id", "actor2.id", exports=_NONE, since=2),
    _use("geonameid", "location.geonameid", exports=_NONE, since=2),
    _use("fatalities_low", "fatalities.low", exports=_NONE, since=2),
    _use("fatalities_high", "fatalities.high", exports=_NONE, since=2),
    _use("published", exports=_NONE, since=2),
    _use("background", since=3),
    _use("aggregate", since=3),
    # not stored: read from the record when selected, or filled by the API
    _use("trigger", "trigger.text", exports=frozenset({"api"}), stored=False),
    _use("sentence", exports=frozenset({"geojson", "api"}), stored=False),
    _use("n_sources", None, exports=frozenset({"api"}), stored=False),
    _use("sources", exports=_NONE, stored=False),
    _use("review_status", None, exports=frozenset({"api"}), stored=False),
))

CANONICAL = Level("canonical", "canonical_events", "canonical_id", (
    _use("canonical_id", constraint="PRIMARY KEY"),
    _use("component_id", None, exports=_NONE, constraint="NOT NULL"),
    _use("plover_type"),
    _use("plover_mode"),
    _use("acled_event_type"),
    _use("acled_sub_event_type"),
    _use("cameo_root"),
    _use("actor1_name", "actor1.name"),
    _use("actor1_inter", "actor1.inter"),
    _use("actor2_name", "actor2.name"),
    _use("actor2_inter", "actor2.inter"),
    _use("location_name", "location.name"),
    _use("country"),
    _use("admin1", "location.admin1"),
    _use("lat", "location.lat"),
    _use("lon", "location.lon"),
    _use("geo_precision", "location.precision"),
    _use("date_start", "date.start"),
    _use("date_end", "date.end"),
    _use("date_precision", "date.precision"),
    _use("fatalities", "fatalities.best"),
    _use("fatalities_low", "fatalities.low"),
    _use("fatalities_high", "fatalities.high"),
    _use("modality"),
    _use("n_reports"),
    _use("n_sources"),
    _use("confidence"),
    _use("first_published"),
    _use("last_published"),
    _use("record", None, exports=frozenset({"parquet"})),
    _use("clustered_at", None, exports=_NONE),
    _use("background", since=3),
    _use("aggregate", since=3),
    _use("sentence", exports=frozenset({"geojson"}), stored=False),
))
# fmt: on

LEVELS: dict[str, Level] = {"report": REPORT, "canonical": CANONICAL}


def added_in(version: int, level: Level = REPORT) -> tuple[Use, ...]:
    """The stored columns a schema version added to a level's table (for its migration)."""
    return tuple(u for u in level.stored() if u.since == version)


# -- ACLED-CSV ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AcledField:
    """One ACLED CSV column: a flat column of the level (``column``, with ``default`` for
    empty values), or computed from the record by the exporter (``column`` is None)."""

    name: str
    column: str | None = None
    default: Any = None

    def value(self, level: Level, record: Any, computed: Mapping[str, Any]) -> Any:
        if self.column is None:
            return computed[self.name]
        value = level.use(self.column).value(record)
        if self.default is not None:
            return value or self.default
        return value


# fmt: off
ACLED_FIELDS: tuple[AcledField, ...] = (
    AcledField("event_id_cnty"),  # the level's key
    AcledField("event_date"),
    AcledField("year"),
    AcledField("time_precision"),
    AcledField("event_type", "acled_event_type"),
    AcledField("sub_event_type", "acled_sub_event_type"),
    AcledField("actor1"),  # ACLED actor labels of the actor dictionary
    AcledField("assoc_actor_1"),
    AcledField("inter1", "actor1_inter", default=0),
    AcledField("actor2"),
    AcledField("assoc_actor_2"),
    AcledField("inter2", "actor2_inter", default=0),
    AcledField("interaction"),
    AcledField("country"),  # the country's name
    AcledField("iso", "country"),
    AcledField("admin1", "admin1"),
    AcledField("location", "location_name"),
    AcledField("latitude", "lat"),
    AcledField("longitude", "lon"),
    AcledField("geo_precision", "geo_precision"),
    AcledField("source"),  # every outlet, "; "-joined
    AcledField("notes"),  # the sentence
    AcledField("fatalities", "fatalities", default=0),
)
# fmt: on
ACLED_COLUMNS: tuple[str, ...] = tuple(f.name for f in ACLED_FIELDS)


def acled_row(level: Level, record: Any, computed: Mapping[str, Any]) -> dict[str, Any]:
    """A typed record flattened to ACLED's columns (``computed`` holds those without one)."""
    return {f.name: f.value(level, record, computed) for f in ACLED_FIELDS}
