"""Re-coding stored documents (``process --reprocess``) and retrying rejected inputs.

``--reprocess`` reads the documents' texts back from the store (the reader is not run
again: the inputs may be gone) and codes them with the current pipeline and data
versions; :meth:`eventwire.db.store.Store.write_batch` with ``replace`` swaps their
machine events and re-attaches their reviews. ``--retry`` re-runs the inputs the ledger
says were rejected or failed, with the current options (a raised ``--max-chars``, say).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.records import READ_FIELDS, Document

if TYPE_CHECKING:
    from eventwire.db.store import Store

RETRY_STATUSES: frozenset[str] = frozenset({"rejected", "failed"})


@dataclass(frozen=True)
class Reprocess:
    """Which stored documents to re-code: all, or those matching every given filter."""

    input_glob: str | None = None  # the document's input (path, path#id) matches this glob
    source: str | None = None  # the outlet, exactly
    since: date | None = None  # published on or after
    until: date | None = None  # published on or before

    def where(self) -> tuple[str, list[Any]]:
        """SQL over ``documents d`` and its parameters."""
        parts: list[tuple[str, Any]] = []
        if self.input_glob:
            parts.append(("d.input GLOB ?", self.input_glob))
        if self.source:
            parts.append(("d.source = ?", self.source))
        if self.since:
            parts.append(("d.published >= ?", self.since))
        if self.until:
            parts.append(("d.published <= ?", self.until))
        return " AND ".join(p for p, _ in parts) or "TRUE", [v for _, v in parts]


# the documents table keeps every field a reader fills but its notes (those of the reading)
_COLUMNS = tuple(name for name in READ_FIELDS if name != "notes")


def stored_documents(store: Store, selection: Reprocess) -> Iterator[tuple[Document, str]]:
    """The selected stored documents, fresh (text and metadata only), with the content hash
    of their ledger row."""
    where, params = selection.where()
    cols = ", ".join(f"d.{c}" for c in _COLUMNS)
    cur = store.con.execute(
        f"SELECT {cols}, (SELECT max(l.content_hash) FROM ledger l WHERE l.doc_id = d.doc_id "
        f"AND l.input = d.input) FROM documents d WHERE {where} ORDER BY d.input, d.doc_id",
        params,
    )
    rows = cur.fetchall()  # the store is written while these are coded
    for row in rows:
        values = dict(zip(_COLUMNS, row[: len(_COLUMNS)], strict=True))
        values["published_source"] = values["published_source"] or "unknown"
        yield Document(**values), row[-1] or ""


def retry_inputs(store: Store) -> list[str]:
    """The files behind the ledger's rejected and failed inputs that still exist."""
    rows = store.con.execute(
        "SELECT DISTINCT input FROM ledger WHERE status IN ('rejected', 'failed') ORDER BY 1"
    ).fetchall()
    paths = dict.fromkeys(str(r[0]).split("#", 1)[0] for r in rows)
    return [p for p in paths if p != "-" and Path(p).exists()]
