"""RSS and Atom feeds: files and URLs, one document per item, ids from guid/link, linked
pages followed for summary-only items, and a coded ledger row for every broken feed."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.pipeline.read import feeds
from eventwire.pipeline.read.readers import Item, Reader, ReaderOptions
from feed_server import FeedServer, rss

ATTACK = (
    "Gunmen attacked an army checkpoint near the river crossing on Monday, killing four "
    "soldiers, the provincial police chief said."
)
PROTEST = "Hundreds of teachers marched to the governor's office on Tuesday demanding back pay."
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Highland Monitor</title>
  <link href="http://127.0.0.1/" rel="alternate"/>
  <link href="http://127.0.0.1/atom" rel="self"/>
  <id>urn:uuid:monitor</id>
  <updated>2025-06-25T12:00:00Z</updated>
  <entry>
    <title type="html">Checkpoint attack &lt;em&gt;near crossing&lt;/em&gt;</title>
    <link rel="alternate" href="/2025/06/checkpoint"/>
    <id>urn:uuid:entry-1</id>
    <published>2025-06-24T06:15:00+03:00</published>
    <updated>2025-06-25T09:00:00Z</updated>
    <author><name>Field Desk</name></author>
    <summary type="html">&lt;p&gt;{ATTACK}&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Teachers march</title>
    <link href="http://127.0.0.1/2025/06/march"/>
    <id>urn:uuid:entry-2</id>
    <updated>2025-06-25T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{PROTEST}</p></div></content>
  </entry>
</feed>
"""
RDF = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://127.0.0.1/"><title>Old Format Weekly</title></channel>
  <item rdf:about="http://127.0.0.1/story/9">
    <title>Attack</title><link>http://127.0.0.1/story/9</link>
    <description>{ATTACK}</description><dc:date>2025-06-24</dc:date>
  </item>
</rdf:RDF>
"""
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
<rss version="2.0"><channel><title>&h;</title><item><title>&h;</title>
<description>&h;</description></item></channel></rss>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><description>&x;</description></item>
</channel></rss>"""


def _items(*inputs: str, **options: object) -> list[Item]:
    return list(Reader(ReaderOptions(**options)).read(list(inputs)))  # type: ignore[arg-type]


def _feed_file(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)


def test_rss_items_become_documents_with_their_metadata(tmp_path: Path) -> None:
    feed = rss(
        "Valley Courier",
        [
            {
                "title": "Checkpoint attacked",
                "link": "http://127.0.0.1/a/1",
                "guid": "valley-1",
                "pubDate": "Tue, 24 Jun 2025 08:30:00 +0300",
                "description": f"&lt;p&gt;{ATTACK}&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;",
            },
            {
                "title": "Teachers march",
                "link": "http://127.0.0.1/a/2",
                "source": "Capital Radio",
                "content:encoded": f"<![CDATA[<p>{PROTEST}</p><p>Police watched.</p>]]>",
            },
        ],
    )
    path = _feed_file(tmp_path, "valley.rss", feed)
    first, second = _items(path)
    assert first.input == f"{path}#valley-1" and second.input == f"{path}#http://127.0.0.1/a/2"
    doc = first.document
    assert doc is not None
    assert doc.text == ATTACK  # markup and scripts gone
    assert (doc.title, doc.url, doc.source, doc.source_id) == (
        "Checkpoint attacked",
        "http://127.0.0.1/a/1",
        "Valley Courier",
        "valley-1",
    )
    assert doc.published is not None and doc.published.isoformat() == "2025-06-24"
    assert doc.published_source == "record"
    other = second.document
    assert other is not None and other.text == f"{PROTEST}\n\nPolice watched."
    assert other.source == "Capital Radio"  # the item's own <source> names its outlet
    assert other.published is None and other.published_source == "unknown"


def test_an_edited_item_keeps_its_ledger_key(tmp_path: Path) -> None:
    before = rss("W", [{"guid": "g-7", "description": ATTACK}])
    after = rss("W", [{"guid": "g-7", "description": ATTACK + " Two were wounded."}])
    (one,) = _items(_feed_file(tmp_path, "w.xml", before))
    (two,) = _items(_feed_file(tmp_path, "w.xml", after))
    assert (one.input, one.content_hash) == (two.input, two.content_hash)
    assert one.document is not None and two.document is not None
    assert one.document.doc_id != two.document.doc_id  # the text differs, the item does not


