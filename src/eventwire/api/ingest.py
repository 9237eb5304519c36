"""``POST /ingest``: code documents into the store the server owns.

While ``serve`` runs it holds the DuckDB file read-write, so a concurrent ``process`` cannot
open it; it (or any client) sends the documents here instead. The server runs the same
pipeline and runner (ledger, duplicate detection, one transaction per batch) in-process,
one ingest at a time. Needs the server's token, like the review endpoints.
"""

from __future__ import annotations

import json
import tempfile
import threading
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from eventwire.api.deps import AUTH_ERRORS, ERRORS, Authorized, Cursor, State

ingest_router = APIRouter(tags=["ingest"], responses={**AUTH_ERRORS, 422: ERRORS[422]})
WRITE_LOCK = threading.Lock()  # one writer: ingests (and snapshots) run one after another


class IngestDocument(BaseModel):
    """One input record, as in a JSONL input file."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(default=None, max_length=500)
    text: str | None = Field(default=None, max_length=2_000_000)
    html: str | None = Field(default=None, max_length=5_000_000)
    published: date | None = None
    title: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)


class IngestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[IngestDocument] = Field(min_length=1, max_length=1000)
    name: str = Field(
        default="ingest",
        pattern=r"^[A-Za-z0-9_.-]{1,64}$",
        description="Name of the batch in the ledger (input = name.jsonl#id).",
    )


class IngestOut(BaseModel):
    processed: int
    skipped: int
    rejected: int
    failed: int
    events: int
    seconds: float
    problems: list[dict[str, Any]]


def get_settings(state: State) -> Any:
    from eventwire.config import load_settings

    return state.settings or load_settings(config_file=None, db=state.db_path)


@ingest_router.post("/ingest", response_model=IngestOut)
def ingest(
    body: IngestIn,
    _: Authorized,
    state: State,
    cur: Cursor,
    settings: Annotated[Any, Depends(get_settings)],
) -> dict[str, Any]:
    """Run the pipeline on the documents and store them (ledger rows for every input)."""
    from eventwire.db.store import Store
    from eventwire.run.runner import process

    records = [d.model_dump(exclude_none=True, mode="json") for d in body.documents]
    with tempfile.TemporaryDirectory(prefix="ew-ingest-") as tmp:
        path = Path(tmp) / f"{body.name}.jsonl"
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
        )
        with WRITE_LOCK:
            summary = process(
                [str(path)],
                settings,
                store=Store(cur, state.db_path, False),
                # the ledger names the batch, not the random temporary path: the same
                # record sent again is found there and skipped, not added again
                input_names={str(path): f"ingest:{body.name}.jsonl"},
                cluster=True,  # canonical events stay whole while the server runs
            )
    return {
        "processed": summary.counts.get("processed", 0),
        "skipped": summary.counts.get("skipped", 0),
        "rejected": summary.counts.get("rejected", 0),
        "failed": summary.counts.get("failed", 0),
        "events": summary.events,
        "seconds": round(summary.seconds, 3),
        "problems": [
            {"input": p.input, "status": p.status, "code": p.code, "reason": p.reason}
            for p in summary.problems
        ],
    }
