"""JSON Lines records, streamed: one object per line, every failure coded for one line only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from eventwire.errors import InputError
from eventwire.pipeline.read.lines import Lines, TooLong


def lines_of(lines: Lines) -> Iterator[tuple[int, str | TooLong]]:
    """``(line number, line without its "\\n")`` for every non-blank line, or a TooLong.

    Lines split on ``"\\n"`` only: ``str.splitlines()`` would also break on U+2028
    inside JSON strings.
    """
    lineno = 0
    while True:
        lineno += 1
        try:
            line = lines.readline()
        except TooLong as exc:
            yield lineno, exc
            continue
        if not line:
            return
        line = line.removesuffix("\n")
        if line.strip():
            yield lineno, line


def parse_line(name: str, lineno: int, line: str) -> dict[str, Any] | InputError:
    """The JSON object on one line, or the coded reason it cannot be used."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(
            f"line {lineno} of {name} is not valid JSON ({exc.msg} at column {exc.colno})",
            "EW-ING-020",
        )
    except RecursionError:
        return InputError(f"line {lineno} of {name} is JSON nested too deeply", "EW-ING-020")
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        return InputError(f"line {lineno} of {name} is not usable JSON ({exc})", "EW-ING-020")
    if not isinstance(record, dict):
        return InputError(
            f"line {lineno} of {name} is a JSON {type(record).__name__}, not an object",
            "EW-ING-021",
        )
    return record
