"""CSV records that survive malformed rows: one bad quote costs one row, never the rest.

``csv.DictReader`` over a whole file lets one unterminated quote swallow every later row
into one field, and stops at the first ``csv.Error``. Here the file is streamed line by
line; a quote-aware scan (the rules of the default ``excel`` dialect) groups lines into
records; each record is parsed on its own, so a ``csv.Error`` rejects one row. A quoted
field that is never closed, or whose closing quote is followed by more text on a later
line, is rejected with its line number and reading resumes on the next line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.pipeline.read.lines import Lines, TooLong

_DELIMITER = re.compile(r"[,\r\n]")


@dataclass(frozen=True, slots=True)
class Row:
    """One CSV record: ``fields`` as parsed, or ``problem`` saying why it cannot be."""

    line: int  # the physical line it starts on (1-based)
    text: str  # the raw record text (for its content hash)
    fields: list[str] | None = None
    problem: str | None = None


def scan(line: str, in_quotes: bool) -> tuple[bool, bool]:
    """Follow quoting through one physical line.

    Returns ``(in_quotes, malformed)``: whether the line ends inside a quoted field, and
    whether a closing quote was followed by text other than a delimiter (which the csv
    module accepts silently, and which is how a stray quote shows on the next line).

    >>> scan('1,"two\\n', False)
    (True, False)
    >>> scan('three",4\\n', True)
    (False, False)
    >>> scan('5,"six" seven\\n', True)
    (False, True)
    """
    i, n = 0, len(line)
    field_start = not in_quotes
    malformed = False
    while i < n:
        if in_quotes:
            j = line.find('"', i)
            if j < 0:
                return True, malformed
            if line.startswith('"', j + 1):  # "" is an escaped quote
                i = j + 2
                continue
            in_quotes, field_start, i = False, False, j + 1
            if i < n and line[i] not in ",\r\n":
                malformed = True
            continue
        if field_start and line[i] == '"':
            in_quotes, i = True, i + 1
            continue
        match = _DELIMITER.search(line, i)
        if match is None:
            return False, malformed
        i, field_start = match.end(), True
    return in_quotes, malformed


def records(lines: Lines, limit: int) -> Iterator[Row]:
    """Every record of the file in order, blank lines included (as rows with no fields)."""
    lineno = 0
    while True:
        try:
            line = lines.readline()
        except TooLong as exc:
            lineno += 1
            yield Row(lineno, "", problem=f"line {lineno} is too long ({exc})")
            continue
        if not line:
            return
        lineno += 1
        first = lineno
        in_quotes, _ = scan(line, False)
        if not in_quotes:
            yield _parse(first, line)
            continue
        resume = lines.tell()
        parts, size, problem = [line], len(line), ""
        while in_quotes and not problem:
            try:
                more = lines.readline()
            except TooLong as exc:
                problem = f"line {lineno + 1} is too long ({exc})"
                break
            if not more:
                problem = "it is still open at the end of the file"
                break
            lineno += 1
            parts.append(more)
            size += len(more)
            in_quotes, malformed = scan(more, True)
            if malformed:
                problem = f"its closing quote on line {lineno} is followed by more text"
            elif size > limit:
                problem = f"the field grows past {limit:,} characters"
        if not problem:
            yield _parse(first, "".join(parts))
            continue
        yield Row(
            first,
            line,
            problem=f"line {first} opens a quoted field that is not closed properly "
            f"({problem}); reading resumed on line {first + 1}",
        )
        lines.seek(resume)
        lineno = first


def _parse(line: int, text: str) -> Row:
    if "\x00" in text:
        return Row(line, text, problem=f"line {line} contains a NUL byte (binary data?)")
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        return Row(line, text, problem=f"line {line} is not valid CSV: {exc}")
    if len(rows) > 1:
        return Row(line, text, problem=f"line {line} holds {len(rows)} records in one line")
    return Row(line, text, fields=rows[0] if rows else [])


def as_dict(header: list[str], fields: list[str]) -> dict[str | None, object]:
    """A row as ``csv.DictReader`` makes it: extra values under None, missing ones None."""
    record: dict[str | None, object] = dict(zip(header, fields, strict=False))
    if len(fields) > len(header):
        record[None] = fields[len(header) :]
    else:
        for key in header[len(fields) :]:
            record[key] = None
    return record
