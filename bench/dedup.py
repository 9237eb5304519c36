"""Dedup benchmark: B-cubed precision/recall of canonical clustering, and merges per second.

    PYTHONPATH=src .venv/bin/python bench/dedup.py            # all three parts, 100k synthetic
    PYTHONPATH=src .venv/bin/python bench/dedup.py --n 20000  # a quick look

1. tests/data/multi_outlet (our own wire reports, several outlets per incident: the tuning
   set wire_reports.jsonl, then wire_reports_b/…/_l.jsonl, each written to be measured
   once before it was used; g, j, l, n, p, r, t, u, v, w, y, aa, ac, ae, ai and al, held
   out, only with --heldout; h and i were retired to dev by h18m after their last held-out
   run, 1.0 / 0.9222 and 1.0 / 0.875) and the bundled examples/reports, through the whole
   pipeline: B-cubed over the asserted violent report events (a habitual "similar attacks
   in recent months" is no incident) against the incident labels (examples: one label per
   document, the Afgoye reports one incident; a row's ``recalled`` list labels a background
   sentence's events with the old incident).
2. ACLED rows (../shared/corpus/dev/acled_dev.jsonl), dev and held-out split apart: every
   gold row is an incident told by three outlets: the row itself, a copy that names no
   attacker, and a copy placed only at its province. ACLED's split rows (one text, several
   rows) are distinct incidents, so merging them costs precision. Rows placed at a large
   city by name get its radius from the gazetteer (when built), as stored reports do.
3. N synthetic report events (bench/synth_events.py, 1–4 reports per true event): time
   to cluster them all, merges per second, B-cubed against the true events, and the time to
   add 1% new reports incrementally into a store.
Timings are wall-clock on a shared machine: compare them only within one run.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from eventwire.dedup.cluster import ReportEvent, cluster_events, cluster_store  # noqa: E402
from eventwire.dedup.score import bcubed  # noqa: E402
from synth_events import insert_synthetic, synthetic_events  # noqa: E402

VIOLENT = {"explosives", "suicide", "kill", "clash", "firearms", "aerial", "artillery", "grenade"}


PIPELINE_SETS: dict[str, tuple[str, str | None]] = {
    "multi_outlet": ("tests/data/multi_outlet/wire_reports.jsonl", "incident"),
    "multi_outlet_b": ("tests/data/multi_outlet/wire_reports_b.jsonl", "incident"),
    "multi_outlet_c": ("tests/data/multi_outlet/wire_reports_c.jsonl", "incident"),
    "multi_outlet_d": ("tests/data/multi_outlet/wire_reports_d.jsonl", "incident"),
    "multi_outlet_e": ("tests/data/multi_outlet/wire_reports_e.jsonl", "incident"),
    "multi_outlet_f": ("tests/data/multi_outlet/wire_reports_f.jsonl", "incident"),
    "multi_outlet_g": ("tests/data/multi_outlet/wire_reports_g.jsonl", "incident"),
    "multi_outlet_h": ("tests/data/multi_outlet/wire_reports_h.jsonl", "incident"),
    "multi_outlet_i": ("tests/data/multi_outlet/wire_reports_i.jsonl", "incident"),
    "multi_outlet_j": ("tests/data/multi_outlet/wire_reports_j.jsonl", "incident"),
    "multi_outlet_k": ("tests/data/multi_outlet/wire_reports_k.jsonl", "incident"),
    "multi_outlet_l": ("tests/data/multi_outlet/wire_reports_l.jsonl", "incident"),
    "multi_outlet_m": ("tests/data/multi_outlet/wire_reports_m.jsonl", "incident"),
    "multi_outlet_n": ("tests/data/multi_outlet/wire_reports_n.jsonl", "incident"),
    "multi_outlet_o": ("tests/data/multi_outlet/wire_reports_o.jsonl", "incident"),
    "multi_outlet_p": ("tests/data/multi_outlet/wire_reports_p.jsonl", "incident"),
    "multi_outlet_q": ("tests/data/multi_outlet/wire_reports_q.jsonl", "incident"),
    "multi_outlet_r": ("tests/data/multi_outlet/wire_reports_r.jsonl", "incident"),
    "multi_outlet_s": ("tests/data/multi_outlet/wire_reports_s.jsonl", "incident"),
    "multi_outlet_t": ("tests/data/multi_outlet/wire_reports_t.jsonl", "incident"),
    "multi_outlet_u": ("tests/data/multi_outlet/wire_reports_u.jsonl", "incident"),
    "multi_outlet_v": ("tests/data/multi_outlet/wire_reports_v.jsonl", "incident"),
    "multi_outlet_w": ("tests/data/multi_outlet/wire_reports_w.jsonl", "incident"),
    "multi_outlet_x": ("tests/data/multi_outlet/wire_reports_x.jsonl", "incident"),
    "multi_outlet_y": ("tests/data/multi_outlet/wire_reports_y.jsonl", "incident"),
    "multi_outlet_z": ("tests/data/multi_outlet/wire_reports_z.jsonl", "incident"),
    "multi_outlet_aa": ("tests/data/multi_outlet/wire_reports_aa.jsonl", "incident"),
    "multi_outlet_ab": ("tests/data/multi_outlet/wire_reports_ab.jsonl", "incident"),
    "multi_outlet_ac": ("tests/data/multi_outlet/wire_reports_ac.jsonl", "incident"),
    "multi_outlet_ad": ("tests/data/multi_outlet/wire_reports_ad.jsonl", "incident"),
    "multi_outlet_ae": ("tests/data/multi_outlet/wire_reports_ae.jsonl", "incident"),
    "multi_outlet_af": ("tests/data/multi_outlet/wire_reports_af.jsonl", "incident"),
    "multi_outlet_ag": ("tests/data/multi_outlet/wire_reports_ag.jsonl", "incident"),
    "multi_outlet_ah": ("tests/data/multi_outlet/wire_reports_ah.jsonl", "incident"),
    "multi_outlet_ai": ("tests/data/multi_outlet/wire_reports_ai.jsonl", "incident"),
    "multi_outlet_aj": ("tests/data/multi_outlet/wire_reports_aj.jsonl", "incident"),
    "multi_outlet_ak": ("tests/data/multi_outlet/wire_reports_ak.jsonl", "incident"),
    "multi_outlet_al": ("tests/data/multi_outlet/wire_reports_al.jsonl", "incident"),
    "multi_outlet_am": ("tests/data/multi_outlet/wire_reports_am.jsonl", "incident"),
    "multi_outlet_an": ("tests/data/multi_outlet/wire_reports_an.jsonl", "incident"),
    "multi_outlet_ao": ("tests/data/multi_outlet/wire_reports_ao.jsonl", "incident"),
    "examples": ("examples/reports/wire.jsonl", None),
}
# Sets never tuned on: scored only with --heldout (their first run is their figure).
HELDOUT_SETS = (
    "multi_outlet_g",
    "multi_outlet_j",
    "multi_outlet_l",
    "multi_outlet_n",
    "multi_outlet_p",
    "multi_outlet_r",
    "multi_outlet_t",
    "multi_outlet_u",
    "multi_outlet_v",
    "multi_outlet_w",
    "multi_outlet_y",
    "multi_outlet_aa",
    "multi_outlet_ac",
    "multi_outlet_ae",
    "multi_outlet_ai",
    "multi_outlet_al",
)


def pipeline_sets(names: Iterable[str] = PIPELINE_SETS) -> list[tuple[str, float, float, int, int]]:
    """(set, precision, recall, reports, canonical events) through the whole pipeline."""
    from eventwire.config import load_settings
    from eventwire.db.store import Store
    from eventwire.pipeline.base import Pipeline, Resources
    from eventwire.records import Document

    settings = load_settings(config_file=None, env={})
    pipe = Pipeline.from_settings(settings, Resources(settings))
    out = []
    for name in names:
        rel, label = PIPELINE_SETS[name]
        path = ROOT / rel
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        docs = []
        gold_of: dict[str, str] = {}
        recalled: dict[str, str] = {}  # event id -> label of an old incident it recalls
        for r in rows:
            doc = Document(
                text=r["text"],
                published=date.fromisoformat(r["published"]),
                source=r["source"],
                source_id=r["id"],
            )
            docs.append(pipe(doc))
            gold_of[doc.doc_id] = r[label] if label else _example_label(r["id"])
            recalled.update(recalled_labels(docs[-1], r.get("recalled", [])))
        with Store.open(":memory:") as store:
            store.write_batch(docs, [])
            cluster_store(store)
            recs = [
                json.loads(x[0])
                for x in store.con.execute("SELECT record FROM canonical_events").fetchall()
            ]
        pred: dict[str, str] = {}
        gold: dict[str, str] = {}
        for rec in recs:
            if rec["plover_mode"] not in VIOLENT or rec["modality"] != "asserted":
                continue
            for rep in rec["reports"]:
                pred[rep["event_id"]] = rec["canonical_id"]
                gold[rep["event_id"]] = recalled.get(rep["event_id"], gold_of[rep["doc_id"]])
        p, r = bcubed(pred, gold)
        out.append((name, p, r, len(pred), len(set(pred.values()))))
    return out


def recalled_labels(doc: Any, marks: list[dict[str, str]]) -> dict[str, str]:
    """Event ids of a report's background sentences ("In June last year, bombers killed 32
    people at a wedding …") labelled with the old incident they recall, not the report's."""
    out: dict[str, str] = {}
    for event in doc.events:
        text = doc.sentences[event.sentence_index].text
        for mark in marks:
            if mark["text"] in text:
                out[event.event_id] = mark["incident"]
    return out


