"""``eventwire eval``: per-field accuracy / precision / recall / F1 against gold JSONL."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from eventwire.config import load_settings
from eventwire.errors import EventwireError


def render_report(data: dict[str, Any]) -> None:
    """Print an evaluation report (``Report.as_dict()``) as rich tables on stdout."""
    console = Console()
    table = Table(
        title=f"eventwire eval — {data['format']} — {data['rows']} reports "
        f"({data['failed']} failed)"
    )
    for col in ("field", "n", "accuracy", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for name, s in data["fields"].items():
        table.add_row(
            name,
            str(s["n"]),
            f"{s['accuracy']:.3f}",
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
        )
    console.print(table)

    per = Table(title="per gold type: share typed as the expected ACLED event type")
    for col in ("gold type", "n", "expected", "recall"):
        per.add_column(col)
    for label, s in data["per_class"].items():
        rec = "-" if s["recall"] is None else f"{s['recall']:.3f}"
        per.add_row(label, str(s["n"]), str(s["expected"] or "-"), rec)
    console.print(per)

    confusion: dict[str, dict[str, int]] = data["confusion"]
    predicted = sorted({p for row in confusion.values() for p in row})
    cm = Table(title="confusion matrix (rows: gold type, columns: predicted ACLED event type)")
    cm.add_column("gold \\ predicted")
    for p in predicted:
        cm.add_column(_short(p), justify="right")
    for label, row in confusion.items():
        cm.add_row(_short(label), *[str(row.get(p, 0) or "") for p in predicted])
    console.print(cm)


def _short(label: str) -> str:
    return label if len(label) <= 16 else label[:15] + "…"


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to the CLI."""

    @app.command("eval")
    def eval_command(
        gold: Annotated[
            Path, typer.Option("--gold", help="gold JSONL (ACLED- or GTD-shaped rows)")
        ],
        gold_format: Annotated[str, typer.Option("--format", help="acled | gtd")] = "acled",
        as_json: Annotated[
            bool, typer.Option("--json", help="print a machine-readable JSON dict")
        ] = False,
        limit: Annotated[int | None, typer.Option("--limit", help="only the first N rows")] = None,
        split: Annotated[
            str,
            typer.Option(
                "--split",
                help="dev | heldout | all | tune | check: tune on dev (or tune: by id, "
                "country and year), report heldout (or check) beside it",
            ),
        ] = "all",
        sample: Annotated[
            int | None,
            typer.Option("--sample", help="a fixed sample of N rows, stratified by country"),
        ] = None,
        seed: Annotated[int, typer.Option("--seed", help="seed of --sample")] = 13,
        dump: Annotated[
            Path | None,
            typer.Option("--dump", help="write one JSON line per report (gold vs top event) here"),
        ] = None,
        config: Annotated[Path | None, typer.Option("--config", help="eventwire.toml")] = None,
    ) -> None:
        """Score the top event of each gold report: type, sub-type, actors, place, date, deaths."""
        # lazy: every CLI start imports this module; scoring and the pipeline load for `eval`
        from eventwire.evaluate.scoring import FORMATS, evaluate, read_gold
        from eventwire.pipeline.base import Pipeline

        if gold_format not in FORMATS:
            raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
        try:
            pipeline = Pipeline.from_settings(load_settings(config_file=config))
            report = evaluate(
                read_gold(gold, gold_format, limit, split, sample, seed),
                pipeline,
                gold_format,
                keep_rows=dump is not None,
            )
        except EventwireError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from exc
        if dump is not None:
            with dump.open("w", encoding="utf-8") as handle:
                for row in report.rows:
                    handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        data = report.as_dict()
        if as_json:
            sys.stdout.write(json.dumps(data, indent=2, sort_keys=True) + "\n")
        else:
            render_report(data)
