"""Measure event dates and fatality counts on the dev corpus (ACLED, GTD) and the seed interview.

    .venv/bin/python bench/dates_casualties.py [--mode standin|pipeline] [--limit N] [--json]

Each row is a report published on its event date (ACLED ``date_iso``, GTD ``date``).
``--mode pipeline`` runs the full pipeline and scores the top event (``events[0]``), as
``eventwire eval`` does. ``--mode standin`` (default while the event coder is a
placeholder) runs structure + nlp, then puts one stand-in event on the root verb of the
first parsed sentence and runs only the dates and casualties stages: it measures these
two stages, not the event coder. A report without a fatality count scores as 0 (ACLED).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.pipeline.base import Pipeline, Resources, registered_stages
from eventwire.records import Document, Event, Span

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def standin_event(doc: Document) -> Event | None:
    """One event on the root of the first parsed sentence (the event coder's stand-in)."""
    for index in sorted(doc.parses):
        parse = doc.parses[index]
        sentence = doc.sentences[index]
        roots = [t for t in parse if t.dep_ == "ROOT"]
        if roots:
            token = roots[0]
            start = sentence.start + token.idx
            trigger = Span(start, start + len(token.text), "trigger", token.text)
            return Event(doc.doc_id, trigger, index, "ASSAULT")
    return None


class Runner:
    def __init__(self, mode: str) -> None:
        self.mode = mode
        settings = load_settings(config_file=None, env={})
        resources = Resources(settings)
        if mode == "pipeline":
            self.pipeline = Pipeline.from_settings(settings, resources)
            return
        registry = registered_stages()
        self.front = [
            registry[n](settings, resources) for n in ("eventwire.structure.v1", "eventwire.nlp.v1")
        ]
        self.back = [
            registry[n](settings, resources)
            for n in ("eventwire.dates.v1", "eventwire.casualties.v1")
        ]

    def top_event(self, text: str, published: date) -> Event | None:
        doc = Document(text=text, published=published)
        if self.mode == "pipeline":
            doc = self.pipeline(doc)
            return doc.events[0] if doc.events else None
        for stage in self.front:
            doc = stage(doc)
        event = standin_event(doc)
        if event is None:
            return None
        doc.events = [event]
        for stage in self.back:
            doc = stage(doc)
        return event


def _gold_range(row: dict[str, Any], kind: str) -> tuple[date, date, bool]:
    if kind == "acled":
        day = date.fromisoformat(row["date_iso"])
        return day, day, row["gold"].get("time_precision") == 1
    g = row["gold"]
    if g.get("iday"):
        day = date(g["iyear"], g["imonth"], g["iday"])
        return day, day, True
    return date(g["iyear"], g["imonth"] or 1, 1), date(g["iyear"], g["imonth"] or 12, 28), False


def score(runner: Runner, path: Path, kind: str, limit: int | None) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:limit]
    n = in_range = exact_n = exact_ok = fat_n = fat_ok = fat_all_ok = covered = zero_ok = 0
    started = time.perf_counter()
    for row in rows:
        published = date.fromisoformat(row["date_iso"] if kind == "acled" else row["date"])
        event = runner.top_event(row["text"], published)
        n += 1
        gold_lo, gold_hi, day_gold = _gold_range(row, kind)
        gold_fat = row["gold"]["fatalities" if kind == "acled" else "nkill"] or 0
        when = event.date if event else None
        got_fat = (event.fatalities.best if event and event.fatalities else None) or 0
        if event is not None:
            covered += 1
        if when and when.start and when.end and when.start <= gold_lo and gold_hi <= when.end:
            in_range += 1
        if day_gold:
            exact_n += 1
            exact_ok += bool(when and when.start == when.end == gold_lo)
        fat_all_ok += got_fat == gold_fat
        if kind == "gtd" or row.get("text_shared_by_n_rows", 1) == 1:
            fat_n += 1
            fat_ok += got_fat == gold_fat
            zero_ok += gold_fat == 0
    return {
        "rows": n,
        "with_event": covered,
        "date_in_range": round(in_range / n, 4),
        "date_exact_when_day": round(exact_ok / max(exact_n, 1), 4),
        "fatalities_exact_unique_text" if kind == "acled" else "fatalities_vs_nkill": round(
            fat_ok / max(fat_n, 1), 4
        ),
        "fatalities_exact_all_rows": round(fat_all_ok / n, 4),
        "fatalities_baseline_always_0": round(zero_ok / max(fat_n, 1), 4),
        "seconds": round(time.perf_counter() - started, 1),
    }


def seed(runner: Runner) -> dict[str, Any]:
    """The three seed-interview checks of issue 6 (dates and casualties stages only)."""
    path = CORPUS / "seed_interview.txt"
    if not path.is_file():
        return {"skipped": "seed_interview.txt not found"}
    text = path.read_text(encoding="utf-8")
    out: dict[str, Any] = {}
    for label, phrase, word in (
        ("mosul_in_june", "When ISIS took Mosul in June", "took"),
        ("killing_dozens", "killing dozens", "killing"),
        ("last_year_swept", "Last year, ISIS swept in", "swept"),
    ):
        doc = Document(text=text, published=date(2014, 12, 10))
        for stage in runner.front if runner.mode == "standin" else []:
            doc = stage(doc)
        at = text.index(phrase) + phrase.index(word)
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= at < s.end)
        doc.events = [
            Event(doc.doc_id, Span(at, at + len(word), "trigger", word), index, "ASSAULT")
        ]
        for stage in runner.back if runner.mode == "standin" else []:
            doc = stage(doc)
        event = doc.events[0]
        when, fat = event.date, event.fatalities
        out[label] = {
            "date": [str(when.start), str(when.end)] if when else None,
            "precision": when.precision if when else None,
            "recurring": when.recurring if when else None,
            "fatalities": fat.best if fat else None,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("standin", "pipeline"), default="standin")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    runner = Runner(args.mode)
    result = {
        "mode": args.mode,
        "acled_dev": score(runner, CORPUS / "dev" / "acled_dev.jsonl", "acled", args.limit),
        "gtd_dev": score(runner, CORPUS / "dev" / "gtd_dev.jsonl", "gtd", args.limit),
    }
    if args.mode == "standin":
        result["seed_interview"] = seed(runner)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