def _example_label(source_id: str) -> str:
    return (
        "afgoye"
        if "afgoye" in source_id or "convoy" in source_id or "toll" in source_id
        else source_id
    )


def acled_reports(rows: list[dict[str, Any]]) -> list[ReportEvent]:
    """Three outlets per ACLED row: the row, no attacker, province only."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_dedup_acled import gold_events

    base = gold_events(rows, one_doc_per_row=True)
    out: list[ReportEvent] = []
    for e in base:
        out.append(e)
        out.append(
            dataclasses.replace(
                e,
                event_id=e.event_id + "b",
                doc_id=e.doc_id + "b",
                actor1_id=None,
                actor1_name=None,
                actor1_inter=None,
            )
        )
        out.append(
            dataclasses.replace(
                e,
                event_id=e.event_id + "c",
                doc_id=e.doc_id + "c",
                geo_precision=3,
                location_name=e.admin1,
                geonameid=None,
                published=(e.published or date.min) + timedelta(days=1),
            )
        )
    return out


def fill_acled_cities(reports: list[ReportEvent]) -> int:
    """Give the rows placed at a large city by name ("Beirut", not "Beirut-Mazraa") that
    city's radius, as the store path does for a report placed at its gazetteer id, so the
    district rule is measured on ACLED's split rows. Returns how many (0: no index built)."""
    from eventwire.dedup.cities import city_radius_km
    from eventwire.dedup.rules import DedupOptions
    from eventwire.errors import DataFileError
    from eventwire.pipeline.common.geo import haversine_km
    from eventwire.pipeline.places.gazetteer.index import built_gazetteer

    try:
        gaz = built_gazetteer()
    except DataFileError:
        return 0
    opts, filled = DedupOptions(), 0
    for e in reports:
        if e.geo_precision != 1 or e.lat is None or e.lon is None or not e.location_name:
            continue
        for cand in gaz.lookup(e.location_name, loose=False):
            i, pop = cand.index, int(gaz.pop[cand.index])
            near = haversine_km(e.lat, e.lon, float(gaz.lat[i]), float(gaz.lon[i])) < 10
            if gaz.feature(i) == "city" and pop >= opts.city_min_population and near:
                e.city_km, filled = city_radius_km(pop, opts), filled + 1
                break
    return filled


