"""Geoparse and dense-layer benchmark: index figures with and without the GeoNames layers,
toponyms found/resolved on our own labelled sentences, and a geoparse run over news.

    .venv/bin/python bench/geoparse.py index --geonames ../shared/gazetteer/geonames
    .venv/bin/python bench/geoparse.py gold                  # tests/data/geoparse_gold.jsonl
    .venv/bin/python bench/geoparse.py reports   # tests/data/geoparse_reports.jsonl
    .venv/bin/python bench/geoparse.py news --limit 300      # BBC articles: counts and speed
    EVENTWIRE_DATA_DIR=/tmp/dense .venv/bin/python bench/geoparse.py gold   # with layers

``index`` imports the GeoNames files into a fresh data directory (linked to the built base
index), then loads the gazetteer in fresh processes with and without the layers and
measures load time, lookups per second and resident memory. ``gold`` scores
``eventwire.geoparse`` on sentences written for eventwire (tests/data/geoparse_gold.jsonl,
coordinates from general knowledge): a gold toponym is *found* when a predicted span
overlaps it, *resolved* when that prediction is in the right country and lies within
161 km (100 miles, the usual geoparsing threshold); a country or province (marked
``area``) is resolved when the prediction is that area, or a point within 500 km in its
country; *precision* is the share of predicted spans that overlap a gold one.
``reports`` scores the same way on ten multi-paragraph reports written for eventwire
(tests/data/geoparse_reports.jsonl: every toponym marked, so precision counts too).
``news`` runs the geoparser over BBC articles (no gold): toponyms per article, the share
with coordinates, countries and articles per second. Timings on a shared machine are noisy;
rerun on an idle one.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
GOLD = ROOT / "tests" / "data" / "geoparse_gold.jsonl"
# multi-paragraph reports written for eventwire, every toponym marked with its offsets
REPORTS = ROOT / "tests" / "data" / "geoparse_reports.jsonl"
NAMES = ["Baghdad", "Irbil", "Dapchi", "Mir Ali", "Solhan", "Robotyne", "Kafr Nabudah"]
NAMES += ["Palma", "Ogossagou", "Kidal", "Nothingville", "San Jose", "Springfield", "Aleppo"]
_LOAD = """
import json, time
t = time.perf_counter()
from eventwire.pipeline.places.gazetteer.index import load_gazetteer
imported = time.perf_counter() - t
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096 / 1e6
before = rss()
t = time.perf_counter(); g = load_gazetteer(layers=LAYERS); load = time.perf_counter() - t
after = rss()
names = NAMES
t = time.perf_counter(); n = 0
while time.perf_counter() - t < 2:
    for x in names:
        g.lookup(x); n += 1
lps = n / (time.perf_counter() - t)
print(json.dumps({"rows": len(g), "load_s": load, "rss_load_mb": after - before,
                  "rss_after_lookups_mb": rss() - before, "lookups_per_s": lps}))
