"""The one query layer: EventFilter, the CLI filter options, and the same rows on every surface."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import eventwire
from eventwire.api.app import create_app
from eventwire.cli import app as cli
from eventwire.cli.filters import FILTER_OPTIONS
from eventwire.db.filters import ALIASES, EventFilter, parse_bbox
from eventwire.db.store import Store
from eventwire.dedup.cluster import cluster_store
from eventwire.errors import ConfigError
from scope_docs import CONFLICT_TRIGGERS, scope_documents
from synth_docs import synthetic_documents

runner = CliRunner()
NASTY = "x' OR 1=1 --"  # a value that would break (or widen) the query if pasted into SQL

# One value per filter, each with a quote in it where the filter takes free text.
EVERY_FILTER: dict[str, Any] = {
    "since": "2024-01-01",
    "until": "2024-12-31",
    "country": "IQ,Somalia",  # names resolve to codes: a value not a country is refused
    "admin1": NASTY,
    "bbox": "40,30,45,37",
    "type": f"assault,{NASTY}",
    "acled_type": NASTY,
    "sub_type": NASTY,
    "actor": NASTY,
    "modality": "asserted,negated",
    "speaker": NASTY,
    "outlet": NASTY,
    "text": NASTY,
    "doc_id": NASTY,
    "min_sources": 2,
    "scope": "conflict",
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("filters") / "filters.duckdb"
    with Store.open(path) as store:
        store.write_batch(synthetic_documents(60, seed=5), [])
    return path


def test_every_filter_field_has_a_cli_option_and_a_test_value() -> None:
    assert tuple(FILTER_OPTIONS) == EventFilter.names() == tuple(EVERY_FILTER)


@pytest.mark.parametrize("level", ["report", "canonical"])
@pytest.mark.parametrize("name", sorted(EVERY_FILTER))
def test_each_filter_is_parameterised_sql_that_runs(name: str, level: str) -> None:
    flt = EventFilter.from_options({name: EVERY_FILTER[name]})
    sql, params = flt.where(level)
    assert sql != "TRUE" and params
    assert "'" not in sql.replace("ESCAPE '\\'", "")  # no literal came from the user
    assert sql.count("?") == len(params)
    with Store.open(":memory:") as store:
        table = "events" if level == "report" else "canonical_events"
        assert store.con.execute(f"SELECT count(*) FROM {table} WHERE {sql}", params).fetchall()


def test_all_filters_together_and_none() -> None:
    sql, params = EventFilter.from_options(EVERY_FILTER).where("canonical")
    assert sql.count("?") == len(params) and NASTY not in sql
    assert EventFilter().where("report") == ("TRUE", [])
    assert EventFilter.from_options({"type": None, "country": ""}).where() == ("TRUE", [])


def test_type_means_plover_acled_type_or_sub_type_in_any_case() -> None:
    sql, params = EventFilter.from_options({"type": "Assault"}).where()
    assert (sql, params) == ("plover_type IN (?)", ["ASSAULT"])  # pushed into the scan
    sql, params = EventFilter.from_options({"type": "Battles"}).where()
    assert sql == "(lower(acled_event_type) IN (?) OR lower(acled_sub_event_type) IN (?))"
    assert params == ["battles", "battles"]
    sql, params = EventFilter.from_options({"type": ["PROTEST", "ATTACK"]}).where()
    assert "plover_type IN (?)" in sql and " OR " in sql
    assert params == ["PROTEST", "attack", "attack"]


def test_aliases_are_the_same_filter() -> None:
    old = EventFilter.from_options({"start": "2024-01-01", "end": "2024-02-01", "source": "w"})
    new = EventFilter.from_options({"since": "2024-01-01", "until": "2024-02-01", "outlet": "w"})
    assert old == new and old.since == date(2024, 1, 1)
    assert EventFilter.from_options({"q": "shot"}) == EventFilter(text="shot")
    assert set(ALIASES.values()) <= set(EventFilter.names())


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"since": "last week"}, "EW-QRY-001"),
        ({"bbox": "1,2,3"}, "EW-QRY-002"),
        ({"bbox": "200,0,10,10"}, "EW-QRY-002"),
        ({"bbox": "0,50,10,10"}, "EW-QRY-002"),
        ({"colour": "red"}, "EW-QRY-003"),
        ({"modality": "asserted,certain"}, "EW-QRY-004"),
        ({"min_sources": "two"}, "EW-QRY-005"),
        ({"min_sources": 0}, "EW-QRY-005"),
        ({"country": ",".join(["IQ"] * 51)}, "EW-QRY-007"),
        ({"since": "2024-01-01", "start": "2024-02-01"}, "EW-QRY-008"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, "EW-QRY-009"),
        ({"scope": "violent"}, "EW-QRY-010"),
    ],
)
def test_bad_values_are_coded_errors(values: dict[str, Any], code: str) -> None:
    with pytest.raises(ConfigError) as info:
        EventFilter.from_options(values)
    assert info.value.code == code and str(info.value).startswith(f"[{code}]")


def test_bad_level_is_a_coded_error() -> None:
    with pytest.raises(ConfigError, match="EW-QRY-006"):
        EventFilter().where("cluster")


def test_bbox_across_the_antimeridian() -> None:
    assert parse_bbox([170, -20, -170, -10]) == (170.0, -20.0, -170.0, -10.0)
    sql, params = EventFilter(bbox=(170.0, -20.0, -170.0, -10.0)).where()
    assert sql == "lat BETWEEN ? AND ? AND (lon >= ? OR lon <= ?)"
    assert params == [-20.0, -10.0, 170.0, -170.0]


def _export_ids(db: Path, *args: str) -> set[str]:
    result = runner.invoke(cli, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return {json.loads(line)["event_id"] for line in result.stdout.splitlines()}


def _stats_total(db: Path, *args: str) -> int:
    result = runner.invoke(cli, ["stats", "--db", str(db), "--json", *args])
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["total"])


def _options(command: str) -> set[str]:
    import typer.main

    group = typer.main.get_command(cli)
    params = group.commands[command].params  # type: ignore[attr-defined]
    return {opt for p in params for opt in p.opts if p.name in FILTER_OPTIONS}


def test_export_and_stats_share_the_filter_options(db_path: Path) -> None:
    assert _options("export") == _options("stats") and "--bbox" in _options("stats")
    assert "--scope" in _options("export")
    for args in (
        ["--bbox", "40,30,45,37"],
        ["--speaker", "governor", "--outlet", "ledger"],
        ["--type", "Strategic developments", "--since", "2024-06-01"],
        ["--text", "marched"],
    ):
        for scope in ("all", "conflict"):
            ids = _export_ids(db_path, *args, "--scope", scope)
            assert ids and _stats_total(db_path, *args, "--scope", scope) == len(ids), args
    for command in ("export", "stats"):
        bad = runner.invoke(cli, [command, "--db", str(db_path), "--bbox", "1,2,x,4"])
        assert bad.exit_code == 2 and "EW-QRY-002" in bad.output


TYPES = ["ASSAULT", "assault,protest", "Attack", "strategic developments", "Arrests,MOBILIZE"]


def test_type_selects_the_same_rows_in_export_api_and_python(db_path: Path) -> None:
    exported = {value: _export_ids(db_path, "--type", value) for value in TYPES}
    with eventwire.open(db_path) as events:
        python = {v: set(events.events(type=v).column("event_id").to_pylist()) for v in TYPES}
    with TestClient(create_app(db_path)) as client:
        for value in TYPES:
            query = {"type": value, "limit": 1000, "scope": "all"}
            page = client.get("/events", params=query).json()
            api = {e["event_id"] for e in page["items"]}
            assert api == exported[value] == python[value] and api, value
            assert page["total"] == len(api)
            stats = client.get("/stats", params={"type": value, "scope": "all"}).json()
            assert stats["total"] == len(api)
        assert exported["Attack"] < exported["ASSAULT"]  # the ACLED sub-type of some assaults


def test_api_accepts_old_and_new_names_and_rejects_bad_values(db_path: Path) -> None:
    with TestClient(create_app(db_path)) as client:

        def total(**params: Any) -> int:
            return int(client.get("/events", params=params).json()["total"])

        assert total(start="2024-06-01", end="2024-09-30") == total(
            since="2024-06-01", until="2024-09-30"
        )
        assert total(source="ledger") == total(outlet="ledger") > 0
        assert total(q="marched") == total(text="marched") > 0
        for params in (
            {"bbox": "200,0,210,10"},
            {"modality": "certain"},
            {"since": "2024-06-01", "start": "2024-01-01"},
        ):
            response = client.get("/events", params=params)
            assert response.status_code == 422, params
            error = response.json()["error"]
            assert error["code"] == "EW-API-422" and "[EW-QRY-" in error["message"]


def test_routers_never_import_the_app() -> None:
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("eventwire")
    routers = [
        m for m in graph.modules if m.startswith("eventwire.api.") and m != "eventwire.api.app"
    ]
    for module in routers:
        assert graph.find_shortest_chain(importer=module, imported="eventwire.api.app") is None
    assert "eventwire.api.deps" in graph.find_modules_directly_imported_by("eventwire.api.routes")


# -- scope: what conflict views count ---------------------------------------------------
@pytest.fixture(scope="module")
def scope_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made reports of scope_docs, clustered."""
    path = tmp_path_factory.mktemp("scope") / "scope.duckdb"
    with Store.open(path) as store:
        store.write_batch(scope_documents(), [])
        cluster_store(store)
    return path


