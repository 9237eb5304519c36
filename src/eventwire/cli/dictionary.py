"""``eventwire dict``: check actor dictionary files and look up how a mention is coded.

eventwire dict check my_actors.jsonl          # exit 1 and file:line messages on errors
eventwire dict lookup "Iraqi security forces" --country IQ --date 2014-12-10
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from eventwire.errors import EventwireError


def check_paths(paths: list[Path]) -> tuple[list[str], int]:
    """Validate actor JSONL files; return (problems, records checked).

    Besides each record's schema, role and parent references must name an actor id
    that exists in the packaged dictionary or in one of the files checked.
    """
    # lazy: every CLI start imports this module; the actor code loads only for `dict`
    from eventwire.pipeline.common.actordict import load_actor_dictionary
    from eventwire.pipeline.common.actorschema import check_file, read_records

    problems: list[str] = []
    known: set[str] = set(load_actor_dictionary().by_id)
    references: list[tuple[str, str]] = []
    count = 0
    for path in paths:
        if not path.is_file():
            problems.append(f"{path}: no such file")
            continue
        if path.suffix.lower() != ".jsonl":
            problems.append(f"{path}: actor dictionaries are JSONL files (one record a line)")
            continue
        try:
            problems.extend(check_file(path))
            for number, record, error in read_records(path):
                if error or not isinstance(record, dict):
                    continue
                count += 1
                if isinstance(record.get("id"), str):
                    known.add(record["id"])
                where = f"{path}:{number}"
                if isinstance(record.get("parent"), str):
                    references.append((where, record["parent"]))
                for role in record.get("roles") or []:
                    if isinstance(role, dict) and isinstance(role.get("actor"), str):
                        references.append((where, role["actor"]))
        except EventwireError as exc:
            problems.append(str(exc))
    for where, ref in references:
        if ref not in known:
            problems.append(f"{where}: refers to unknown actor id {ref!r}")
    return problems, count


def register(app: typer.Typer) -> None:
    """Add the ``dict`` command group to the CLI."""
    group = typer.Typer(help="Actor dictionaries: validate files, look up mentions.")
    app.add_typer(group, name="dict")

    @group.command("check")
    def check(
        files: Annotated[list[Path], typer.Argument(help="actor JSONL files to validate")],
    ) -> None:
        """Validate actor dictionary files; exit 1 with file:line messages on errors."""
        problems, count = check_paths(files)
        for problem in problems:
            typer.echo(problem, err=True)
        if problems:
            typer.echo(f"{len(problems)} problem(s) in {len(files)} file(s)", err=True)
            raise typer.Exit(1)
        typer.echo(f"ok: {count} record(s) in {len(files)} file(s)", err=True)

    @group.command("lookup")
    def lookup(
        mention: Annotated[str, typer.Argument(help='words of a mention, e.g. "Shia militias"')],
        country: Annotated[
            str | None, typer.Option("--country", help="ISO2 country of the event")
        ] = None,
        on: Annotated[str | None, typer.Option("--date", help="reference date YYYY-MM-DD")] = None,
        user: Annotated[
            list[Path] | None, typer.Option("--actors", help="extra user actor files")
        ] = None,
    ) -> None:
        """Print the coded actor for a mention as JSON (with its ACLED-style name)."""
        # lazy, as in check_paths: only `dict lookup` needs the actor coder
        from eventwire.pipeline.actors.acled_names import acled_actor_label
        from eventwire.pipeline.actors.compose import code_mention
        from eventwire.pipeline.common.actordict import load_actor_dictionary
        from eventwire.records import parse_iso_date

        try:
            day = parse_iso_date(on or None)
        except ValueError:
            raise typer.BadParameter(
                f"{on!r} is not a date (YYYY-MM-DD)", param_hint="--date"
            ) from None
        try:
            d = load_actor_dictionary(user or ())
        except EventwireError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from exc
        actor = code_mention(d, mention, country, day)
        record = asdict(actor)
        record["acled_name"] = acled_actor_label(actor, day, event_country=country, dictionary=d)
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