def test_atom_entries(tmp_path: Path) -> None:
    first, second = _items(_feed_file(tmp_path, "monitor.atom", ATOM))
    assert first.input.endswith("#urn:uuid:entry-1")
    doc = first.document
    assert doc is not None and doc.text == ATTACK
    assert doc.title == "Checkpoint attack near crossing"
    assert doc.url == "http://127.0.0.1/2025/06/checkpoint"  # relative link resolved
    assert doc.source == "Highland Monitor"
    assert doc.published is not None and doc.published.isoformat() == "2025-06-24"
    assert doc.source_id == "urn:uuid:entry-1"
    other = second.document
    assert other is not None and other.text == PROTEST  # xhtml content
    assert other.published is not None and other.published.isoformat() == "2025-06-25"


def test_rss_1_rdf(tmp_path: Path) -> None:
    (item,) = _items(_feed_file(tmp_path, "old.rss", RDF))
    assert item.document is not None and item.document.text == ATTACK
    assert item.document.source == "Old Format Weekly"
    assert item.input.endswith("#http://127.0.0.1/story/9")


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        (b"<rss><channel><item><title>x</title></channel></rss>", "rejected", "EW-ING-060"),
        (b"<rss><channel><title>A &nbsp; B</title></channel></rss>", "rejected", "EW-ING-060"),
        (b"", "rejected", "EW-ING-060"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "rejected", "EW-ING-060"),
        (BILLION_LAUGHS, "rejected", "EW-ING-062"),
        (EXTERNAL, "rejected", "EW-ING-062"),
        (b"<urlset><url><loc>http://x/</loc></url></urlset>", "skipped", "EW-ING-061"),
        (b"<feed><entry/></feed>", "skipped", "EW-ING-061"),  # no Atom namespace
        (
            b'<rss version="2.0"><channel><title>Empty</title></channel></rss>',
            "skipped",
            "EW-ING-063",
        ),
    ],
)
def test_broken_feeds_get_one_coded_row(
    tmp_path: Path, data: bytes, status: str, code: str
) -> None:
    started = time.perf_counter()
    (item,) = _items(_feed_file(tmp_path, "f.xml", data))
    assert time.perf_counter() - started < 10  # entity bombs are refused, never expanded
    assert item.document is None and item.rejected is not None
    assert (item.rejected.status, item.rejected.code) == (status, code)
    assert item.rejected.reason and code in item.rejected.reason


def test_malformed_feed_says_where(tmp_path: Path) -> None:
    (item,) = _items(_feed_file(tmp_path, "f.rss", b"<rss>\n<channel>\n<item></channel></rss>"))
    assert item.rejected is not None and "line 3" in (item.rejected.reason or "")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_parser_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    try:
        feeds.parse_feed(data, "fuzz")
    except InputError as exc:
        assert exc.code in {feeds.NOT_XML, feeds.NOT_A_FEED, feeds.ENTITIES}


_XMLISH = st.sampled_from(
    [
        "<",
        ">",
        "&",
        "&amp;",
        "&lt;p&gt;",
        "<![CDATA[",
        "]]>",
        "<item>",
        "</item>",
        "<title>",
        "</title>",
        "<description>",
        "</description>",
        "<guid>",
        "</guid>",
        '"',
        "\x00",
        "\ud7ff",
        "<!DOCTYPE rss>",
        "<!ENTITY x 'y'>",
        "&x;",
        "<link>",
        "</link>",
        "<pubDate>",
        "</pubDate>",
        "Mon, 99 Jun 2025",
        "2025-13-45T25:00",
        "http://",
        "é",
        "\u2028",
        " ",
        "text",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_XMLISH, max_size=40))
def test_reader_turns_any_feed_like_input_into_items(parts: list[str]) -> None:
    data = ('<rss version="2.0"><channel><title>F</title>' + "".join(parts)).encode(
        "utf-8", "surrogatepass"
    ) + b"</channel></rss>"
    for entry in feeds.entries("fuzz.xml", data, ReaderOptions()):
        assert isinstance(entry, feeds.Entry | feeds.Problem)
        if isinstance(entry, feeds.Entry):
            assert entry.name.startswith("fuzz.xml#") and len(entry.key) == 64
    reader = Reader(ReaderOptions(min_chars=1))
    for item in reader._read_feed("fuzz.xml", data):
        assert (item.document is None) != (item.rejected is None)


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_html_text_never_raises(fragment: str) -> None:
    text = feeds.html_text(fragment)
    assert text == text.strip()
    assert not any(ord(c) < 32 and c != "\n" for c in text)  # control characters go
    assert "\n\n\n" not in text  # paragraphs are separated by one blank line


