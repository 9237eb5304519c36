"""Gazetteer and places benchmark: build time, size, load time, lookups/s, memory, accuracy.

    .venv/bin/python bench/gazetteer.py                 # everything, writes bench/RESULTS.md
    .venv/bin/python bench/gazetteer.py --no-write --limit 200 --only acled
    .venv/bin/python bench/gazetteer.py --causes acled --show 20   # full-pipeline misses by cause

Accuracy is measured document-level (until the events stage lands): for each dev row, a
synthetic event is triggered at the root verb of the first sentence and the place the
places stage attaches to it is compared with the gold coordinates (within 25 km) and
country. Rows are treated as reports published on their event date.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from results import write_section  # bench/results.py (bench/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared")) / "corpus"
RESULTS = ROOT / "bench" / "RESULTS.md"
NAMES = [
    "Baghdad",
    "Irbil",
    "Falluja",
    "Samarra",
    "Anbar",
    "Idleb",
    "Springfield",
    "Lagos",
    "San Jose",
    "Nothingville",
    "Mosul",
    "Donetsk",
    "Sanaa",
    "Aleppo",
    "Paris",
]


def _measure_index() -> dict[str, Any]:
    """Build in a fresh cache dir, then load and query in a fresh process."""
    import tempfile

    tmp = tempfile.mkdtemp(prefix="ewgaz-")
    env = dict(os.environ, EVENTWIRE_DATA_DIR=tmp)
    code = (
        "import json,time,resource\n"
        "from eventwire.pipeline.places.gazetteer.build import build_index\n"
        "p,s=build_index(force=True)\n"
        "print(json.dumps({'build_s':s,'path':str(p),"
        "'build_peak_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    built = json.loads(out.stdout.strip().splitlines()[-1])
    code = (
        "import json,time,resource\n"
        "t=time.perf_counter()\n"
        "from eventwire.pipeline.places.gazetteer.index import load_gazetteer\n"
        "g=load_gazetteer(); load=time.perf_counter()-t\n"
        f"names={NAMES!r}\n"
        "t=time.perf_counter(); n=0\n"
        "while time.perf_counter()-t<2:\n"
        "    for x in names: g.lookup(x); n+=1\n"
        "lps=n/(time.perf_counter()-t)\n"
        "t=time.perf_counter(); m=0\n"
        "while time.perf_counter()-t<1:\n"
        "    g.reverse(33.3+m%7,44.4-m%5); m+=1\n"
        "rps=m/(time.perf_counter()-t)\n"
        "print(json.dumps({'load_s':load,'lookups_per_s':lps,'reverse_per_s':rps,"
        "'rss_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024,'rows':len(g)}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    used = json.loads(out.stdout.strip().splitlines()[-1])
    used.update(built)
    used["size_mb"] = Path(built["path"]).stat().st_size / 1e6
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    return used


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _gold(fmt: str, row: dict[str, Any]) -> tuple[float, float, str | None, str]:
    from eventwire.evaluate.scoring import country_code

    g = row["gold"]
    if fmt == "acled":
        return g["latitude"], g["longitude"], country_code(g["country"]), row["date_iso"]
    return g["latitude"], g["longitude"], country_code(g["country_txt"]), row["date"]


def accuracy(fmt: str, limit: int | None = None, show: int = 0) -> dict[str, Any]:
    """Document-level location accuracy on a dev file (see module docstring)."""
    from datetime import date

    from eventwire.config import load_settings
    from eventwire.pipeline.base import Resources, registered_stages
    from eventwire.records import Document, Event, Span

    path = CORPUS / "dev" / f"{fmt}_dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:limit]
    settings = load_settings(config_file=None, env={})
    resources = Resources(settings)
    reg = registered_stages()
    stages = [
        reg[n](settings, resources)
        for n in ("eventwire.structure.v1", "eventwire.nlp.v1", "eventwire.places.v1")
    ]
    near = ctry = found = 0
    levels: Counter[str] = Counter()
    misses: list[str] = []
    started = time.perf_counter()
    for row in rows:
        lat, lon, cc, day = _gold(fmt, row)
        doc = Document(text=row["text"], published=date.fromisoformat(day))
        for stage in stages[:2]:
            doc = stage(doc)
        first = (
            1 if fmt == "gtd" and len(doc.sentences) > 1 and len(doc.sentences[0].text) < 14 else 0
        )  # "01/05/2012:" may be its own sentence
        sent = doc.sentences[first] if doc.sentences else None
        if sent is None:
            continue
        parse = doc.parses.get(first)
        root = next((t for t in parse if t.dep_ == "ROOT"), None) if parse is not None else None
        t0 = sent.start + (root.idx if root is not None else 0)
        t1 = t0 + (len(root.text) if root is not None else 1)
        doc.events = [Event(doc.doc_id, Span(t0, t1, "trigger", doc.text[t0:t1]), first, "ASSAULT")]
        doc = stages[2](doc)
        loc = doc.events[0].location
        pred_cc = (loc.country if loc else None) or doc.country
        ctry += pred_cc == cc
        if pred_cc != cc and os.environ.get("SHOW_COUNTRY"):
            print(
                "CTRY", pred_cc, cc, loc.name if loc else None, row["text"][:150], file=sys.stderr
            )
        if loc is not None and loc.lat is not None and loc.lon is not None:
            found += 1
            levels[loc.fallback or "?"] += 1
            ok = _km(loc.lat, loc.lon, lat, lon) <= 25.0
            near += ok
            if not ok and len(misses) < show:
                misses.append(
                    f"{loc.name}/{loc.country}/p{loc.precision} gold="
                    f"{row['gold'].get('location') or row['gold'].get('city')} "
                    f"| {row['text'][:160]}"
                )
        elif len(misses) < show:
            misses.append(
                f"NONE gold={row['gold'].get('location') or row['gold'].get('city')}"
                f" | {row['text'][:160]}"
            )
    n = len(rows)
    return {
        "rows": n,
        "within_25km": near / n,
        "country": ctry / n,
        "located": found / n,
        "fallback": dict(levels),
        "seconds": time.perf_counter() - started,
        "misses": misses,
    }


def miss_causes(fmt: str, limit: int | None = None, show: int = 0) -> Counter[str]:
    """Run the whole pipeline on a dev file and sort the top event's location misses by
    cause: no event; no location; "wrong attach" (some place of the document is within
    25 km, another was attached); "country wrong"; "admin fallback" (precision 3, the town
    is unknown); "wrong place" (a wrong homonym or a place the gazetteer lacks)."""
    from eventwire.config import load_settings
    from eventwire.evaluate.scoring import read_gold
    from eventwire.pipeline.base import Pipeline
    from eventwire.pipeline.common.geo import haversine_km
    from eventwire.records import Document

    pipe = Pipeline.from_settings(load_settings())
    causes: Counter[str] = Counter()
    shown = 0
    for gold in read_gold(CORPUS / "dev" / f"{fmt}_dev.jsonl", fmt, limit):
        if gold.lat is None or gold.lon is None:
            continue
        doc = pipe(
            Document(
                text=gold.text,
                published=gold.published,
                source_id=gold.id,
                published_source="record",
                input=gold.id,
            )
        )
        top = doc.events[0] if doc.events else None
        loc = top.location if top else None
        pred_country = (loc.country if loc else None) or (doc.country if top else None)
        causes["(country right)"] += int(pred_country == gold.country)
        if (
            loc is not None
            and loc.lat is not None
            and loc.lon is not None
            and haversine_km(loc.lat, loc.lon, gold.lat, gold.lon) <= 25.0
        ):
            causes["ok"] += 1
            continue
        near = [
            p
            for p in doc.places
            if p.lat is not None
            and p.lon is not None
            and haversine_km(p.lat, p.lon, gold.lat, gold.lon) <= 25.0
        ]
        if top is None:
            cause = "no event"
        elif loc is None or loc.lat is None:
            cause = "no location"
        elif near:
            cause = "wrong attach"
        elif (loc.country or doc.country) != gold.country:
            cause = "country wrong"
        elif loc.precision == 3:
            cause = "admin fallback"
        else:
            cause = "wrong place"
        causes[cause] += 1
        if shown < show:
            shown += 1
            print(
                f"[{cause}] {gold.id} pred={loc.name if loc else None}/"
                f"{loc.country if loc else None}/p{loc.precision if loc else None} "
                f"| {gold.text[:160]}",
                file=sys.stderr,
            )
    return causes


def causes_table(limit: int | None) -> list[str]:
    """Markdown table of the full pipeline's top-event location misses by cause."""
    found = {fmt: miss_causes(fmt, limit) for fmt in ("acled", "gtd")}
    order = ["ok", "wrong place", "admin fallback", "wrong attach", "country wrong"]
    order += ["no location", "no event"]
    out = [
        "Full pipeline, top event, misses by cause "
        "(`.venv/bin/python bench/gazetteer.py --causes acled|gtd`):",
        "",
        "| | ACLED | GTD |",
        "|---|---:|---:|",
    ]
    totals = {
        f: sum(v for k, v in c.items() if k != "(country right)") or 1 for f, c in found.items()
    }
    for cause in ["(country right)", *order]:
        label = "country right" if cause == "(country right)" else cause
        cells = [f"{found[f][cause]} ({found[f][cause] / totals[f]:.3f})" for f in ("acled", "gtd")]
        if cause in ("ok", "(country right)"):
            cells = [f"**{c}**" for c in cells]
        out.append(f"| {label} | {cells[0]} | {cells[1]} |")
    return out


