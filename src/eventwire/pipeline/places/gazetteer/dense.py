"""Dense layers: the user's own GeoNames dump files, imported beside the offline index.

``eventwire gazetteer add NG.zip PK.zip`` streams each file (GeoNames' published format:
``XX.zip``/``XX.txt`` per country, ``allCountries.zip``, ``cities500.zip``; 19
tab-separated columns, no header) into one *layer*: a folder of ``.npy`` arrays under
``<data home>/gazetteer/layers/<name>/`` that is memory-mapped when the gazetteer loads
(``layers.py`` merges the layers with the base index). Only populated places (feature
class P: PPL, PPLA…, PPLQ/PPLW abandoned or destroyed villages) and administrative areas
(ADM1-ADM4, ADMD) are kept: the places events happen in.

A layer holds, per row: ``gid``, ``lat``/``lon`` (float32), ``pop`` (uint32), ``cc``
(index into the layer's country list), ``adm1`` (index into its ``CC.admin1`` code list),
``fcode`` (index into its feature codes), the display names (UTF-8 blob + offsets) and a
name index (sorted 64-bit hashes of the folded main, ASCII and alternate names, with
postings of (row, flag): 2 main name, 1 alternate name, 0 article removed; and, under
``LOOSE_PREFIX`` + the name's spelling skeleton, 3: a loose spelling, so "Kansafra" finds
"Kansafrah" and "Tall Refaat" "Tall Rifaat" in a layer as in the base index).

Adding is idempotent: a layer remembers the SHA-256 of its file, and the same file again
changes nothing; rows are keyed by geonameid (a repeated id keeps its last row, and the
same id in two layers is one place when loaded).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import time
import zipfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.config import data_home
from eventwire.datafiles import words
from eventwire.errors import DataFileError
from eventwire.pipeline.places.gazetteer.build import key_hash
from eventwire.pipeline.places.gazetteer.normalize import (
    ARTICLES,
    fold,
    is_latin,
    skeleton,
    strip_article,
)
from eventwire.pipeline.places.gazetteer.table import LOOSE_MIN

# 2: loose spelling keys; 3: a name's keys without a leading "village of" word and without
# inner articles (format 1 and 2 layers are still read, without them, and re-imported by
# the next ``add`` of their file)
LAYER_FORMAT = 3
READABLE_FORMATS = frozenset({1, 2, 3})
# "Qaryat aş Şafrah" is the village Safrah, "Nāḩiyat ash Shūrah" the sub-district seat Shurah
HEAD_WORDS: frozenset[str] = words("gazetteer", "village_words")
# the word lists a layer's name keys are made with (``short_forms``): a layer imported with
# other lists is out of date, and the next ``add`` of its file imports it again
KEY_WORDS = hashlib.sha1(json.dumps([sorted(HEAD_WORDS), sorted(ARTICLES)]).encode()).hexdigest()[
    :10
]
LOOSE_PREFIX = "~"  # loose keys are hashed as "~" + skeleton: no folded name starts so
LOOSE_FLAG = 3
COLUMNS = 19
ADMIN_CODES = frozenset({"ADM1", "ADM2", "ADM3", "ADM4", "ADM5", "ADMD"})
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_SKIP_MEMBERS = ("readme", "iso-languagecodes", "timezones", "featurecodes")
ARRAYS = (
    "gid",
    "lat",
    "lon",
    "pop",
    "cc",
    "adm1",
    "fcode",
    "names",
    "name_off",
    "hash",
    "off",
    "place",
    "flag",
)


@dataclass(frozen=True, slots=True)
class LayerInfo:
    """What ``gazetteer info`` says about one layer."""

    name: str
    rows: int
    keys: int
    source: str
    sha256: str
    seconds: float
    size_bytes: int
    countries: tuple[str, ...]
    format: int = LAYER_FORMAT
    key_words: str = KEY_WORDS  # the digest of the word lists its keys were made with

    @property
    def current(self) -> bool:
        """Were its keys made by this version's format and word lists?"""
        return self.format == LAYER_FORMAT and self.key_words == KEY_WORDS


def layers_dir() -> Path:
    """Where the layers live: ``<data home>/gazetteer/layers`` (beside the index)."""
    return data_home() / "gazetteer" / "layers"


