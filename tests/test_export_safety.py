"""Exports never leave a half-written file, and CSV cells cannot run as spreadsheet formulas.

The kill tests run ``eventwire export`` in a real subprocess over a store of many synthetic
events and SIGKILL it once its hidden temporary file exists (the export is then under way):
the target path must afterwards hold nothing, or the previous complete export unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.db.atomic import atomic_dir, atomic_file, atomic_text
from eventwire.db.exports import safe_cell
from eventwire.db.store import Store
from synth_events import insert_synthetic, synthetic_events

SRC = Path(__file__).resolve().parents[1] / "src"
runner = CliRunner()


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store with 60k synthetic events: a JSONL export of it takes about a second."""
    path = tmp_path_factory.mktemp("big") / "events.duckdb"
    with Store.open(path) as store:
        insert_synthetic(store.con, synthetic_events(60_000, seed=3, start=date(2023, 1, 1)))
    return str(path)


def start_export(db: str, fmt: str, output: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    cmd = [sys.executable, "-m", "eventwire", "export", "--db", db, "--format", fmt]
    return subprocess.Popen(
        [*cmd, "-o", str(output), *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def kill_when_started(proc: subprocess.Popen[bytes], folder: Path, min_size: int = 0) -> None:
    """SIGKILL ``proc`` once a hidden ``.part`` temporary in ``folder`` exists (and has data)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        parts = [p for p in folder.glob(".*.part") if p.is_dir() or p.stat().st_size >= min_size]
        if parts:
            break
        assert proc.poll() is None, (
            f"export ended early: {proc.stderr.read() if proc.stderr else b''}"
        )
        time.sleep(0.005)
    else:
        pytest.fail("no temporary file appeared")
    assert proc.poll() is None, "the export finished before the kill"
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "acled-csv", "geojson"])
def test_killed_text_export_leaves_no_file(big_db: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"events.{fmt}"
    proc = start_export(big_db, fmt, target)
    kill_when_started(proc, tmp_path, min_size=1)
    assert not target.exists()
    assert visible(tmp_path) == []


def test_killed_jsonl_export_keeps_the_previous_file(big_db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    result = runner.invoke(
        app, ["export", "--db", big_db, "--until", "2023-01-02", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    before = target.read_bytes()
    assert [json.loads(line) for line in before.decode().splitlines()]
    proc = start_export(big_db, "jsonl", target)
    kill_when_started(proc, tmp_path, min_size=1)
    assert target.read_bytes() == before
    assert visible(tmp_path) == ["events.jsonl"]


def test_killed_parquet_export_keeps_the_previous_file(big_db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    result = runner.invoke(
        app,
        [
            "export",
            "--db",
            big_db,
            "--format",
            "parquet",
            "--until",
            "2023-01-02",
            "-o",
            str(target),
        ],
    )
    assert result.exit_code == 0, result.output
    before = target.read_bytes()
    assert pq.read_table(target).num_rows > 0
    proc = start_export(big_db, "parquet", target)
    kill_when_started(proc, tmp_path)
    assert target.read_bytes() == before
    assert visible(tmp_path) == ["events.parquet"]


def test_killed_partitioned_export_keeps_the_previous_directory(
    big_db: str, tmp_path: Path
) -> None:
    target = tmp_path / "events"
    args = ["export", "--db", big_db, "--format", "parquet", "--partition", "month"]
    result = runner.invoke(app, [*args, "--until", "2023-01-31", "-o", str(target)])
    assert result.exit_code == 0, result.output
    before = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert [p.parts[0] for p in before] == ["month=2023-01"]
    proc = start_export(big_db, "parquet", target, "--partition", "month")
    kill_when_started(proc, tmp_path)
    after = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert after == before
    assert visible(tmp_path) == ["events"]


def test_partitioned_export_replaces_the_previous_directory(big_db: str, tmp_path: Path) -> None:
    target = tmp_path / "events"
    args = ["export", "--db", big_db, "--format", "parquet", "--partition", "month"]
    for since in ("2023-01-01", "2024-06-01"):
        result = runner.invoke(app, [*args, "--since", since, "--until", since, "-o", str(target)])
        assert result.exit_code == 0, result.output
    assert [p.name for p in target.iterdir()] == ["month=2024-06"]  # no stale months
    assert os.listdir(tmp_path) == ["events"]  # no temporary or old copy left


def test_partitioned_export_refuses_a_foreign_directory(big_db: str, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    args = ["export", "--db", big_db, "--format", "parquet", "--partition", "month"]
    result = runner.invoke(app, [*args, "-o", str(tmp_path)])
    assert result.exit_code != 0
    assert "not a partitioned export" in result.output
    assert os.listdir(tmp_path) == ["notes.txt"]


def test_a_failed_write_removes_its_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old, complete\n")
    with pytest.raises(RuntimeError), atomic_text(target) as handle:
        handle.write("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old, complete\n"
    assert os.listdir(tmp_path) == ["out.csv"]
    with pytest.raises(KeyboardInterrupt), atomic_file(tmp_path / "new.parquet") as tmp:
        tmp.write_bytes(b"PAR1")
        raise KeyboardInterrupt
    with pytest.raises(ValueError), atomic_dir(tmp_path / "dir") as folder:
        (folder / "month=2024-01").mkdir()
        raise ValueError
    assert os.listdir(tmp_path) == ["out.csv"]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        with atomic_text(tmp_path / "a.jsonl") as handle:
            handle.write("{}\n")
    finally:
        os.umask(mask)
    assert (tmp_path / "a.jsonl").stat().st_mode & 0o777 == 0o644


@pytest.fixture
def formula_db(tmp_path: Path) -> str:
    """Five events: text cells that start like formulas, and a negative longitude."""
    table = synthetic_events(5, seed=1)
    attacks = {
        "source": ['=HYPERLINK("http://evil")', "+cmd|' /C calc'!A0", None, None, None],
        "location_name": ["@SUM(A1)", "-Town", "\tTab", "\rCarriage", "Mosul"],
        "actor1_name": ["-2+3", None, None, None, None],
    }
    for name, values in attacks.items():
        index = table.schema.get_field_index(name)
        table = table.set_column(index, name, pa.array(values, pa.string()))
    index = table.schema.get_field_index("lon")
    table = table.set_column(index, "lon", pa.array([-12.5, -0.25, 3.0, 4.0, 5.0]))
    path = tmp_path / "formula.duckdb"
    with Store.open(path) as store:
        insert_synthetic(store.con, table)
    return str(path)


def export_text(db: str, fmt: str) -> str:
    result = runner.invoke(app, ["export", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["csv", "acled-csv"])
def test_csv_cells_cannot_run_as_formulas(formula_db: str, fmt: str) -> None:
    rows = list(csv.DictReader(io.StringIO(export_text(formula_db, fmt))))
    cells = {value for row in rows for value in row.values()}
    starts = {"=", "+", "-", "@", "\t", "\r"}
    risky = {c for c in cells if c[:1] in starts and not c.lstrip("+-").replace(".", "").isdigit()}
    assert risky == set()
    assert '\'=HYPERLINK("http://evil")' in cells
    assert "'@SUM(A1)" in cells
    assert "'-Town" in cells
    assert "'\tTab" in cells
    longitude = "lon" if fmt == "csv" else "longitude"
    assert sorted(float(r[longitude]) for r in rows)[:2] == [-12.5, -0.25]  # numbers stay numbers
    assert "-12.5" in cells


@pytest.mark.parametrize("fmt", ["jsonl", "geojson"])
def test_other_formats_keep_the_text(formula_db: str, fmt: str) -> None:
    text = export_text(formula_db, fmt)
    assert '"=HYPERLINK(\\"http://evil\\")"' in text
    assert '"@SUM(A1)"' in text
    assert "'=" not in text and "'@" not in text


def test_parquet_keeps_the_text(formula_db: str, tmp_path: Path) -> None:
    target = tmp_path / "f.parquet"
    args = ["export", "--db", formula_db, "--format", "parquet", "-o", str(target)]
    assert runner.invoke(app, args).exit_code == 0
    names = pq.read_table(target).column("location_name").to_pylist()
    assert sorted(names) == sorted(["@SUM(A1)", "-Town", "\tTab", "\rCarriage", "Mosul"])


def test_safe_cell() -> None:
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("-1e5") == "-1e5"
    assert safe_cell("-1-1") == "'-1-1"
    assert safe_cell(-3) == -3
    assert safe_cell("") == ""
    assert safe_cell(None) is None


def test_parquet_batches_keep_the_export_order(
    big_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Row ids are sorted, wide columns read per run of ids: rows and row groups as before."""
    from eventwire.db import exports
    from eventwire.db.filters import EventFilter

    monkeypatch.setattr(exports, "FETCH", 1000)
    monkeypatch.setattr(exports, "ARROW_BATCH", 4096)
    flt = EventFilter(since=date(2023, 1, 1), until=date(2023, 6, 30))
    with Store.open(big_db, read_only=True) as store:
        expected = [r["event_id"] for r in exports.records(store, "report", flt)]
        n = exports.write_parquet(store, "report", flt, tmp_path / "e.parquet", partition=False)
        folder = tmp_path / "months"
        assert exports.write_parquet(store, "report", flt, folder, partition=True) == n
    assert n == len(expected) > 4096
    file = pq.ParquetFile(tmp_path / "e.parquet")
    assert file.read().column("event_id").to_pylist() == expected
    groups = [file.metadata.row_group(i).num_rows for i in range(file.metadata.num_row_groups)]
    assert groups[:-1] == [4096] * (len(groups) - 1)
    march = pq.read_table(folder / "month=2023-03").column("event_id").to_pylist()
    assert march == [e for e in expected if e in set(march)]
    assert len(march) > 0
