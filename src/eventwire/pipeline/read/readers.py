"""Readers: turn paths, directories and stdin into Documents, or into rejected ledger rows.

Supported: .txt/.text/.md, .html/.htm (trafilatura main text + title/date metadata),
.jsonl/.ndjson and .csv (fields ``id``, ``text`` or ``html``, ``published``, ``title``,
``source``, ``url``), directories (recursive, sorted) and ``-`` for stdin.

Every input yields exactly one :class:`Item`: either a ``Document`` ready for the
pipeline or a ``LedgerEntry`` saying why it cannot be used. Nothing is dropped
silently: an unreadable record becomes a rejected row, never a missing one.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.pipeline.read.language import detect_language
from eventwire.records import Document, LedgerEntry, content_hash, parse_iso_date

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF file (convert it to text first)"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(slots=True)
class ReaderOptions:
    """How inputs are read."""

    published: date | None = None  # used when a record carries no date
    source: str | None = None  # outlet name when a record carries none
    max_chars: int = 2_000_000
    min_chars: int = 20
    languages: tuple[str, ...] = ("en",)


@dataclass(slots=True)
class Item:
    """One input: a Document for the pipeline, or a ledger row explaining why not."""

    input: str
    content_hash: str | None
    document: Document | None = None
    rejected: LedgerEntry | None = None


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``; binary input raises InputError.

    Tries a byte-order mark, then strict UTF-8, then cp1252 (which also reads Latin-1
    text), and finally UTF-8 with replacement characters.

    >>> decode_bytes("café".encode("latin-1"))
    ('café', 'cp1252')
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name} is {what}, not text", "EW-ING-002")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name} starts with a {encoding} byte-order mark "
                    f"but is not valid {encoding}: {exc}",
                    "EW-ING-004",
                ) from exc
    head = data[:8192]
    if b"\x00" in head:
        raise InputError(f"{name} looks binary (it contains NUL bytes), not text", "EW-ING-002")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, "cp1252"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Normalise newlines and remove control characters (offsets refer to the cleaned text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text)


def parse_date(value: Any) -> date | None:
    """Parse a record's publication date (ISO date or datetime, or a common format)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return parse_iso_date(text, prefix=True)
    except ValueError:
        pass
    for fmt in ("%d-%b-%y", "%d %B %Y", "%B %d, %Y", "%d/%m/%Y", "%m/%d/%Y", "%a, %d %b %Y"):
        try:
            return datetime.strptime(text[: len(text)], fmt).date()
        except ValueError:
            continue
    try:
        return datetime.strptime(text[:25], "%a, %d %b %Y %H:%M:%S").date()
    except ValueError:
        return None