def _triggers(store: Store, flt: EventFilter) -> list[str]:
    where, params = flt.where("report")
    rows = store.con.execute(
        f"SELECT json_extract_string(record, '$.trigger.text') FROM events WHERE {where}", params
    ).fetchall()
    return sorted(r[0] for r in rows)


def test_conflict_scope_counts_only_acled_typed_asserted_current_incidents(
    scope_db: Path,
) -> None:
    with Store.open(scope_db, read_only=True) as store:
        conflict = _triggers(store, EventFilter(scope="conflict"))
        every = _triggers(store, EventFilter(scope="all"))
        # counted: the current attacks; not: the meeting (PLOVER type, no ACLED type), the
        # 2019 recall (background), the yearly toll (aggregate), the denied shelling and
        # the attack that may come
        assert conflict == sorted(CONFLICT_TRIGGERS)
        assert every == sorted(
            [*CONFLICT_TRIGGERS, "met", "attacked", "killed", "shelled", "attack"]
        )
        assert _triggers(store, EventFilter()) == every  # the filter's own default: all
        # the scope combines with the other filters
        assert _triggers(store, EventFilter(scope="conflict", country=("IQ",), text="Tikrit")) == [
            "ambushed"
        ]
        assert _triggers(store, EventFilter(scope="all", modality=("negated",))) == ["shelled"]


