"""The event ontology: PLOVER types and modes, the ACLED crosswalk and CAMEO roots.

Both are versioned data files in ``eventwire/data/ontology`` (``plover.yaml``,
``acled.yaml``), checked against a small schema when loaded::

    >>> onto = load_ontology()
    >>> onto.acled_type("Air/drone strike")
    'Explosions/Remote violence'
    >>> onto.crosswalk("Attack").plover_type
    'ASSAULT'

PLOVER's 2021 revision merged FIGHT into ASSAULT (16 types); a retired name still resolves::

    >>> onto.canonical_type("FIGHT"), onto.cameo_root("ASSAULT", "artillery")
    ('ASSAULT', '19')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.datafiles import data_path, read_data_file
from eventwire.errors import DataFileError

# The 25 ACLED sub-event types are fixed by ACLED's codebook; the data file must list them all.
N_ACLED_SUB_TYPES = 25
# ACLED's event types of a demonstration: kills told with them are often the grievance,
# not the act (casualties and incidents both read them).
DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})


@dataclass(frozen=True, slots=True)
class PloverType:
    """One PLOVER event type: its CAMEO root, whether it is violence, and its modes."""

    name: str
    cameo_root: str
    violent: bool
    definition: str
    modes: tuple[str, ...]
    mode_roots: dict[str, str] = field(default_factory=dict)  # mode -> its own CAMEO root


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
    retired: dict[str, str] = field(default_factory=dict)  # old PLOVER name -> current name

    def canonical_type(self, name: str) -> str:
        """The current PLOVER name of a type: a retired name (FIGHT) maps to the type that
        replaced it (ASSAULT); any other name is returned unchanged."""
        return self.retired.get(name, name)

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

    def cameo_root(self, plover_type: str, mode: str | None = None) -> str | None:
        """The CAMEO root of a PLOVER type, or of one of its modes where that differs
        (ASSAULT by artillery is CAMEO 19 "fight", a beating 18 "assault")."""
        entry = self.plover.get(self.canonical_type(plover_type))
        if entry is None:
            return None
        return entry.mode_roots.get(mode, entry.cameo_root) if mode else entry.cameo_root

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
    plover = _parse_plover_types(plover_doc)
    retired = _parse_retired(plover_doc, plover)
    sub_types: dict[str, Crosswalk] = {}
    event_types: dict[str, bool] = {}
    for etype, entry in _require(acled_doc, "event_types", "acled.yaml", dict).items():
        where = f"acled.yaml event type {etype}"
        event_types[etype] = bool(_require(entry, "violent", where, bool))
        for sub, cw in _require(entry, "sub_event_types", where, dict).items():
            w = f"{where} / {sub}"
            ptype = str(_require(cw, "plover_type", w, str))
            ptype = retired.get(ptype, ptype)
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
    return Ontology(version, plover, sub_types, event_types, retired)


def _parse_plover_types(plover_doc: dict[str, Any]) -> dict[str, PloverType]:
    plover: dict[str, PloverType] = {}
    for name, entry in _require(plover_doc, "types", "plover.yaml", dict).items():
        where = f"plover.yaml type {name}"
        if not isinstance(entry, dict) or not str(name).isupper():
            raise DataFileError(f"{where}: must be an upper-case name with a mapping", "EW-ONT-004")
        modes = tuple(str(m) for m in _require(entry, "modes", where, list))
        mode_roots = {str(k): str(v) for k, v in (entry.get("mode_roots") or {}).items()}
        if set(mode_roots) - set(modes):
            raise DataFileError(
                f"{where}: mode_roots names modes it lacks: {sorted(set(mode_roots) - set(modes))}",
                "EW-ONT-009",
            )
        plover[name] = PloverType(
            name=name,
            cameo_root=str(_require(entry, "cameo_root", where, str)),
            violent=bool(_require(entry, "violent", where, bool)),
            definition=str(entry.get("definition", "")),
            modes=modes,
            mode_roots=mode_roots,
        )
    return plover


def _parse_retired(plover_doc: dict[str, Any], plover: dict[str, PloverType]) -> dict[str, str]:
    """Retired type names (``retired: {FIGHT: {use: ASSAULT}}``), each mapped to a current one."""
    retired: dict[str, str] = {}
    for name, entry in (plover_doc.get("retired") or {}).items():
        where = f"plover.yaml retired type {name}"
        use = str(_require(entry if isinstance(entry, dict) else {}, "use", where, str))
        if use not in plover or name in plover:
            raise DataFileError(
                f"{where}: must name a current type and not be one itself", "EW-ONT-011"
            )
        retired[str(name)] = use
    return retired


@cache
def load_ontology() -> Ontology:
    """Load and check the packaged ontology (cached)."""
    return parse_ontology(
        _read_yaml(data_path("ontology", "plover.yaml")),
        _read_yaml(data_path("ontology", "acled.yaml")),
    )
