"""bench/throughput.py: the environment of the timed CLI runs."""

from __future__ import annotations

from pathlib import Path

from throughput import bench_env


def test_runs_drop_the_callers_settings_but_keep_the_data_folder() -> None:
    caller = {"PATH": "/bin", "EVENTWIRE_PREFILTER": "0", "EVENTWIRE_DATA_DIR": "/data/mine"}
    assert bench_env(caller) == {"PATH": "/bin", "EVENTWIRE_DATA_DIR": "/data/mine"}
    assert bench_env({"PATH": "/bin", "EVENTWIRE_DB": "x.duckdb"}) == {"PATH": "/bin"}


def test_a_baseline_tree_gets_its_own_data_folder() -> None:
    caller = {"PATH": "/bin", "EVENTWIRE_DATA_DIR": "/data/mine"}
    got = bench_env(caller, Path("/data/base"))
    assert got == {"PATH": "/bin", "EVENTWIRE_DATA_DIR": "/data/base"}