def test_feed_urls_are_fetched_and_html_urls_read_as_pages() -> None:
    with FeedServer() as server:
        server.put("/feed", rss("Net Wire", [{"guid": "n1", "description": ATTACK}]))
        page = f"<html><head><title>Page</title></head><body><article><p>{PROTEST}</p>"
        page += f"<p>{ATTACK}</p></article></body></html>"
        server.put("/page", page.encode(), "text/html; charset=utf-8")
        items = _items(server.url("/feed"), server.url("/page"), server.url("/missing"))
    feed_item, page_item, missing = items
    assert feed_item.input == server.url("/feed") + "#n1"
    assert feed_item.document is not None and feed_item.document.source == "Net Wire"
    assert page_item.document is not None and PROTEST in page_item.document.text
    assert missing.rejected is not None and missing.rejected.code == "EW-ING-064"
    assert "404" in (missing.rejected.reason or "")


def test_unreachable_url_is_rejected_not_raised() -> None:
    with FeedServer() as server:
        url = server.url("/feed")
    (item,) = _items(url)  # the server is gone: connection refused
    assert item.rejected is not None and item.rejected.code == "EW-ING-064"


def test_follow_links_reads_summary_only_items_from_their_pages() -> None:
    body = f"<html><body><article><h1>Attack</h1><p>{ATTACK}</p><p>{PROTEST}</p>"
    body += "<p>Residents said the crossing had been closed for a week.</p></article></body></html>"
    with FeedServer() as server:
        server.put("/story/1", body.encode(), "text/html")
        items = [
            {"guid": "s1", "link": server.url("/story/1"), "description": "Short summary here."},
            {
                "guid": "s2",
                "link": server.url("/story/2"),
                "description": "A summary of story two.",
            },
            {
                "guid": "s3",
                "link": server.url("/story/3"),
                "content:encoded": f"<![CDATA[<p>{PROTEST}</p>]]>",
            },
        ]
        server.put("/feed", rss("Linker", items))
        feed_url = server.url("/feed")
        followed, failed, full = _items(feed_url, follow_links=True, min_chars=5)
        plain = _items(feed_url, min_chars=5)
        # items the ledger already holds are not fetched again
        known = {(followed.input, followed.content_hash or ""): "processed"}
        again = _items(feed_url, follow_links=True, min_chars=5, known=known)
        hits = dict(server.hits)
    assert followed.document is not None and ATTACK in followed.document.text
    assert PROTEST in followed.document.text and followed.document.url == server.url("/story/1")
    assert followed.document.source == "Linker"
    assert failed.document is not None and failed.document.text == "A summary of story two."
    assert [n.code for n in failed.document.notes] == ["EW-ING-065"]
    assert full.document is not None and full.document.text == PROTEST
    assert hits.get("/story/3") is None  # content in the feed: nothing to follow
    assert hits["/story/1"] == 1  # once: not for the plain read, not for the known item
    assert plain[0].document is not None and plain[0].document.text == "Short summary here."
    assert again[0].document is not None and again[0].document.text == "Short summary here."


def test_directories_read_feed_files(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _feed_file(tmp_path / "in", "a.rss", rss("A", [{"guid": "1", "description": ATTACK}]))
    _feed_file(tmp_path / "in", "sitemap.xml", b"<urlset/>")
    items = _items(str(tmp_path / "in"))
    assert [i.input.rsplit("/", 1)[-1] for i in items] == ["a.rss#1", "sitemap.xml"]
    assert items[1].rejected is not None and items[1].rejected.status == "skipped"


@pytest.mark.slow
def test_process_records_a_malformed_feed_and_goes_on(tmp_path: Path) -> None:
    bad = _feed_file(tmp_path, "bad.rss", b"<rss><channel><item></rss>")
    db = str(tmp_path / "s.duckdb")
    run = [sys.executable, "-m", "eventwire"]
    proc = subprocess.run(
        [*run, "process", bad, "--db", db, "-q"], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 1, proc.stderr
    assert "EW-ING-060" in proc.stderr and "Traceback" not in proc.stderr
    ledger = subprocess.run(
        [*run, "ledger", "--db", db, "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    (row,) = [json.loads(line) for line in ledger.stdout.splitlines()]
    assert (row["input"], row["status"], row["code"]) == (bad, "rejected", "EW-ING-060")
