"""Readers: every input becomes a Document or a ledger row with a clear reason."""

from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.pipeline.read.readers import Reader, ReaderOptions, decode_bytes, parse_date

REPORT = (
    "Police said two men were arrested in the town on Monday after a protest "
    "against rising bread prices turned violent."
)


def read(*paths: Path | str, **opts: object) -> list:
    return list(Reader(ReaderOptions(**opts)).read([str(p) for p in paths]))  # type: ignore[arg-type]


def test_txt_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(REPORT, encoding="utf-8")
    (item,) = read(path, published=date(2024, 5, 1))
    assert item.document.text == REPORT
    assert item.document.published == date(2024, 5, 1)
    assert item.document.published_source == "option"


def test_published_unknown_is_never_today(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(REPORT)
    (item,) = read(path)
    assert item.document.published is None
    assert item.document.published_source == "unknown"


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Le café de Bogotá " + REPORT).encode("latin-1"))
    (item,) = read(path)
    assert "café de Bogotá" in item.document.text
    assert item.document.encoding == "cp1252"


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"))
    (item,) = read(path)
    assert item.document.text == REPORT


def test_png_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (item,) = read(path)
    assert item.rejected.status == "rejected"
    assert "PNG image" in item.rejected.reason
    assert item.rejected.code == "EW-ING-002"


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("")
    (item,) = read(path)
    assert item.rejected.status == "rejected" and "empty" in item.rejected.reason


def test_missing_path_is_rejected() -> None:
    (item,) = read("/nonexistent/report.txt")
    assert item.rejected.code == "EW-ING-001"
    assert "does not exist" in item.rejected.reason


def test_huge_file_is_rejected_without_decoding(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (2_000_000))  # 10 MB > 4 x 2 MB chars limit? no: use a small limit
    (item,) = read(path, max_chars=1_000_000)
    assert item.rejected.code == "EW-ING-005"
    assert "too large" in item.rejected.reason


def test_malformed_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {"id": "a1", "text": REPORT, "published": "2024-03-02", "source": "Wire"}
    path.write_text(
        json.dumps(good)
        + "\n{not json\n"
        + json.dumps({**good, "id": "a2", "text": REPORT + " Again."})
        + "\n"
    )
    items = read(path)
    assert [i.input for i in items] == [f"{path}#a1", f"{path}#L2", f"{path}#a2"]
    assert items[1].rejected.code == "EW-ING-020"
    assert "line 2" in items[1].rejected.reason
    assert items[0].document.source_id == "a1"
    assert items[0].document.published == date(2024, 3, 2)
    assert items[2].document.source == "Wire"


def test_jsonl_record_without_text(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "x", "title": "headline only"}) + "\n")
    (item,) = read(path)
    assert item.rejected.code == "EW-ING-022"


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("id,headline\n1,Something happened\n")
    (item,) = read(path)
    assert item.rejected.code == "EW-ING-031"
    assert "headline" in item.rejected.reason


def test_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(f'id,text,published\nr1,"{REPORT}",2024-01-05\nr2,"{REPORT} More.",\n')
    items = read(path, published=date(2024, 2, 1))
    assert [i.document.source_id for i in items] == ["r1", "r2"]
    assert items[0].document.published == date(2024, 1, 5)
    assert items[1].document.published == date(2024, 2, 1)


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Clashes in the north</title>"
        '<meta name="date" content="2024-04-09"></head><body><nav>Home | World</nav>'
        f"<article><h1>Clashes in the north</h1><p>{REPORT}</p><p>{REPORT}</p></article>"
        "</body></html>"
    )
    (item,) = read(path)
    doc = item.document
    assert REPORT in doc.text
    assert "Home | World" not in doc.text
    assert doc.title == "Clashes in the north"
    assert doc.published == date(2024, 4, 9)


def test_html_without_body_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>x</title></head><body><script>var a=1;</script></body></html>"
    )
    (item,) = read(path)
    assert item.rejected.code == "EW-ING-041"


def test_non_english_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        "La police a déclaré que deux hommes ont été arrêtés dans la ville lundi après "
        "une manifestation contre la hausse du prix du pain qui a dégénéré selon les témoins."
    )
    (item,) = read(path)
    assert item.rejected.status == "skipped"
    assert "'fr'" in item.rejected.reason


def test_directory_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(REPORT + " Two.")
    (tmp_path / "one.txt").write_text(REPORT + " One.")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    items = read(tmp_path)
    names = [Path(i.input).name for i in items]
    assert names == ["two.txt", "notes.docx", "one.txt"]
    assert items[1].rejected.status == "skipped" and "unsupported" in items[1].rejected.reason


def test_parse_date_formats() -> None:
    assert parse_date("2014-12-10T08:00:00Z") == date(2014, 12, 10)
    assert parse_date("8-May-20") == date(2020, 5, 8)
    assert parse_date("14 June 2014") == date(2014, 6, 14)
    assert parse_date("not a date") is None
    assert parse_date("") is None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_decode_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        assert exc.code in {"EW-ING-002", "EW-ING-004"}
    else:
        assert isinstance(text, str) and encoding


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=200), st.dictionaries(st.text(max_size=5), st.text(max_size=50))
        ),
        max_size=8,
    )
)
def test_jsonl_reader_yields_one_item_per_nonblank_line(
    tmp_path_factory: pytest.TempPathFactory, rows: list
) -> None:
    path = tmp_path_factory.mktemp("j") / "f.jsonl"
    # NUL bytes make the whole file binary (tested above); "\r" is a line break for clean_text
    lines = [
        json.dumps(r, ensure_ascii=False)
        if isinstance(r, dict)
        else r.replace("\n", " ").replace("\r", " ").replace("\x00", " ")
        for r in rows
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read(path)
    nonblank = [ln for ln in lines if ln.strip()]
    assert len(items) == len(nonblank)
    for item in items:
        assert (item.document is None) != (item.rejected is None)
