"""Versioned data files shipped in ``eventwire/data``: paths, manifests and versions.

Each data area (``ontology/``, ``lexicon/``, ``actors/``, ``gazetteer/`` …) has a
``MANIFEST.json`` listing its files: ``{"files": [{"name", "path", "version",
"source", "licence"}]}``. Every stored event and ledger row records
``data_versions()`` so a result can be traced to the data that produced it.

:func:`read_data_file` is the one loader of the YAML data files: it reads a file and checks
its version against the MANIFEST, its required keys and their types, raising coded
:class:`~eventwire.errors.DataFileError` messages. :func:`words` and friends read the word
lists of an area's ``words.yaml`` through it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.config import VERSION
from eventwire.errors import DataFileError


def data_dir() -> Path:
    """Return the directory of the packaged data files."""
    return Path(str(resources.files("eventwire") / "data"))


def data_path(*parts: str) -> Path:
    """Return the path of a packaged data file, e.g. ``data_path("ontology", "plover.yaml")``."""
    path = data_dir().joinpath(*parts)
    if not path.exists():
        raise DataFileError(f"packaged data file {'/'.join(parts)!r} is missing", "EW-DAT-001")
    return path


def _manifest(path: Path) -> dict[str, Any]:
    try:
        loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(f"manifest {str(path)!r} is unreadable: {exc}", "EW-DAT-002") from exc
    return loaded


@cache
def data_versions() -> dict[str, str]:
    """Return ``{data file name: version}`` for every packaged data file.

    >>> "pipeline" in data_versions()
    True
    """
    versions = {"pipeline": VERSION}
    for manifest in sorted(data_dir().glob("*/MANIFEST.json")):
        for entry in _manifest(manifest).get("files", []):
            versions[str(entry["name"])] = str(entry["version"])
    return versions


def manifest_versions(area: str) -> dict[str, str]:
    """``{data file name: version}`` of one area's MANIFEST.

    >>> versions = manifest_versions("dates")
    >>> list(versions), versions["dates-timex"].count(".")
    (['dates-timex'], 2)
    """
    entries = _manifest(data_path(area, "MANIFEST.json")).get("files", [])
    return {str(e["name"]): str(e["version"]) for e in entries}


def data_versions_json() -> str:
    """``data_versions()`` as a stable JSON string (stored with ledger rows)."""
    return json.dumps(data_versions(), sort_keys=True)


def load_yaml(path: Path | str) -> Any:
    """Parse a YAML data file with libyaml's C loader when available (about 10x faster)."""
    import yaml  # lazy: modules that only locate data files need no YAML parser

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


#: What a key of a data file must hold: a type or a tuple of types (as ``isinstance`` takes).
KeySpec = Mapping[str, type | tuple[type, ...]]


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {"str": "a string", "list": "a list", "dict": "a mapping", "int": "an integer"}
    return " or ".join(names.get(k.__name__, k.__name__) for k in kinds)


def check_keys(raw: Mapping[str, Any], required: KeySpec, where: str) -> None:
    """Check that ``raw`` holds every key of ``required`` with a value of its type.

    >>> check_keys({"version": "1", "words": ["a"]}, {"version": str, "words": list}, "x.yaml")
    >>> check_keys({"version": "1"}, {"words": list}, "x.yaml")
    Traceback (most recent call last):
    eventwire.errors.DataFileError: [EW-DAT-005] x.yaml: key 'words' is missing (expected a list)
    """
    for key, kind in required.items():
        if key not in raw:
            raise DataFileError(
                f"{where}: key {key!r} is missing (expected {_type_name(kind)})", "EW-DAT-005"
            )
        value = raw[key]
        # bool is an int subclass; a yes/no is never a number or a word here
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
            raise DataFileError(
                f"{where}: key {key!r} must be {_type_name(kind)}, got {value!r:.60}",
                "EW-DAT-006",
            )


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _manifest_of(path: Path) -> tuple[Path, str] | None:
    """The area MANIFEST and the relative path of a packaged data file (None for user files)."""
    root = data_dir().resolve()
    try:
        relative = path.resolve().relative_to(root)
    except ValueError:
        return None
    if len(relative.parts) < 2:
        return None
    return root / relative.parts[0] / "MANIFEST.json", "/".join(relative.parts[1:])


