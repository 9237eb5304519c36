"""Our own small gazetteer data files (data/gazetteer/): loaders with a schema check.

* ``feature_words.yaml``: words naming kinds of places (province, district, village, near …).
* ``stoplist.txt``: capitalised words that are never a place on their own.
* ``countries.yaml``: extra country names and adjectives ("Iraqi" votes for IQ).
* ``variants.yaml``: extra spellings for places the package data spells otherwise.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.datafiles import data_path, read_data_file
from eventwire.errors import DataFileError
from eventwire.pipeline.places.gazetteer.normalize import fold

FEATURE_GROUPS = (
    "admin",
    "part",
    "town",
    "near",
    "locative",
    "qualifier",
    "facility",
    "modifier",
    "landmark",
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The parsed gazetteer data files."""

    admin: frozenset[str]
    part: frozenset[str]
    town: frozenset[str]
    near: tuple[str, ...]
    locative: frozenset[str]
    qualifier: frozenset[str]
    facility: frozenset[str]
    modifier: frozenset[str]
    landmark: frozenset[str]
    stoplist: frozenset[str]
    country_names: dict[str, tuple[str, ...]]
    adjectives: dict[str, str]  # folded adjective → ISO2
    variants: tuple[tuple[str, str, tuple[str, ...]], ...]  # (place, country, names)
    version: str
    # made once from the groups above (the scanners ask for them at every capitalised word)
    area_words: frozenset[str] = field(init=False)  # admin, part and town words
    feature_words: frozenset[str] = field(init=False)  # the same and facility words
    country_keys: frozenset[str] = field(init=False)  # every country name, folded

    def __post_init__(self) -> None:
        area = self.admin | self.part | self.town
        object.__setattr__(self, "area_words", area)
        object.__setattr__(self, "feature_words", area | self.facility)
        keys = frozenset(fold(n) for group in self.country_names.values() for n in group)
        object.__setattr__(self, "country_keys", keys)


def _yaml(path: Path) -> dict[str, Any]:
    return read_data_file(path)


def _words(data: dict[str, Any], key: str, path: Path) -> list[str]:
    values = data.get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise DataFileError(
            f"{path.name}: {key!r} must be a list of non-empty strings", "EW-GEO-012"
        )
    return [v.lower() for v in values]


def parse_countries(
    data: dict[str, Any], name: str = "countries.yaml"
) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Check and parse the countries file: {ISO2: {names: [...], adjectives: [...]}}."""
    countries = data.get("countries")
    if not isinstance(countries, dict):
        raise DataFileError(f"{name}: 'countries' must be a mapping", "EW-GEO-013")
    names: dict[str, tuple[str, ...]] = {}
    adjectives: dict[str, str] = {}
    for code, entry in countries.items():
        if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
            raise DataFileError(f"{name}: {code!r} is not an ISO 3166-1 alpha-2 code", "EW-GEO-013")
        if not isinstance(entry, dict):
            raise DataFileError(f"{name}: entry {code} must be a mapping", "EW-GEO-013")
        names[code] = tuple(str(n) for n in entry.get("names", []))
        for adj in entry.get("adjectives", []):
            adjectives[fold(str(adj))] = code
    return names, adjectives


def parse_variants(
    data: dict[str, Any], name: str = "variants.yaml"
) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Check and parse the variants file: a list of {place, country, names}."""
    entries = data.get("variants")
    if not isinstance(entries, list):
        raise DataFileError(f"{name}: 'variants' must be a list", "EW-GEO-014")
    out = []
    for i, entry in enumerate(entries):
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("place"), str)
            or not isinstance(entry.get("country"), str)
            or not isinstance(entry.get("names"), list)
        ):
            raise DataFileError(f"{name}: entry {i} needs place, country and names", "EW-GEO-014")
        out.append((entry["place"], entry["country"], tuple(str(n) for n in entry["names"])))
    return tuple(out)


@cache
def read_demonyms() -> dict[str, str]:
    """Single-word nationality adjectives of the actor data (folded → ISO2)."""
    path = data_path("actors", "demonyms.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    out: dict[str, str] = {}
    for n, row in enumerate(rows, start=2):
        word, code = (row.get("demonym") or "").strip(), (row.get("country") or "").strip()
        if not word or len(code) != 2 or not code.isupper():
            raise DataFileError(f"{path}: row {n}: need demonym and ISO2 country", "EW-GEO-013")
        if " " not in word:
            out[fold(word)] = code
    return out


def load_lexicon() -> Lexicon:
    """Load and check every gazetteer data file (cached per process)."""
    fw_path = data_path("gazetteer", "feature_words.yaml")
    fw = _yaml(fw_path)
    groups = {g: _words(fw, g, fw_path) for g in FEATURE_GROUPS}
    stop_path = data_path("gazetteer", "stoplist.txt")
    stop = frozenset(
        fold(line)
        for line in stop_path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
    countries_path = data_path("gazetteer", "countries.yaml")
    cdata = _yaml(countries_path)
    names, adjectives = parse_countries(cdata)
    # the actor dictionary's nationality adjectives ("Mauritanian police") vote too;
    # countries.yaml wins where both name an adjective
    adjectives = {**read_demonyms(), **adjectives}
    vpath = data_path("gazetteer", "variants.yaml")
    vdata = _yaml(vpath)
    version = "+".join(str(d["version"]) for d in (fw, cdata, vdata))
    return Lexicon(
        admin=frozenset(groups["admin"]),
        part=frozenset(groups["part"]),
        town=frozenset(groups["town"]),
        near=tuple(sorted(groups["near"], key=len, reverse=True)),
        locative=frozenset(groups["locative"]),
        qualifier=frozenset(groups["qualifier"]),
        facility=frozenset(groups["facility"]),
        modifier=frozenset(groups["modifier"]),
        landmark=frozenset(groups["landmark"]),
        stoplist=stop,
        country_names=names,
        adjectives=adjectives,
        variants=parse_variants(vdata),
        version=version,
    )
