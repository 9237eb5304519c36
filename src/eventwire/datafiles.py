"""Versioned data files shipped in ``eventwire/data``: paths, manifests and versions.

Each data area (``ontology/``, ``lexicon/``, ``actors/``, ``gazetteer/`` …) has a
``MANIFEST.json`` listing its files: ``{"files": [{"name", "path", "version",
"source", "licence"}]}``. Every stored event and ledger row records
``data_versions()`` so a result can be traced to the data that produced it.
"""

from __future__ import annotations

import json
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


def data_versions_json() -> str:
    """``data_versions()`` as a stable JSON string (stored with ledger rows)."""
    return json.dumps(data_versions(), sort_keys=True)


def load_yaml(path: Path | str) -> Any:
    """Parse a YAML data file with libyaml's C loader when available (about 10x faster)."""
    import yaml  # lazy: modules that only locate data files need no YAML parser

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)