def _where(path: Path) -> str:
    """How messages name a data file: ``area/name`` when packaged, else its path."""
    return f"{path.parent.name}/{path.name}" if _manifest_of(path) else str(path)


def check_version(path: Path, version: str, manifest: Path | None = None) -> None:
    """Check that a data file's ``version`` is the one its area's MANIFEST lists for it.

    ``manifest`` defaults to the MANIFEST of the packaged area the file lies in; a file outside
    the package (a user file) without an explicit ``manifest`` is not checked.
    """
    if manifest is None:
        located = _manifest_of(path)
        if located is None:
            return
        manifest, relative = located
    else:
        relative = path.name
    entries = _manifest(manifest).get("files", [])
    listed = [str(e.get("version")) for e in entries if e.get("path") == relative]
    if not listed:
        raise DataFileError(
            f"{_where(path)}: not listed in {str(manifest)!r} (expected an entry with path "
            f"{relative!r})",
            "EW-DAT-007",
        )
    if version not in listed:
        raise DataFileError(
            f"{_where(path)}: key 'version' is {version!r} but "
            f"{manifest.parent.name}/MANIFEST.json lists {listed[0]!r}",
            "EW-DAT-008",
        )


def read_data_file(
    path: Path | str,
    required: KeySpec | None = None,
    *,
    versioned: bool = True,
    manifest: Path | None = None,
) -> dict[str, Any]:
    """Read a YAML data file and check it: the one loader for eventwire's YAML data files.

    Checks, each failure a :class:`DataFileError` naming the file, the key and what was
    expected: readable YAML (``EW-DAT-003``), a mapping at the top (``EW-DAT-004``), a string
    ``version`` when ``versioned`` and every key of ``required`` present (``EW-DAT-005``) with a
    value of its type (``EW-DAT-006``), and, for a packaged file (or with ``manifest``), that
    the version is the one the MANIFEST lists (``EW-DAT-007`` unlisted, ``EW-DAT-008`` other).

    >>> read_data_file(data_path("dates", "timex.yaml"), {"months": dict})["months"]["june"]
    6
    """
    import yaml

    file = Path(path)
    where = _where(file)
    try:
        raw = load_yaml(file)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{where}: unreadable data file: {exc}", "EW-DAT-003") from exc
    if not isinstance(raw, dict):
        raise DataFileError(
            f"{where}: top level must be a mapping, got {type(raw).__name__}", "EW-DAT-004"
        )
    spec: dict[str, type | tuple[type, ...]] = {"version": str} if versioned else {}
    spec.update(required or {})
    check_keys(raw, spec, where)
    if versioned:
        check_version(file, raw["version"], manifest)
    return raw


@cache
def _word_file(area: str) -> dict[str, Any]:
    return read_data_file(data_path(area, "words.yaml"))


def _word_list(area: str, key: str) -> list[str]:
    raw = _word_file(area)
    where = f"{area}/words.yaml"
    check_keys(raw, {key: list}, where)
    values = raw[key]
    bad = [v for v in values if not isinstance(v, str) or not v]
    if bad:
        raise DataFileError(
            f"{where}: key {key!r} must be a list of non-empty strings, got {bad[0]!r}",
            "EW-DAT-006",
        )
    return list(values)


def words(area: str, key: str) -> frozenset[str]:
    """The word list ``key`` of ``data/<area>/words.yaml`` as a set (checked, read once).

    >>> "battalion" in words("actors", "state_units")
    True
    """
    return frozenset(_word_list(area, key))


def word_tuple(area: str, key: str) -> tuple[str, ...]:
    """The word list ``key`` of ``data/<area>/words.yaml`` in file order (for ordered lists)."""
    return tuple(_word_list(area, key))


def word_table(area: str, key: str) -> dict[str, tuple[str, ...]]:
    """The mapping ``key`` of ``data/<area>/words.yaml``: a word or phrase to its word list.

    Keys keep the file's order and every value must be a list of non-empty strings.

    >>> word_table("attribution", "irregular_verbs")["say"]
    ('said', 'says')
    """
    raw = _word_file(area)
    where = f"{area}/words.yaml"
    check_keys(raw, {key: dict}, where)
    table: dict[str, tuple[str, ...]] = {}
    for name, values in raw[key].items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise DataFileError(
                f"{where}: key {key}.{name} must be a list of non-empty strings, got {values!r}",
                "EW-DAT-006",
            )
        table[str(name)] = tuple(values)
    return table
