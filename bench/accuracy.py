"""Accuracy benchmark: run ``eventwire eval`` on the dev gold sets and the false-positive
check on general news, and write the tables into bench/RESULTS.md.

    .venv/bin/python bench/accuracy.py                 # full default pipeline
    .venv/bin/python bench/accuracy.py --coder-only    # structure, nlp, events, finalize

Only the section between ``<!-- accuracy:start -->`` and ``<!-- accuracy:end -->`` is
rewritten; the file (or the section) is created when absent.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.config import CODER_STAGES, load_settings
from eventwire.errors import EventwireError
from eventwire.evaluate.scoring import evaluate_file
from eventwire.ontology import load_ontology
from eventwire.pipeline.base import Pipeline
from eventwire.records import Document
from results import replace_section  # bench/results.py (bench/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "RESULTS.md"
NAMES_ABDUCTION = re.compile(r"abduct|kidnap|hostage|captive", re.IGNORECASE)
CODER_FIELDS = ("coverage", "event_type", "sub_event_type")
FIELDS = ("coverage", "event_type", "sub_event_type", "inter1", "inter2", "location_25km",
          "country", "date", "date_in_range", "fatalities", "fatalities_single_row")  # fmt: skip


@dataclass
class ViolenceRate:
    """How often non-conflict news yields a violent event (a false-positive rate)."""

    n_docs: int = 0
    n_violent: int = 0
    hits: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.n_violent / self.n_docs if self.n_docs else 0.0


def violent_event_rate(
    docs: Iterable[Document], run: Callable[[Document], Document]
) -> ViolenceRate:
    """Share of documents with at least one asserted violent event (ACLED Battles, Explosions/
    Remote violence, Violence against civilians, Riots); the hits are kept for reading."""
    onto = load_ontology()
    result = ViolenceRate()
    for doc in docs:
        result.n_docs += 1
        try:
            done = run(doc)
        except EventwireError:
            continue
        violent = [
            e
            for e in done.events
            if onto.is_violent(e.acled_event_type) and e.modality not in {"negated", "hypothetical"}
        ]
        if violent:
            result.n_violent += 1
            e = violent[0]
            sentence = done.sentences[e.sentence_index].text if done.sentences else ""
            result.hits.append(
                {
                    "id": done.source_id,
                    "type": e.acled_sub_event_type,
                    "trigger": e.trigger.text,
                    "sentence": sentence[:300],
                    "rule": e.rule,
                }
            )
    return result


def category_table(docs: list[Document], rate: ViolenceRate) -> list[str]:
    """Violent-event rate per BBC section (ids look like ``bbc-politics-093``)."""
    hit_ids = {h["id"] for h in rate.hits}
    by_cat: dict[str, list[int]] = {}
    for doc in docs:
        cat = (doc.source_id or "").split("-")[1] if (doc.source_id or "").count("-") >= 2 else "?"
        by_cat.setdefault(cat, []).append(int(doc.source_id in hit_ids))
    lines = ["| section | articles | with a violent event | rate |", "|---|---:|---:|---:|"]
    for cat, flags in sorted(by_cat.items()):
        lines.append(f"| {cat} | {len(flags)} | {sum(flags)} | {sum(flags) / len(flags):.1%} |")
    return lines


def kidnap_note(rows: list[dict[str, Any]]) -> str:
    """GTD kidnapping rows typed Abduction, over all rows and over rows that name the act."""
    kid = [r for r in rows if r["gold"]["type"] == "Hostage Taking (Kidnapping)"]
    named = [r for r in kid if NAMES_ABDUCTION.search(r["text"])]

    def share(rs: list[dict[str, Any]]) -> str:
        ok = sum(
            1
            for r in rs
            if r["pred"] and r["pred"]["sub_event_type"] == "Abduction/forced disappearance"
        )
        return f"{ok}/{len(rs)}" + (f" = {ok / len(rs):.3f}" if rs else "")

    return (
        f"GTD kidnappings typed Abduction/forced disappearance: {share(kid)} of all kidnapping "
        f"rows; {share(named)} of those whose text names an abduction, kidnapping or hostages "
        "(the others report executions, beheadings or shootings without saying the victims "
        "were held; ACLED's codebook codes such killings Attack, so the coder follows it)."
    )


def field_table(data: dict[str, Any], fields: tuple[str, ...] = FIELDS) -> list[str]:
    lines = ["| field | n | accuracy | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|"]
    for name in fields:
        s = data["fields"].get(name)
        if s:
            lines.append(
                f"| {name} | {s['n']} | {s['accuracy']:.3f} | {s['precision']:.3f} "
                f"| {s['recall']:.3f} | {s['f1']:.3f} |"
            )
    return lines


def class_table(data: dict[str, Any]) -> list[str]:
    lines = ["| gold type | n | expected ACLED type | recall |", "|---|---:|---|---:|"]
    for label, s in data["per_class"].items():
        rec = "–" if s["recall"] is None else f"{s['recall']:.3f}"
        lines.append(f"| {label} | {s['n']} | {s['expected'] or '–'} | {rec} |")
    return lines


def bbc_docs(path: Path, n: int, seed: int) -> list[Document]:
    """A random sample of n articles (all of them when n is 0)."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    sample = random.Random(seed).sample(rows, min(n, len(rows))) if n > 0 else rows
    return [Document(text=r["text"], source_id=r["id"], title=r.get("title")) for r in sample]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coder-only", action="store_true", help="only the coder's stages")
    parser.add_argument("--limit", type=int, default=None, help="rows per gold file")
    parser.add_argument(
        "--news", type=int, default=0, help="BBC articles to sample (0: all; -1: none)"
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    settings = load_settings(stages=CODER_STAGES) if args.coder_only else load_settings()
    pipeline = Pipeline.from_settings(settings)
    mode = "coder stages only" if args.coder_only else "full default pipeline"
    flag = " --coder-only" if args.coder_only else ""
    out = [
        f"Pipeline: {mode}.",
        "",
        f"Command: `.venv/bin/python bench/accuracy.py{flag}` "
        f"(same numbers: `eventwire eval --gold ../shared/corpus/dev/FILE --format FMT`).",
        "",
    ]
    for name, fmt in (("acled_dev.jsonl", "acled"), ("gtd_dev.jsonl", "gtd")):
        path = CORPUS / "dev" / name
        if not path.is_file():
            continue
        started = time.perf_counter()
        report = evaluate_file(path, fmt, limit=args.limit, run=pipeline, keep_rows=True)
        data = report.as_dict()
        secs = time.perf_counter() - started
        out += [f"#### {name} ({data['rows']} reports, {data['failed']} failed, {secs:.0f} s)", ""]
        fields = CODER_FIELDS if args.coder_only else FIELDS
        out += [*field_table(data, fields), "", *class_table(data), ""]
        if fmt == "gtd":
            out += [kidnap_note(report.rows), ""]
    news = CORPUS / "news" / "bbc_news.jsonl"
    if news.is_file() and args.news >= 0:
        docs = bbc_docs(news, args.news, args.seed)
        rate = violent_event_rate(docs, pipeline)
        sample = f"a sample of {rate.n_docs} (seed {args.seed})" if args.news else "all"
        out += [
            f"#### Non-conflict news: bbc_news.jsonl, {sample} articles",
            "",
            f"Articles with at least one asserted violent event: {rate.n_violent} of "
            f"{rate.n_docs} ({rate.rate:.1%}); keyword baseline on similar news: 44%. The BBC "
            "set has no world-news section, but its politics articles discuss the Iraq war, "
            "terrorism trials and crime, so some hits are real violence reported in passing.",
            "",
            *category_table(docs, rate),
            "",
            "Hits, first 15 (read by hand: type ← trigger: sentence):",
            "",
        ]
        for hit in rate.hits[:15]:
            out.append(
                f"- `{hit['id']}` {hit['type']} ← “{hit['trigger']}”: {hit['sentence'][:140]}"
            )
        out.append("")
    text = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        replace_section(text, "accuracy", "\n".join(out), "Accuracy"), encoding="utf-8"
    )
    sys.stderr.write(f"wrote {args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
