"""Hostile input for the readers: every input and record gets a ledger row, nothing crashes.

Each test reproduces a failure of the earlier readers (issue 21): a record with odd field
types or deep nesting aborting the run, an undecodable file name, CSV rows swallowed by
one bad quote or dropped after one csv.Error, FIFOs, loops and dangling links skipped
without a row, a JSONL file loaded whole, lone surrogates reaching the NLP stage, and a
NUL byte accepted or refused depending on where it stands.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.cli.process import estimate_inputs
from eventwire.pipeline.read import csvfile
from eventwire.pipeline.read.lines import Lines
from eventwire.pipeline.read.readers import Item, Reader, ReaderOptions

REPORT = (
    "Police said two men were arrested in the town on Monday after a protest "
    "against rising bread prices turned violent."
)
BAD_NAME = os.fsdecode(b"bad\xff.txt")


def read(*paths: Path | str, **opts: object) -> list[Item]:
    return list(Reader(ReaderOptions(**opts)).read([str(p) for p in paths]))  # type: ignore[arg-type]


@contextlib.contextmanager
def no_hang(seconds: int = 20) -> Iterator[None]:
    """Fail instead of blocking forever (opening a FIFO for reading blocks)."""

    def boom(signum: int, frame: object) -> None:
        raise TimeoutError("the reader blocked")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def rows(items: list[Item]) -> dict[str, Item]:
    return {item.input: item for item in items}


# -- 1. one bad JSONL record must not abort the run -----------------------------------


def test_jsonl_fields_of_odd_types_are_coerced_to_text(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": 7, "text": REPORT, "source": 12345, "title": 3.5, "url": True},
        {"id": "b", "text": REPORT + " Again.", "source": "Wire", "published": 20240102},
        {"id": "c", "text": REPORT + " Third.", "source": {"name": "Wire"}},
        {"id": ["d"], "text": REPORT + " Fourth."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    items = read(path)
    assert [i.input for i in items] == [f"{path}#7", f"{path}#b", f"{path}#L3", f"{path}#L4"]
    first = items[0].document
    assert first is not None
    assert (first.source_id, first.source, first.title, first.url) == ("7", "12345", "3.5", "True")
    second = items[1].document
    assert second is not None and second.source == "Wire"
    assert second.published_source in {"record", "unparsed"}
    for item in items[2:]:
        assert item.rejected is not None and item.rejected.code == "EW-ING-023"
    assert "'source' is a JSON object" in (items[2].rejected.reason if items[2].rejected else "")


def test_deeply_nested_jsonl_record_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    deep = '{"id": "deep", "text": ' + "[" * 200_000 + "]" * 200_000 + "}"
    huge_int = '{"id": "int", "text": ' + "9" * 5000 + "}"
    good = json.dumps({"id": "ok", "text": REPORT})
    path.write_text(f"{deep}\n{huge_int}\n{good}\n")
    items = read(path)
    assert [i.input for i in items] == [f"{path}#L1", f"{path}#L2", f"{path}#ok"]
    assert items[0].rejected is not None and items[0].rejected.code == "EW-ING-020"
    assert "nested too deeply" in items[0].rejected.reason
    assert items[1].rejected is not None and items[1].rejected.code == "EW-ING-020"
    assert items[2].document is not None


def test_undecodable_file_name_gets_a_text_name(tmp_path: Path) -> None:
    (tmp_path / BAD_NAME).write_text(REPORT)
    for items in (read(tmp_path), read(tmp_path / BAD_NAME)):
        (item,) = items
        assert item.input == f"{tmp_path}/bad\\xff.txt"
        item.input.encode("utf-8")  # storable
        assert item.document is not None and item.document.input == item.input


# -- 2. CSV rows lost silently ---------------------------------------------------------


def _csv_rows(n: int, bad: int) -> str:
    out = ["id,text,published"]
    for i in range(n):
        quote = '"' if i != bad else '"unterminated '
        close = '"' if i != bad else ""
        out.append(f"r{i},{quote}{REPORT} Row {i}.{close},2024-01-05")
    return "\n".join(out) + "\n"


def test_one_unterminated_quote_costs_one_csv_row(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(_csv_rows(1000, bad=500))
    with Lines.open(path, "rows.csv", 1 << 20) as lines:
        records = list(csvfile.records(lines, 1 << 20))
    problems = [r for r in records if r.problem]
    assert len(records) == 1001 and len(problems) == 1
    assert problems[0].line == 502 and "line 502" in (problems[0].problem or "")
    # the reader end to end, on a smaller file (language detection per row costs time)
    path.write_text(_csv_rows(60, bad=30))
    items = read(path)
    rejected = [i for i in items if i.rejected]
    assert len(items) == 60 and len(rejected) == 1
    assert rejected[0].input == f"{path}#row32"
    assert rejected[0].rejected is not None and "line 32" in rejected[0].rejected.reason
    assert [i.document.source_id for i in items if i.document][29:31] == ["r29", "r31"]


def test_unterminated_quote_on_the_last_row(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(f'id,text\na,"{REPORT}"\nb,"{REPORT} never closed\nc,{REPORT} Plain.\n')
    items = read(path)
    assert [i.input for i in items] == [f"{path}#a", f"{path}#row3", f"{path}#c"]
    assert items[1].rejected is not None and "end of the file" in items[1].rejected.reason


def test_csv_error_rejects_one_row_not_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    long = "x " * 400  # over the field limit (4 x max_chars)
    path.write_text(f"id,text\na,{REPORT}\nb,{long}\nc,{REPORT} Later.\n")
    items = read(path, max_chars=150)
    assert [i.input for i in items] == [f"{path}#a", f"{path}#row3", f"{path}#c"]
    assert items[1].rejected is not None and items[1].rejected.code == "EW-ING-030"
    assert items[2].document is not None
    assert "field larger than field limit" in items[1].rejected.reason
    path.write_text(f"id,text\na,{REPORT}\nb,{'y ' * 700}\nc,{REPORT} Later.\n")
    items = read(path, max_chars=150)  # a line over 8 x max_chars bytes is skipped unread
    assert [i.input for i in items] == [f"{path}#a", f"{path}#row3", f"{path}#c"]
    assert items[1].rejected is not None and "too long" in items[1].rejected.reason


def test_multiline_quoted_fields_still_read(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(f'id,text\na,"{REPORT}\n\nSecond ""quoted"" paragraph."\nb,"{REPORT}"\n')
    items = read(path)
    assert [i.input for i in items] == [f"{path}#a", f"{path}#b"]
    assert items[0].document is not None
    assert items[0].document.text.endswith('Second "quoted" paragraph.')


# no bare "\r": csv.writer leaves it unquoted when lines end in "\n", and csv cannot read that
cell = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(cell, min_size=1, max_size=4), min_size=1, max_size=8),
    st.sampled_from(["\n", "\r\n"]),
)
def test_well_formed_csv_reads_as_the_csv_module_does(rows_in: list[list[str]], end: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=end).writerows(rows_in)
    expected = [r for r in csv.reader(io.StringIO(buffer.getvalue()))]
    lines = Lines(io.BytesIO(buffer.getvalue().encode()), "x.csv", 1 << 20)
    got = [r for r in csvfile.records(lines, 1 << 20)]
    assert all(r.problem is None for r in got)
    assert [r.fields for r in got] == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30), max_size=12))
def test_any_text_is_read_to_the_end_without_error(raw_lines: list[str]) -> None:
    text = "\n".join(raw_lines)
    lines = Lines(io.BytesIO(text.encode()), "x.csv", 1 << 20)
    got = list(csvfile.records(lines, 1 << 20))
    covered = {r.line for r in got}
    assert covered <= set(range(1, text.count("\n") + 2))
    assert all((r.fields is None) == (r.problem is not None) for r in got)


# -- 3. the directory walk -------------------------------------------------------------


def test_special_entries_each_get_a_row(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(REPORT)
    os.mkfifo(root / "pipe.txt")
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    (root / "self.txt").symlink_to(root / "self.txt")
    (root / "sub" / "up").symlink_to(root)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (root / "linked").symlink_to(outside)
    with no_hang():
        got = rows(read(root))
        assert estimate_inputs([str(root)]) == len(got)  # the progress bar's total
    code = {
        Path(k).name: (v.rejected.status, v.rejected.code) for k, v in got.items() if v.rejected
    }
    assert code == {
        "dangling.txt": ("rejected", "EW-ING-011"),
        "pipe.txt": ("rejected", "EW-ING-014"),
        "self.txt": ("rejected", "EW-ING-012"),
        "up": ("rejected", "EW-ING-012"),
        "linked": ("skipped", "EW-ING-013"),
    }
    assert got[str(root / "good.txt")].document is not None
    with no_hang():
        (fifo,) = read(root / "pipe.txt")
    assert fifo.rejected is not None and "FIFO" in fifo.rejected.reason
    (outside / "far.txt").write_text(REPORT)
    (named,) = read(root / "linked")  # a link named on the command line is followed
    assert named.input == str(root / "linked" / "far.txt") and named.document is not None


def test_hidden_entries_get_a_row_and_hidden_directories_are_not_entered(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / ".git" / "objects").mkdir(parents=True)
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (root / ".git" / "objects" / "note.txt").write_text(REPORT)
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / "good.txt").write_text(REPORT)
    got = rows(read(root))
    assert sorted(Path(k).name for k in got) == [".DS_Store", ".git", "good.txt"]
    assert estimate_inputs([str(root)]) == 3
    for name in (".DS_Store", ".git"):
        row = got[str(root / name)].rejected
        assert row is not None and (row.status, row.code) == ("skipped", "EW-ING-017")
        assert "hidden" in (row.reason or "")
    assert got[str(root / "good.txt")].document is not None


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any directory")
def test_unreadable_subdirectory_gets_a_row(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(REPORT)
    locked.chmod(0)
    try:
        (item,) = read(tmp_path)
    finally:
        locked.chmod(0o755)
    assert item.input == str(locked)
    assert item.rejected is not None and item.rejected.code == "EW-ING-015"


# -- 4. memory: JSONL is streamed -------------------------------------------------------


def test_jsonl_is_streamed_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": REPORT * 8}) + "\n"
    path.write_text(line * (20_000_000 // len(line)))  # ~20 MB
    tracemalloc.start()
    try:
        items = Reader(ReaderOptions()).read([str(path)])
        first = next(items)
        second = next(items)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert first.document is not None and second.document is not None
    assert peak < 2_000_000, f"peak {peak:,} bytes for a 20 MB file"


# -- 5. surrogates and NUL bytes --------------------------------------------------------


def test_lone_surrogates_are_replaced_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "s\\ud800", "title": "t\\udfff", "text": "' + REPORT + ' \\ud83d"}\n')
    (item,) = read(path)
    doc = item.document
    assert doc is not None
    assert doc.text.endswith("\ufffd") and doc.title == "t\ufffd"
    assert item.input == f"{path}#s\ufffd"
    item.input.encode("utf-8")
    assert any(n.code == "EW-ING-051" and "3 unpaired" in n.message for n in doc.notes)


def test_nul_after_8kb_is_rejected_like_before_it(tmp_path: Path) -> None:
    text = tmp_path / "late.txt"
    text.write_bytes((REPORT + "\n").encode() * 200 + b"\x00" + REPORT.encode())
    (item,) = read(text)
    assert item.rejected is not None and item.rejected.code == "EW-ING-002"
    rows_csv = tmp_path / "late.csv"
    body = "".join(f"r{i},{REPORT} Row {i}.\n" for i in range(80))
    rows_csv.write_bytes(f"id,text\n{body}".encode() + b"z,bad \x00 row\n" + b"y,last row\n")
    items = read(rows_csv)
    nul = [i for i in items if i.rejected and "NUL" in i.rejected.reason]
    assert len(nul) == 1 and nul[0].input == f"{rows_csv}#row82"
    assert items[-1].input == f"{rows_csv}#y"


# -- the whole CLI on a hostile batch ---------------------------------------------------


def test_cli_on_a_hostile_batch(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text(REPORT)
    (batch / BAD_NAME).write_text(REPORT + " Named badly.")
    feed = [
        json.dumps({"id": "j1", "text": REPORT + " One.", "source": 12345}),
        '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "sur", "text": "' + REPORT + ' \\ud800"}',
        json.dumps({"id": "j2", "text": REPORT + " Two.", "source": "Wire"}),
    ]
    (batch / "feed.jsonl").write_text("\n".join(feed) + "\n")
    (batch / "rows.csv").write_text(_csv_rows(6, bad=2))
    os.mkfifo(batch / "pipe.txt")
    (batch / "dangling.txt").symlink_to(batch / "nowhere.txt")
    (batch / "loop").symlink_to(batch)
    db = tmp_path / "ew.duckdb"
    cmd = [sys.executable, "-m", "eventwire"]
    done = subprocess.run(
        [*cmd, "process", str(batch), "--db", str(db), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    ledger = subprocess.run(
        [*cmd, "ledger", "--db", str(db), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    status = {
        row["input"].removeprefix(f"{batch}/"): row["status"]
        for row in map(json.loads, ledger.stdout.splitlines())
    }
    assert status == {
        "good.txt": "processed",
        "bad\\xff.txt": "processed",
        "feed.jsonl#j1": "processed",
        "feed.jsonl#L2": "rejected",
        "feed.jsonl#sur": "processed",
        "feed.jsonl#j2": "processed",
        **{f"rows.csv#r{i}": "processed" for i in (0, 1, 3, 4, 5)},
        "rows.csv#row4": "rejected",
        "pipe.txt": "rejected",
        "dangling.txt": "rejected",
        "loop": "rejected",
    }


def test_unlistable_subdirectory_gets_a_row_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(REPORT)
    real = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr("eventwire.pipeline.read.walk.os.scandir", scandir)
    (item,) = read(tmp_path)
    assert item.input == str(locked)
    assert item.rejected is not None and item.rejected.code == "EW-ING-015"
    assert "Permission denied" in item.rejected.reason


json_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(st.characters(blacklist_categories=()), max_size=20),  # surrogates too
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["id", "title", "source", "url", "published", "text"]), json_value
        ),
        max_size=6,
    )
)
def test_any_json_record_gets_one_storable_item(
    tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, object]]
) -> None:
    path = tmp_path_factory.mktemp("j") / "f.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    items = read(path)
    assert len(items) == len(records)
    for item in items:
        item.input.encode("utf-8")
        assert (item.document is None) != (item.rejected is None)
        if item.document is not None:
            doc = item.document
            for value in (doc.source_id, doc.title, doc.source, doc.url, doc.text):
                assert value is None or isinstance(value, str)
                if value is not None:
                    value.encode("utf-8")
