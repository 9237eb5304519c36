"""Write every record eventwire produces for a fixed set of inputs, sorted, for before/after diffs.

A structural change must leave the output alone; this makes that checkable:

    .venv/bin/python tools/snapshot.py /tmp/before      # on the old tree
    .venv/bin/python tools/snapshot.py /tmp/after       # on the new tree
    diff -r /tmp/before /tmp/after && echo identical

Written: the CLI's exports of ``examples/reports`` (every format, report and canonical level)
and the stats JSON, plus the JSONL event records of the seed interview and of the ACLED and
GTD dev sets (read from ../shared/corpus when present). Timings and run times are dropped.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
CLI = [sys.executable, "-m", "eventwire"]


def _sorted_lines(text: str) -> str:
    return "\n".join(sorted(line for line in text.splitlines() if line.strip())) + "\n"


def snapshot_cli(out: Path) -> None:
    """process examples/reports into a fresh store, then export every format and level."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "s.duckdb")
        subprocess.run([*CLI, "process", "examples/reports", "--db", db, "-q"], check=True,
                       cwd=ROOT, capture_output=True)  # fmt: skip
        for level in ("report", "canonical"):
            for fmt in ("jsonl", "csv", "acled-csv", "geojson"):
                res = subprocess.run(
                    [*CLI, "export", "--db", db, "--format", fmt, "--level", level, "-o", "-"],
                    check=True, cwd=ROOT, capture_output=True, text=True,
                )  # fmt: skip
                text = res.stdout
                if fmt == "geojson":
                    data = json.loads(text)
                    feats = sorted(json.dumps(f, sort_keys=True) for f in data["features"])
                    text = "\n".join(feats)
                (out / f"examples.{level}.{fmt}").write_text(_sorted_lines(text))
        res = subprocess.run([*CLI, "stats", "--db", db, "--json"], cwd=ROOT,
                             capture_output=True, text=True)  # fmt: skip
        (out / "examples.stats.json").write_text(res.stdout)
        res = subprocess.run([*CLI, "ledger", "--db", db, "--format", "jsonl"], cwd=ROOT,
                             capture_output=True, text=True)  # fmt: skip
        rows = []
        for line in res.stdout.splitlines():
            if line.strip().startswith("{"):
                row = json.loads(line)
                row.pop("seconds", None)
                row.pop("created_at", None)
                row.pop("processed_at", None)
                row.pop("updated_at", None)
                row.pop("recorded_at", None)
                rows.append(json.dumps(row, sort_keys=True))
        (out / "examples.ledger.jsonl").write_text("\n".join(sorted(rows)) + "\n")


def snapshot_pipeline(out: Path) -> None:
    """The JSONL event records of the seed interview and the dev sets, straight from Pipeline."""
    from eventwire.config import load_settings
    from eventwire.evaluate.scoring import read_gold

    try:
        from eventwire.pipeline import Pipeline
    except ImportError:
        from eventwire.pipeline.base import Pipeline
    from eventwire.records import Document, dumps_record, event_record

    pipeline = Pipeline.from_settings(load_settings())
    seed = CORPUS / "seed_interview.txt"
    sets: list[tuple[str, list[Document]]] = []
    if seed.is_file():
        from datetime import date

        doc = Document(text=seed.read_text(encoding="utf-8"), published=date(2014, 12, 15),
                       published_source="option", input="seed", source_id="seed")  # fmt: skip
        sets.append(("seed", [doc]))
    for name, fmt in (("acled_dev", "acled"), ("gtd_dev", "gtd")):
        path = CORPUS / "dev" / f"{name}.jsonl"
        if path.is_file():
            docs = [
                Document(
                    text=g.text,
                    published=g.published,
                    source_id=g.id,
                    published_source="record",
                    input=g.id,
                )
                for g in read_gold(path, fmt)
            ]
            sets.append((name, docs))
    for name, docs in sets:
        lines = []
        for doc in docs:
            done = pipeline(doc)
            lines.extend(dumps_record(event_record(e, done)) for e in done.events)
        (out / f"{name}.events.jsonl").write_text("\n".join(sorted(lines)) + "\n")
        print(f"{name}: {len(docs)} documents, {len(lines)} events", file=sys.stderr)


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    snapshot_cli(out)
    snapshot_pipeline(out)


if __name__ == "__main__":
    main()
