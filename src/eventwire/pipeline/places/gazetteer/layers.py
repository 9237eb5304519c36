"""Merge the dense layers (``dense.py``) with the base index into one memory-mapped set.

``compile_layers`` runs after ``gazetteer add``/``remove`` (or at the first load after the
base index or the layers changed) and writes ``layers/.merged-<digest>/``: the per-row
columns of the base index *and* every layer (base rows ``0..N-1``, then the layers'
rows), the layers' names, and one name index over all layers whose postings already
point at the right rows. Loading is then a handful of ``np.load(mmap_mode="r")`` calls:
nothing is copied or sorted, and only the pages a lookup touches become resident.

Rows that are already places of the index are not doubled: a layer row whose geonameid
the base index (or an earlier layer) holds, and a layer ADM1 row whose admin1 code is a
base area, are *remapped* to that row, so their alternate names ("Irbil", "Hawler") become
names of the existing place. A layer row's admin1 area is the base area that most of the
layer's places with the same admin1 code are in (joined through geonameids), else the
layer's own ADM1 row of that code.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.errors import DataFileError
from eventwire.pipeline.places.gazetteer.dense import (
    ADMIN_CODES,
    open_layer,
    postings,
    save_arrays,
)
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN, FEAT_ADMIN1, FEAT_PLACE

COLUMNS = ("gid", "lat", "lon", "pop", "cc", "adm1", "seat", "feat", "kind")
DENSE = ("fcode", "names", "name_off", "hash", "off", "place", "flag")
MERGED_FORMAT = 1


@dataclass(slots=True)
class Merged:
    """The loaded merged set: full columns, the layers' names and one name index."""

    cols: dict[str, np.ndarray]  # COLUMNS over every row, DENSE for the layer rows
    base_rows: int
    countries: list[str]
    kinds: list[str]
    fcodes: list[str]
    layers: list[tuple[str, int, int]]  # (name, first row, rows)


def merged_dir(root: Path, base_version: str, signature: str) -> Path:
    """The folder of the merged set for a base index version and a layer signature."""
    digest = hashlib.sha1(f"{MERGED_FORMAT}|{base_version}|{signature}".encode()).hexdigest()
    return root / f".merged-{digest[:12]}"


@dataclass(slots=True)
class _Base:
    """The columns of the base index that the merge reads."""

    cols: dict[str, np.ndarray]
    countries: list[str]
    kinds: list[str]


def _feat_of(fcodes: list[str]) -> np.ndarray:
    """The index feature of each of a layer's feature codes."""
    out = np.full(max(len(fcodes), 1), FEAT_PLACE, dtype=np.uint8)
    for i, code in enumerate(fcodes):
        if code == "ADM1":
            out[i] = FEAT_ADMIN1
        elif code in ADMIN_CODES:
            out[i] = FEAT_ADMIN
    return out


def _admin_map(
    base_gid_order: np.ndarray,
    base_gid: np.ndarray,
    base_adm1: np.ndarray,
    gid: np.ndarray,
    adm1: np.ndarray,
    n_keys: int,
) -> np.ndarray:
    """For each admin1 key of a layer, the base admin1 row most of its places share
    (through geonameids in both), −1 when none."""
    out = np.full(n_keys, -1, dtype=np.int64)
    if not len(base_gid_order):
        return out
    sorted_gid = base_gid[base_gid_order]
    pos = np.clip(np.searchsorted(sorted_gid, gid), 0, len(sorted_gid) - 1)
    hit = sorted_gid[pos] == gid
    base_rows = base_gid_order[pos[hit]]
    areas = base_adm1[base_rows].astype(np.int64)
    keys = adm1[hit].astype(np.int64)
    ok = areas >= 0
    if not ok.any():
        return out
    pairs, counts = np.unique(keys[ok] * (1 << 32) + areas[ok], return_counts=True)
    pk, pa = pairs >> 32, pairs & 0xFFFFFFFF
    best = np.zeros(n_keys, dtype=np.int64)
    for k, a, c in zip(pk.tolist(), pa.tolist(), counts.tolist(), strict=True):
        if c > best[k]:
            best[k], out[k] = c, a
    return out


