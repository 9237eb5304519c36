"""Does the coding generalise? Tune and check figures side by side, per class and per region.

Runs the full default pipeline on a fixed, country-stratified sample of the *tune* rows and of
the *check* rows of ``acled_more_dev.jsonl`` (see :mod:`eventwire.evaluate.split`: check rows
are held out by country, by year or by id), and on the ACLED 2020 and GTD dev sets, and writes
the tables into the ``generalise`` section of bench/RESULTS.md::

    PYTHONPATH=src .venv/bin/python bench/generalise.py --sample 3000 --seed 13
    PYTHONPATH=src .venv/bin/python bench/generalise.py --sample 3000 --tune-only   # while tuning

``--tune-only`` leaves out every check and held-out row (use it while writing rules); the full
run reports them, once, at the end. On a busy machine run the five sets as parallel
``eventwire eval … --dump DIR/NAME.jsonl`` processes (NAME: more_tune, more_check, acled_dev,
acled_heldout, gtd_dev) and build the tables with ``--from-dumps DIR``. Same numbers per set:
``eventwire eval --gold FILE --format acled --split tune|check --sample N --seed S``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.evaluate.scoring import evaluate, read_gold
from eventwire.evaluate.split import part_of
from eventwire.pipeline.base import Pipeline
from results import write_section  # bench/results.py (bench/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
MORE = CORPUS / "acled_more_dev.jsonl"
COLUMNS = ("event_type", "sub_event_type", "inter1", "date", "fatalities")
SHORT = {"event_type": "type", "sub_event_type": "sub", "inter1": "inter1", "date": "date",
         "fatalities": "fatal"}  # fmt: skip
MIN_GROUP = 15  # groups with fewer rows on both sides are pooled into "(other)"
DUMP_NAMES = {"more_tune": "more tune", "more_check": "more check", "acled_dev": "acled 2020 dev",
              "acled_heldout": "acled 2020 heldout", "gtd_dev": "gtd dev"}  # fmt: skip
CHECK_SETS = frozenset({"more check", "acled 2020 heldout"})


def run_set(
    path: Path, fmt: str, split: str, pipeline: Pipeline, sample: int | None, seed: int
) -> tuple[list[dict[str, Any]], dict[str, Any], float]:
    """Evaluate one gold set; return its per-row records, its report and the seconds taken."""
    started = time.perf_counter()
    report = evaluate(read_gold(path, fmt, None, split, sample, seed), pipeline, fmt, True)
    return report.rows, report.as_dict(), time.perf_counter() - started


def rates(rows: Iterable[dict[str, Any]]) -> tuple[int, dict[str, float | None]]:
    """Row count and per-field accuracy (None where no row scores the field)."""
    rows = list(rows)
    out: dict[str, float | None] = {}
    for name in COLUMNS:
        marks = [r["ok"][name] for r in rows if name in r["ok"]]
        out[name] = sum(marks) / len(marks) if marks else None
    return len(rows), out


def _cells(n: int, acc: dict[str, float | None]) -> list[str]:
    return [str(n), *("–" if acc[c] is None else f"{acc[c]:.3f}" for c in COLUMNS)]


def side_by_side(
    title: str, groups: dict[str, list[dict[str, Any]]], key: Callable[[dict[str, Any]], str]
) -> list[str]:
    """A table with one line per group value and, per set, n and the per-field accuracy."""
    names = list(groups)
    head = ["| " + title, *(f"{s} n" for s in names)]
    for s in names:
        head += [f"{s} {SHORT[c]}" for c in COLUMNS]
    lines = [" | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
    values: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for s, rows in groups.items():
        for r in rows:
            values.setdefault(key(r) or "?", {}).setdefault(s, []).append(r)
    pooled: dict[str, list[dict[str, Any]]] = {}
    keep = {}
    for value, by_set in values.items():
        if max(len(v) for v in by_set.values()) >= MIN_GROUP:
            keep[value] = by_set
        else:
            for s, rows in by_set.items():
                pooled.setdefault(s, []).extend(rows)
    ordered = sorted(keep.items(), key=lambda kv: -sum(len(v) for v in kv[1].values()))
    if pooled:
        ordered.append(("(other)", pooled))
    for value, by_set in ordered:
        cells = [value]
        ns, accs = [], []
        for s in names:
            n, acc = rates(by_set.get(s, []))
            ns.append(str(n))
            accs += _cells(n, acc)[1:]
        lines.append("| " + " | ".join(cells + ns + accs) + " |")
    return lines


def overall_table(sets: dict[str, list[dict[str, Any]]]) -> list[str]:
    """One line per set: n and the per-field accuracy."""
    lines = ["| set | n | " + " | ".join(COLUMNS) + " |", "|---" + "|---:" * 6 + "|"]
    for name, rows in sets.items():
        lines.append("| " + " | ".join([name, *_cells(*rates(rows))]) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=3000, help="rows per set of the big file")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--tune-only", action="store_true", help="no check / held-out rows")
    parser.add_argument("--dump", type=Path, default=None, help="tune rows as JSONL here")
    parser.add_argument("--no-write", action="store_true", help="print, do not touch RESULTS")
    parser.add_argument(
        "--from-dumps",
        type=Path,
        default=None,
        help="build the tables from `eventwire eval --dump` files in this folder "
        f"({', '.join(f'{n}.jsonl' for n in DUMP_NAMES)}) instead of running the pipeline",
    )
    args = parser.parse_args(argv)
    if args.from_dumps is not None:
        sets, notes = read_dumps(args.from_dumps, args.tune_only)
    else:
        sets, notes = run_all(args)
    return write_tables(args, sets, notes)


def read_dumps(folder: Path, tune_only: bool) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """The per-row records of ``eventwire eval --dump`` runs, one file per set (a slow,
    shared machine can run the sets in parallel processes)."""
    sets: dict[str, list[dict[str, Any]]] = {}
    notes = []
    for name, label in DUMP_NAMES.items():
        path = folder / f"{name}.jsonl"
        if not path.is_file() or (tune_only and label in CHECK_SETS):
            continue
        with path.open(encoding="utf-8") as handle:
            sets[label] = [json.loads(line) for line in handle if line.strip()]
        notes.append(f"- {label}: {len(sets[label])} rows (from {path.name})")
    return sets, notes


def run_all(args: argparse.Namespace) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """Run the full default pipeline on every set of the plan."""
    pipeline = Pipeline.from_settings(load_settings())
    plan = [("more tune", MORE, "acled", "tune", args.sample),
            ("acled 2020 dev", CORPUS / "acled_dev.jsonl", "acled", "dev", None),
            ("gtd dev", CORPUS / "gtd_dev.jsonl", "gtd", "dev", None)]  # fmt: skip
    if not args.tune_only:
        plan[1:1] = [("more check", MORE, "acled", "check", args.sample)]
        plan.append(("acled 2020 heldout", CORPUS / "acled_dev.jsonl", "acled", "heldout", None))
    sets: dict[str, list[dict[str, Any]]] = {}
    notes = []
    for name, path, fmt, split, sample in plan:
        if not path.is_file():
            continue
        rows, data, secs = run_set(path, fmt, split, pipeline, sample, args.seed)
        sets[name] = rows
        ev = data["fields"].get("event_type", {}).get("accuracy")
        notes.append(f"- {name}: {len(rows)} rows, {data['failed']} failed, {secs:.0f} s")
        sys.stderr.write(f"{name}: {len(rows)} rows, event_type {ev}, {secs:.0f} s\n")
    return sets, notes


def write_tables(
    args: argparse.Namespace, sets: dict[str, list[dict[str, Any]]], notes: list[str]
) -> int:
    """Print the tables, or write them into the ``generalise`` section of RESULTS.md."""
    if args.dump is not None and "more tune" in sets:
        with args.dump.open("w", encoding="utf-8") as handle:
            for r in sets["more tune"]:
                handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    big = {k: v for k, v in sets.items() if k.startswith("more")}
    if "more check" in big:
        for r in big["more check"]:
            r["part"] = part_of(r["id"], r.get("country"), r.get("year"))
    flag = " --tune-only" if args.tune_only else ""
    out = [
        f"Command: `PYTHONPATH=src .venv/bin/python bench/generalise.py --sample {args.sample} "
        f"--seed {args.seed}{flag}` (full default pipeline; per set also "
        "`eventwire eval --gold ../shared/corpus/dev/acled_more_dev.jsonl --format acled "
        f"--split tune|check --sample {args.sample} --seed {args.seed}`). Timings are on a "
        "shared 2-core machine: noisy.",
        "",
        *notes,
        "",
        "Accuracy per set (date: exact day where ACLED codes a day, in range otherwise):",
        "",
        *overall_table(sets),
        "",
    ]
    if "more check" in big:
        parts = {p: [r for r in big["more check"] if r["part"] == p] for p in
                 ("check-country", "check-year", "check-id")}  # fmt: skip
        out += ["Check rows by why they are held out:", "", *overall_table(parts), ""]
    out += [
        "Per gold event type:",
        "",
        *side_by_side("gold type", big, lambda r: r["gold"]["type"]),
    ]
    out += ["", "Per gold sub-event type:", ""]
    out += side_by_side("gold sub-type", big, lambda r: r["gold"]["sub_event_type"] or "?")
    out += ["", "Per ACLED region:", "", *side_by_side("region", big, lambda r: r["region"])]
    text = "\n".join(out) + "\n"
    if args.no_write:
        sys.stdout.write(text)
    else:
        write_section("generalise", text, "Generalisation: tune vs check (issue 16)")
        sys.stderr.write("wrote bench/RESULTS.md\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
