"""``explain CANONICAL_ID``: why the reports of one canonical event were merged.

Prints the canonical event (type, place, date, toll, actors), then each report: its outlet,
publication date, place, toll and sentence, and the rules that linked it to another report
(``merge_reasons`` of the canonical record, written by :mod:`eventwire.dedup.merge`).
``--json`` prints the canonical record itself.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from eventwire.cli.common import (
    ConfigOption,
    DbOption,
    DebugOption,
    handle_errors,
    out_console,
    settings_from,
)


def _load(db: str, canonical_id: str) -> dict[str, Any]:
    from eventwire.db.store import Store  # lazy: duckdb loads on use
    from eventwire.dedup.canonical import canonical_record
    from eventwire.errors import StoreError

    with Store.open(db, read_only=True) as store:
        record = canonical_record(store.con, canonical_id)
    if record is None:
        raise StoreError(
            f"no canonical event {canonical_id!r} in {db} (list them with "
            "`eventwire export --level canonical`)",
            "EW-DB-040",
        )
    return record


def _render(rec: dict[str, Any]) -> None:
    place, when, toll = rec.get("location") or {}, rec.get("date") or {}, rec.get("fatalities")
    a1, a2 = rec.get("actor1") or {}, rec.get("actor2") or {}
    claimed = " (claimed)" if a1.get("claimed") else ""
    out_console.print(
        f"[bold]{rec['canonical_id']}[/] {rec.get('plover_type')}/{rec.get('plover_mode')} "
        f"{rec.get('acled_sub_event_type') or ''}\n"
        f"  place {place.get('name')} (precision {place.get('precision')}), "
        f"date {when.get('start')}..{when.get('end')}, "
        f"killed {toll and toll.get('best')} (range {toll and toll.get('low')}-"
        f"{toll and toll.get('high')})\n"
        f"  actor1 {a1.get('name')}{claimed}, actor2 {a2.get('name')}\n"
        f"  {rec.get('n_reports')} report(s) from {rec.get('n_sources')} source(s): "
        f"{', '.join(rec.get('sources') or [])}",
        highlight=False,
    )
    reports = {r["event_id"]: r for r in rec.get("reports") or []}
    reasons = rec.get("merge_reasons") or [
        {"event_id": e, "linked_to": None, "reasons": ["the only report"]} for e in reports
    ]
    for why in reasons:
        r = reports.get(why["event_id"], {})
        link = (
            f" → linked to {why['linked_to']} ({why.get('similarity')})" if why["linked_to"] else ""
        )
        out_console.print(
            f"\n[bold]{why['event_id']}[/] {r.get('source')} {r.get('published')} "
            f"at {r.get('location_name')}, killed {r.get('fatalities')}{link}\n"
            f"  “{r.get('sentence') or ''}”",
            highlight=False,
        )
        for reason in why.get("reasons") or []:
            out_console.print(f"  - {reason}", highlight=False)


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def explain(
        canonical_id: Annotated[str, typer.Argument(help="A canonical event id.")],
        db: DbOption = None,
        config: ConfigOption = None,
        json_out: Annotated[bool, typer.Option("--json", help="The canonical record.")] = False,
        debug: DebugOption = False,
    ) -> None:
        """Say why the reports of one canonical event were merged (sources, tolls, rules)."""
        settings = settings_from(db, config)
        record = _load(str(settings.db), canonical_id)
        if json_out:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        else:
            _render(record)
