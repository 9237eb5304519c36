"""The event ontology: PLOVER types and modes, the ACLED crosswalk and CAMEO roots.

Both are versioned data files in ``eventwire/data/ontology`` (``plover.yaml``,
``acled.yaml``), checked against a small schema when loaded::

    >>> onto = load_ontology()
    >>> onto.acled_type("Air/drone strike")
    'Explosions/Remote violence'
    >>> onto.crosswalk("Attack").plover_type
    'ASSAULT'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.datafiles import data_path, read_data_file
from eventwire.errors import DataFileError

# The 25 ACLED sub-event types are fixed by ACLED's codebook; the data file must list them all.
N_ACLED_SUB_TYPES = 25


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    cameo_root: str
    violent: bool
    definition: str
    modes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Crosswalk:
    """One ACLED sub-event type and its PLOVER/CAMEO equivalents."""

    acled_event_type: str
    acled_sub_event_type: str
    plover_type: str
    plover_mode: str | None
    cameo_root: str


@dataclass(frozen=True)
class Ontology:
    version: str
    plover: dict[str, PloverType]
    sub_types: dict[str, Crosswalk]  # ACLED sub-event type -> crosswalk
    event_types: dict[str, bool]  # ACLED event type -> violent

    def acled_type(self, sub_type: str) -> str:
        """Return the ACLED event type of a sub-event type."""
        return self.crosswalk(sub_type).acled_event_type

    def crosswalk(self, sub_type: str) -> Crosswalk:
        try:
            return self.sub_types[sub_type]
        except KeyError as exc:
            raise DataFileError(
                f"unknown ACLED sub-event type {sub_type!r}; "
                f"known: {', '.join(sorted(self.sub_types))}",
                "EW-ONT-010",
            ) from exc

    def cameo_root(self, plover_type: str) -> str | None:
        entry = self.plover.get(plover_type)
        return entry.cameo_root if entry else None

    def is_violent(self, acled_event_type: str | None) -> bool:
        """True for the ACLED event types that are political violence."""
        return bool(acled_event_type and self.event_types.get(acled_event_type, False))


def _read_yaml(path: Path) -> dict[str, Any]:
    return read_data_file(path)


def _require(mapping: dict[str, Any], key: str, where: str, kind: type) -> Any:
    value = mapping.get(key)
    if not isinstance(value, kind):
        raise DataFileError(
            f"{where}: field {key!r} must be a {kind.__name__}, got {value!r}", "EW-ONT-003"
        )
    return value


def parse_ontology(plover_doc: dict[str, Any], acled_doc: dict[str, Any]) -> Ontology:
    """Check both documents against the schema and build an Ontology."""
    plover: dict[str, PloverType] = {}
    for name, entry in _require(plover_doc, "types", "plover.yaml", dict).items():
        where = f"plover.yaml type {name}"
        if not isinstance(entry, dict) or not str(name).isupper():
            raise DataFileError(f"{where}: must be an upper-case name with a mapping", "EW-ONT-004")
        plover[name] = PloverType(
            name=name,
            cameo_root=str(_require(entry, "cameo_root", where, str)),
            violent=bool(_require(entry, "violent", where, bool)),
            definition=str(entry.get("definition", "")),
            modes=tuple(str(m) for m in _require(entry, "modes", where, list)),
        )
    sub_types: dict[str, Crosswalk] = {}
    event_types: dict[str, bool] = {}
    for etype, entry in _require(acled_doc, "event_types", "acled.yaml", dict).items():
        where = f"acled.yaml event type {etype}"
        event_types[etype] = bool(_require(entry, "violent", where, bool))
        for sub, cw in _require(entry, "sub_event_types", where, dict).items():
            w = f"{where} / {sub}"
            ptype = str(_require(cw, "plover_type", w, str))
            if ptype not in plover:
                raise DataFileError(f"{w}: unknown PLOVER type {ptype!r}", "EW-ONT-005")
            mode = cw.get("plover_mode")
            if mode is not None and mode not in plover[ptype].modes:
                raise DataFileError(f"{w}: {ptype} has no mode {mode!r}", "EW-ONT-006")
            if sub in sub_types:
                raise DataFileError(f"{w}: duplicate sub-event type", "EW-ONT-007")
            sub_types[sub] = Crosswalk(
                etype, sub, ptype, mode, str(_require(cw, "cameo_root", w, str))
            )
    if len(sub_types) != N_ACLED_SUB_TYPES:
        raise DataFileError(
            f"acled.yaml lists {len(sub_types)} sub-event types; ACLED has {N_ACLED_SUB_TYPES}",
            "EW-ONT-008",
        )
    version = f"{plover_doc.get('version', '?')}+{acled_doc.get('version', '?')}"
    return Ontology(version=version, plover=plover, sub_types=sub_types, event_types=event_types)


@cache
def load_ontology() -> Ontology:
    """Load and check the packaged ontology (cached)."""
    return parse_ontology(
        _read_yaml(data_path("ontology", "plover.yaml")),
        _read_yaml(data_path("ontology", "acled.yaml")),
    )