def ceiling(fmt: str) -> tuple[float, float]:
    """What a perfect disambiguator could reach over this index: the share of rows where
    ANY gazetteer entry within 25 km of the gold point is named by a capitalised n-gram of
    the text, and the share where the gold country has any cue at all (an entry of that
    country named, a nationality adjective, or a dictionary actor of that country)."""
    from eventwire.pipeline.common.actordict import load_actor_dictionary
    from eventwire.pipeline.common.geo import haversine_km
    from eventwire.pipeline.places.gazetteer.cues import find_actor_cues
    from eventwire.pipeline.places.gazetteer.index import load_gazetteer
    from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
    from eventwire.pipeline.places.gazetteer.normalize import fold
    from eventwire.pipeline.places.gazetteer.toponyms import tokenize

    gaz, lex, actors = load_gazetteer(), load_lexicon(), load_actor_dictionary()
    path = CORPUS / "dev" / f"{fmt}_dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    hits = country_hits = 0
    for row in rows:
        lat, lon, cc, _ = _gold(fmt, row)
        toks = tokenize(row["text"])
        found = False
        countries = set(find_actor_cues(row["text"], actors).votes)
        countries |= {lex.adjectives.get(fold(t.text), "") for t in toks if t.capitalised}
        for i, tok in enumerate(toks):
            if not tok.text[:1].isupper():
                continue
            for j in range(i + 1, min(i + 5, len(toks)) + 1):
                name = row["text"][tok.start : toks[j - 1].end]
                cands = gaz.lookup(name)
                countries |= {gaz.country_code(c.index) for c in cands}
                if any(
                    haversine_km(float(gaz.lat[c.index]), float(gaz.lon[c.index]), lat, lon) <= 25
                    for c in cands
                ):
                    found = True
        hits += found
        country_hits += cc in countries
    return hits / len(rows), country_hits / len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--only", choices=["acled", "gtd", "index"], default=None)
    parser.add_argument("--show", type=int, default=0, help="print N misses")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument(
        "--causes",
        choices=["acled", "gtd"],
        default=None,
        help="full pipeline: count the location misses by cause, then exit",
    )
    args = parser.parse_args()
    if args.causes:
        causes = miss_causes(args.causes, args.limit, args.show)
        country = causes.pop("(country right)", 0)
        total = sum(causes.values()) or 1
        print(f"{'country right':16} {country:5} {country / total:.3f}")
        for cause, count in causes.most_common():
            print(f"{cause:16} {count:5} {count / total:.3f}")
        return
    lines = [
        "## Gazetteer and places (issue 5)",
        "",
        "`.venv/bin/python bench/gazetteer.py` (shared 2-core machine, "
        f"{time.strftime('%Y-%m-%d')})",
        "",
    ]
    if args.only in (None, "index"):
        idx = _measure_index()
        print(json.dumps(idx, indent=1), file=sys.stderr)
        lines += [
            "| index | value |",
            "|---|---|",
            f"| rows (places + admin areas + countries) | {idx['rows']:,} |",
            f"| build time | {idx['build_s']:.1f} s (peak {idx['build_peak_mb']:.0f} MB) |",
            f"| size on disk | {idx['size_mb']:.1f} MB |",
            f"| load time | {idx['load_s']:.2f} s |",
            f"| lookups/s (name → candidates) | {idx['lookups_per_s']:,.0f} |",
            f"| reverse lookups/s | {idx['reverse_per_s']:,.0f} |",
            f"| resident memory after load + queries | {idx['rss_mb']:.0f} MB |",
            "",
        ]
    if CORPUS.is_dir():
        for fmt in ("acled", "gtd"):
            if args.only not in (None, fmt):
                continue
            res = accuracy(fmt, args.limit, args.show)
            for miss in res.pop("misses"):
                print("MISS", miss, file=sys.stderr)
            print(fmt, json.dumps(res), file=sys.stderr)
            top, top_country = ceiling(fmt)
            lines.append(
                f"- {fmt}_dev.jsonl ({res['rows']} rows, document-level, first "
                f"sentence): within 25 km **{res['within_25km']:.3f}**, country "
                f"**{res['country']:.3f}**, located {res['located']:.3f}, "
                f"attachment {res['fallback']}, {res['seconds']:.0f} s; "
                f"gazetteer ceiling (some entry within 25 km is named in the text) "
                f"{top:.3f}; country ceiling (the gold country has some cue in the text) "
                f"{top_country:.3f}"
            )
    if CORPUS.is_dir() and args.only is None:
        lines += ["", *causes_table(args.limit)]
    lines += [
        "",
        "The index includes eventwire's curated supplement (`data/gazetteer/supplement*.csv`:"
        " towns of Iraq, Syria, Lebanon, the Donbas and other regions GeoNames' population "
        "files cover thinly). Most remaining misses are places no installed package or the "
        "supplement has (villages below 500 inhabitants, homonyms whose right entry is "
        "missing): they fall back to the province (precision 3), placed at its most "
        'populous place (``area_point = "seat"``, ACLED\'s provincial-capital convention), '
        "or land on a wrong homonym. `--causes acled|gtd --show N` prints the misses.",
    ]
    if not args.no_write:
        write_section("gazetteer", "\n".join(lines), "Gazetteer and places")
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, "MB peak", file=sys.stderr)


if __name__ == "__main__":
    main()
