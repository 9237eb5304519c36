"""The ``eventwire`` command line: a thin layer over the library.

Each command group lives in its own module with a ``register(app)`` function.
Data goes to stdout, messages to stderr. Exit codes: 0 all good, 1 some input
rejected or failed, 2 usage error.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="eventwire",
    help="Turn conflict and political reporting into a structured event dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

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

for _module in COMMAND_MODULES:
    try:
        importlib.import_module(_module).register(app)
    except ModuleNotFoundError as _exc:  # a command group still being written
        if _exc.name != _module:
            raise


def main() -> None:
    """Entry point of the ``eventwire`` console script."""
    app()
