"""Recall cost of the relevance pre-filter: events lost vs parsing every sentence.

    .venv/bin/python bench/prefilter_recall.py               # both dev sets, writes RESULTS.md
    .venv/bin/python bench/prefilter_recall.py --limit 200 --no-write

Each dev row is a report published on its event date (as `eventwire eval` does). The
pipeline runs once with ``prefilter=False``; documents in which the pre-filter would skip
at least one coded sentence are run again with ``prefilter=True`` (the others get exactly
the same input, so the same events). An event is lost when its (trigger span, PLOVER type)
is missing from the pre-filtered run; a report is changed when its top event differs.
The fraction of sentences parsed (the saving) is reported from the same runs.

``--forms N`` instead runs the default (pre-filtered) pipeline and lists the N trigger
forms that make the most characters of sentences a candidate on their own (no other form
in the sentence would), with how many of those sentences yield an event: the forms to study
when the pre-filter is to pass fewer sentences (issue 22).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from results import write_section  # bench/results.py (bench/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared")) / "corpus"
DEV = {
    "acled": CORPUS / "dev" / "acled_dev.jsonl",
    "gtd": CORPUS / "dev" / "gtd_dev.jsonl",
    "bbc": CORPUS / "news" / "bbc_news.jsonl",
}
RESULTS = ROOT / "bench" / "RESULTS.md"


def _published(row: dict[str, Any]) -> date | None:
    gold = row.get("gold") or {}
    for value in (gold.get("date_iso"), row.get("date")):
        try:
            return date.fromisoformat(str(value)[:10])
        except (TypeError, ValueError):
            continue
    return None


def _keys(doc: Any) -> list[tuple[int, int, str]]:
    return [(e.trigger.start, e.trigger.end, e.plover_type) for e in doc.events]


def measure(path: Path, limit: int | None) -> dict[str, Any]:
    from eventwire.config import load_settings
    from eventwire.pipeline.base import Pipeline, Resources
    from eventwire.pipeline.read.readers import clean_text
    from eventwire.records import CODED_SEGMENT_KINDS, Document

    settings = load_settings(env={}, prefilter=False)
    resources = Resources(settings)
    full = Pipeline.from_settings(settings, resources)
    filtered = Pipeline.from_settings(settings.replace(prefilter=True), resources)
    from eventwire.pipeline.nlp.prefilter import load_prefilter

    is_candidate = resources.get("prefilter", lambda: load_prefilter(settings))
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = rows[:limit] if limit else rows
    out = {
        "reports": 0,
        "events": 0,
        "lost": 0,
        "gained": 0,
        "top_changed": 0,
        "coded_sentences": 0,
        "parsed": 0,
        "rerun": 0,
        "examples": [],
    }
    started = time.perf_counter()
    for row in rows:
        text = clean_text(str(row.get("text") or ""))
        if not text.strip():
            continue

        def make(text: str = text, row: dict[str, Any] = row) -> Document:
            return Document(text=text, published=_published(row), source_id=str(row.get("id")))

        doc = full(make())
        out["reports"] += 1
        keys = _keys(doc)
        out["events"] += len(keys)
        coded = [s for s in doc.sentences if doc.segments[s.segment].kind in CODED_SEGMENT_KINDS]
        hits = [is_candidate(s.text) for s in coded]
        out["coded_sentences"] += len(coded)
        out["parsed"] += sum(hits)
        if all(hits):
            continue
        out["rerun"] += 1
        got = _keys(filtered(make()))
        lost = [k for k in keys if k not in got]
        out["lost"] += len(lost)
        out["gained"] += len([k for k in got if k not in keys])
        out["top_changed"] += int(keys[:1] != got[:1])
        if lost and len(out["examples"]) < 8:
            out["examples"].append(
                {"id": row.get("id"), "lost": [(text[s:e], t) for s, e, t in lost]}
            )
    out["seconds"] = time.perf_counter() - started
    return out


def deciding_forms(prefilter: Any, text: str) -> set[str]:
    """The forms that make ``text`` a candidate: trigger forms, and a pattern's head with
    its child ("took->control"); a head whose child is an entity counts as its own form."""
    lowered = prefilter._normalise(text)
    found = [
        (end + 1 - value[0], end + 1, value)
        for end, value in prefilter._automaton.iter(lowered)
        if prefilter._bounded(lowered, end + 1 - value[0], end + 1)
    ]
    cancelled = [(start, end) for start, end, value in found if value[4]]
    children: dict[int, set[str]] = {}
    for start, end, value in found:
        for number in value[3]:
            children.setdefault(number, set()).add(lowered[start:end])
    out: set[str] = set()
    for start, end, value in found:
        alone, head_of, labels = value[1], value[2], value[7]
        if any(a < end and start < b for a, b in cancelled):
            continue
        form = lowered[start:end]
        if alone or (labels and prefilter._entity_after(text, lowered, end, labels, found)):
            out.add(form)
        out.update(f"{form}->{'|'.join(sorted(children[n]))}" for n in head_of if n in children)
    return out


def form_counts(path: Path, limit: int | None, top: int) -> str:
    """The table of ``--forms``: trigger forms by characters of the sentences they alone pass."""
    from eventwire.config import load_settings
    from eventwire.pipeline.base import Pipeline, Resources
    from eventwire.pipeline.nlp.prefilter import load_prefilter
    from eventwire.pipeline.read.readers import clean_text
    from eventwire.records import Document

    settings = load_settings(env={})
    resources = Resources(settings)
    pipeline = Pipeline.from_settings(settings, resources)
    prefilter = resources.get("prefilter", lambda: load_prefilter(settings))
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    sole: dict[str, list[int]] = {}  # form -> [sentences, with an event, characters]
    parsed = chars = 0
    for row in rows[:limit] if limit else rows:
        text = clean_text(str(row.get("text") or ""))
        if not text.strip():
            continue
        doc = pipeline(Document(text=text, published=_published(row)))
        with_event = {e.sentence_index for e in doc.events}
        for i, sentence in enumerate(doc.sentences):
            if not sentence.candidate:
                continue
            parsed += 1
            chars += len(sentence.text)
            forms = deciding_forms(prefilter, sentence.text)
            if len(forms) == 1:
                entry = sole.setdefault(forms.pop(), [0, 0, 0])
                entry[0] += 1
                entry[1] += int(i in with_event)
                entry[2] += len(sentence.text)
    lines = [
        f"{path.name}: {parsed} sentences parsed, {chars:,} characters",
        "",
        "| form (alone in its sentence) | sentences | with an event | share of parsed characters |",
        "|---|---:|---:|---:|",
    ]
    for form, (n, events, size) in sorted(sole.items(), key=lambda kv: -kv[1][2])[:top]:
        lines.append(f"| {form} | {n} | {events} | {100 * size / max(1, chars):.2f}% |")
    return "\n".join(lines)


def render(results: dict[str, dict[str, Any]], command: str) -> str:
    lines = [
        f"Command: `{command}` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})",
        "",
        "| corpus | reports | events (parse all) | events lost | lost % | reports whose top "
        "event changed | coded sentences parsed |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        lost = 100 * r["lost"] / r["events"] if r["events"] else 0.0
        parsed = 100 * r["parsed"] / r["coded_sentences"] if r["coded_sentences"] else 0.0
        lines.append(
            f"| {name} | {r['reports']} | {r['events']} | {r['lost']} | {lost:.2f} | "
            f"{r['top_changed']} | {parsed:.1f}% |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", nargs="*", choices=sorted(DEV), default=["acled", "gtd"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--forms", type=int, default=0, help="list the top N deciding forms")
    args = ap.parse_args(argv)
    if args.forms:
        for name in args.corpus:
            print(form_counts(DEV[name], args.limit, args.forms))
        return 0
    results: dict[str, dict[str, Any]] = {}
    for name in args.corpus:
        if not DEV[name].is_file():
            print(f"{DEV[name]} not found; skipped", file=sys.stderr)
            continue
        results[name] = measure(DEV[name], args.limit)
        r = results[name]
        print(
            f"{name}: {json.dumps({k: v for k, v in r.items() if k != 'examples'})}",
            file=sys.stderr,
        )
        for ex in r["examples"]:
            print(f"  lost in {ex['id']}: {ex['lost']}", file=sys.stderr)
    command = "python bench/prefilter_recall.py" + "".join(
        f" {a}" for a in (argv if argv is not None else sys.argv[1:])
    )
    body = render(results, command)
    print(body)
    if not args.no_write and results:
        write_section("prefilter", body, "Relevance pre-filter (recall cost)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
