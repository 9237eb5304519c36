"""The ``eventwire`` command line: a thin layer over the library.

Each command group lives in its own module with a ``register(app)`` function.
Data goes to stdout, messages to stderr. Exit codes: 0 all good, 1 some input
rejected or failed, 2 usage error.

``app`` (``from eventwire.cli import app``) has every command. The console script
(:func:`main`) imports only the module of the command it is asked for when that module
holds several commands (``eventwire extract`` needs neither the server's nor the
gazetteer builder's imports: part of a cold start, issue 22); anything else (``--help``,
an unknown word, a one-command module, which Typer would run as the whole app) gets
every command.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import typer

COMMAND_MODULES: tuple[str, ...] = (
    "eventwire.cli.process",  # process, extract, ledger, demo
    "eventwire.cli.export",  # export, stats
    "eventwire.cli.evaluate",  # eval
    "eventwire.cli.dictionary",  # dict check
    "eventwire.cli.gazetteer",  # gazetteer build / add / remove / info
    "eventwire.cli.geoparse",  # geoparse
    "eventwire.cli.serve",  # serve
    "eventwire.cli.trends",  # trends
    "eventwire.cli.watch",  # watch
    "eventwire.cli.review",  # review event / merge / split / list
    "eventwire.cli.explain",  # explain
)
#: command (or group) name -> the module that registers it, for modules with several
#: (``tests/test_cli_lazy.py`` checks it against what each module registers)
COMMAND_HOMES: dict[str, str] = {
    **dict.fromkeys(("demo", "process", "extract", "ledger", "check"), "eventwire.cli.process"),
    **dict.fromkeys(("export", "stats"), "eventwire.cli.export"),
}


def new_app() -> typer.Typer:
    """The ``eventwire`` Typer app with no commands yet."""
    return typer.Typer(
        name="eventwire",
        help="Turn conflict and political reporting into a structured event dataset.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )


def register(app: typer.Typer, modules: tuple[str, ...] = COMMAND_MODULES) -> typer.Typer:
    """Register the commands of ``modules`` (in that order) on ``app``."""
    for module in modules:
        try:
            importlib.import_module(module).register(app)
        except ModuleNotFoundError as exc:  # a command group still being written
            if exc.name != module:
                raise
    return app


_full: typer.Typer | None = None


def __getattr__(name: str) -> Any:
    """``app``: every command, registered on first use."""
    global _full
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if _full is None:
        _full = register(new_app())
    return _full


def app_for(argv: list[str]) -> typer.Typer:
    """The app a command line needs: only its command's module when that module holds
    several commands, else every command."""
    home = COMMAND_HOMES.get(argv[0]) if argv else None
    if home is None:
        return __getattr__("app")  # type: ignore[no-any-return]
    return register(new_app(), (home,))


def main() -> None:
    """Entry point of the ``eventwire`` console script.

    The process is the command's own, so the garbage collector runs as rarely as in a run
    (:func:`~eventwire.run.collector.use_run_thresholds`) from here on: loading the model and
    the data allocates millions of objects, and with CPython's defaults the full passes
    over them cost ~8% of a cold ``extract``."""
    from eventwire.run.collector import use_run_thresholds

    use_run_thresholds()
    app_for(sys.argv[1:])()
