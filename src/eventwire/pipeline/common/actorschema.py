"""The actor dictionary's file schema: which fields a record may and must have, and the
checks ``eventwire dictionary check`` and the loader run on a JSONL file of actors (see
``pipeline/common/actordict.py`` for the records' meaning)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import DataFileError
from eventwire.records import parse_iso_date

ALLOWED_KEYS = frozenset(
    {
        "id",
        "name",
        "aliases",
        "inter",
        "country",
        "type",
        "religion",
        "ethnicity",
        "parent",
        "acronym",
        "roles",
        "provenance",
        "label",
        "label_country",
        "period",
        "generic",
        "heads",
        "state",
        "areas",
    }
)
REQUIRED_KEYS = ("id", "name", "type", "provenance")
_ISO2 = re.compile(r"^[A-Z]{2}$")


def parse_role_date(value: Any, where: str) -> date | None:
    """The date of a role's start or end (ISO), None when absent; a coded error otherwise."""
    if value in (None, ""):
        return None
    try:
        return parse_iso_date(str(value))
    except ValueError as exc:
        raise DataFileError(
            f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)", "EW-ACT-004"
        ) from exc


def validate_record(record: Any, where: str) -> list[str]:
    """Return the schema problems of one decoded record (empty when it is valid)."""
    if not isinstance(record, dict):
        return [f"{where}: a record must be a JSON object, got {type(record).__name__}"]
    problems = [
        f"{where}: missing required field {k!r}" for k in REQUIRED_KEYS if not record.get(k)
    ]
    unknown = sorted(set(record) - ALLOWED_KEYS)
    if unknown:
        problems.append(f"{where}: unknown field(s) {', '.join(unknown)}")
    for key in ("id", "name", "type", "provenance"):
        if key in record and not isinstance(record[key], str):
            problems.append(f"{where}: field {key!r} must be a string")
    inter = record.get("inter")
    if inter is not None and (
        not isinstance(inter, int) or isinstance(inter, bool) or not 0 <= inter <= 8
    ):
        problems.append(f"{where}: 'inter' must be an ACLED inter code 0..8 or null, got {inter!r}")
    country = record.get("country")
    if country is not None and (not isinstance(country, str) or not _ISO2.match(country)):
        problems.append(f"{where}: 'country' must be an ISO 3166-1 alpha-2 code, got {country!r}")
    for key in ("aliases", "heads", "areas"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(a, str) and a.strip() for a in value):
            problems.append(f"{where}: {key!r} must be a list of non-empty strings")
    roles = record.get("roles", [])
    if not isinstance(roles, list):
        problems.append(f"{where}: 'roles' must be a list")
    else:
        for i, role in enumerate(roles):
            if not isinstance(role, dict) or not isinstance(role.get("actor"), str):
                problems.append(f"{where}: roles[{i}] needs an 'actor' id")
                continue
            try:
                start = parse_role_date(role.get("start"), f"{where}: roles[{i}].start")
                end = parse_role_date(role.get("end"), f"{where}: roles[{i}].end")
            except DataFileError as exc:
                problems.append(str(exc).split("] ", 1)[-1])
                continue
            if start and end and end < start:
                problems.append(f"{where}: roles[{i}] ends ({end}) before it starts ({start})")
    return problems


def read_records(path: Path) -> Iterator[tuple[int, Any | None, str | None]]:
    """Yield ``(line number, decoded record or None, JSON error or None)`` for a JSONL file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"actor file {str(path)!r} is unreadable: {exc}", "EW-ACT-001") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            yield number, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield number, None, f"invalid JSON: {exc.msg} (column {exc.colno})"


def check_file(path: Path) -> list[str]:
    """Validate an actor JSONL file; return messages ``file:line: problem`` (empty = valid)."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, record, error in read_records(path):
        where = f"{path}:{number}"
        if error:
            problems.append(f"{where}: {error}")
            continue
        problems.extend(validate_record(record, where))
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            if record["id"] in seen:
                problems.append(
                    f"{where}: duplicate id {record['id']!r} (first on line {seen[record['id']]})"
                )
            seen.setdefault(record["id"], number)
    return problems