"""


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _run(code: str, env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure_index(geonames: Path) -> dict[str, Any]:
    """Import every zip of ``geonames`` into a fresh data dir; load with and without."""
    from eventwire.pipeline.places.gazetteer.build import build_index

    base, _ = build_index()
    tmp = Path(tempfile.mkdtemp(prefix="ewdense-"))
    (tmp / "gazetteer").mkdir()
    (tmp / "gazetteer" / base.name).symlink_to(base)
    env = dict(os.environ, EVENTWIRE_DATA_DIR=str(tmp))
    files = sorted(str(p) for p in geonames.glob("*.zip"))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "eventwire", "gazetteer", "add", *files],
        env=env,
        check=True,
        capture_output=True,
    )
    build_s = time.perf_counter() - started
    layers = tmp / "gazetteer" / "layers"
    size = sum(p.stat().st_size for p in layers.rglob("*.npy"))
    merged = sum(p.stat().st_size for p in layers.glob(".merged-*/*.npy"))
    code = _LOAD.replace("NAMES", repr(NAMES))
    out = {
        "files": len(files),
        "build_s": build_s,
        "layers_mb": (size - merged) / 1e6,
        "merged_mb": merged / 1e6,
        "base_mb": base.stat().st_size / 1e6,
        "without": _run(code.replace("LAYERS", "False"), env),
        "with": _run(code.replace("LAYERS", "True"), env),
    }
    out["dense_rows"] = out["with"]["rows"] - out["without"]["rows"]
    return out


def score_gold(path: Path = GOLD) -> dict[str, Any]:
    """Found / resolved within 161 km / precision on our own labelled sentences."""
    import eventwire

    gold_n = found = resolved = country = predicted = matched = 0
    misses: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        pred = eventwire.geoparse(row["text"])
        predicted += len(pred)
        matched += sum(
            any(p["start"] < g["end"] and g["start"] < p["end"] for g in row["places"])
            for p in pred
        )
        for g in row["places"]:
            gold_n += 1
            hits = [p for p in pred if p["start"] < g["end"] and g["start"] < p["end"]]
            if not hits:
                misses.append(f"{row['id']} not found: {g['text']}")
                continue
            found += 1
            p = hits[0]
            country += p["country"] == g["country"]
            # a country or province is resolved when it is the right one: same country
            # and within 500 km of our rough point for it
            limit = 500.0 if g.get("area") else 161.0
            near = p["lat"] is not None and _km(p["lat"], p["lon"], g["lat"], g["lon"]) <= limit
            if g.get("area") and p["feature"] in ("country", "admin1", "admin2"):
                near = True  # the area itself: its point is a convention
            near = near and (p["country"] == g["country"])
            resolved += near
            if not near:
                misses.append(f"{row['id']} {g['text']} -> {p['name']} ({p['country']})")
    return {
        "gold": gold_n,
        "found": found / gold_n,
        "resolved_161km": resolved / gold_n,
        "country_of_found": country / max(found, 1),
        "precision": matched / max(predicted, 1),
        "predicted": predicted,
        "misses": misses,
    }


def news(limit: int, sample: Path | None = None) -> dict[str, Any]:
    """Geoparse BBC articles: counts, share with coordinates, countries, speed."""
    from eventwire.pipeline.places.geoparse import Geoparser, place_json
    from eventwire.records import Document

    path = SHARED / "corpus" / "news" / "bbc_news.jsonl"
    parser = Geoparser()
    parser("warm up in Paris.")
    docs = toponyms = chars = 0
    countries: Counter[str] = Counter()
    kept: list[dict[str, Any]] = []
    started = time.perf_counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if docs >= limit:
                break
            row = json.loads(line)
            doc = parser.document(Document(text=row["text"]))
            docs += 1
            chars += len(row["text"])
            toponyms += len(doc.places)
            countries.update(p.country or "?" for p in doc.places)
            if sample is not None and docs % 10 == 1:
                kept.extend({"id": row["id"], **place_json(p)} for p in doc.places[:3])
    seconds = time.perf_counter() - started
    if sample is not None:
        sample.write_text("".join(json.dumps(k) + "\n" for k in kept), encoding="utf-8")
    return {
        "articles": docs,
        "toponyms": toponyms,
        "per_article": toponyms / max(docs, 1),
        "articles_per_s": docs / seconds,
        "chars_per_s": chars / seconds,
        "top_countries": countries.most_common(8),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["index", "gold", "reports", "news"])
    parser.add_argument("--geonames", type=Path, default=SHARED / "gazetteer" / "geonames")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--sample", type=Path, default=None, help="news: write a sample")
    args = parser.parse_args()
    if args.what == "index":
        result = measure_index(args.geonames)
    elif args.what == "gold":
        result = score_gold()
    elif args.what == "reports":
        result = score_gold(REPORTS)
    else:
        result = news(args.limit, args.sample)
    print(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
