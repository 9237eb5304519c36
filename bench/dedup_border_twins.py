"""Towns that share a name across a border: the ``border_twins`` list of dedup's words.

    PYTHONPATH=src .venv/bin/python bench/dedup_border_twins.py          # 15 km, the list's
    PYTHONPATH=src .venv/bin/python bench/dedup_border_twins.py --km 30  # a wider look

Populated places of the built gazetteer (base rows, no dense layer) in two countries, at
most ``--km`` apart, whose names are one name (accents, case, spaces and hyphens aside:
"Elwak" in Somalia, "El Wak" in Kenya) or one of which the gazetteer lists as the other's
name (Görlitz / Zgorzelec). A report's "near Elwak" may be either town: dedup reads such a
place as no evidence of the incident's country against its twin's country
(:func:`eventwire.dedup.report.country_evidence`). Prints the YAML list to paste into
``src/eventwire/data/dedup/words.yaml`` (one "CC:Name|CC:Name" pair a line).
"""

from __future__ import annotations

import argparse

import numpy as np

from eventwire.pipeline.common.folding import fold
from eventwire.pipeline.places.gazetteer.index import FEAT_PLACE, built_gazetteer


def _key(name: str) -> str:
    return fold(name).replace(" ", "").replace("-", "")


def twins(km: float) -> list[tuple[tuple[str, str], tuple[str, str], float]]:
    """((country, name), (country, name), km) for each pair of twin towns, sorted."""
    gaz = built_gazetteer()
    rows = [int(i) for i in np.nonzero(gaz.feat[: gaz.base_rows] == FEAT_PLACE)[0]]
    by_key: dict[str, list[int]] = {}
    for i in rows:
        by_key.setdefault(_key(gaz.name(i)), []).append(i)
    found: dict[tuple[tuple[str, str], tuple[str, str]], float] = {}
    for i in rows:
        alike = by_key[_key(gaz.name(i))]
        listed = [c.index for c in gaz.lookup(gaz.name(i), loose=False) if c.flag >= 1]
        for j in {*alike, *listed}:
            if j >= gaz.base_rows or gaz.feat[j] != FEAT_PLACE or gaz.cc[j] == gaz.cc[i]:
                continue
            dist = gaz.distance_km(i, j)
            if dist <= km:
                one = (gaz.country_code(i), gaz.name(i))
                two = (gaz.country_code(j), gaz.name(j))
                found[(min(one, two), max(one, two))] = round(dist, 1)
    return sorted((a, b, d) for (a, b), d in found.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--km", type=float, default=15.0)
    args = ap.parse_args()
    pairs = twins(args.km)
    print(f"# {len(pairs)} pairs within {args.km:g} km")
    for (c1, n1), (c2, n2), dist in pairs:
        print(f'  - "{c1}:{n1}|{c2}:{n2}"  # {dist} km')


if __name__ == "__main__":
    main()
