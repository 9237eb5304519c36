"""``serve``: the HTTP API and the dashboard over a store (uvicorn)."""

from __future__ import annotations

from pathlib import Path
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
        review_token_file: Annotated[
            Path | None,
            typer.Option(
                "--review-token-file",
                help="File whose first line is the token that enables review and /ingest "
                "(Authorization: Bearer …) [or env var EVENTWIRE_REVIEW_TOKEN].",
                dir_okay=False,
            ),
        ] = None,
        review_token: Annotated[
            str | None,
            typer.Option("--review-token", hidden=True, help="Refused: visible in `ps`."),
        ] = None,
        allowed_host: Annotated[
            list[str] | None,
            typer.Option(
                "--allowed-host",
                help="A host name clients use to reach this server (repeatable); needed to "
                "serve beyond loopback. Requests for other names are refused.",
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
        from eventwire.api.guard import LOOPBACK_HOSTS

        settings = settings_from(db, config)
        if review_token is not None:
            raise typer.BadParameter(
                "a token on the command line is visible to every user of this machine (ps); "
                "put it in a file for --review-token-file, or in $EVENTWIRE_REVIEW_TOKEN",
                param_hint="--review-token",
            )
        token = _read_token(review_token_file) if review_token_file else review_token_from_env()
        if host not in LOOPBACK_HOSTS and not allowed_host:
            raise typer.BadParameter(
                f"serving on {host} makes the API reachable from other machines: name the "
                "host names clients use with --allowed-host (and keep review behind a token)",
                param_hint="--host",
            )
        review = "review enabled" if token and not read_only else "read-only dashboard"
        err_console.print(
            f"eventwire: {settings.db} on http://{host}:{port}/ ({review}); while it runs, "
            "CLI commands on this store go through this server"
        )
        serve_app(
            settings.db,
            host=host,
            port=port,
            review_token=token or "",
            tiles=tiles,
            read_only=read_only,
            log_level="debug" if debug else "warning",
            extra_hosts=tuple(allowed_host or ()),
        )


def _read_token(path: Path) -> str:
    """The token in a file's first line (a missing or empty file is a usage error)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise typer.BadParameter(
            f"cannot read {path}: {exc.strerror}", param_hint="--review-token-file"
        ) from exc
    token = lines[0].strip() if lines else ""
    if not token:
        raise typer.BadParameter(f"{path} holds no token", param_hint="--review-token-file")
    return token
