"""The loaded gazetteer: name lookups, place records and reverse lookups over numpy arrays.

>>> gaz = load_gazetteer()                       # doctest: +SKIP
>>> [gaz.name(c.index) for c in gaz.lookup("Irbil")][:1]   # doctest: +SKIP
['Erbil']
"""

from __future__ import annotations

import math
import shutil
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.errors import DataFileError
from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.build import (
    build_index,
    index_path,
    index_version,
    key_hash,
)
from eventwire.pipeline.places.gazetteer.dense import (
    LOOSE_PREFIX,
    layers_dir,
    layers_signature,
    list_layers,
)
from eventwire.pipeline.places.gazetteer.layers import (
    Merged,
    compile_layers,
    load_merged,
    merged_dir,
)
from eventwire.pipeline.places.gazetteer.normalize import fold, skeleton, spellings, strip_article
from eventwire.pipeline.places.gazetteer.seats import fallback_seat
from eventwire.pipeline.places.gazetteer.store import is_store, load_arrays
from eventwire.pipeline.places.gazetteer.table import (
    FEAT_ADMIN,
    FEAT_ADMIN1,
    FEAT_COUNTRY,
    FEAT_PLACE,
)
from eventwire.records import Place

SPELT_CACHE = 50_000  # keys whose other spellings are remembered
LOOKUP_CACHE = 100_000  # names whose lookups are remembered

