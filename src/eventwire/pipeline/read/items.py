"""What a reader yields (:class:`Item`) and how it reads (:class:`ReaderOptions`).

Kept apart from :mod:`.readers` so that the format modules (:mod:`.feeds`) can name them
without importing the reader itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from eventwire.errors import InputError
from eventwire.records import Document, LedgerEntry


@dataclass(slots=True)
class ReaderOptions:
    """How inputs are read."""

    published: date | None = None  # used when a record carries no date
    source: str | None = None  # outlet name when a record carries none
    max_chars: int = 2_000_000
    min_chars: int = 20
    languages: tuple[str, ...] = ("en",)
    # the name a file goes by in the ledger instead of its path (``POST /ingest`` names
    # its temporary file "ingest:NAME.jsonl", so the same record sent again is found)
    input_names: Mapping[str, str] = field(default_factory=dict)
    # feeds: fetch the linked page of an item that carries only a summary
    follow_links: bool = False
    # ledger keys (input, content hash) → status, as the run found them: a feed item already
    # there is not read again, so its linked page is not fetched again (set by the runner)
    known: Mapping[tuple[str, str], str] = field(default_factory=dict)


@dataclass(slots=True)
class Item:
    """One input: a Document for the pipeline, or a ledger row explaining why not."""

    input: str
    content_hash: str | None
    document: Document | None = None
    rejected: LedgerEntry | None = None


def rejected_item(name: str, digest: str | None, exc: InputError) -> Item:
    """The Item of an input that cannot be used: a ``rejected`` ledger row with the code."""
    return Item(
        name,
        digest,
        rejected=LedgerEntry(
            input=name, content_hash=digest, status="rejected", code=exc.code, reason=str(exc)
        ),
    )


def skipped_item(name: str, digest: str | None, code: str, reason: str) -> Item:
    """The Item of an input deliberately not read: a ``skipped`` ledger row."""
    return Item(
        name,
        digest,
        rejected=LedgerEntry(
            input=name,
            content_hash=digest,
            status="skipped",
            code=code,
            reason=f"[{code}] {reason}",
        ),
    )
