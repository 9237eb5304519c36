"""Events per report: how many incidents the coder outputs for one report.

    PYTHONPATH=src .venv/bin/python bench/events_per_report.py --label before
    PYTHONPATH=src .venv/bin/python bench/events_per_report.py --label after --limit 200

On the ACLED and GTD dev gold files (all rows and the dev / held-out halves): the mean number
of predicted incidents per report (an ACLED-typed, asserted, not background, not aggregate
event, as in bench/incidents.py), the share of reports with at most one and with more than
one. A GTD summary reports one attack, so "at most one" should be high there. On BBC news:
the share of articles per section with at least one asserted violent event. Each label's
table goes into its own block of the "Events per report (issue 15)" section of
bench/RESULTS.md, so the "before" table stays when the "after" one is written.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.errors import EventwireError
from eventwire.evaluate.scoring import read_gold
from eventwire.evaluate.split import split_of
from eventwire.ontology import load_ontology
from eventwire.pipeline.base import Pipeline
from eventwire.records import Document
from incidents import code_version, event_to_dict, is_incident, write_labelled  # bench/incidents.py

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SECTION = "events-per-report"
HEADING = "Events per report (issue 15)"
GOLD_FILES = (("acled_dev.jsonl", "acled"), ("gtd_dev.jsonl", "gtd"))
SPLIT_NAMES = ("all", "dev", "heldout")
INTRO = (
    "Predicted incidents per report on the ACLED and GTD dev gold files (an incident: an "
    "ACLED-typed, asserted, non-background, non-aggregate event, as in bench/incidents.py). "
    "Every GTD summary reports one attack (target: ≥ 75% with at most one). BBC: share of "
    "articles with an asserted violent event (Battles, Explosions/Remote violence, Violence "
    "against civilians, Riots) that is neither background nor an aggregate (from h15 on; "
    "BBC rows carry no publication date, so before that only aggregates differ); "
    "bench/accuracy.py counts every event that is not negated or "
    "hypothetical, so its BBC rate is a little higher. Written by "
    "`bench/events_per_report.py --label before|after`; each label keeps its own block."
)


@dataclass
class Counts:
    """Predicted incidents per report over a set of reports."""

    per_report: list[int] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.per_report)

    @property
    def mean(self) -> float:
        return sum(self.per_report) / self.n if self.n else 0.0

    def share(self, test: Callable[[int], bool]) -> float:
        return sum(1 for k in self.per_report if test(k)) / self.n if self.n else 0.0


def count_incidents(doc: Document) -> int:
    """Predicted incidents in one processed document."""
    return sum(1 for e in doc.events if is_incident(event_to_dict(e)))


def violent(doc: Document) -> bool:
    """Whether a document has at least one asserted violent incident (ACLED Battles,
    Explosions/Remote violence, Violence against civilians, Riots) that a conflict view
    counts: not background (recalled from well before, or from a named past era) and not
    a total over a long period (issue 15)."""
    onto = load_ontology()
    return any(
        onto.is_violent(e.acled_event_type)
        and e.modality == "asserted"
        and not (e.background or e.aggregate)
        for e in doc.events
    )


def gold_counts(
    path: Path, fmt: str, run: Callable[[Document], Document], limit: int | None
) -> dict[str, Counts]:
    """Incidents per report for every row of one gold file, by split."""
    counts = {name: Counts() for name in SPLIT_NAMES}
    for gold in read_gold(path, fmt, limit=limit):
        try:
            k = count_incidents(run(gold.document()))
        except EventwireError:
            k = 0
        counts["all"].per_report.append(k)
        counts[split_of(gold.id)].per_report.append(k)
    return counts


def bbc_rates(
    rows: Iterable[dict[str, Any]], run: Callable[[Document], Document]
) -> dict[str, list[int]]:
    """Per BBC section (id ``bbc-<section>-NNN``): one flag per article, 1 when violent."""
    flags: dict[str, list[int]] = {}
    for row in rows:
        rid = str(row["id"])
        section = rid.split("-")[1] if rid.count("-") >= 2 else "?"
        doc = Document(text=row["text"], source_id=rid, title=row.get("title"), input=rid)
        try:
            hit = violent(run(doc))
        except EventwireError:
            hit = False
        flags.setdefault(section, []).append(int(hit))
    return flags


def gold_table(name: str, counts: dict[str, Counts]) -> list[str]:
    lines = [
        f"| {name} | reports | incidents per report | ≤ 1 incident | > 1 incident |",
        "|---|---:|---:|---:|---:|",
    ]
    for split, c in counts.items():
        lines.append(
            f"| {split} | {c.n} | {c.mean:.2f} | {c.share(lambda k: k <= 1):.1%} "
            f"| {c.share(lambda k: k > 1):.1%} |"
        )
    return lines


def bbc_table(flags: dict[str, list[int]]) -> list[str]:
    lines = ["| BBC section | articles | with a violent event | rate |", "|---|---:|---:|---:|"]
    every: list[int] = []
    for section, fl in sorted(flags.items()):
        every += fl
        lines.append(f"| {section} | {len(fl)} | {sum(fl)} | {sum(fl) / len(fl):.1%} |")
    if every:
        lines.append(f"| all | {len(every)} | {sum(every)} | {sum(every) / len(every):.1%} |")
    return lines


def read_jsonl(path: Path, limit: int | None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if not limit or limit >= len(rows):
        return rows
    return rows[:: len(rows) // limit][:limit]  # spread over every section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="rows per file (default all)")
    parser.add_argument("--label", choices=("before", "after"), default="before")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-bbc", action="store_true", help="skip the BBC news check")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    pipeline = Pipeline.from_settings(load_settings())
    started = time.perf_counter()
    limit = f" --limit {args.limit}" if args.limit else ""
    out = [
        f"#### {args.label} (src at {code_version()})",
        "",
        f"Command: `PYTHONPATH=src .venv/bin/python bench/events_per_report.py "
        f"--label {args.label}{limit}` (an incident: ACLED-typed, asserted, not background, "
        "not aggregate).",
        "",
    ]
    for name, fmt in GOLD_FILES:
        path = args.corpus / "dev" / name
        if path.is_file():
            out += [*gold_table(name, gold_counts(path, fmt, pipeline, args.limit)), ""]
    news = args.corpus / "news" / "bbc_news.jsonl"
    if news.is_file() and not args.no_bbc:
        flags = bbc_rates(read_jsonl(news, args.limit), pipeline)
        out += ["Articles with at least one asserted violent event:", "", *bbc_table(flags), ""]
    out.append(f"({time.perf_counter() - started:.0f} s)")
    body = "\n".join(out)
    print(body)
    if not args.no_write:
        write_labelled(SECTION, HEADING, args.label, body, args.output, INTRO)
    return 0


if __name__ == "__main__":
    sys.exit(main())
