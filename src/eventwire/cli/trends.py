"""``trends``: which areas are heating up, which actors are new, where fatalities spike."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from eventwire.cli.common import (
    ConfigOption,
    DbOption,
    DebugOption,
    handle_errors,
    out_console,
    settings_from,
)
from eventwire.cli.filters import filter_options
from eventwire.db.filters import EventFilter

LEVEL_STYLE = {
    "large increase": "bold red",
    "moderate increase": "yellow",
    "stable": "white",
    "decrease": "green",
}


def _pct(value: float | None) -> str:
    return "new" if value is None else f"{value * 100:+.0f}%"


def _area(row: dict[str, Any]) -> str:
    return f"{row['admin1'] or '(no province)'}, {row['country']}"


def print_table(result: dict[str, Any]) -> None:
    """The trends as rich tables: areas, new actors, spikes."""
    window, base = result["window"], result["baseline"]
    out_console.print(
        f"[bold]{window['start']} – {window['end']}[/] against the mean of "
        f"{base['windows']} windows of {window['days']} days ({base['start']} – {base['end']}); "
        f"canonical conflict incidents"
    )
    areas = Table("area", "events", "baseline", "change", "killed", "baseline killed", "level")
    for row in result["areas"]:
        style = LEVEL_STYLE[row["level"]]
        change = (
            "–"
            if row["events_change"] is None and not row["events"]
            else _pct(row["events_change"])
        )
        areas.add_row(
            _area(row),
            str(row["events"]),
            f"{row['baseline_events']:g}",
            change,
            str(row["fatalities"]),
            f"{row['baseline_fatalities']:g}",
            f"[{style}]{row['level']}[/]",
        )
    out_console.print(areas)
    actors = Table("new actor", "id", "first seen", "area", "events", title="New actors")
    for row in result["new_actors"]:
        actors.add_row(
            row["name"], row["actor_id"], row["first_seen"], _area(row), str(row["events"])
        )
    out_console.print(actors if result["new_actors"] else "[dim]no new actors[/]")
    spikes = Table("area", "killed", "earlier maximum", title="Fatality spikes")
    for row in result["spikes"]:
        spikes.add_row(_area(row), str(row["fatalities"]), str(row["max_earlier_fatalities"]))
    out_console.print(spikes if result["spikes"] else "[dim]no fatality spikes[/]")
    totals = result["totals"]
    if totals["imprecise"] or totals["without_country"]:
        out_console.print(
            f"[dim]left out: {totals['imprecise']} incidents dated less precisely than a window, "
            f"{totals['without_country']} without a country[/]"
        )


def print_jsonl(result: dict[str, Any]) -> None:
    """One JSON object a line: a header (``kind: "trends"``), then every area, new actor and
    spike with its ``kind``."""
    head = {k: v for k, v in result.items() if k not in {"areas", "new_actors", "spikes"}}
    lines = [{"kind": "trends", **head}]
    lines += [{"kind": "area", **row} for row in result["areas"]]
    lines += [{"kind": "new_actor", **row} for row in result["new_actors"]]
    lines += [{"kind": "spike", **row} for row in result["spikes"]]
    for line in lines:
        sys.stdout.write(json.dumps(line, sort_keys=True) + "\n")


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    @filter_options(scope="conflict")
    def trends(
        as_of: Annotated[
            str | None, typer.Option("--as-of", help="Last day of the window [default: today].")
        ] = None,
        window_days: Annotated[int, typer.Option(help="Days in each window.")] = 7,
        baseline_windows: Annotated[
            int, typer.Option(help="Windows before it whose mean is the baseline.")
        ] = 4,
        min_events: Annotated[
            int, typer.Option(help="Fewer incidents in the window and the baseline: stable.")
        ] = 3,
        spike_floor: Annotated[
            int, typer.Option(help="Fewest fatalities in the window for a spike.")
        ] = 10,
        format: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
        db: DbOption = None,
        config: ConfigOption = None,
        debug: DebugOption = False,
        *,
        flt: EventFilter,
    ) -> None:
        """Change per area (window against baseline, with a level), new actors, spikes."""
        from eventwire.cli.store_access import open_for_reading
        from eventwire.db.trends import TrendOptions, compute_trends
        from eventwire.dedup.cluster import STAGE_NAME
        from eventwire.errors import ConfigError

        if format not in {"table", "jsonl"}:
            raise typer.BadParameter("use table or jsonl", param_hint="--format")
        if flt.scope != "conflict":
            raise typer.BadParameter("trends count conflict incidents only", param_hint="--scope")
        try:
            options = TrendOptions.from_options(
                {
                    "as_of": as_of,
                    "window_days": window_days,
                    "baseline_windows": baseline_windows,
                    "min_events": min_events,
                    "spike_floor": spike_floor,
                }
            )
        except ConfigError as exc:
            raise typer.BadParameter(str(exc)) from None
        settings = settings_from(db, config)
        # here, or on a snapshot when a server owns the store; pending events clustered first
        with open_for_reading(settings.db, cluster_options=settings.options(STAGE_NAME)) as store:
            result = compute_trends(store.con, options, flt)
        if format == "jsonl":
            print_jsonl(result)
        else:
            print_table(result)
