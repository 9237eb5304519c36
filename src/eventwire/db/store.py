"""The DuckDB store: documents, events and the ledger, written in Arrow batches.

One process writes (DuckDB allows one read-write process per file): workers return
results and the parent calls :meth:`Store.write_batch`, one transaction per batch,
so a killed run leaves whole batches behind and a re-run skips what was committed.

>>> store = Store.open(":memory:")
>>> store.counts()["events"]
0
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.db.diagnose import damaged_store_error, rollback, told_as_damage
from eventwire.db.migrations import DOCUMENT_SOURCES_DDL, SCHEMA_VERSION, check_version
from eventwire.errors import StoreError
from eventwire.records import Document, DocumentSource, EventRecord, LedgerEntry, dumps_record
from eventwire.records.columns import LEVELS, REPORT
from eventwire.records.model import field_names

__all__ = ["SCHEMA_VERSION", "Store", "schema_sql"]


def schema_sql() -> str:
    """The store's DDL: ``schema.sql`` with the events tables' DDL from the column spec."""
    sql = (resources.files("eventwire.db") / "schema.sql").read_text(encoding="utf-8")
    for level in LEVELS.values():
        marker = f"-- @table {level.table}\n"
        if marker not in sql:
            raise StoreError(f"schema.sql lacks the marker {marker.strip()!r}", "EW-DB-004")
        sql = sql.replace(marker, level.ddl())
    return sql.replace("-- @table document_sources\n", DOCUMENT_SOURCES_DDL)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class Store:
    """A DuckDB file holding documents, events and the ledger."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path = "eventwire.duckdb", read_only: bool = False) -> Store:
        """Open (and create or upgrade) a store; a lock held by another process is explained."""
        path = str(path)
        if read_only and path != ":memory:" and not Path(path).exists():
            raise StoreError(
                f"store {path!r} does not exist; run `eventwire process` first", "EW-DB-001"
            )
        try:
            con = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreError(
                    f"store {path!r} is in use by another process (DuckDB allows one writer "
                    f"and then no reader): let it finish or stop it; the CLI works beside "
                    f"`eventwire serve`, which it finds by {Path(path).name}.server.json",
                    "EW-DB-002",
                ) from exc
            raise damaged_store_error(exc, path) or StoreError(
                f"cannot open store {path!r}: {message}", "EW-DB-003"
            ) from exc
        con.execute("SET enable_progress_bar = false")  # library code: nothing on stderr
        store = cls(con, path, read_only)
        try:
            with told_as_damage(path):
                if not read_only:
                    store._migrate()
                    return store
                version = check_version(con)
        except BaseException:
            con.close()  # a refused store leaves no connection behind
            raise
        if (version or SCHEMA_VERSION) < SCHEMA_VERSION:
            # An older store opened for reading: upgrade it once (read-write), then reopen.
            con.close()
            cls.open(path, read_only=False).close()
            return cls.open(path, read_only=True)
        return store

    def _migrate(self) -> None:
        from eventwire.db.migrations import migrate

        migrate(self.con, schema_sql())

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------
    def ledger_keys(self) -> dict[tuple[str, str], str]:
        """Return ``{(input, content_hash): status}`` for every ledger row."""
        rows = self.con.execute("SELECT input, content_hash, status FROM ledger").fetchall()
        return {(r[0], r[1]): r[2] for r in rows}

    def document_inputs(self) -> dict[str, str]:
        """Return ``{doc_id: input}`` for every stored document (duplicate detection)."""
        return dict(self.con.execute("SELECT doc_id, input FROM documents").fetchall())

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table in ("documents", "events", "ledger", "canonical_events"):
            rows = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()
            out[table] = int(rows[0][0]) if rows else 0
        return out

    def ledger(self, status: str | None = None) -> list[dict[str, Any]]:
        """Return ledger rows (oldest first), optionally of one status."""
        sql = "SELECT * FROM ledger"
        params: list[Any] = []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        sql += " ORDER BY recorded_at, input"
        cur = self.con.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def event_records(
        self, where: str = "", params: Sequence[Any] = ()
    ) -> Iterator[dict[str, Any]]:
        """Yield stored event records (the JSONL contract), ordered by document and offset."""
        sql = "SELECT record FROM events"
        if where:
            sql += " WHERE " + where
        sql += " ORDER BY doc_id, sentence_start, event_id"
        cur = self.con.execute(sql, list(params))
        while batch := cur.fetchmany(2048):
            for (record,) in batch:
                yield json.loads(record)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        cur = self.con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
        rows = cur.fetchall()
        if not rows:
            return None
        row = rows[0]
        cols = [d[0] for d in cur.description]
        return dict(zip(cols, row, strict=True))

    # -- writing ---------------------------------------------------------------------
    def compact(self) -> None:
        """Rewrite ``events`` in (date, latitude) order and checkpoint.

        DuckDB skips row groups whose min/max cannot match a filter, so once events are
        stored in date order a time-range (+ bbox) query reads only the matching months.
        Worth running after a large import (``eventwire.open(db, read_only=False)
        .store.compact()``); event ids, records and canonical tables are unchanged.
        """
        if self.read_only:
            raise StoreError(
                "compacting rewrites the events table: open the store read-write", "EW-DB-011"
            )
        from eventwire.db.migrations import drop_indexes

        con = self.con
        ddl = con.execute("SELECT sql FROM duckdb_tables() WHERE table_name = 'events'").fetchall()[
            0
        ][0]
        try:
            # A sorted copy replaces the table: much faster than DELETE + INSERT in place.
            con.execute("BEGIN TRANSACTION")
            drop_indexes(con, "events")
            con.execute(ddl.replace("CREATE TABLE events", "CREATE TABLE _ew_events_sorted", 1))
            con.execute(
                "INSERT INTO _ew_events_sorted SELECT * FROM events "
                "ORDER BY date_start NULLS LAST, lat NULLS LAST, event_id"
            )
            con.execute("DROP TABLE events")
            con.execute("ALTER TABLE _ew_events_sorted RENAME TO events")
            con.execute(schema_sql())  # recreates the indexes
            con.execute("COMMIT")
        except duckdb.Error as exc:
            rollback(con)
            raise StoreError(f"compacting {self.path!r} failed: {exc}", "EW-DB-012") from exc
        con.execute("CHECKPOINT")

    def write_batch(
        self,
        documents: Iterable[Document],
        ledger: Iterable[LedgerEntry],
        data_versions: str = "{}",
        replace: bool = False,
        supersede: bool = False,
    ) -> None:
        """Write documents, their events and ledger rows in one transaction.

        ``replace`` (re-coding stored documents): their previous rows and machine events
        are replaced and their reviews re-attached (:mod:`eventwire.db.review`). With
        ``supersede`` (``process`` runs), a document whose input names a stored one with
        other text supersedes it (:mod:`eventwire.db.history`).
        """
        now = datetime.now(UTC).replace(tzinfo=None)
        doc_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        from eventwire.config import VERSION as __version__

        documents_written: list[Document] = []
        for doc in documents:
            documents_written.append(doc)
            doc_rows.append(_document_row(doc, __version__, data_versions, now))
            for event in doc.events:
                record = EventRecord.of(event, doc)
                event_rows.append(
                    REPORT.row(
                        record,
                        record=dumps_record(record),
                        pipeline_version=__version__,
                        data_versions=data_versions,
                    )
                )
        ledger = list(ledger)
        ledger_rows = [_ledger_row(entry, now) for entry in ledger]
        links = [e.link for e in ledger if e.link is not None]
        source_rows = [
            _source_row(s, now) for s in [*map(DocumentSource.of, documents_written), *links]
        ]
        try:
            self.con.execute("BEGIN TRANSACTION")
            if replace:
                _forget_documents(self.con, [d.doc_id for d in documents_written])
            if doc_rows:
                self._insert("documents", doc_rows, ignore=True)
            if event_rows:
                self._insert("events", event_rows, ignore=True, schema=REPORT.arrow_schema())
            if ledger_rows:
                self._insert("ledger", ledger_rows, ignore=False)
            if source_rows:
                self._insert("document_sources", source_rows, ignore=True)
                self._patch_sources({r["doc_id"] for r in source_rows})
            _after_write(self.con, documents_written, replace, supersede, now)
            self.con.execute("COMMIT")
        except (duckdb.Error, pa.ArrowException, OverflowError) as exc:
            rollback(self.con)
            raise damaged_store_error(exc, self.path) or StoreError(
                f"writing a batch to {self.path!r} failed: {exc}", "EW-DB-010"
            ) from exc

    def _patch_sources(self, doc_ids: set[str]) -> None:
        """Give the events of documents with several sources the lists of all of them
        (``source_ids``, ``sources``: the document's own first, then in the order linked)."""
        rows = self.con.execute(
            "SELECT ds.doc_id, list(ds.source_id ORDER BY ds.input = d.input DESC, "
            "ds.linked_at, ds.input), list(ds.source ORDER BY ds.input = d.input DESC, "
            "ds.linked_at, ds.input) FROM document_sources ds JOIN documents d USING (doc_id) "
            "WHERE ds.doc_id IN (SELECT unnest(?)) GROUP BY ds.doc_id HAVING count(*) > 1",
            [sorted(doc_ids)],
        ).fetchall()
        for doc_id, ids, outlets in rows:
            patch = {
                "source_ids": list(dict.fromkeys(i for i in ids if i)),
                "sources": list(dict.fromkeys(o for o in outlets if o)),
            }
            self.con.execute(
                "UPDATE events SET record = json_merge_patch(record, ?) WHERE doc_id = ?",
                [json.dumps(patch, ensure_ascii=False), doc_id],
            )

    def _insert(
        self, table: str, rows: list[dict[str, Any]], ignore: bool, schema: pa.Schema | None = None
    ) -> None:
        batch = pa.Table.from_pylist(rows, schema=schema)
        self.con.register("_ew_batch", batch)
        try:
            verb = "INSERT OR IGNORE" if ignore else "INSERT OR REPLACE"
            self.con.execute(f"{verb} INTO {table} BY NAME SELECT * FROM _ew_batch")
        finally:
            self.con.unregister("_ew_batch")


