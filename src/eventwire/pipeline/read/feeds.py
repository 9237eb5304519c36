"""RSS and Atom feeds, from files or URLs: one document per item.

``eventwire process news.xml`` or ``process https://example.org/feed`` reads RSS 2.0 (and
0.9x/1.0) and Atom (1.0 and 0.3) feeds. Each item becomes one document: its text is the
item's content (``content:encoded``, Atom ``content``), else its summary (``description``,
Atom ``summary``), as text; its title, link (``url``), date (``pubDate``, ``dc:date``, Atom
``published`` or ``updated`` → ``published``) and source (the item's ``<source>``, else the
channel's title) come along. With ``follow_links`` (``process --follow-links``) an item
that carries only a summary is read from its linked page instead (HTML through trafilatura,
as ``.html`` files are); when that page cannot be fetched or has no main text, the summary
is read and a note (EW-ING-065) says so.

Identity: an item goes into the ledger as ``FEED#ID`` with a content hash made from ``ID``
(its ``guid``/Atom ``id``, else its link, else a hash of its title, date and summary), not
from its text, so reading the feed again — as ``eventwire watch`` does every cycle — never
processes an item twice, even when the publisher edits it. ``ID`` is also the document's
``source_id``.

Untrusted input: the XML parser (lxml) loads no DTD, resolves no entity and reaches no
network; a feed that declares entities is refused (EW-ING-062), and so is one that is not
well-formed (EW-ING-060, with line and column; undefined HTML entities such as ``&nbsp;``
make a feed ill-formed). A document that is XML but not a feed is skipped (EW-ING-061), a
feed without items too (EW-ING-063); a URL that cannot be fetched is rejected (EW-ING-064).
Nothing here raises on bad input: every problem is one coded ledger row.
"""

from __future__ import annotations

import hashlib
import http.client
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from html import unescape
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from eventwire.config import VERSION
from eventwire.errors import InputError
from eventwire.pipeline.read.items import ReaderOptions
from eventwire.pipeline.read.lines import decode_bytes
from eventwire.records import content_hash

__all__ = [
    "FEED_SUFFIXES",
    "Entry",
    "Feed",
    "FeedItem",
    "Problem",
    "entries",
    "fetch",
    "html_text",
    "is_url",
    "parse_feed",
]

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
FETCH_TIMEOUT_S = 20.0
NOT_XML = "EW-ING-060"
NOT_A_FEED = "EW-ING-061"
ENTITIES = "EW-ING-062"
NO_ITEMS = "EW-ING-063"
UNREACHABLE = "EW-ING-064"
LINK_FAILED = "EW-ING-065"