def acled_split(split: str) -> tuple[float, float, int, float]:
    from eventwire.evaluate.split import split_of

    path = ROOT.parent / "shared/corpus/dev/acled_dev.jsonl"
    if not path.is_file():
        path = Path("/work/shared/corpus/dev/acled_dev.jsonl")
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if split_of(str(r["id"])) == split]
    reports = acled_reports(rows)
    fill_acled_cities(reports)
    t0 = time.perf_counter()
    clusters = cluster_events(reports)
    seconds = time.perf_counter() - t0
    pred = {m: c.canonical_id for c in clusters for m in c.members}
    gold = {e.event_id: e.event_id.rstrip("bc") for e in reports}
    p, r = bcubed(pred, gold)
    return p, r, len(rows), seconds


def synthetic(n: int) -> dict[str, Any]:
    import duckdb

    from eventwire.db.store import Store

    table = synthetic_events(n, seed=7)
    names = {f.name for f in dataclasses.fields(ReportEvent)}
    cols = [c for c in table.column_names if c in names]
    data = table.select(cols).to_pylist()
    truth = table.column("truth_id").to_pylist()
    reports = [ReportEvent(**row) for row in data]
    t0 = time.perf_counter()
    clusters = cluster_events(reports)
    seconds = time.perf_counter() - t0
    merges = len(reports) - len(clusters)
    pred = {m: c.canonical_id for c in clusters for m in c.members}
    p, r = bcubed(pred, {e.event_id: str(t) for e, t in zip(reports, truth, strict=True)})
    # incremental: 99% clustered in a store, then 1% new reports
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "b.duckdb")
        cut = int(n * 0.99)
        with Store.open(db) as store:
            insert_synthetic(store.con, table.slice(0, cut))
            cluster_store(store)
            insert_synthetic(store.con, table.slice(cut))
            t1 = time.perf_counter()
            summary = cluster_store(store)
            incremental = time.perf_counter() - t1
    del duckdb
    return {
        "n": n,
        "seconds": seconds,
        "merges": merges,
        "merges_per_s": merges / seconds,
        "reports_per_s": n / seconds,
        "precision": p,
        "recall": r,
        "incremental_new": summary.new_events,
        "incremental_s": incremental,
    }