def _forget_documents(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Drop stored documents and their events (machine rows too) before re-coding them."""
    from eventwire.db.review import MACHINE_TABLE

    for table in ("events", MACHINE_TABLE, "documents"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [doc_ids])


def _after_write(
    con: duckdb.DuckDBPyConnection,
    docs: list[Document],
    replace: bool,
    supersede: bool,
    now: datetime,
) -> None:
    """Edited reports supersede their old versions; re-coded ones get their reviews back."""
    from eventwire.db.history import supersede_in_transaction
    from eventwire.db.review import refresh_in_transaction

    if supersede:
        supersede_in_transaction(con, [(d.doc_id, d.input, d.source_id) for d in docs], now)
    if replace and docs:
        refresh_in_transaction(con, [d.doc_id for d in docs])


def _document_row(doc: Document, version: str, data_versions: str, now: datetime) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "source_id": doc.source_id,
        "input": doc.input,
        "title": doc.title,
        "published": doc.published,
        "published_source": doc.published_source,
        "source": doc.source,
        "url": doc.url,
        "author": doc.author,
        "language": doc.language,
        "encoding": doc.encoding,
        "country": doc.country,
        "text": doc.text,
        "segments": _json([_fields(s) for s in doc.segments]),
        "sentences": _json([[s.start, s.end, s.segment, s.candidate] for s in doc.sentences]),
        "places": _json([_fields(p) for p in doc.places]),
        "notes": _json([_fields(n) for n in doc.notes]),
        "pipeline_version": version,
        "data_versions": data_versions,
        "processed_at": now,
    }


_PLAIN = (str, int, float, type(None))


def _fields(item: Any) -> dict[str, Any]:
    """``asdict(item)`` of a dataclass of plain values (a segment, a place, a note) without
    its deep copy; any other value goes through ``asdict``."""
    row = {name: getattr(item, name) for name in field_names(type(item))}
    if all(isinstance(v, _PLAIN) for v in row.values()):
        return row
    return asdict(item)


def _source_row(source: DocumentSource, now: datetime) -> dict[str, Any]:
    return {**asdict(source), "linked_at": now}


def _ledger_row(entry: LedgerEntry, now: datetime) -> dict[str, Any]:
    row = asdict(entry)
    del row["link"]  # written to document_sources
    row["content_hash"] = entry.content_hash or ""
    row["data_versions"] = entry.data_versions or "{}"
    row["recorded_at"] = now
    return row
