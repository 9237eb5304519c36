"""`eventwire process` end to end: ledger rows, exit codes, idempotence, resume after SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()

ARTICLE = (
    "Gunmen attacked a police checkpoint near the town of Baqubah on Monday, killing three "
    "officers, the provincial police said. Security forces later arrested two suspects."
)


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "events", "ledger")
        }
    finally:
        con.close()


def ledger(db: Path) -> dict[str, dict]:
    result = run("ledger", "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return {
        Path(r["input"].split("#")[0]).name
        + ("#" + r["input"].split("#")[1] if "#" in r["input"] else ""): r
        for r in rows
    }


@pytest.fixture
def bad_batch(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE)
    (d / "empty.txt").write_text("")
    (d / "image.png.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x01\x02")
    (d / "latin1.txt").write_bytes(("A café owner in Bogotá said " + ARTICLE).encode("latin-1"))
    (d / "utf16.txt").write_text("Witnesses said " + ARTICLE, encoding="utf-16")
    (d / "feed.jsonl").write_text(
        json.dumps({"id": "r1", "text": "Residents said " + ARTICLE, "published": "2024-05-02"})
        + "\n{broken json\n"
        + json.dumps({"id": "r2", "text": "Officials said " + ARTICLE})
        + "\n"
    )
    (d / "no_text.csv").write_text("id,headline\n1,Headline only\n")
    (d / "nobody.html").write_text("<html><body><script>1</script></body></html>")
    (d / "french.txt").write_text(
        "La police a déclaré que trois agents ont été tués lundi près de la ville selon "
        "les témoins et les autorités locales qui ont ouvert une enquête."
    )
    (d / "copy_of_good.txt").write_text(ARTICLE)
    return d


def test_bad_inputs_each_get_a_ledger_row(bad_batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    result = run(
        "process",
        str(bad_batch),
        "/does/not/exist.txt",
        "--db",
        str(db),
        "--published",
        "2024-05-06",
        "-q",
    )
    assert result.exit_code == 1, result.output  # something was rejected
    assert "Traceback" not in result.output
    rows = ledger(db)
    status = {k: (v["status"], v["code"]) for k, v in rows.items()}
    assert status["latin1.txt"][0] == "processed"
    assert status["utf16.txt"][0] == "processed"
    assert status["feed.jsonl#r1"][0] == "processed"
    assert status["feed.jsonl#r2"][0] == "processed"
    assert status["feed.jsonl#L2"] == ("rejected", "EW-ING-020")
    assert status["empty.txt"] == ("rejected", "EW-ING-003")
    assert status["image.png.txt"] == ("rejected", "EW-ING-002")
    assert status["no_text.csv"] == ("rejected", "EW-ING-031")
    assert status["nobody.html"] == ("rejected", "EW-ING-041")
    assert status["french.txt"] == ("skipped", "EW-ING-008")
    # copy_of_good.txt sorts before good.txt: the first twin is stored, the second skipped
    assert status["copy_of_good.txt"] == ("processed", None)
    assert status["good.txt"] == ("processed", "EW-ING-009")  # linked to its twin
    assert "copy_of_good.txt" in rows["good.txt"]["reason"]
    assert status["exist.txt"] == ("rejected", "EW-ING-001")
    assert len(rows) == 13
    for row in rows.values():
        if row["status"] != "processed":
            assert row["reason"] and row["reason"].startswith("[EW-")


def test_rerun_adds_nothing(bad_batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    run("process", str(bad_batch), "--db", str(db), "-q")
    first = counts(db)
    result = run("process", str(bad_batch), "--db", str(db), "-q")
    assert "already in the ledger" in result.stderr
    assert counts(db) == first


def test_all_good_exits_zero_and_export_round_trips(tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    result = run("process", str(src), "--db", str(db), "--published", "2024-05-06", "-q")
    assert result.exit_code == 0, result.output
    exported = run("export", "--db", str(db), "--format", "jsonl")
    assert exported.exit_code == 0
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    text = src.read_text()
    for rec in records:
        start, end = rec["span"]
        assert text[start:end] == rec["sentence"]
        assert rec["source_id"] is None and rec["doc_id"]


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    result = run("process", str(tmp_path), "--published", "yesterday")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert run("process").exit_code == 2
    bad_engine = run("process", str(tmp_path), "--engine", "dask")
    assert bad_engine.exit_code == 2 and "local or ray" in bad_engine.output


def test_ledger_on_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = run("ledger", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1
    assert "EW-DB-001" in result.stderr


@pytest.mark.parametrize("name", ["missing.txt", "a folder"])
def test_extract_of_a_path_it_cannot_read_is_a_clear_error(tmp_path: Path, name: str) -> None:
    (tmp_path / "a folder").mkdir()
    result = run("extract", str(tmp_path / name))
    assert result.exit_code == 1
    assert "EW-ING-001" in result.stderr and name in result.stderr
    assert "unexpected" not in result.stderr and "Traceback" not in result.output


def test_stdin_input(tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    result = run("process", "-", "--db", str(db), "-q", input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert counts(db)["documents"] == 1


@pytest.mark.slow
def test_killed_run_resumes_without_duplicates(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    with feed.open("w") as handle:
        for i in range(120):
            text = (
                f"Report {i}: " + ARTICLE.replace("three", str(i + 2)) + f" Reference number {i}."
            )
            handle.write(
                json.dumps({"id": f"d{i}", "text": text, "published": "2024-05-06"}) + "\n"
            )
    cmd = [sys.executable, "-m", "eventwire", "process", str(feed), "-q", "--batch-size", "4"]
    db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([*cmd, "--db", str(db)], stderr=subprocess.PIPE)
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + 120
    # Wait until at least one batch is committed (the WAL grows), then kill hard.
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 50_000:
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail("process finished before it could be killed; make the input larger")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = counts(db)
    assert 0 < partial["ledger"] < 120
    resumed = subprocess.run([*cmd, "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    clean_db = tmp_path / "clean.duckdb"
    clean = subprocess.run(
        [*cmd, "--db", str(clean_db)], capture_output=True, text=True, timeout=300
    )
    assert clean.returncode == 0, clean.stderr
    assert counts(db) == counts(clean_db)
    assert counts(db)["ledger"] == 120
    con = duckdb.connect(str(db), read_only=True)
    ids = con.execute("SELECT event_id FROM events ORDER BY 1").fetchall()
    con.close()
    con = duckdb.connect(str(clean_db), read_only=True)
    clean_ids = con.execute("SELECT event_id FROM events ORDER BY 1").fetchall()
    con.close()
    assert ids == clean_ids


def test_export_filters_by_speaker_and_outlet(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parent.parent / "examples" / "reports"
    db = tmp_path / "ew.duckdb"
    assert run("process", str(examples), "--db", str(db), "-q").exit_code == 0
    everything = run("export", "--db", str(db), "--format", "jsonl")
    records = [json.loads(line) for line in everything.stdout.splitlines()]
    speakers = {r["attributed_to"] for r in records if r["attributed_to"]}
    outlets = {r["source"] for r in records if r["source"]}
    assert len(speakers) > 1 and len(outlets) > 1
    speaker = sorted(speakers)[0]
    got = run("export", "--db", str(db), "--format", "jsonl", "--speaker", speaker)
    picked = [json.loads(line) for line in got.stdout.splitlines()]
    assert picked and len(picked) < len(records)
    assert all(speaker.lower() in r["attributed_to"].lower() for r in picked)
    outlet = sorted(outlets)[0]
    got = run("export", "--db", str(db), "--format", "jsonl", "--outlet", outlet)
    picked = [json.loads(line) for line in got.stdout.splitlines()]
    assert picked and all(outlet.lower() in r["source"].lower() for r in picked)
    canonical = run(
        "export", "--db", str(db), "--level", "canonical", "--format", "jsonl", "--speaker", speaker
    )
    assert canonical.exit_code == 0 and canonical.stdout.strip()


def test_a_broken_stage_fails_one_document_and_names_the_stage() -> None:
    from eventwire.config import load_settings
    from eventwire.pipeline.base import Pipeline
    from eventwire.records import Document
    from eventwire.run.executors import run_document

    class Broken:
        name = "test.broken.v1"
        requires: tuple[str, ...] = ()
        assigns: tuple[str, ...] = ()

        def __call__(self, doc: Document) -> Document:
            raise KeyError("boom")

    pipeline = Pipeline([Broken()], load_settings(env={}))
    doc, entry = run_document(pipeline, Document(text=ARTICLE, input="a.txt"), "{}")
    assert doc is None
    assert entry.status == "failed" and entry.stage == "test.broken.v1"
    assert entry.code == "EW-STG-001" and "KeyError" in (entry.reason or "")