def layer_name(path: Path) -> str:
    """The default layer name of a file: its name without ``.zip``/``.txt`` ("NG")."""
    name = path.name
    for suffix in (".zip", ".txt", ".tsv"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def check_name(name: str) -> str:
    """A layer name must be a plain folder name (letters, digits, ``_ . -``)."""
    if not _NAME_RE.match(name):
        raise DataFileError(
            f"layer name {name!r} must be letters, digits, '_', '.' or '-' (at most 64)",
            "EW-GEO-031",
        )
    return name


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def iter_lines(path: Path) -> Iterator[tuple[str, int, str]]:
    """Yield ``(member, line number, line)`` of a GeoNames file, streamed (a zip's data
    members are read in turn; its readme is skipped)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [
                m
                for m in archive.namelist()
                if m.lower().endswith(".txt") and not any(s in m.lower() for s in _SKIP_MEMBERS)
            ]
            if not members:
                raise DataFileError(f"{path}: the zip holds no GeoNames .txt file", "EW-GEO-032")
            for member in members:
                with archive.open(member) as raw:
                    text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                    for number, line in enumerate(text, 1):
                        yield member, number, line
        return
    with path.open(encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, 1):
            yield path.name, number, line


_APOS_RE = re.compile("['’‘`´ʿʾʼ′]")
_NONWORD_RE = re.compile(r"[^a-z0-9]+")


def _fold_latin(name: str) -> str:
    """``fold(name)`` when the name is in Latin script, else "" (a fast path for ASCII
    names, most of a dump's, that gives the same key as ``fold``)."""
    if name.isascii():
        key = _NONWORD_RE.sub(" ", _APOS_RE.sub("", name.lower())).strip()
        if not key or len(key) < 0.6 * len(name.strip()) or key.isdigit():
            return ""
        return key if any(ch.isalpha() for ch in key) else ""
    return fold(name) if is_latin(name) else ""


def short_forms(key: str, flag: int) -> list[tuple[str, int]]:
    """The other keys a folded name is indexed under, with their flags: the name without
    its leading article (0); without a leading "village of" word, as an alternate name
    (1), and then without its article (0): "qaryat as safrah" → "as safrah", "safrah";
    without its inner articles (0): "tall adh dhahab" → "tall dhahab", as a report
    writes it.

    >>> short_forms("qaryat as safrah", 2)
    [('as safrah', 1), ('safrah', 0)]
    >>> short_forms("ayn al jahsh", 2)
    [('ayn jahsh', 0)]
    """
    out = []
    bare = strip_article(key)
    if bare != key:
        out.append((bare, 0))
    head, _, rest = key.partition(" ")
    if head in HEAD_WORDS and len(rest) >= 3:
        out.append((rest, min(flag, 1)))
        if strip_article(rest) != rest:
            out.append((strip_article(rest), 0))
        bare = strip_article(rest)
    parts = bare.split(" ")
    inner = [w for i, w in enumerate(parts) if i == 0 or i == len(parts) - 1 or w not in ARTICLES]
    if len(inner) < len(parts):
        out.append((" ".join(inner), 0))
    return out


class _LayerBuilder:
    """Accumulates the rows and names of one layer in compact typed arrays."""

    def __init__(self) -> None:
        self.gid = array("q")
        self.lat = array("f")
        self.lon = array("f")
        self.pop = array("I")
        self.cc = array("H")
        self.adm1 = array("i")
        self.fcode = array("B")
        self.names = bytearray()
        self.name_off = array("q", [0])
        self.k_hash = array("q")
        self.k_row = array("i")
        self.k_flag = array("B")
        self.countries: dict[str, int] = {}
        self.admin_keys: dict[str, int] = {}
        self.fcodes: dict[str, int] = {}
        self._hashes: dict[str, int] = {}

    def _code(self, table: dict[str, int], value: str) -> int:
        code = table.get(value)
        if code is None:
            code = table[value] = len(table)
        return code

    def _key(self, key: str, row: int, flag: int) -> None:
        h = self._hashes.get(key)
        if h is None:
            h = key_hash(key)
            if len(self._hashes) < 500_000:
                self._hashes[key] = h
        self.k_hash.append(h)
        self.k_row.append(row)
        self.k_flag.append(flag)

    def add(self, f: list[str]) -> None:
        """Add one parsed row (19 fields)."""
        row = len(self.gid)
        self.gid.append(int(f[0]))
        self.lat.append(float(f[4]))
        self.lon.append(float(f[5]))
        self.pop.append(min(max(int(f[14] or 0), 0), 4_294_967_295))
        cc = f[8].strip().upper()
        self.cc.append(self._code(self.countries, cc))
        self.adm1.append(self._code(self.admin_keys, f"{cc}.{f[10].strip()}"))
        self.fcode.append(self._code(self.fcodes, f[7].strip() or f[6].strip()))
        self.names.extend(f[1].encode("utf-8") + b"\n")
        self.name_off.append(len(self.names))
        seen: dict[str, int] = {}  # key → its best flag so far (a key met again with a
        loose_seen: set[str] = set()  # better flag is added again: postings keep the best)
        for flag, names in ((2, (f[1], f[2])), (1, f[3].split(",") if f[3] else ())):
            for name in names:
                name = name.strip()
                if not name or (flag == 1 and len(name) <= 4 and name.isupper()):
                    continue  # codes ("NG", "IATA") are not names
                key = _fold_latin(name)
                if len(key) < 2:
                    continue
                loose = skeleton(key)  # of the names themselves, not of their short forms
                if len(loose) >= LOOSE_MIN and loose not in loose_seen:
                    loose_seen.add(loose)
                    self._key(LOOSE_PREFIX + loose, row, LOOSE_FLAG)
                for other, other_flag in [(key, flag), *short_forms(key, flag)]:
                    if other_flag > seen.get(other, -1):
                        seen[other] = other_flag
                        self._key(other, row, other_flag)

    def arrays(self) -> dict[str, np.ndarray]:
        """The layer's arrays (rows repeated by geonameid keep their last version)."""
        gid = np.frombuffer(self.gid, dtype=np.int64)
        k_row = np.frombuffer(self.k_row, dtype=np.int32)
        keep = _last_of_each(gid)
        cols: dict[str, np.ndarray] = {
            "gid": gid,
            "lat": np.frombuffer(self.lat, dtype=np.float32),
            "lon": np.frombuffer(self.lon, dtype=np.float32),
            "pop": np.frombuffer(self.pop, dtype=np.uint32),
            "cc": np.frombuffer(self.cc, dtype=np.uint16),
            "adm1": np.frombuffer(self.adm1, dtype=np.int32),
            "fcode": np.frombuffer(self.fcode, dtype=np.uint8),
        }
        names = np.frombuffer(bytes(self.names), dtype=np.uint8)
        name_off = np.frombuffer(self.name_off, dtype=np.int64)
        k_hash = np.frombuffer(self.k_hash, dtype=np.int64)
        k_flag = np.frombuffer(self.k_flag, dtype=np.uint8)
        if keep is not None:
            new_row = np.full(len(gid), -1, dtype=np.int32)
            new_row[keep] = np.arange(len(keep), dtype=np.int32)
            cols = {k: v[keep] for k, v in cols.items()}
            names, name_off = _subset_names(names, name_off, keep)
            alive = new_row[k_row] >= 0
            k_hash, k_row, k_flag = k_hash[alive], new_row[k_row[alive]], k_flag[alive]
        cols["names"], cols["name_off"] = names, name_off
        cols.update(postings(k_hash, k_row, k_flag))
        return cols


def _last_of_each(gid: np.ndarray) -> np.ndarray | None:
    """Row numbers keeping the last row of each geonameid (None: all ids unique)."""
    if len(np.unique(gid)) == len(gid):
        return None
    _, first_rev = np.unique(gid[::-1], return_index=True)
    return np.sort(len(gid) - 1 - first_rev)


def _subset_names(
    names: np.ndarray, name_off: np.ndarray, keep: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    parts = [names[name_off[i] : name_off[i + 1]] for i in keep.tolist()]
    lengths = np.array([len(p) for p in parts], dtype=np.int64)
    off = np.zeros(len(parts) + 1, dtype=np.int64)
    off[1:] = np.cumsum(lengths)
    blob = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint8)
    return blob, off


def postings(k_hash: np.ndarray, k_row: np.ndarray, k_flag: np.ndarray) -> dict[str, np.ndarray]:
    """Sorted unique key hashes, their offsets into (place, flag) postings; one posting per
    (key, row) with its best flag."""
    order = np.lexsort((-k_flag.astype(np.int16), k_row, k_hash))
    h, r, fl = k_hash[order], k_row[order], k_flag[order]
    first = np.ones(len(h), dtype=bool)
    first[1:] = (h[1:] != h[:-1]) | (r[1:] != r[:-1])
    h, r, fl = h[first], r[first], fl[first]
    starts = np.ones(len(h), dtype=bool)
    starts[1:] = h[1:] != h[:-1]
    idx = np.nonzero(starts)[0]
    off = np.append(idx, len(h)).astype(np.int64)
    return {"hash": h[idx].copy(), "off": off, "place": r.astype(np.int32), "flag": fl}


def _parse(path: Path) -> _LayerBuilder:
    """Stream a GeoNames file into a builder (P and A rows only)."""
    builder = _LayerBuilder()
    for member, number, line in iter_lines(path):
        f = line.rstrip("\r\n").split("\t")
        if len(f) != COLUMNS:
            if not line.strip():
                continue
            raise DataFileError(
                f"{path.name}:{member}:{number}: {len(f)} tab-separated fields, expected "
                f"{COLUMNS} (GeoNames dump format, no header)",
                "EW-GEO-030",
            )
        fclass, fcode = f[6], f[7]
        if fclass != "P" and not (fclass == "A" and fcode in ADMIN_CODES):
            continue
        try:
            builder.add(f)
        except ValueError as exc:
            raise DataFileError(
                f"{path.name}:{member}:{number}: {exc} (GeoNames dump format expected)",
                "EW-GEO-030",
            ) from None
    return builder


def read_meta(folder: Path) -> dict[str, object] | None:
    """A layer's ``meta.json`` (None when missing, unreadable or of another format)."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("format") not in READABLE_FORMATS:
        return None
    return meta


def add_file(path: Path, name: str | None = None) -> tuple[LayerInfo, bool]:
    """Import one GeoNames file as a layer; return its info and whether anything changed
    (False: the same file is already imported under that name)."""
    if not path.is_file():
        raise DataFileError(f"{path}: no such file", "EW-GEO-033")
    name = check_name(name or layer_name(path))
    folder = layers_dir() / name
    digest = _sha256(path)
    meta = read_meta(folder)
    if meta is not None and meta.get("sha256") == digest and info_of(folder, meta).current:
        return info_of(folder, meta), False
    started = time.perf_counter()
    builder = _parse(path)
    arrays = builder.arrays()
    tmp = folder.with_name(f".{name}.{os.getpid()}.tmp")
    save_arrays(tmp, arrays)
    meta = {
        "format": LAYER_FORMAT,
        "key_words": KEY_WORDS,
        "name": name,
        "source": str(path.resolve()),
        "sha256": digest,
        "rows": len(arrays["gid"]),
        "keys": len(arrays["hash"]),
        "countries": list(builder.countries),
        "admin_keys": list(builder.admin_keys),
        "fcodes": list(builder.fcodes),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    old = folder.with_name(f".{name}.{os.getpid()}.old")
    if folder.exists():
        os.replace(folder, old)
    os.replace(tmp, folder)
    shutil.rmtree(old, ignore_errors=True)
    return info_of(folder, meta), True


def save_arrays(folder: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write each array as ``<key>.npy`` into a fresh ``folder`` (a temporary one, renamed
    into place by the caller once its ``meta.json`` is written)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for key, value in arrays.items():
        np.save(folder / f"{key}.npy", np.ascontiguousarray(value), allow_pickle=False)


def info_of(folder: Path, meta: dict[str, object]) -> LayerInfo:
    """The ``LayerInfo`` of a layer folder."""
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    countries = meta.get("countries")
    return LayerInfo(
        name=str(meta.get("name") or folder.name),
        rows=int(str(meta.get("rows") or 0)),
        keys=int(str(meta.get("keys") or 0)),
        source=str(meta.get("source") or ""),
        sha256=str(meta.get("sha256") or ""),
        seconds=float(str(meta.get("seconds") or 0.0)),
        size_bytes=size,
        countries=tuple(str(c) for c in countries) if isinstance(countries, list) else (),
        format=int(str(meta.get("format") or LAYER_FORMAT)),
        key_words=str(meta.get("key_words") or ""),
    )


def list_layers() -> list[LayerInfo]:
    """Every readable layer, by name."""
    root = layers_dir()
    if not root.is_dir():
        return []
    out = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        meta = read_meta(folder)
        if meta is not None:
            out.append(info_of(folder, meta))
    return out


def remove_layer(name: str) -> LayerInfo:
    """Delete a layer; raise ``DataFileError`` (EW-GEO-034) when there is none of that name."""
    folder = layers_dir() / check_name(name)
    meta = read_meta(folder)
    if meta is None:
        known = ", ".join(i.name for i in list_layers()) or "none"
        raise DataFileError(f"no gazetteer layer {name!r} (layers: {known})", "EW-GEO-034")
    info = info_of(folder, meta)
    shutil.rmtree(folder)
    return info


def layers_signature() -> str:
    """A short digest of the installed layers (names, file digests, formats and the word
    lists their keys were made with): the loaded gazetteer and the merged set are cached
    per signature, so an added, removed or imported-again layer is seen."""
    parts = [f"{i.name}={i.sha256}:{i.format}:{i.key_words}" for i in list_layers()]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:10] if parts else ""


def open_layer(folder: Path) -> tuple[dict[str, object], dict[str, np.ndarray]]:
    """The meta and memory-mapped arrays of a layer folder."""
    meta = read_meta(folder)
    if meta is None:
        raise DataFileError(f"gazetteer layer {folder} is unreadable", "EW-GEO-035")
    try:
        arrays = {k: np.load(folder / f"{k}.npy", mmap_mode="r") for k in ARRAYS}
    except (OSError, ValueError) as exc:
        raise DataFileError(
            f"gazetteer layer {folder} is unreadable ({exc}); add its file again "
            f"(`eventwire gazetteer remove {folder.name}` then `add`)",
            "EW-GEO-035",
        ) from exc
    return meta, arrays
