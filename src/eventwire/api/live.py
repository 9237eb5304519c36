"""The server as the store's single writer: read items in, consistent snapshots out.

While ``eventwire serve`` owns a store no other process can open it (DuckDB), so the CLI
of the same user goes through these two endpoints (see ``docs/live-store.md``):

* ``POST /ingest/items`` takes inputs the CLI has already *read* (documents, or the ledger
  row saying why an input was rejected or skipped: the CLI's reader, limits, ``--published``
  and ``--source`` apply, and the ledger names the real files) and runs the runner on them
  here: the same planning against the ledger, one transaction per request, clustering
  when asked. The answer lists every committed ledger row, for the CLI's progress.
* ``POST /store/snapshot`` checkpoints and copies the store into ``<store>.snapshots/`` and
  answers the copy's path; ``stats``, ``ledger``, ``check`` and ``export`` read that copy.

Both need the ephemeral token of the discovery file (:mod:`eventwire.db.live`), which only
the user running the server can read; the review token does not open them.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, ConfigDict, Field, model_validator

from eventwire.api.deps import AUTH_ERRORS, ERRORS, Cursor, State, bearer
from eventwire.api.ingest import WRITE_LOCK, get_settings
from eventwire.db.live import Discovery, make_snapshot
from eventwire.pipeline.read.readers import Item, Reader, ReaderOptions
from eventwire.records import Document, LedgerEntry
from eventwire.records.document import Note

if TYPE_CHECKING:  # the runner and the store load when a request needs them
    from eventwire.config import Settings
    from eventwire.db.store import Store
    from eventwire.run.executors import Executor
    from eventwire.run.runner import RunSummary

live_router = APIRouter(
    tags=["live store"],
    responses={
        **AUTH_ERRORS,
        404: {**ERRORS[404], "description": "This server published no local store access"},
        409: {**ERRORS[404], "description": "The store is served read-only"},
        422: ERRORS[422],
    },
)
_TEXT = 20_000_000  # --max-chars may raise the reader's limit; the body limit still holds
_NAME = 2000


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stage: str = Field(max_length=200)
    code: str = Field(max_length=50)
    message: str = Field(max_length=_NAME)


class ReadDocument(BaseModel):
    """A document as the reader made it (before any stage ran)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=_TEXT)
    doc_id: str = Field(max_length=200)
    input: str = Field(max_length=_NAME)
    source_id: str | None = Field(default=None, max_length=500)
    title: str | None = Field(default=None, max_length=_NAME)
    published: date | None = None
    published_source: str = Field(default="unknown", max_length=50)
    source: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=_NAME)
    author: str | None = Field(default=None, max_length=500)
    language: str | None = Field(default=None, max_length=20)
    encoding: str | None = Field(default=None, max_length=50)
    notes: list[NoteIn] = Field(default_factory=list, max_length=1000)


class RejectedIn(BaseModel):
    """The ledger row of an input the reader turned away."""

    model_config = ConfigDict(extra="forbid")
    status: Literal["rejected", "skipped"]
    reason: str | None = Field(default=None, max_length=_NAME)
    code: str | None = Field(default=None, max_length=50)
    doc_id: str | None = Field(default=None, max_length=200)
    source_id: str | None = Field(default=None, max_length=500)
    stage: str | None = Field(default=None, max_length=200)


class ItemIn(BaseModel):
    """One input: its ledger name and content hash, and a document or a rejection."""

    model_config = ConfigDict(extra="forbid")
    input: str = Field(max_length=_NAME)
    content_hash: str | None = Field(default=None, max_length=200)
    document: ReadDocument | None = None
    rejected: RejectedIn | None = None

    @model_validator(mode="after")
    def _one_of(self) -> ItemIn:
        if (self.document is None) == (self.rejected is None):
            raise ValueError("give exactly one of document and rejected")
        return self

    def item(self) -> Item:
        """The reader's :class:`Item` again."""
        if self.rejected is not None:
            entry = LedgerEntry(
                input=self.input, content_hash=self.content_hash, **self.rejected.model_dump()
            )
            return Item(self.input, self.content_hash, rejected=entry)
        assert self.document is not None
        fields = self.document.model_dump(exclude={"notes"})
        doc = Document(**fields, notes=[Note(**n.model_dump()) for n in self.document.notes])
        return Item(self.input, self.content_hash, document=doc)


class ItemsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: list[ItemIn] = Field(max_length=1000)
    retry_failed: bool = False
    cluster: bool = Field(default=True, description="Cluster new events afterwards.")