class Reader:
    """Turn inputs into Items: ``for item in Reader(options).read(["reports/", "-"])``."""

    def __init__(self, options: ReaderOptions) -> None:
        self.options = options

    # -- entry point -----------------------------------------------------------------
    def read(self, inputs: Iterable[str]) -> Iterator[Item]:
        for raw in inputs:
            if raw == "-":
                data = sys.stdin.buffer.read()
                yield from self._read_bytes("-", data, ".txt")
                continue
            path = Path(raw)
            if path.is_dir():
                yield from self._read_dir(path)
            elif path.is_file():
                yield from self._read_file(path)
            else:
                yield self._reject(
                    raw, None, InputError(f"{raw} does not exist (check the path)", "EW-ING-001")
                )

    def _read_dir(self, root: Path) -> Iterator[Item]:
        files = sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if path.name.startswith("."):
                continue
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                yield Item(
                    str(path),
                    None,
                    rejected=LedgerEntry(
                        input=str(path),
                        content_hash=None,
                        status="skipped",
                        code="EW-ING-010",
                        reason=f"unsupported file type {path.suffix or '(none)'!r}; "
                        f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}",
                    ),
                )
                continue
            yield from self._read_file(path)

    def _read_file(self, path: Path) -> Iterator[Item]:
        name = str(path)
        size = path.stat().st_size
        suffix = path.suffix.lower()
        if size > self.options.max_chars * 4 and suffix not in JSONL_SUFFIXES | CSV_SUFFIXES:
            digest = _hash_file(path)
            yield self._reject(
                name,
                digest,
                InputError(
                    f"{name} is too large ({size:,} bytes; limit {self.options.max_chars * 4:,}); "
                    f"split it into articles or raise --max-chars",
                    "EW-ING-005",
                ),
            )
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield self._reject(name, None, InputError(f"cannot read {name}: {exc}", "EW-ING-006"))
            return
        yield from self._read_bytes(name, data, suffix)

    def _read_bytes(self, name: str, data: bytes, suffix: str) -> Iterator[Item]:
        digest = content_hash_bytes(data)
        try:
            text, encoding = decode_bytes(data, name)
        except InputError as exc:
            yield self._reject(name, digest, exc)
            return
        if suffix in JSONL_SUFFIXES:
            yield from self._read_jsonl(name, text)
        elif suffix in CSV_SUFFIXES:
            yield from self._read_csv(name, text, digest)
        elif suffix in HTML_SUFFIXES:
            yield self._from_html(name, digest, text, {}, encoding)
        else:
            yield self._make(name, digest, text, {}, encoding)

    # -- record formats --------------------------------------------------------------
    def _read_jsonl(self, name: str, text: str) -> Iterator[Item]:
        # split on "\n" only: str.splitlines() would also break on U+2028 inside JSON strings
        for lineno, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            where = f"{name}#L{lineno}"
            digest = content_hash(line)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield self._reject(
                    where,
                    digest,
                    InputError(
                        f"line {lineno} of {name} is not valid JSON "
                        f"({exc.msg} at column {exc.colno})",
                        "EW-ING-020",
                    ),
                )
                continue
            if not isinstance(record, dict):
                yield self._reject(
                    where,
                    digest,
                    InputError(
                        f"line {lineno} of {name} is a JSON {type(record).__name__}, not an object",
                        "EW-ING-021",
                    ),
                )
                continue
            yield self._from_record(name, where, digest, record)

    def _read_csv(self, name: str, text: str, digest: str) -> Iterator[Item]:
        csv.field_size_limit(self.options.max_chars * 4)
        try:
            reader = csv.DictReader(io.StringIO(text))
            fields = [f.strip().lower() for f in (reader.fieldnames or [])]
        except csv.Error as exc:
            yield self._reject(
                name, digest, InputError(f"{name} is not valid CSV: {exc}", "EW-ING-030")
            )
            return
        if "text" not in fields and "html" not in fields:
            yield self._reject(
                name,
                digest,
                InputError(
                    f"{name} has no 'text' or 'html' column "
                    f"(columns: {', '.join(fields) or 'none'})",
                    "EW-ING-031",
                ),
            )
            return
        rownum = 1
        try:
            for rownum, row in enumerate(reader, start=2):
                record = {(k or "").strip().lower(): v for k, v in row.items()}
                where = f"{name}#row{rownum}"
                yield self._from_record(
                    name, where, content_hash(json.dumps(record, sort_keys=True)), record
                )
        except csv.Error as exc:
            yield self._reject(
                f"{name}#row{rownum}",
                digest,
                InputError(f"{name} row {rownum} is not valid CSV: {exc}", "EW-ING-030"),
            )

    def _from_record(self, name: str, where: str, digest: str, record: dict[str, Any]) -> Item:
        source_id = record.get("id")
        label = f"{name}#{source_id}" if source_id not in (None, "") else where
        meta = {
            "source_id": None if source_id in (None, "") else str(source_id),
            "title": record.get("title") or None,
            "published": record.get("published") or record.get("date") or None,
            "source": record.get("source") or None,
            "url": record.get("url") or None,
        }
        text = record.get("text")
        if isinstance(text, str) and text.strip():
            return self._make(label, digest, text, meta, "utf-8")
        html = record.get("html")
        if isinstance(html, str) and html.strip():
            return self._from_html(label, digest, html, meta, "utf-8")
        return self._reject(
            label,
            digest,
            InputError(f"record {label} has no 'text' or 'html' field with content", "EW-ING-022"),
        )

    def _from_html(
        self, name: str, digest: str, html: str, meta: dict[str, Any], encoding: str
    ) -> Item:
        import trafilatura  # lazy: ~270 ms to import, and only HTML input needs it

        try:
            extracted = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, favor_precision=True
            )
        except Exception as exc:  # trafilatura raises many types on broken markup
            return self._reject(
                name,
                digest,
                InputError(
                    f"{name}: HTML could not be parsed ({type(exc).__name__}: {exc})", "EW-ING-040"
                ),
            )
        data: dict[str, Any] = {}
        if extracted is not None:
            data = extracted if isinstance(extracted, dict) else extracted.as_dict()
        text = (data.get("text") or "").strip()
        if not text:
            return self._reject(
                name,
                digest,
                InputError(
                    f"{name}: the HTML has no main text (only markup, navigation or boilerplate)",
                    "EW-ING-041",
                ),
            )
        merged = dict(meta)
        merged.setdefault("title", None)
        merged["title"] = meta.get("title") or data.get("title")
        if not meta.get("published") and data.get("date"):
            merged["published"] = data.get("date")
            merged["published_source"] = "html-metadata"
        merged["source"] = meta.get("source") or data.get("sitename")
        merged["url"] = meta.get("url") or data.get("url")
        merged["author"] = data.get("author")
        return self._make(name, digest, text, merged, encoding)

    # -- documents and rejections ----------------------------------------------------
    def _make(self, name: str, digest: str, text: str, meta: dict[str, Any], encoding: str) -> Item:
        text = clean_text(text)
        if not text.strip():
            return self._reject(name, digest, InputError(f"{name} is empty", "EW-ING-003"))
        if len(text) > self.options.max_chars:
            return self._reject(
                name,
                digest,
                InputError(
                    f"{name} is too large ({len(text):,} characters; "
                    f"limit {self.options.max_chars:,}); "
                    f"split it into articles or raise --max-chars",
                    "EW-ING-005",
                ),
            )
        if len(text.strip()) < self.options.min_chars:
            return self._skip(
                name,
                digest,
                "EW-ING-007",
                f"{name} is too short to hold an event "
                f"({len(text.strip())} characters < {self.options.min_chars})",
            )
        language = detect_language(text)
        if language not in self.options.languages and language != "und":
            return self._skip(
                name,
                digest,
                "EW-ING-008",
                f"{name} is not in a supported language (detected {language!r}; "
                f"supported: {', '.join(self.options.languages)})",
            )
        published_source = meta.get("published_source", "record")
        published = parse_date(meta.get("published"))
        if meta.get("published") and published is None:
            published_source = "unparsed"
        if published is None and self.options.published is not None:
            published, published_source = self.options.published, "option"
        if published is None:
            published_source = "unknown"
        doc = Document(
            text=text,
            source_id=meta.get("source_id"),
            input=name,
            title=meta.get("title"),
            published=published,
            published_source=published_source,
            source=meta.get("source") or self.options.source,
            url=meta.get("url"),
            author=meta.get("author"),
            language=language,
            encoding=encoding,
        )
        if published_source == "unparsed":
            doc.note(
                "readers",
                "EW-ING-050",
                f"publication date {meta.get('published')!r} not understood",
            )
        return Item(name, digest, document=doc)

    @staticmethod
    def _reject(name: str, digest: str | None, exc: InputError) -> Item:
        return Item(
            name,
            digest,
            rejected=LedgerEntry(
                input=name, content_hash=digest, status="rejected", code=exc.code, reason=str(exc)
            ),
        )

    @staticmethod
    def _skip(name: str, digest: str, code: str, reason: str) -> Item:
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


def content_hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
