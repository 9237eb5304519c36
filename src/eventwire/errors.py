"""Exceptions raised by eventwire.

Every message starts with a code such as ``[EW-ING-003]`` so that users can
search for it and the ledger can store it::

    EventwireError
    ├── InputError        this document is unusable (ledger status: rejected)
    ├── DataFileError     a dictionary, ontology or gazetteer file is broken
    ├── StageError        a stage failed on a document (a bug or a broken plugin)
    ├── StoreError        the DuckDB store cannot be opened, migrated or written
    └── ConfigError       a setting or pipeline configuration is invalid
        └── ContractError stages do not chain: one requires a field no earlier one assigns

``CODES`` is the catalogue of the configuration and pipeline codes.
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


class ContractError(ConfigError):
    """A stage's ``requires``/``assigns`` do not fit the stages before it (raised at build)."""

    code = "EW-CFG-011"

    def __init__(self, message: str, code: str | None = None, *, stage: str, field: str) -> None:
        super().__init__(message, code)
        self.stage = stage  # the registered name of the stage
        self.field = field  # the field, e.g. "event.location"


# What each configuration and pipeline code means (tests/test_contracts.py checks that every
# EW-CFG and EW-STG code raised in the package is listed here).
CODES: dict[str, str] = {
    "EW-CFG-000": "a setting or pipeline configuration is invalid",
    "EW-CFG-001": "unknown setting",
    "EW-CFG-002": "a setting wants an integer",
    "EW-CFG-003": "the config file does not exist",
    "EW-CFG-004": "the config file is not valid TOML",
    "EW-CFG-005": "a setting wants a number",
    "EW-CFG-010": "unknown stage name",
    "EW-CFG-011": "a stage requires a field that no earlier stage (or the reader) assigns",
    "EW-CFG-012": "a stage declares a field that is not a Document or Event field",
    "EW-CFG-013": "unknown option key for a stage",
    "EW-CFG-014": "a stage option has the wrong type",
    "EW-CFG-020": "the spaCy model is not installed",
    "EW-CFG-030": "the Ray engine needs Ray Data, which is not installed",
    "EW-CFG-031": "unknown run engine (use local or ray)",
    "EW-STG-000": "a stage failed on a document",
    "EW-STG-001": "a stage raised an unexpected exception (a bug or a broken plugin)",
    "EW-STG-002": "a stage returned None instead of the document",
    "EW-RUN-001": "a worker process died while coding the document",
    "EW-RUN-002": "the document took longer than doc_timeout_s",
    "EW-RUN-003": "a worker could not send the document's result back",
    "EW-RUN-004": "pool workers keep dying before they are ready",
    "EW-DB-040": "no canonical event with that id (eventwire explain)",
}