FEATURE_NAMES = {
    FEAT_PLACE: "city",
    FEAT_ADMIN1: "admin1",
    FEAT_ADMIN: "admin2",
    FEAT_COUNTRY: "country",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry matching a name: its row and how well the name matched."""

    index: int
    flag: int  # 2 main name, 1 alternate name, 0 article removed, -1 loose spelling


class Gazetteer:
    """Read-only gazetteer over the arrays of one index file."""

    def __init__(self, arrays: dict[str, np.ndarray], path: Path | None = None) -> None:
        self.path = path
        self.version = str(arrays["version"])
        self.gid = arrays["gid"]
        self.lat = arrays["lat"]
        self.lon = arrays["lon"]
        self.pop = arrays["pop"]
        self.cc = arrays["cc"]
        self.adm1 = arrays["adm1"]
        self.seat = arrays["seat"]
        self.feat = arrays["feat"]
        self.kind = arrays["kind"]
        self._names = arrays["names"].tobytes()
        self._name_off = arrays["name_off"]
        self.countries: list[str] = [str(c) for c in arrays["countries"]]
        self.kinds: list[str] = [str(k) for k in arrays["kinds"]]
        self._cc_index = {c: i for i, c in enumerate(self.countries)}
        self._tables = {
            p: (arrays[p + "hash"], arrays[p + "off"], arrays[p + "place"], arrays[p + "flag"])
            for p in ("x_", "s_")
        }
        self._grid: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._lock = threading.Lock()
        self.base_rows = len(self.gid)
        self.layers: list[tuple[str, int, int]] = []  # dense layers: (name, first row, rows)
        self._dense: tuple[np.ndarray, ...] | None = None
        self._spellings: dict[str, tuple[int, ...]] = {}
        self._found: dict[tuple[str, bool], tuple[Candidate, ...]] = {}
        self._keys: dict[str, bool] = {}
        self._seats: dict[int, int] = {}  # areas with no seat of their own (seats.py)
        self._dense_names: tuple[np.ndarray, np.ndarray] | None = None
        self.fcodes: list[str] = []
        self.fcode = np.zeros(0, dtype=np.uint8)
        country_rows = np.nonzero(self.feat == FEAT_COUNTRY)[0]
        self._country_row = {self.countries[int(self.cc[i])]: int(i) for i in country_rows}

    def __len__(self) -> int:
        return len(self.gid)

    def attach(self, merged: Merged) -> None:
        """Take the columns of a merged set (base and layer rows, ``layers.py``) and search
        its name index beside the base tables."""
        cols = merged.cols
        for key in ("gid", "lat", "lon", "pop", "cc", "adm1", "seat", "feat", "kind"):
            setattr(self, key, cols[key])
        self.fcode = cols["fcode"]
        self.fcodes = merged.fcodes
        self.countries = merged.countries
        self.kinds = merged.kinds
        self._cc_index = {c: i for i, c in enumerate(self.countries)}
        self._dense = (cols["hash"], cols["off"], cols["place"], cols["flag"])
        self._dense_names = (cols["names"], cols["name_off"])
        self.layers = merged.layers
        self._spellings = {}
        self._found = {}
        self._keys = {}

    def feature_code(self, index: int) -> str | None:
        """The GeoNames feature code of a layer row ("PPL", "PPLQ", "ADM2"), else None."""
        if index < self.base_rows:
            return None
        return self.fcodes[int(self.fcode[index - self.base_rows])]

    # -- names --------------------------------------------------------------------------
    def name(self, index: int) -> str:
        """The display name of a row."""
        if index >= self.base_rows and self._dense_names is not None:
            names, offsets = self._dense_names
            i = index - self.base_rows
            lo, hi = int(offsets[i]), int(offsets[i + 1]) - 1
            return bytes(names[lo:hi]).decode("utf-8")
        start, end = int(self._name_off[index]), int(self._name_off[index + 1]) - 1
        return self._names[start:end].decode("utf-8")

    def _postings(self, prefix: str, key: str) -> list[tuple[int, int]]:
        hashes, offsets, places, flags = self._tables[prefix]
        h = key_hash(key)
        i = int(np.searchsorted(hashes, h))
        if i >= len(hashes) or hashes[i] != h:
            return []
        lo, hi = int(offsets[i]), int(offsets[i + 1])
        return list(zip(places[lo:hi].tolist(), flags[lo:hi].tolist(), strict=True))

    def _layer_postings(self, key: str) -> list[tuple[int, int]]:
        """(row, flag) of a folded key in the dense layers."""
        if self._dense is None:
            return []
        hashes, offsets, places, flags = self._dense
        h = key_hash(key)
        i = int(np.searchsorted(hashes, h))
        if i >= len(hashes) or int(hashes[i]) != h:
            return []
        lo, hi = int(offsets[i]), int(offsets[i + 1])
        return list(zip(places[lo:hi].tolist(), flags[lo:hi].tolist(), strict=True))

    def has_key(self, key: str) -> bool:
        """True when a folded key names some place (a cheap test for text scanning;
        remembered per key, as the scanner asks again for "the", "mr" in every report)."""
        known = self._keys.get(key)
        if known is None:
            known = self._has_key(key)
            if len(self._keys) >= LOOKUP_CACHE:
                self._keys.clear()
            self._keys[key] = known
        return known

    def _has_key(self, key: str) -> bool:
        hashes = self._tables["x_"][0]
        h = key_hash(key)
        i = int(np.searchsorted(hashes, h))
        if i < len(hashes) and int(hashes[i]) == h:
            return True
        if self._dense is None:
            return False
        dense = self._dense[0]
        i = int(np.searchsorted(dense, h))
        return i < len(dense) and int(dense[i]) == h

    def lookup(self, name: str, loose: bool = True) -> list[Candidate]:
        """Every row whose name matches ``name`` (exact key, article removed, then loose).

        Answers are remembered per name (the scanners ask again for every capitalised run
        of every report; the index does not change once its layers are attached).
        """
        found = self._found.get((name, loose))
        if found is None:
            found = tuple(self._lookup(name, loose))
            if len(self._found) >= LOOKUP_CACHE:
                self._found.clear()
            self._found[(name, loose)] = found
        return list(found)

    def _lookup(self, name: str, loose: bool) -> list[Candidate]:
        key = fold(name)
        found: dict[int, int] = {}
        for place, flag in self._postings("x_", key) + self._layer_postings(key):
            found[place] = max(found.get(place, -1), flag)
        bare = strip_article(key)
        if bare != key:
            for place, flag in self._postings("x_", bare) + self._layer_postings(bare):
                found.setdefault(place, min(flag, 1))
        if loose and not found:
            sk = skeleton(name)
            for place, _flag in self._postings("s_", sk) + self._layer_postings(LOOSE_PREFIX + sk):
                found.setdefault(place, -1)
            # "Banibangou" is Bani Bangou written as one word: the one place so named, spaces
            # aside, is read by its name, not by a spelling (several such places stay loose)
            joined = bare.replace(" ", "")
            spaced = [
                p for p in found if strip_article(fold(self.name(p))).replace(" ", "") == joined
            ]
            if len(spaced) == 1:
                found[spaced[0]] = 0
        if loose and not found:
            # other transliterations ("Huseiniyah": Husseiniya), for names whose skeleton
            # is too short for the loose index or spelt further off
            for place in self._spelt(bare):
                found.setdefault(place, -1)
        return [Candidate(p, f) for p, f in found.items()]

    def spelt(self, name: str) -> list[Candidate]:
        """The rows of a name's other transliterations (``spellings``), as loose matches,
        whether or not the name itself matched: "Shorah" is a town abroad and, spelt
        "Shurah", a village of the report's country."""
        return [Candidate(p, -1) for p in self._spelt(strip_article(fold(name)))]

    def _spelt(self, key: str) -> tuple[int, ...]:
        """The rows of the other spellings of a key that matched nothing (remembered: the
        same capitalised words fail in every report)."""
        rows = self._spellings.get(key)
        if rows is None:
            rows = tuple(
                place
                for variant in self._indexed(sorted(spellings(key)))
                for place, _flag in self._postings("x_", variant) + self._layer_postings(variant)
            )
            if len(self._spellings) >= SPELT_CACHE:
                self._spellings.clear()
            self._spellings[key] = rows
        return rows

    def _indexed(self, keys: list[str]) -> list[str]:
        """The keys (in their order) whose hash is in the base or the dense name index: one
        search for all of them, where a key left out would have had no postings."""
        if not keys:
            return keys
        wanted = np.array([key_hash(k) for k in keys], dtype=np.int64)
        hit = np.zeros(len(keys), dtype=bool)
        tables = [self._tables["x_"][0]] + ([self._dense[0]] if self._dense is not None else [])
        for hashes in tables:
            if len(hashes):
                at = np.minimum(np.searchsorted(hashes, wanted), len(hashes) - 1)
                hit |= hashes[at] == wanted
        return [k for k, found in zip(keys, hit.tolist(), strict=True) if found]

    # -- records ------------------------------------------------------------------------
    def country_code(self, index: int) -> str:
        return self.countries[int(self.cc[index])]

    def feature(self, index: int) -> str:
        return FEATURE_NAMES[int(self.feat[index])]

    def admin1_name(self, index: int) -> str | None:
        adm = int(self.adm1[index])
        return self.name(adm) if adm >= 0 else None

    def country_row(self, code: str) -> int | None:
        return self._country_row.get(code)

    def place(
        self,
        index: int,
        text: str = "",
        start: int = -1,
        end: int = -1,
        precision: int | None = None,
        point: str = "centroid",
    ) -> Place:
        """A ``Place`` record for a row (precision from the feature unless given).

        ``point="seat"`` places an administrative area at its most populous place (ACLED
        codes province-level events to the provincial capital); default: its centroid.
        """
        feat = int(self.feat[index])
        if precision is None:
            precision = {FEAT_PLACE: 1, FEAT_ADMIN: 2}.get(feat, 3)
        gid = int(self.gid[index])
        at = index
        if point == "seat" and feat != FEAT_PLACE:
            at = int(self.seat[index]) if int(self.seat[index]) >= 0 else self._seat_of(index)
        return Place(
            text=text or self.name(index),
            start=start,
            end=end,
            name=self.name(index),
            geonameid=gid if gid > 0 else None,
            lat=round(float(self.lat[at]), 5),
            lon=round(float(self.lon[at]), 5),
            admin1=self.admin1_name(index) if feat != FEAT_COUNTRY else None,
            country=self.country_code(index),
            precision=precision,
            feature=self.feature(index),
        )

    def _seat_of(self, index: int) -> int:
        """An area with no seat in the index: the seat ``seats.fallback_seat`` finds, else
        the area's own row (its centroid)."""
        if index not in self._seats:
            found = fallback_seat(self, index) if index < self.base_rows else -1
            self._seats[index] = found if found >= 0 else index
        return self._seats[index]

    def distance_km(self, a: int, b: int) -> float:
        return haversine_km(
            float(self.lat[a]), float(self.lon[a]), float(self.lat[b]), float(self.lon[b])
        )

    # -- reverse ------------------------------------------------------------------------
    def _build_grid(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        # GeoNames places only: the extra CSC towns carry no admin1 to report
        feat, gid, adm1 = (a[: self.base_rows] for a in (self.feat, self.gid, self.adm1))
        rows = np.nonzero((feat == FEAT_PLACE) & ((gid > 0) | (adm1 >= 0)))[0]
        cells = self._cells(self.lat[rows], self.lon[rows])
        order = np.argsort(cells, kind="stable")
        return cells[order], rows[order], np.arange(0)

    @staticmethod
    def _cells(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        ilat = np.clip(np.floor(np.asarray(lat, dtype=np.float64) + 90), 0, 179).astype(np.int64)
        ilon = np.floor(np.asarray(lon, dtype=np.float64) + 180).astype(np.int64) % 360
        return ilat * 360 + ilon

    def nearest(self, lat: float, lon: float) -> int | None:
        """The row of the populated place nearest to a point (within about 150 km)."""
        with self._lock:
            if self._grid is None:
                self._grid = self._build_grid()
        cells, rows, _ = self._grid
        base_lat, base_lon = math.floor(lat + 90), math.floor(lon + 180)
        found: list[np.ndarray] = []
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                la = base_lat + dlat
                if not 0 <= la < 180:
                    continue
                cell = la * 360 + (base_lon + dlon) % 360
                lo, hi = np.searchsorted(cells, [cell, cell + 1])
                if hi > lo:
                    found.append(rows[lo:hi])
        if not found:
            return None
        cand = np.concatenate(found)
        p1 = math.radians(lat)
        dlat_r = np.radians(self.lat[cand].astype(np.float64) - lat)
        dlon_r = np.radians(self.lon[cand].astype(np.float64) - lon)
        a = (
            np.sin(dlat_r / 2) ** 2
            + math.cos(p1) * np.cos(np.radians(self.lat[cand])) * np.sin(dlon_r / 2) ** 2
        )
        return int(cand[int(np.argmin(a))])

    def reverse(self, lat: float, lon: float) -> tuple[str | None, str | None]:
        """``(admin1 name, country ISO2)`` of a point, from the nearest populated place.

        >>> load_gazetteer().reverse(33.31, 44.36)      # doctest: +SKIP
        ('Baghdad', 'IQ')
        """
        row = self.nearest(lat, lon)
        if row is None:
            return None, None
        return self.admin1_name(row), self.country_code(row)


_LOADED: dict[str, Gazetteer] = {}
_LOAD_LOCK = threading.Lock()


def read_index(path: Path) -> Gazetteer:
    """Load an index file into a ``Gazetteer``: memory-mapped when written by ``store.py``,
    read whole when it is an ``.npz`` (a path given in the settings, an old build)."""
    try:
        if is_store(path):
            arrays = load_arrays(path)
        else:
            with np.load(path, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise DataFileError(
            f"gazetteer index {str(path)!r} is unreadable ({exc}); "
            f"rebuild it with `eventwire gazetteer build --force`",
            "EW-GEO-003",
        ) from exc
    return Gazetteer(arrays, path)


def attach_layers(gaz: Gazetteer, compile_only: bool = False) -> Gazetteer:
    """Attach the installed dense layers (``eventwire gazetteer add``) to a gazetteer,
    merging them with its index first when this set of layers was never merged."""
    infos = list_layers()
    if not infos:
        return gaz
    target = merged_dir(layers_dir(), gaz.version, layers_signature())
    if not (target / "meta.json").is_file():
        base = {k: getattr(gaz, k) for k in ("gid", "lat", "lon", "pop", "cc", "adm1")}
        base.update(seat=gaz.seat, feat=gaz.feat, kind=gaz.kind)
        folders = [layers_dir() / i.name for i in infos]
        compile_layers(folders, base, gaz.countries, gaz.kinds, target)
    if not compile_only:
        gaz.attach(load_merged(target))
    return gaz


def refresh_layers() -> float:
    """Merge the installed layers with the index now (after ``add``/``remove``), so that
    the next load only maps files; drop merged sets of older layers. Returns seconds."""
    started = time.perf_counter()
    built, _ = build_index()
    if list_layers():
        attach_layers(read_index(built), compile_only=True)
    else:
        for old in layers_dir().glob(".merged-*"):
            shutil.rmtree(old, ignore_errors=True)
    return time.perf_counter() - started


def load_gazetteer(path: Path | None = None, layers: bool = True) -> Gazetteer:
    """Return the gazetteer, building its index first when missing or outdated (cached),
    with the installed dense layers unless ``layers`` is false."""
    signature = layers_signature() if layers else ""
    key = (str(path) if path else index_version()) + "|" + signature
    with _LOAD_LOCK:
        if key not in _LOADED:
            built, _ = build_index(path)
            gaz = read_index(built)
            _LOADED[key] = attach_layers(gaz) if signature else gaz
        return _LOADED[key]


def built_gazetteer() -> Gazetteer:
    """The gazetteer, for callers that must answer at once (the API's place search and
    lookups, a reviewed place): an ``EW-DAT-020`` naming the command when the index of this
    version is not built yet, instead of building it here (minutes)."""
    with _LOAD_LOCK:
        loaded = any(key.startswith(index_version() + "|") for key in _LOADED)
    if not loaded and not index_path().exists():
        raise DataFileError(
            "the gazetteer index is not built: run `eventwire gazetteer build` (processing a "
            "document builds it too), then try again",
            "EW-DAT-020",
        )
    return load_gazetteer(None)
