"""The canonical view where people count: ``eventwire explain``, ``stats`` and the API.

The bundled example reports are processed once (a real subprocess); the Afgoye bombing
told by three outlets is one canonical event.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from eventwire.db.store import Store

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dedup-cli") / "examples.duckdb"
    done = cli("process", str(ROOT / "examples" / "reports"), "--db", str(path))
    assert done.returncode == 0, done.stderr
    return path


def _afgoye(db: Path) -> dict[str, Any]:
    with Store.open(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT record FROM canonical_events WHERE country = 'SO' AND plover_mode = "
            "'explosives'"
        ).fetchall()
    assert len(rows) == 1
    record: dict[str, Any] = json.loads(rows[0][0])
    return record


def test_explain_says_why_reports_were_merged(db: Path) -> None:
    afgoye = _afgoye(db)
    done = cli("explain", afgoye["canonical_id"], "--db", str(db))
    assert done.returncode == 0, done.stderr
    for outlet in ("Meridian Wire", "Horn Observer", "East Africa Ledger"):
        assert outlet in done.stdout
    assert "3 source(s)" in done.stdout and "killed 7" in done.stdout
    assert "toll updated from" in done.stdout and "same event day 2025-03-14" in done.stdout
    as_json = json.loads(cli("explain", afgoye["canonical_id"], "--db", str(db), "--json").stdout)
    assert as_json["merge_reasons"] == afgoye["merge_reasons"]
    missing = cli("explain", "0000000000000000", "--db", str(db))
    assert missing.returncode == 1 and "EW-DB-040" in missing.stderr


def test_stats_count_canonical_events_by_default(db: Path) -> None:
    canonical = json.loads(cli("stats", "--db", str(db), "--json").stdout)
    reports = json.loads(cli("stats", "--db", str(db), "--json", "--level", "report").stdout)
    assert 0 < canonical["total"] < reports["total"]


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, read_only=True)) as c:
        yield c


def test_api_stats_and_canonical_event(client: TestClient, db: Path) -> None:
    canonical = client.get("/stats").json()
    reports = client.get("/stats", params={"level": "report"}).json()
    assert (canonical["level"], reports["level"]) == ("canonical", "report")
    assert canonical["total"] < reports["total"] == canonical["reports"]
    assert canonical["fatalities"] < reports["fatalities"]  # duplicate tolls not added up
    afgoye = _afgoye(db)
    body = client.get(f"/events/{afgoye['canonical_id']}").json()
    assert body["level"] == "canonical" and body["event"]["n_sources"] == 3
    assert [r["event_id"] for r in body["merge_reasons"]] == [
        r["event_id"] for r in afgoye["merge_reasons"]
    ]
    assert client.get("/stats", params={"level": "nope"}).status_code == 422