ATOM = frozenset({"http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"})
RSS = frozenset({"", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"})
CONTENT = frozenset({"http://purl.org/rss/1.0/modules/content/"})
DC = frozenset({"http://purl.org/dc/elements/1.1/"})
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
_TAG = re.compile(r"<[^>]*>")
# an internal DTD subset that declares an entity (in the first bytes, where a prolog is)
_ENTITY_DECLARATION = re.compile(rb"<!DOCTYPE[^\[>]*\[[^\]]*<!ENTITY", re.IGNORECASE)
_PROLOG_BYTES = 1 << 16
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def is_url(raw: str) -> bool:
    """Whether an input names an http(s) URL rather than a path."""
    return raw.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    """The body of a fetched URL and what the server said it is."""

    url: str
    data: bytes
    content_type: str

    @property
    def is_html(self) -> bool:
        """An HTML page (by its content type, or by its first bytes when the type is vague)."""
        kind = self.content_type.split(";")[0].strip().lower()
        if kind in {"text/html", "application/xhtml+xml"}:
            return True
        head = self.data[:512].lstrip().lower()
        return kind in {"", "text/plain", "application/octet-stream"} and (
            head.startswith(b"<!doctype html") or head.startswith(b"<html")
        )


def fetch(url: str, max_bytes: int, timeout: float = FETCH_TIMEOUT_S) -> Fetched:
    """GET an http(s) URL; any failure is an :class:`InputError` (EW-ING-064, or EW-ING-005
    for a body over ``max_bytes``)."""
    if not is_url(url):
        raise InputError(f"{url!r} is not an http(s) URL", UNREACHABLE)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"eventwire/{VERSION}",
            "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type", "") or ""
            final = response.geturl() or url
    except urllib.error.HTTPError as exc:
        raise InputError(f"cannot fetch {url}: HTTP {exc.code} {exc.reason}", UNREACHABLE) from None
    except urllib.error.URLError as exc:
        raise InputError(f"cannot fetch {url}: {exc.reason}", UNREACHABLE) from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise InputError(f"cannot fetch {url}: {type(exc).__name__}: {exc}", UNREACHABLE) from None
    if len(data) > max_bytes:
        raise InputError(f"{url} is too large (over {max_bytes:,} bytes)", "EW-ING-005")
    return Fetched(final, data, content_type)


@dataclass(slots=True)
class FeedItem:
    """One item (RSS) or entry (Atom) as written in the feed."""

    guid: str | None = None
    link: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date when understood, else as written
    author: str | None = None
    source: str | None = None  # the item's own <source> (the outlet it came from)
    summary: str | None = None  # text
    content: str | None = None  # text of the full content, when the feed carries it


@dataclass(slots=True)
class Feed:
    """A parsed feed: its kind (``rss`` or ``atom``), title, link and items."""

    kind: str
    title: str | None = None
    link: str | None = None
    items: list[FeedItem] = field(default_factory=list)


def _parser() -> etree.XMLParser:
    """An XML parser for untrusted input: no DTD, no entities, no network, default limits."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _space(el: Any) -> str:
    tag = el.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Any, name: str, spaces: frozenset[str]) -> list[Any]:
    return [c for c in el if _local(c) == name and _space(c) in spaces]


def _text(el: Any, name: str, spaces: frozenset[str]) -> str | None:
    """The stripped text of the first child ``name`` in one of ``spaces`` (None if empty)."""
    for child in _children(el, name, spaces):
        text = "".join(child.itertext()).strip()
        if text:
            return _CONTROL.sub(" ", text)
    return None


def _refuse_entities(name: str) -> InputError:
    return InputError(
        f"{name} declares XML entities in its DTD; feeds that do are refused "
        "(entity expansion can exhaust memory)",
        ENTITIES,
    )


def parse_feed(data: bytes, name: str) -> Feed:
    """Parse RSS or Atom bytes; a problem raises :class:`InputError` (EW-ING-060…062)."""
    if _ENTITY_DECLARATION.search(data[:_PROLOG_BYTES]):
        raise _refuse_entities(name)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        message = str(exc.msg).split(", line")[0] if exc.msg else "not XML"
        if "amplification" in message:  # libxml2's own guard against entity bombs
            raise _refuse_entities(name) from None
        raise InputError(
            f"{name} is not well-formed XML (line {line}, column {column}: {message})", NOT_XML
        ) from None
    except ValueError as exc:
        raise InputError(f"{name} is not well-formed XML ({exc})", NOT_XML) from None
    if root is None:
        raise InputError(f"{name} is not well-formed XML (no root element)", NOT_XML)
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise _refuse_entities(name)
    kind = _local(root).lower()
    if kind == "feed" and _space(root) in ATOM:
        return _atom(root)
    if kind in {"rss", "rdf"}:
        return _rss(root)
    raise InputError(
        f"{name} is XML but not an RSS or Atom feed (its root element is <{_local(root)}>)",
        NOT_A_FEED,
    )


def _rss(root: Any) -> Feed:
    channel = next(iter(_children(root, "channel", RSS)), None)
    holders = [root] if channel is None else [channel, root]
    feed = Feed(
        "rss",
        title=None if channel is None else _text(channel, "title", RSS),
        link=None if channel is None else _text(channel, "link", RSS),
    )
    for holder in holders:
        for el in _children(holder, "item", RSS):
            about = el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
            encoded = _text(el, "encoded", CONTENT)
            description = _text(el, "description", RSS)
            feed.items.append(
                FeedItem(
                    guid=_text(el, "guid", RSS) or about,
                    link=_text(el, "link", RSS),
                    title=_plain(_text(el, "title", RSS)),
                    published=iso_date(_text(el, "pubDate", RSS) or _text(el, "date", DC)),
                    author=_text(el, "author", RSS) or _text(el, "creator", DC),
                    source=_text(el, "source", RSS),
                    summary=html_text(description) if description else None,
                    content=html_text(encoded) if encoded else None,
                )
            )
    return feed


def _atom_link(el: Any) -> str | None:
    links = [(c.get("rel") or "alternate", c.get("href")) for c in _children(el, "link", ATOM)]
    for rel, href in links:
        if rel == "alternate" and href:
            return str(href).strip()
    return next((str(href).strip() for _, href in links if href), None)


def _atom_text(el: Any, name: str) -> str | None:
    """An Atom text construct as plain text (type text, html or xhtml)."""
    for child in _children(el, name, ATOM):
        kind = (child.get("type") or "text").lower()
        if kind == "xhtml" or kind.endswith("xml"):
            text = " ".join(" ".join(child.itertext()).split())
        elif kind in {"html", "text/html"}:
            text = html_text("".join(child.itertext()))
        else:
            text = "".join(child.itertext()).strip()
        if text:
            return _CONTROL.sub(" ", text) if kind in {"text", "xhtml"} else text
    return None


def _atom(root: Any) -> Feed:
    feed = Feed("atom", title=_atom_text(root, "title"), link=_atom_link(root))
    for el in _children(root, "entry", ATOM):
        author = next(iter(_children(el, "author", ATOM)), None)
        feed.items.append(
            FeedItem(
                guid=_text(el, "id", ATOM),
                link=_atom_link(el),
                title=_atom_text(el, "title"),
                published=iso_date(
                    _text(el, "published", ATOM)
                    or _text(el, "issued", ATOM)
                    or _text(el, "updated", ATOM)
                    or _text(el, "modified", ATOM)
                ),
                author=None if author is None else _text(author, "name", ATOM),
                summary=_atom_text(el, "summary"),
                content=_atom_text(el, "content"),
            )
        )
    return feed


def iso_date(value: str | None) -> str | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom, Dublin Core) date as ``YYYY-MM-DD``, in the
    writer's own time zone; anything else as written (the reader notes it as not understood).

    >>> iso_date("Tue, 24 Jun 2025 08:30:00 +0300"), iso_date("2025-06-24T23:10:00Z")
    ('2025-06-24', '2025-06-24')
    """
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        return value[:100]


def _plain(text: str | None) -> str | None:
    """A title that may hold escaped markup, as text."""
    return None if text is None else (html_text(text) if "<" in text or "&" in text else text)


def html_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed summary): blocks become paragraphs, scripts and
    styles go, entities are decoded. Markup lxml cannot parse is stripped of its tags."""
    import lxml.html

    if "<" not in fragment:
        return _CONTROL.sub(" ", unescape(fragment)).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        for bad in root.xpath("//script|//style"):
            bad.drop_tree()
        for block in root.iter(*_BLOCKS):
            block.tail = "\n\n" + (block.tail or "")
        text = str(root.text_content())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        text = unescape(_TAG.sub(" ", fragment))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", _CONTROL.sub("\n", text)))
    return "\n\n".join(p for p in paragraphs if p)


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed item ready for the reader: its ledger name and key, its metadata, its text
    (the summary or content) and, when its link was followed, the linked page's HTML."""

    name: str
    key: str
    meta: dict[str, Any]
    text: str
    html: str | None = None
    note: tuple[str, str] | None = None  # (code, message) to leave on the document