class _Compiler:
    """Appends layers one by one to the base columns (see ``compile_layers``)."""

    def __init__(self, base: _Base) -> None:
        self.base = base
        self.n_base = len(base.cols["gid"])
        self.kinds = list(base.kinds)
        for kind in ("populated place", "admin1", "admin2"):
            if kind not in self.kinds:
                self.kinds.append(kind)
        self.cc_index = {c: i for i, c in enumerate(base.countries)}
        gid = base.cols["gid"]
        order = np.nonzero(gid > 0)[0]
        self.gid_order = order[np.argsort(gid[order], kind="stable")]
        self.known_gid = gid[self.gid_order]
        self.known_row = self.gid_order.astype(np.int64)
        self.cols: dict[str, list[np.ndarray]] = {k: [] for k in (*COLUMNS, "fcode")}
        self.names: list[np.ndarray] = []
        self.name_off: list[np.ndarray] = []
        self.keys: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.fcodes: list[str] = []
        self.layers: list[tuple[str, int, int]] = []
        self.start = self.n_base

    def add(self, folder: Path) -> None:
        """Append one layer: its rows, names and (remapped) name postings."""
        meta, arr = open_layer(folder)
        gid = np.asarray(arr["gid"])
        n, start = len(gid), self.start
        codes = _strs(meta, "fcodes")
        layer_fcode = np.asarray(arr["fcode"])
        feat = _feat_of(codes)[layer_fcode]
        adm_keys = np.asarray(arr["adm1"])
        base = self.base.cols
        area = _admin_map(
            self.gid_order, base["gid"], base["adm1"], gid, adm_keys, len(_strs(meta, "admin_keys"))
        )
        remap = np.arange(start, start + n, dtype=np.int64)
        # a layer's own ADM1 rows: the base area of the same code when known, else itself
        for row in np.nonzero(feat == FEAT_ADMIN1)[0].tolist():
            key = int(adm_keys[row])
            if area[key] >= 0:
                remap[row] = area[key]
            else:
                area[key] = start + row
        # a place the base index (or an earlier layer) already holds is that row
        pos = np.clip(np.searchsorted(self.known_gid, gid), 0, len(self.known_gid) - 1)
        dup = self.known_gid[pos] == gid if len(self.known_gid) else np.zeros(n, dtype=bool)
        remap[dup] = self.known_row[pos[dup]]
        layer_cc = [
            self.cc_index.setdefault(c, len(self.cc_index)) for c in _strs(meta, "countries")
        ]
        fmap = [_code(self.fcodes, c) for c in codes]
        kind_of = np.array([self.kinds.index(k) for k in ("populated place", "admin1", "admin2")])
        self.cols["gid"].append(gid)
        self.cols["lat"].append(np.asarray(arr["lat"]))
        self.cols["lon"].append(np.asarray(arr["lon"]))
        self.cols["pop"].append(np.asarray(arr["pop"]))
        self.cols["cc"].append(np.array(layer_cc or [0], dtype=np.uint16)[np.asarray(arr["cc"])])
        self.cols["adm1"].append(np.where(feat == FEAT_ADMIN1, remap, area[adm_keys]))
        self.cols["seat"].append(np.full(n, -1, dtype=np.int32))
        self.cols["feat"].append(feat)
        self.cols["kind"].append(kind_of[np.minimum(feat, 2)])
        self.cols["fcode"].append(np.array(fmap or [0], dtype=np.uint8)[layer_fcode])
        self.names.append(np.asarray(arr["names"]))
        self.name_off.append(np.asarray(arr["name_off"]))
        counts = np.diff(np.asarray(arr["off"]))
        hashes = np.repeat(np.asarray(arr["hash"]), counts)
        self.keys.append((hashes, remap[np.asarray(arr["place"])], np.asarray(arr["flag"])))
        self.layers.append((str(meta.get("name") or folder.name), start, n))
        new = ~dup
        known_gid = np.concatenate([self.known_gid, gid[new]])
        known_row = np.concatenate([self.known_row, np.arange(start, start + n)[new]])
        order = np.argsort(known_gid, kind="stable")
        self.known_gid, self.known_row = known_gid[order], known_row[order]
        self.start += n

    def arrays(self) -> dict[str, np.ndarray]:
        """The merged arrays (full columns, layer names, one name index)."""
        base = self.base.cols
        out = {
            k: np.concatenate([base[k], *(c.astype(base[k].dtype) for c in self.cols[k])])
            for k in COLUMNS
        }
        out["fcode"] = np.concatenate(self.cols["fcode"] or [np.zeros(0, np.uint8)])
        out["names"] = np.concatenate(self.names or [np.zeros(0, np.uint8)])
        offs, shift = [np.zeros(1, dtype=np.int64)], 0
        for off in self.name_off:
            offs.append(off[1:] + shift)
            shift += int(off[-1])
        out["name_off"] = np.concatenate(offs)
        if self.keys:
            h, r, f = (np.concatenate(parts) for parts in zip(*self.keys, strict=True))
        else:
            h, r, f = np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.uint8)
        out.update(postings(h, r.astype(np.int32), f))
        return out


def compile_layers(
    folders: list[Path],
    base: dict[str, np.ndarray],
    countries: list[str],
    kinds: list[str],
    target: Path,
) -> Path:
    """Merge ``folders`` (layer folders, in order) with the base columns into ``target``."""
    compiler = _Compiler(_Base(base, list(countries), list(kinds)))
    for folder in folders:
        compiler.add(folder)
    arrays = compiler.arrays()
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    save_arrays(tmp, arrays)
    countries_out = [c for c, _ in sorted(compiler.cc_index.items(), key=lambda kv: kv[1])]
    meta = {
        "format": MERGED_FORMAT,
        "base_rows": compiler.n_base,
        "countries": countries_out,
        "kinds": compiler.kinds,
        "fcodes": compiler.fcodes,
        "layers": compiler.layers,
    }
    (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    try:
        os.replace(tmp, target)
    except OSError:  # another process compiled the same set first
        shutil.rmtree(tmp, ignore_errors=True)
    for old in target.parent.glob(".merged-*"):
        if old != target and not old.name.endswith(".tmp"):
            shutil.rmtree(old, ignore_errors=True)
    return target


def load_merged(folder: Path) -> Merged:
    """Memory-map a merged set written by ``compile_layers``."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        cols = {k: np.load(folder / f"{k}.npy", mmap_mode="r") for k in (*COLUMNS, *DENSE)}
    except (OSError, ValueError) as exc:
        raise DataFileError(
            f"merged gazetteer layers {folder} are unreadable ({exc}); delete the folder",
            "EW-GEO-035",
        ) from exc
    return Merged(
        cols,
        int(meta["base_rows"]),
        [str(c) for c in meta["countries"]],
        [str(k) for k in meta["kinds"]],
        [str(c) for c in meta["fcodes"]],
        [(str(a), int(b), int(c)) for a, b, c in meta["layers"]],
    )


def _code(codes: list[str], value: str) -> int:
    if value not in codes:
        codes.append(value)
    return codes.index(value)


def _strs(meta: dict[str, object], key: str) -> list[str]:
    value = meta.get(key)
    return [str(v) for v in value] if isinstance(value, list) else []
