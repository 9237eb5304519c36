"""Exceptions raised by eventwire.

Every message starts with a code such as ``[EW-ING-003]`` so that users can
search for it and the ledger can store it::

    EventwireError
    ├── InputError        this document is unusable (ledger status: rejected)
    ├── DataFileError     a dictionary, ontology or gazetteer file is broken
    ├── StageError        a stage failed on a document (a bug or a broken plugin)
    ├── StoreError        the DuckDB store cannot be opened, migrated or written
    └── ConfigError       a setting or pipeline configuration is invalid
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class; ``code`` is the stable error code, ``str(exc)`` the message."""

    code = "EW-GEN-000"

    def __init__(self, message: str, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(message)

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(EventwireError):
    """This document is unusable; it is recorded as rejected in the ledger."""

    code = "EW-ING-000"


class DataFileError(EventwireError):
    """A dictionary, ontology or gazetteer file is missing or fails its schema check."""

    code = "EW-DAT-000"


class StageError(EventwireError):
    """A pipeline stage raised on a document; the document is marked failed."""

    code = "EW-STG-000"

    def __init__(self, message: str, code: str | None = None, stage: str | None = None) -> None:
        super().__init__(message, code)
        self.stage = stage  # the registered name of the stage that failed


class StoreError(EventwireError):
    """The store cannot be opened, migrated or written."""

    code = "EW-DB-000"


class ConfigError(EventwireError):
    """A setting or pipeline configuration is invalid."""

    code = "EW-CFG-000"
