"""``eventwire geoparse``: every toponym of each input record, resolved, as JSON lines."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from eventwire.cli.common import ConfigOption, DebugOption, handle_errors, settings_from


def register(app: typer.Typer) -> None:
    """Add the ``geoparse`` command to the main app."""

    @app.command()
    @handle_errors
    def geoparse(
        inputs: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
        config: ConfigOption = None,
        debug: DebugOption = False,
    ) -> None:
        """Print every toponym of each input record, resolved against the offline gazetteer:
        one JSON object a record, {"id", "places": [{"text", "start", "end", "name",
        "geonameid", "lat", "lon", "country", "admin1", "feature", "precision"}]}, with
        offsets into the record's text. Reads the same inputs as `process`; no store."""
        from eventwire.pipeline.places.geoparse import Geoparser, place_json
        from eventwire.run.runner import make_reader

        settings = settings_from(None, config)
        parser = Geoparser(settings)
        failed = False
        for item in make_reader(settings, None, None).read(inputs):
            doc = item.document
            if doc is None:
                entry = item.rejected
                reason = entry.reason if entry is not None else "unreadable"
                if entry is not None and entry.status != "skipped":
                    failed = True
                typer.echo(f"{item.input}: {reason}", err=True)
                continue
            doc = parser.document(doc)
            record = {
                "id": doc.source_id or item.input,
                "places": [place_json(p) for p in doc.places],
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        if failed:
            raise typer.Exit(1)
