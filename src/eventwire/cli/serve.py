"""``serve``: the HTTP API and the dashboard over a store (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli.common import (
    ConfigOption,
    DbOption,
    DebugOption,
    err_console,
    handle_errors,
    settings_from,
)
from eventwire.config import review_token_from_env


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def serve(
        db: DbOption = None,
        config: ConfigOption = None,
        host: Annotated[str, typer.Option(help="Interface to bind (loopback by default).")] = (
            "127.0.0.1"
        ),
        port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
        review_token: Annotated[
            str | None,
            typer.Option(
                "--review-token",
                help="Token that enables the review endpoints (Authorization: Bearer …) "
                "[env var: EVENTWIRE_REVIEW_TOKEN].",
            ),
        ] = None,
        tiles: Annotated[
            str | None,
            typer.Option(
                "--tiles",
                help="Optional XYZ tile URL for online use, e.g. "
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: offline outlines).",
            ),
        ] = None,
        read_only: Annotated[
            bool, typer.Option("--read-only", help="Open the store read-only (no reviews).")
        ] = False,
        debug: DebugOption = False,
    ) -> None:
        """Serve the HTTP API (/docs) and the dashboard (/) over the store."""
        from eventwire.api.app import serve_app  # lazy: FastAPI and uvicorn load on use

        settings = settings_from(db, config)
        if review_token is None:
            review_token = review_token_from_env()
        if host not in {"127.0.0.1", "localhost", "::1"}:
            err_console.print(f"[yellow]warning:[/] serving on {host}, reachable from other hosts")
        review = "review enabled" if review_token and not read_only else "read-only dashboard"
        err_console.print(f"eventwire: {settings.db} on http://{host}:{port}/ ({review})")
        serve_app(
            settings.db,
            host=host,
            port=port,
            review_token=review_token or "",
            tiles=tiles,
            read_only=read_only,
            log_level="debug" if debug else "warning",
        )