def _table(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(x) for x in row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument(
        "--heldout",
        action="store_true",
        help="also score ACLED held-out rows and the held-out sets " + ", ".join(HELDOUT_SETS),
    )
    ap.add_argument(
        "--sets",
        default=None,
        help="pipeline sets to score, comma-separated (default: all tuned sets)",
    )
    ap.add_argument("--only-sets", action="store_true", help="score the pipeline sets only")
    args = ap.parse_args()
    if args.sets:
        names = args.sets.split(",")
    else:
        names = [n for n in PIPELINE_SETS if args.heldout or n not in HELDOUT_SETS]
    sets = pipeline_sets(names)
    print(_table(["set", "B3 precision", "B3 recall", "violent report events", "canonical"], sets))
    if args.only_sets:
        return
    splits = ["dev", "heldout"] if args.heldout else ["dev"]
    acled = [(s, *acled_split(s)) for s in splits]
    print()
    print(
        _table(
            ["ACLED split", "B3 precision", "B3 recall", "rows (x3 reports)", "seconds"],
            [(s, p, r, n, f"{t:.2f}") for s, p, r, n, t in acled],
        )
    )
    syn = synthetic(args.n)
    print()
    print(
        _table(
            [
                "reports",
                "cluster s",
                "merges",
                "merges/s",
                "reports/s",
                "B3 P",
                "B3 R",
                "+1% new",
                "incremental s",
            ],
            [
                (
                    syn["n"],
                    f"{syn['seconds']:.1f}",
                    syn["merges"],
                    f"{syn['merges_per_s']:.0f}",
                    f"{syn['reports_per_s']:.0f}",
                    syn["precision"],
                    syn["recall"],
                    syn["incremental_new"],
                    f"{syn['incremental_s']:.2f}",
                )
            ],
        )
    )


if __name__ == "__main__":
    main()
