"""Readers: turn paths, directories and stdin into Documents, or into rejected ledger rows.

Supported: .txt/.text/.md, .html/.htm (trafilatura main text + title/date metadata),
.jsonl/.ndjson and .csv (fields ``id``, ``text`` or ``html``, ``published``, ``title``,
``source``, ``url``), RSS/Atom feeds (.rss/.atom/.xml files and http(s) URLs: one document
per item, :mod:`.feeds`), directories (recursive, sorted) and ``-`` for stdin.

Every input yields exactly one :class:`Item`: either a ``Document`` ready for the
pipeline or a ``LedgerEntry`` saying why it cannot be used. Nothing is dropped
silently: an unreadable record becomes a rejected row, never a missing one.

- Directories are walked by :mod:`.walk`: FIFOs, sockets, dangling links, link loops and
  directories that cannot be listed each get a row; nothing but a regular file is opened.
  Names that are not UTF-8 appear in the ledger with ``\\xNN`` escapes.
- JSONL and CSV files are streamed line by line (:mod:`.lines`), never loaded whole; one
  bad record (invalid or too deeply nested JSON, a field holding an object, a malformed
  CSV row, a NUL byte) costs that record only. CSV resynchronises after a bad quote
  (:mod:`.csvfile`).
- Record metadata (``id``, ``title``, ``published``, ``source``, ``url``) is text: numbers
  and booleans are turned into text, objects and arrays reject the record (EW-ING-023).
- Unpaired surrogates (JSON ``"\\ud800"``) in text or metadata are replaced with U+FFFD and
  noted on the document (EW-ING-051): they cannot be stored or parsed.
- A NUL byte is never accepted: anywhere in a text/HTML file, or in the first 8 KB of a
  record file, it rejects the file as binary; later in a record file it rejects that record.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.pipeline.read import csvfile, feeds, jsonl, walk
from eventwire.pipeline.read.items import Item, ReaderOptions, rejected_item, skipped_item
from eventwire.pipeline.read.language import detect_language
from eventwire.pipeline.read.lines import Lines, TooLong, decode_bytes
from eventwire.pipeline.read.walk import display_name
from eventwire.records import Document, LedgerEntry, content_hash, parse_iso_date

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | feeds.FEED_SUFFIXES
)
META_FIELDS = ("id", "title", "published", "date", "source", "url")
_SURROGATE = re.compile("[\ud800-\udfff]")

__all__ = ["Item", "Reader", "ReaderOptions", "clean_text", "decode_bytes", "parse_date"]


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
            if feeds.is_url(raw):  # a feed (or a page) on the web
                yield from self._read_url(raw)
                continue
            path = Path(raw)
            if not os.path.lexists(path):
                name = display_name(raw)
                yield self._reject(
                    name, None, InputError(f"{name} does not exist (check the path)", "EW-ING-001")
                )
                continue
            entry = walk.classify(path)
            if entry is None or path.is_dir():  # a link named on the command line is followed
                yield from self._read_dir(path)
            else:
                yield from self._entry(entry)

    def _read_dir(self, root: Path) -> Iterator[Item]:
        try:
            entries = list(walk.walk(root))
        except OSError as exc:
            name = display_name(root)
            yield self._reject(
                name,
                None,
                InputError(f"cannot list directory {name}: {exc.strerror}", walk.UNLISTABLE),
            )
            return
        for entry in entries:
            path = entry.path
            if entry.problem is None and path.suffix.lower() not in SUPPORTED_SUFFIXES:
                yield Item(
                    entry.name,
                    None,
                    rejected=LedgerEntry(
                        input=entry.name,
                        content_hash=None,
                        status="skipped",
                        code="EW-ING-010",
                        reason=f"unsupported file type {display_name(path.suffix) or '(none)'!r}; "
                        f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}",
                    ),
                )
                continue
            yield from self._entry(entry)

    def _entry(self, entry: walk.Entry) -> Iterator[Item]:
        """Read a regular file, or record why a filesystem entry is not read."""
        if entry.problem is None:
            yield from self._read_file(entry.path)
        elif entry.status == "skipped":
            problem = entry.problem
            yield self._skip(entry.name, None, problem.code, str(problem.args[0]))
        else:
            yield self._reject(entry.name, None, entry.problem)

    def _read_file(self, path: Path) -> Iterator[Item]:
        name = self.options.input_names.get(str(path)) or display_name(path)
        suffix = path.suffix.lower()
        try:
            size = path.stat().st_size
            if suffix in JSONL_SUFFIXES:
                yield from self._read_jsonl(path, name)
                return
            if suffix in CSV_SUFFIXES:
                yield from self._read_csv(path, name)
                return
            if size > self.options.max_chars * 4:
                yield self._reject(
                    name,
                    _hash_file(path),
                    InputError(
                        f"{name} is too large ({size:,} bytes; "
                        f"limit {self.options.max_chars * 4:,}); "
                        f"split it into articles or raise --max-chars",
                        "EW-ING-005",
                    ),
                )
                return
            data = path.read_bytes()
        except OSError as exc:
            yield self._reject(
                name, None, InputError(f"cannot read {name}: {exc.strerror}", "EW-ING-006")
            )
            return
        yield from self._read_bytes(name, data, suffix)

    def _read_url(self, url: str) -> Iterator[Item]:
        try:
            page = feeds.fetch(url, self.options.max_chars * 4)
        except InputError as exc:
            yield self._reject(url, None, exc)
            return
        yield from self._read_bytes(url, page.data, ".html" if page.is_html else ".xml")

    def _read_bytes(self, name: str, data: bytes, suffix: str) -> Iterator[Item]:
        if suffix in feeds.FEED_SUFFIXES:  # XML: lxml reads its encoding declaration
            yield from self._read_feed(name, data)
            return
        digest = content_hash_bytes(data)
        try:
            text, encoding = decode_bytes(data, name)
        except InputError as exc:
            yield self._reject(name, digest, exc)
            return
        if suffix in HTML_SUFFIXES:
            yield self._from_html(name, digest, text, {}, encoding)
        else:
            yield self._make(name, digest, text, {}, encoding)

    def _read_feed(self, name: str, data: bytes) -> Iterator[Item]:
        """One item per feed item (:mod:`.feeds`), or the feed's one rejection."""
        for entry in feeds.entries(name, data, self.options):
            if isinstance(entry, feeds.Problem):
                error = entry.error
                if entry.skipped:
                    yield self._skip(entry.name, entry.digest, error.code, str(error.args[0]))
                else:
                    yield self._reject(entry.name, entry.digest, error)
                continue
            item, note = None, entry.note
            if entry.html is not None:
                item = self._from_html(entry.name, entry.key, entry.html, dict(entry.meta), "utf-8")
                if item.document is None and entry.text.strip():
                    item, note = (
                        None,
                        (
                            feeds.LINK_FAILED,
                            "the linked page has no main text; the summary was read",
                        ),
                    )
            if item is None:
                item = self._make(entry.name, entry.key, entry.text, dict(entry.meta), "utf-8")
            if item.document is not None and note is not None:
                item.document.note("readers", *note)
            yield item

    def _open_lines(self, path: Path, name: str) -> Lines | Item:
        """The file's lines, or the rejection of a file that is not text."""
        try:
            # room for a record whose text is at the limit, written wholly in \u escapes
            return Lines.open(path, name, self.options.max_chars * 8)
        except InputError as exc:
            return self._reject(name, _hash_file(path), exc)

    # -- record formats --------------------------------------------------------------
    def _read_jsonl(self, path: Path, name: str) -> Iterator[Item]:
        lines = self._open_lines(path, name)
        if isinstance(lines, Item):
            yield lines
            return
        with lines:
            for lineno, line in jsonl.lines_of(lines):
                where = f"{name}#L{lineno}"
                if isinstance(line, TooLong):
                    limit = self.options.max_chars * 8
                    yield self._reject(
                        where,
                        None,
                        InputError(
                            f"line {lineno} of {name} is too long ({line}; limit {limit:,})",
                            "EW-ING-005",
                        ),
                    )
                    continue
                digest = content_hash(line)
                record = jsonl.parse_line(name, lineno, line)
                if isinstance(record, InputError):
                    yield self._reject(where, digest, record)
                else:
                    yield self._from_record(name, where, digest, record)

    def _read_csv(self, path: Path, name: str) -> Iterator[Item]:
        csv.field_size_limit(self.options.max_chars * 4)
        lines = self._open_lines(path, name)
        if isinstance(lines, Item):
            yield lines
            return
        with lines:
            rows = csvfile.records(lines, self.options.max_chars * 4)
            head = next(rows, None)
            if head is not None and head.problem is not None:
                yield self._reject(
                    name,
                    _hash_file(path),
                    InputError(f"{name} is not valid CSV: {head.problem}", "EW-ING-030"),
                )
                return
            header = [] if head is None else list(head.fields or [])
            fields = [f.strip().lower() for f in header]
            if "text" not in fields and "html" not in fields:
                yield self._reject(
                    name,
                    _hash_file(path),
                    InputError(
                        f"{name} has no 'text' or 'html' column "
                        f"(columns: {', '.join(fields) or 'none'})",
                        "EW-ING-031",
                    ),
                )
                return
            rownum = 1
            for row in rows:
                if row.fields == []:
                    continue  # a blank line, as csv.DictReader skips it
                rownum += 1
                where = f"{name}#row{rownum}"
                if row.problem is not None or row.fields is None:
                    yield self._reject(
                        where,
                        content_hash(row.text),
                        InputError(f"{name} row {rownum}: {row.problem}", "EW-ING-030"),
                    )
                    continue
                raw = csvfile.as_dict(header, row.fields)
                record = {(k or "").strip().lower(): v for k, v in raw.items()}
                yield self._from_record(
                    name, where, content_hash(json.dumps(record, sort_keys=True)), record
                )

    def _from_record(self, name: str, where: str, digest: str, record: dict[str, Any]) -> Item:
        meta: dict[str, Any] = {}
        for key in META_FIELDS:
            value = record.get(key)
            if isinstance(value, dict | list):
                return self._reject(
                    where,
                    digest,
                    InputError(
                        f"record {where}: field {key!r} is a JSON "
                        f"{'object' if isinstance(value, dict) else 'array'}, not text",
                        "EW-ING-023",
                    ),
                )
            meta[key] = None if value in (None, "") else str(value)
        replaced = sum(len(_SURROGATE.findall(v)) for v in meta.values() if v is not None)
        if replaced:  # lone surrogates (JSON "\\ud800") cannot be stored: U+FFFD, noted
            meta = {k: v and _SURROGATE.sub("\ufffd", v) for k, v in meta.items()}
        source_id = meta.pop("id")
        label = f"{name}#{source_id}" if source_id is not None else where
        meta = {
            "replaced": replaced,
            "source_id": source_id,
            "title": meta["title"],
            "published": meta["published"] or meta["date"],
            "source": meta["source"],
            "url": meta["url"],
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
        replaced = meta.get("replaced", 0) + len(_SURROGATE.findall(text))
        if replaced:  # lone surrogates (JSON "\\ud800") cannot be stored or parsed
            text = _SURROGATE.sub("\ufffd", text)
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
        if replaced:
            doc.note(
                "readers",
                "EW-ING-051",
                f"{replaced} unpaired surrogate code point(s) replaced with U+FFFD",
            )
        if published_source == "unparsed":
            doc.note(
                "readers",
                "EW-ING-050",
                f"publication date {meta.get('published')!r} not understood",
            )
        return Item(name, digest, document=doc)

    _reject = staticmethod(rejected_item)
    _skip = staticmethod(skipped_item)


def content_hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
