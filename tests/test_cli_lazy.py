"""The console script registers only the module of a command that needs no other
(issue 22: cold start), and ``COMMAND_HOMES`` matches what the modules register."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import typer

from eventwire import cli


def _names(app: typer.Typer) -> list[str]:
    commands = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    return commands + [g.name for g in app.registered_groups if g.name]


def test_command_homes_match_registered_commands() -> None:
    homes: dict[str, str] = {}
    for module in cli.COMMAND_MODULES:
        app = typer.Typer()
        importlib.import_module(module).register(app)
        names = _names(app)
        if len(names) > 1:  # one-command modules always go through the full app
            homes.update(dict.fromkeys(names, module))
    assert homes == cli.COMMAND_HOMES


def test_full_app_has_every_command_in_order() -> None:
    full = _names(cli.app)
    assert full[:5] == ["demo", "process", "extract", "ledger", "check"]
    assert {"eval", "serve", "gazetteer", "review", "export"} <= set(full)
    assert _names(cli.app_for(["--help"])) == full
    assert _names(cli.app_for(["serve"])) == full  # a one-command module: the full app


def test_extract_imports_no_other_command_module() -> None:
    code = (
        "import sys; from eventwire import cli; app = cli.app_for(['extract']);"
        "print(sorted(m for m in sys.modules if m.startswith('eventwire.cli.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    ).stdout
    assert "eventwire.cli.process" in out
    for other in ("serve", "gazetteer", "evaluate", "review", "export"):
        assert f"eventwire.cli.{other}'" not in out