@dataclass(frozen=True, slots=True)
class Problem:
    """A feed that gives no items: the ledger row it gets instead."""

    name: str
    digest: str | None
    error: InputError
    skipped: bool = False


def _identity(item: FeedItem) -> str:
    """The item's own id (guid, else link, else a hash of what it says) for the ledger."""
    given = (item.guid or item.link or "").strip()
    if given and len(given) <= 300:
        return _CONTROL.sub(" ", given)
    if given:
        return "sha256:" + content_hash(given)[:32]
    said = "\x1f".join(x or "" for x in (item.title, item.published, item.summary, item.content))
    return "sha256:" + content_hash(said)[:32]


def entries(name: str, data: bytes, options: ReaderOptions) -> Iterator[Entry | Problem]:
    """The items of the feed in ``data`` (named ``name`` in the ledger), or the one problem
    that stops it; linked pages are fetched for summary-only items with ``follow_links``."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        feed = parse_feed(data, name)
    except InputError as exc:
        yield Problem(name, digest, exc, skipped=exc.code == NOT_A_FEED)
        return
    if not feed.items:
        yield Problem(name, digest, InputError(f"{name} is a feed with no items", NO_ITEMS), True)
        return
    base = name if is_url(name) else (feed.link or "")
    for item in feed.items:
        yield _entry(name, base, feed, item, options)


def _entry(name: str, base: str, feed: Feed, item: FeedItem, options: ReaderOptions) -> Entry:
    identity = _identity(item)
    label = f"{name}#{identity}"
    key = content_hash(f"feed-item\x1f{identity}")
    link = urljoin(base, item.link) if item.link and base else item.link
    meta: dict[str, Any] = {
        "source_id": identity,
        "title": item.title,
        "published": item.published,
        "source": item.source or feed.title,
        "url": link,
        "author": item.author,
    }
    text = item.content or item.summary or item.title or ""
    done = options.known.get((label, key)) not in (None, "failed")
    if item.content or not options.follow_links or not link or not is_url(link) or done:
        return Entry(label, key, meta, text)
    try:
        page = fetch(link, options.max_chars * 4)
    except InputError as exc:
        return Entry(label, key, meta, text, note=(LINK_FAILED, f"{exc}; the summary was read"))
    try:
        html, _ = decode_bytes(page.data, link)
    except InputError as exc:
        return Entry(label, key, meta, text, note=(LINK_FAILED, f"{exc}; the summary was read"))
    return Entry(label, key, meta, text, html=html)
