"""Helpers shared by CLI commands: options, error handling, consoles."""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from eventwire.config import Settings, load_settings
from eventwire.db.filters import parse_date
from eventwire.errors import ConfigError, EventwireError

err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False)

F = TypeVar("F", bound=Callable[..., Any])

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="DuckDB store (default ./eventwire.duckdb or $EVENTWIRE_DB)."),
]
ConfigOption = Annotated[
    str | None, typer.Option("--config", help="eventwire.toml with settings and stage options.")
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Publication date (YYYY-MM-DD) for inputs that carry none; otherwise unknown.",
    ),
]
SourceOption = Annotated[str | None, typer.Option(help="Outlet name for inputs without one.")]
FollowLinksOption = Annotated[
    bool, typer.Option(help="Feeds: read a summary-only item from its linked page.")
]


def parse_cli_date(value: str | None, option: str = "--published") -> date | None:
    """Parse an ISO date option (as the filters do) or fail with a usage error (exit 2)."""
    try:
        return parse_date(value, option)
    except ConfigError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def settings_from(db: str | None, config: str | None, **overrides: Any) -> Settings:
    return load_settings(config_file=config, db=db, **overrides)


def handle_errors(func: F) -> F:
    """Turn EventwireError into a one-line message on stderr (traceback only with --debug)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except EventwireError as exc:
            if kwargs.get("debug"):
                traceback.print_exc(file=sys.stderr)
            err_console.print(f"[bold red]error:[/] {exc}")
            raise typer.Exit(2 if isinstance(exc, ConfigError) else 1) from None
        except KeyboardInterrupt:
            err_console.print("interrupted; committed batches are kept, run again to resume")
            raise typer.Exit(130) from None
        except Exception as exc:
            if kwargs.get("debug"):
                traceback.print_exc(file=sys.stderr)
            from eventwire.db.diagnose import damaged_store_error  # duckdb loads on error only

            damaged = damaged_store_error(exc, str(kwargs.get("db") or "eventwire.duckdb"))
            if damaged is not None:
                err_console.print(f"[bold red]error:[/] {damaged}")
                raise typer.Exit(1) from None
            err_console.print(
                f"[bold red]error:[/] [EW-GEN-001] unexpected {type(exc).__name__}: {exc} "
                "(run again with --debug for the traceback, and please report it)"
            )
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]
