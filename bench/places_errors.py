"""Place resolution errors by class on a gold split: where the top event was placed, and why
it missed.

    .venv/bin/python bench/places_errors.py --gold ../shared/corpus/dev/acled_dev.jsonl \\
        --split dev --dump /tmp/acled_dev_places.jsonl
    .venv/bin/python bench/places_errors.py --gold ../shared/corpus/dev/acled_more_dev.jsonl \\
        --split tune --sample 3000 --seed 13
    .venv/bin/python bench/places_errors.py --gold ../shared/corpus/dev/gtd_dev.jsonl \\
        --format gtd --split dev
    EVENTWIRE_DATA_DIR=/tmp/dense .venv/bin/python bench/places_errors.py ...   # with layers

Every row is run through the default pipeline (as ``eventwire eval`` does) and its top
event's place is put in one class: ``ok`` (within 25 km), ``no place``, ``other country``
(split by whether the prediction is a country, and whether the prediction's country is
named in the text as a country or a demonym: an actor's nationality taken as the place),
``country level`` (the country itself, right country), ``province level``, ``25-100 km``
and ``> 100 km`` (right country). It also reports how often the precision we give agrees
with the gold one (ACLED ``geo_precision``), and how our precision 3 rows score.
``--dump`` writes one JSON line per row (gold place, our place, class, the document's
places and, for a miss, ``named_near``: the text's n-grams that some entry within 25 km of
the gold point answers to, and whether that entry is a dense-layer row) for reading the
misses; only ever dump tune/dev rows.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.errors import EventwireError
from eventwire.evaluate.scoring import place_record, read_gold
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.common.geo import haversine_km
from eventwire.records import Document, Place

CLASSES = (
    "ok",
    "no place",
    "other country: country",
    "other country: place",
    "country level",
    "province level",
    "25-100 km",
    "> 100 km",
)


def classify(place: Place | None, lat: float, lon: float, country: str | None) -> str:
    """The error class of one prediction against a gold point and country (ISO2)."""
    if place is None or place.lat is None or place.lon is None:
        return "no place"
    km = haversine_km(place.lat, place.lon, lat, lon)
    if km <= 25.0:
        return "ok"
    if country and place.country and place.country != country:
        return "other country: " + ("country" if place.feature == "country" else "place")
    if place.feature == "country":
        return "country level"
    if place.feature == "admin1":
        return "province level"
    return "25-100 km" if km <= 100.0 else "> 100 km"


def _raw_precisions(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            raw = json.loads(line)
            prec = (raw.get("gold") or {}).get("geo_precision")
            if prec not in (None, ""):
                out[str(raw.get("id"))] = int(prec)
    return out


def named_near(text: str, lat: float, lon: float) -> list[dict[str, Any]]:
    """The capitalised n-grams of the text (1-4 words) that some gazetteer entry within
    25 km of the gold point answers to: the names a perfect disambiguator could have
    chosen (empty: no installed entry near the gold point is named in the text)."""
    from eventwire.pipeline.places.gazetteer.index import load_gazetteer
    from eventwire.pipeline.places.gazetteer.toponyms import tokenize

    gaz = load_gazetteer()
    toks = tokenize(text)
    out: list[dict[str, Any]] = []
    for i, tok in enumerate(toks):
        if not tok.text[:1].isupper():
            continue
        for j in range(i + 1, min(i + 4, len(toks)) + 1):
            name = text[tok.start : toks[j - 1].end]
            for c in gaz.lookup(name):
                if haversine_km(float(gaz.lat[c.index]), float(gaz.lon[c.index]), lat, lon) <= 25:
                    out.append(
                        {
                            "text": name,
                            "start": tok.start,
                            "entry": gaz.name(c.index),
                            "flag": c.flag,
                            "feature": gaz.feature(c.index),
                            "layer": c.index >= gaz.base_rows,
                        }
                    )
                    break
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Run the pipeline on the split and count classes; dump rows when asked."""
    pipeline = Pipeline.from_settings(load_settings())
    gold_prec = _raw_precisions(args.gold) if args.format == "acled" else {}
    rows = read_gold(args.gold, args.format, args.limit, args.split, args.sample, args.seed)
    classes: Counter[str] = Counter()
    country_ok = n = 0
    prec_pairs: Counter[tuple[int | None, int | None]] = Counter()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for gold in rows:
        if gold.lat is None or gold.lon is None:
            continue
        n += 1
        doc: Document | None
        try:
            doc = pipeline(gold.document())
        except EventwireError:
            doc = None
        top = doc.events[0] if doc is not None and doc.events else None
        place = top.location if top is not None else None
        country = place.country if place is not None else None
        if top is not None and not country and doc is not None:
            country = doc.country
        gc = gold.country if isinstance(gold.country, str) else None
        country_ok += int(country is not None and country == gc)
        cls = classify(place, gold.lat, gold.lon, gc)
        classes[cls] += 1
        gp = gold_prec.get(gold.id)
        prec_pairs[(gp, place.precision if place is not None else None)] += 1
        if dump is not None:
            record = {
                "id": gold.id,
                "class": cls,
                "gold": {"lat": gold.lat, "lon": gold.lon, "country": gc, "precision": gp},
                "pred": place_record(place),
                "doc_country": doc.country if doc is not None else None,
                "places": [place_record(p) for p in (doc.places if doc is not None else [])],
                "named_near": named_near(gold.text, gold.lat, gold.lon) if cls != "ok" else [],
                "text": gold.text,
            }
            dump.write(json.dumps(record, ensure_ascii=False) + "\n")
    if dump is not None:
        dump.close()
    agree = sum(c for (g, p), c in prec_pairs.items() if g is not None and g == p)
    with_gold = sum(c for (g, _), c in prec_pairs.items() if g is not None)
    return {
        "rows": n,
        "within_25km": round(classes["ok"] / n, 3) if n else 0.0,
        "country": round(country_ok / n, 3) if n else 0.0,
        "classes": {c: classes[c] for c in CLASSES},
        "precision_agrees": round(agree / with_gold, 3) if with_gold else None,
        "precision_pairs": {
            f"gold {g} / ours {p}": c
            for (g, p), c in sorted(
                prec_pairs.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1] or 0)
            )
        },
    }


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, run, print the JSON summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--format", default="acled", choices=("acled", "gtd"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--sample", type=int, default=None)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--dump", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.split in ("heldout", "check", "all") and args.dump:
        parser.error("--dump is for dev/tune rows only (never read held-out rows)")
    json.dump(run(args), sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