def test_conflict_scope_at_the_canonical_level(scope_db: Path) -> None:
    with Store.open(scope_db, read_only=True) as store:

        def canonical(scope: str) -> list[tuple[str, int, bool, bool]]:
            where, params = EventFilter(scope=scope).where("canonical")
            return store.con.execute(
                "SELECT acled_sub_event_type, n_reports, background, aggregate FROM "
                f"canonical_events WHERE {where} ORDER BY acled_sub_event_type, n_reports",
                params,
            ).fetchall()

        # the Ramadi attack told by two outlets is one incident; the Tikrit ambush another
        assert canonical("conflict") == [
            ("Armed clash", 1, False, False),
            ("Attack", 2, False, False),
        ]
        flags = [(bg, agg) for *_, bg, agg in canonical("all")]
        assert (
            len(flags) == 7 and flags.count((True, False)) == 1 and flags.count((False, True)) == 1
        )


def test_stats_and_export_scope_on_the_command_line(scope_db: Path) -> None:
    # stats: conflict incidents by default, each once (two outlets tell the Ramadi attack)
    assert _stats_total(scope_db) == 2
    assert _stats_total(scope_db, "--level", "report") == len(CONFLICT_TRIGGERS)
    assert _stats_total(scope_db, "--scope", "all", "--level", "report") == 8
    assert _stats_total(scope_db, "--scope", "all") == 7
    assert len(_export_ids(scope_db)) == 8  # export: every record by default
    assert len(_export_ids(scope_db, "--scope", "conflict")) == 3
    records = runner.invoke(cli, ["export", "--db", str(scope_db)]).stdout.splitlines()
    flags = {(r["background"], r["aggregate"]) for r in map(json.loads, records)}
    assert flags == {(False, False), (True, False), (False, True)}  # the flags travel along
    bad = runner.invoke(cli, ["stats", "--db", str(scope_db), "--scope", "violent"])
    assert bad.exit_code == 2 and "EW-QRY-010" in bad.output
    text = runner.invoke(cli, ["stats", "--db", str(scope_db), "--by", "type"])
    assert "2 canonical-level conflict incidents" in " ".join(text.stdout.split())
    text = runner.invoke(cli, ["stats", "--db", str(scope_db), "--by", "type", "--level", "report"])
    assert "3 report-level conflict incidents" in " ".join(text.stdout.split())


def test_scope_from_options_default_and_value() -> None:
    assert EventFilter.from_options({}).scope == "all"
    assert EventFilter.from_options({}, scope="conflict").scope == "conflict"
    assert EventFilter.from_options({"scope": "ALL"}, scope="conflict").scope == "all"
    with pytest.raises(ConfigError, match="EW-QRY-010"):
        EventFilter.from_options({}, scope="some")
