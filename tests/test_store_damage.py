"""A damaged store file is told as such (EW-DB-030), never as an unexpected error (issue 21, 11)."""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.api.app import create_app
from eventwire.cli import app as cli_app
from eventwire.db.diagnose import check_store
from eventwire.db.store import Store
from eventwire.errors import StoreError
from synth_docs import synthetic_documents


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("damage") / "good.duckdb"
    with Store.open(path) as store:
        store.write_batch(synthetic_documents(400, seed=1), [])
    return path


def _copy(good: Path, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copy(good, path)
    return path


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli_app, list(args))
    return result.exit_code, " ".join(result.output.replace("│", " ").split())


def test_a_truncated_file_is_refused_as_damaged(good: Path, tmp_path: Path) -> None:
    path = _copy(good, tmp_path, "trunc.duckdb")
    os.truncate(path, path.stat().st_size // 2)
    with pytest.raises(StoreError) as info:
        Store.open(path, read_only=True).close()
    assert info.value.code == "EW-DB-030" and "damaged" in str(info.value)
    for command in ("stats", "export", "check"):
        code, output = _cli(command, "--db", str(path))
        assert code == 1 and "EW-DB-030" in output and "EW-GEN-001" not in output


def test_damage_inside_the_file_is_found_by_check_and_told_by_every_reader(
    good: Path, tmp_path: Path
) -> None:
    path = _copy(good, tmp_path, "mid.duckdb")
    size = path.stat().st_size
    with path.open("r+b") as handle:  # overwrite a stretch in the middle of the file
        handle.seek(size // 2)
        handle.write(random.Random(7).randbytes(200_000))
    with Store.open(path, read_only=True) as store:
        rows = {r["table"]: r for r in check_store(store.con)}
    assert not all(r["ok"] for r in rows.values())
    assert rows["meta"]["ok"]
    code, output = _cli("check", "--db", str(path))
    assert code == 1 and "damaged" in output
    code, output = _cli("export", "--db", str(path), "-o", str(tmp_path / "out.jsonl"))
    assert "EW-GEN-001" not in output and (code == 0 or "EW-DB-030" in output)
    with TestClient(create_app(path, read_only=True), raise_server_exceptions=False) as client:
        response = client.get("/events", params={"limit": 1000})
    if response.status_code != 200:
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "EW-DB-030"


def test_a_good_store_checks_clean(good: Path) -> None:
    code, output = _cli("check", "--db", str(good))
    assert code == 0 and "damaged" not in output and "events" in output


def test_an_odd_version_string_is_told_not_crashed(good: Path, tmp_path: Path) -> None:
    path = _copy(good, tmp_path, "version.duckdb")
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '3.0-beta' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError) as info:
        Store.open(path).close()
    assert info.value.code == "EW-DB-023" and "3.0-beta" in str(info.value)
    code, output = _cli("stats", "--db", str(path))
    assert code == 1 and "EW-DB-023" in output


def test_a_failed_rollback_does_not_hide_the_error(good: Path, tmp_path: Path) -> None:
    from eventwire.db.diagnose import rollback

    con = duckdb.connect(str(_copy(good, tmp_path, "rb.duckdb")))
    rollback(con)  # no transaction open: DuckDB raises, rollback() keeps quiet
    assert json.loads(json.dumps(con.execute("SELECT 1").fetchall())) == [[1]]
    con.close()
