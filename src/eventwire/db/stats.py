"""Counts of events by type, country and month (``eventwire stats``), with a terminal chart.

What is counted is the filter's scope: ``eventwire stats`` counts conflict incidents
(ACLED-typed, asserted, neither background recalls nor aggregates) unless ``--scope all``.

>>> from eventwire.db.store import Store
>>> stat_counts(Store.open(":memory:"), "report", EventFilter(scope="conflict"), ["type"], 5)
{'scope': 'conflict', 'total': 0, 'type': []}
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from eventwire.db.filters import TABLES, EventFilter
from eventwire.db.store import Store

GROUPS: dict[str, str] = {
    "type": "plover_type",
    "acled": "acled_event_type",
    "country": "country",
    "month": "strftime(date_start, '%Y-%m')",
}
BAR_WIDTH = 40


def stat_counts(
    store: Store, level: str, flt: EventFilter, groups: list[str], top: int
) -> dict[str, Any]:
    """``{"total": n, group: [[key, count], …]}``; months in time order, others by count."""
    where, params = flt.where(level)
    table = TABLES[level]
    total = store.con.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchall()
    out: dict[str, Any] = {"scope": flt.scope, "total": int(total[0][0])}
    for group in groups:
        expr = GROUPS[group]
        order = "key DESC" if group == "month" else "n DESC, key"
        rows = store.con.execute(
            f"SELECT coalesce({expr}, '(unknown)') AS key, count(*) AS n FROM {table} "
            f"WHERE {where} GROUP BY key ORDER BY {order} LIMIT ?",
            [*params, top],
        ).fetchall()
        if group == "month":
            rows = sorted(rows)
        out[group] = [[str(k), int(n)] for k, n in rows]
    return out


def render(counts: dict[str, Any], level: str, console: Console) -> None:
    """One table per group: key, count and a bar scaled to the largest count."""
    what = "conflict incidents" if counts.get("scope") == "conflict" else "records"
    console.print(f"[bold]{counts['total']}[/] {level}-level {what}")
    for group, rows in counts.items():
        if group in ("scope", "total") or not rows:
            continue
        peak = max(n for _, n in rows)
        table = Table(title=f"by {group}", title_justify="left", box=None, pad_edge=False)
        table.add_column(group)
        table.add_column("events", justify="right")
        table.add_column("")
        for key, n in rows:
            width = max(1, round(BAR_WIDTH * n / peak)) if n else 0
            table.add_row(key, str(n), "[cyan]" + "█" * width + "[/]")
        console.print(table)