class EntryOut(BaseModel):
    input: str
    status: str
    code: str | None = None
    reason: str | None = None
    n_events: int = 0


class ItemsOut(BaseModel):
    entries: list[EntryOut]
    already_done: int
    events: int
    seconds: float
    clusters: dict[str, int] | None = Field(
        default=None, description="new_events, vanished_events, canonical_total"
    )


class SnapshotOut(BaseModel):
    path: str
    seconds: float


def live_state(request: Request) -> Discovery:
    """This server's discovery (the token the CLI sends); 404 where none was published."""
    found: Discovery | None = getattr(request.app.state, "live", None)
    if found is None:
        raise HTTPException(404, {"code": "EW-API-404", "message": "no local store access"})
    return found


def require_local(
    found: Annotated[Discovery, Depends(live_state)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Discovery:
    """Refuse unless the request carries the discovery file's token."""
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode("utf-8", "surrogateescape"), found.token.encode()):
        raise HTTPException(403, {"code": "EW-API-403", "message": "not the local store token"})
    return found


Local = Annotated[Discovery, Depends(require_local)]


class _ReadItems(Reader):
    """A reader whose items were read elsewhere (by the CLI)."""

    def __init__(self, items: list[Item]) -> None:
        super().__init__(ReaderOptions())
        self.items = items

    def read(self, inputs: Any) -> Any:
        return iter(self.items)


@live_router.post("/ingest/items", response_model=ItemsOut)
def ingest_items(
    body: ItemsIn,
    _: Local,
    request: Request,
    state: State,
    cur: Cursor,
    settings: Annotated[Any, Depends(get_settings)],
) -> dict[str, Any]:
    """Plan read items against the ledger, code them and store them (one transaction)."""
    from eventwire.db.store import Store
    from eventwire.run.executors import SerialExecutor

    if state.read_only:
        raise HTTPException(409, {"code": "EW-API-409", "message": "the store is served read-only"})
    executor = getattr(request.app.state, "live_executor", None)
    if executor is None:  # one pipeline for the server's life: spaCy loads once
        executor = request.app.state.live_executor = SerialExecutor(settings)
    entries: list[LedgerEntry] = []
    with WRITE_LOCK:
        summary = _run(body, settings, executor, Store(cur, state.db_path, False), entries)
    clusters = summary.clusters
    return {
        "entries": [
            {k: v for k, v in asdict(e).items() if k in EntryOut.model_fields} for e in entries
        ],
        "already_done": summary.already_done,
        "events": summary.events,
        "seconds": round(summary.seconds, 3),
        "clusters": None
        if clusters is None
        else {
            "new_events": clusters.new_events,
            "vanished_events": clusters.vanished_events,
            "canonical_total": clusters.canonical_total,
        },
    }


def _run(
    body: ItemsIn,
    settings: Settings,
    executor: Executor,
    store: Store,
    entries: list[LedgerEntry],
) -> RunSummary:
    """The runner on the items (nothing to code: only the clustering, when asked)."""
    from eventwire.run.runner import Runner, RunSummary

    if not body.items:  # the pipeline need not even load
        summary = RunSummary()
        if body.cluster:
            from eventwire.dedup.cluster import STAGE_NAME, cluster_store

            summary.clusters = cluster_store(store, settings.options(STAGE_NAME))
        return summary
    runner = Runner(
        settings,
        executor,
        retry_failed=body.retry_failed,
        batch_size=len(body.items),
        on_result=entries.append,
        cluster=body.cluster,
    )
    runner.reader = _ReadItems([i.item() for i in body.items])
    return runner.run([], store=store)


@live_router.post("/store/snapshot", response_model=SnapshotOut)
def snapshot(
    _: Local, state: State, cur: Cursor, settings: Annotated[Any, Depends(get_settings)]
) -> dict[str, Any]:
    """Cluster what is pending, then copy the store as it is now; answer the copy's path."""
    from eventwire.db.store import Store

    started = time.perf_counter()
    if not state.read_only:
        with WRITE_LOCK:
            _cluster_pending(Store(cur, state.db_path, False), settings)
    path = make_snapshot(cur, state.db_path, WRITE_LOCK, writable=not state.read_only)
    return {"path": str(path), "seconds": round(time.perf_counter() - started, 4)}


def _cluster_pending(store: Any, settings: Any) -> None:
    """Report events no canonical event holds yet (a CLI killed before its last request)."""
    from eventwire.dedup.canonical import pending_count
    from eventwire.dedup.cluster import STAGE_NAME, cluster_store

    if pending_count(store):
        cluster_store(store, settings.options(STAGE_NAME))
