"""The Stage protocol, the stage registry and the Pipeline that composes stages.

A stage is a callable ``Document -> Document`` with a ``name`` and the fields it
``requires`` and ``assigns``. Stages are registered under versioned names
(``"eventwire.places.v1"``) by a factory taking ``(settings, resources)``, so a saved
configuration keeps its meaning and a plugin can swap one stage for another::

    @register_stage("eventwire.places.v1")
    def make_geocoder(settings: Settings, resources: Resources) -> Stage:
        return Geocoder(resources.gazetteer())

Plugins register stages from the ``eventwire.stages`` entry-point group.

``requires`` and ``assigns`` name fields of the data model as ``"doc.<Document field>"``
or ``"event.<Event field>"`` (``"doc.segments"``, ``"event.location"``). Building a
``Pipeline`` checks them, as spaCy does: a stage that requires a field which neither
the reader (``READER_FIELDS``) nor an earlier stage assigns raises ``ContractError``
(EW-CFG-011) naming the stage and the field, and a name outside this vocabulary raises
EW-CFG-012. ``event.X`` means "X of the events of ``doc.events``".
"""

from __future__ import annotations

import dataclasses
import importlib
import time
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import entry_points
from typing import Any, Protocol, runtime_checkable

from eventwire.config import Settings
from eventwire.errors import ConfigError, ContractError, EventwireError, InputError, StageError
from eventwire.records import READ_FIELDS, Document, Event

# what a run ahead on a copy hands on (a copy never carries the parses: Document.__getstate__)
DOCUMENT_FIELDS = tuple(f.name for f in dataclasses.fields(Document) if f.name != "parses")


@runtime_checkable
class Stage(Protocol):
    """One step of the pipeline (attributes are read-only, so class constants satisfy it)."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, doc: Document) -> Document: ...


StageFactory = Callable[[Settings, "Resources"], Stage]

# Every name a stage may require or assign: the fields of Document and Event. ``doc.timings``
# is left out: the Pipeline itself writes it.
FIELDS: frozenset[str] = frozenset(
    [f"doc.{f.name}" for f in dataclasses.fields(Document) if f.name != "timings"]
    + [f"event.{f.name}" for f in dataclasses.fields(Event)]
)
# What a Document holds before the first stage runs: the readers fill these from the input.
READER_FIELDS: frozenset[str] = frozenset(f"doc.{name}" for name in READ_FIELDS)


def check_contracts(stages: Sequence[Stage]) -> None:
    """Check that every field a stage requires is assigned by the reader or an earlier stage.

    Raises ``ContractError`` (EW-CFG-011) naming the first stage and field that are not,
    and EW-CFG-012 for a name outside ``FIELDS``.
    """
    available = set(READER_FIELDS)
    for stage in stages:
        for name in (*stage.requires, *stage.assigns):
            if name not in FIELDS:
                raise ContractError(
                    f"stage {stage.name!r} declares {name!r}, which is not a field; fields "
                    f"are 'doc.<Document field>' or 'event.<Event field>', e.g. 'doc.segments'",
                    "EW-CFG-012",
                    stage=stage.name,
                    field=name,
                )
        for name in stage.requires:
            if name not in available:
                raise ContractError(
                    f"stage {stage.name!r} requires {name!r}, which no earlier stage assigns; "
                    f"add a stage that assigns it before {stage.name!r}",
                    "EW-CFG-011",
                    stage=stage.name,
                    field=name,
                )
        available.update(stage.assigns)


_REGISTRY: dict[str, StageFactory] = {}

# Modules that register the built-in stages when imported.
BUILTIN_STAGE_MODULES: tuple[str, ...] = (
    "eventwire.pipeline.structure.stage",
    "eventwire.pipeline.nlp.stage",
    "eventwire.pipeline.events.stage",
    "eventwire.pipeline.places.stage",
    "eventwire.pipeline.actors.stage",
    "eventwire.pipeline.dates.stage",
    "eventwire.pipeline.casualties.stage",
    "eventwire.pipeline.attribution.stage",
    "eventwire.pipeline.incidents.stage",
    "eventwire.pipeline.finalize.stage",
)


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under a versioned name."""

    def wrap(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return wrap


def _load_builtin_and_plugins() -> None:
    for module in BUILTIN_STAGE_MODULES:
        importlib.import_module(module)
    for ep in entry_points(group="eventwire.stages"):
        ep.load()


def registered_stages() -> dict[str, StageFactory]:
    """Return every registered stage factory by name (built-ins and plugins)."""
    _load_builtin_and_plugins()
    return dict(_REGISTRY)


class Resources:
    """Lazily loaded, shared heavy objects (spaCy model, dictionaries, gazetteer).

    One ``Resources`` per process: a worker loads each model once and every stage
    that needs it gets the same object.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._cache: dict[str, Any] = {}

    def get(self, key: str, loader: Callable[[], Any]) -> Any:
        """Return the cached object for ``key``, loading it on first use."""
        if key not in self._cache:
            self._cache[key] = loader()
        return self._cache[key]


class Pipeline:
    """Run stages in order over documents.

    >>> pipeline = Pipeline.from_settings(load_settings())   # doctest: +SKIP
    >>> doc = pipeline(Document(text="Gunmen killed two officers."))  # doctest: +SKIP
    """

    def __init__(self, stages: Iterable[Stage], settings: Settings) -> None:
        """Compose stages in order; raises ``ContractError`` when their contracts do not chain."""
        self.stages = list(stages)
        self.settings = settings
        check_contracts(self.stages)
        # id() of a document -> (a copy of it as it was, a copy its first stages ran on,
        # how many): see ``ran_ahead``
        self._ahead: dict[int, tuple[Document, Document, int]] = {}

    @classmethod
    def from_settings(cls, settings: Settings, resources: Resources | None = None) -> Pipeline:
        """Build the stages named in ``settings.stages`` from the registry, checked."""
        registry = registered_stages()
        resources = resources or Resources(settings)
        stages: list[Stage] = []
        for name in settings.stages:
            if name not in registry:
                raise ConfigError(
                    f"unknown stage {name!r}; registered: {', '.join(sorted(registry))}",
                    "EW-CFG-010",
                )
            stages.append(registry[name](settings, resources))
        return cls(stages, settings)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def ran_ahead(self, runs: Sequence[tuple[Document, Document, Document]], stages: int) -> None:
        """The first ``stages`` stages already ran, outside the pipeline, for documents
        that run next: ``(doc, before, ready)`` pairs a document with a shallow copy of it
        as it then was and the shallow copy those stages ran on (stages that only assign
        fields, so the document itself is untouched). Its own run takes the fields of
        ``ready`` and starts at the next stage, as long as none of its fields changed
        since; anything remembered from an earlier call is dropped."""
        self._ahead = {id(doc): (before, ready, stages) for doc, before, ready in runs}

    def _take_ahead(self, doc: Document) -> int:
        """How many first stages ``doc`` skips, its fields now those of its ready copy."""
        ahead = self._ahead.pop(id(doc), None)
        if ahead is None:
            return 0
        before, ready, stages = ahead
        if any(getattr(doc, name) is not getattr(before, name) for name in DOCUMENT_FIELDS):
            return 0
        for name in DOCUMENT_FIELDS:
            setattr(doc, name, getattr(ready, name))
        return stages

    def __call__(self, doc: Document) -> Document:
        """Run every stage on a document; a stage failure raises StageError naming the stage.

        Stages that already ran for it on a copy (:meth:`ran_ahead`) are not run again."""
        first = self._take_ahead(doc) if self._ahead else 0
        for stage in self.stages[first:]:
            started = time.perf_counter()
            try:
                result = stage(doc)
            except InputError:
                raise
            except EventwireError as exc:
                raise StageError(f"stage {stage.name} failed: {exc}", exc.code, stage.name) from exc
            except Exception as exc:  # a bug in a stage must not kill the batch
                raise StageError(
                    f"stage {stage.name} failed: {type(exc).__name__}: {exc}",
                    "EW-STG-001",
                    stage.name,
                ) from exc
            if result is None:
                raise StageError(f"stage {stage.name} returned None", "EW-STG-002", stage.name)
            doc = result
            doc.timings[stage.name] = doc.timings.get(stage.name, 0.0) + (
                time.perf_counter() - started
            )
        if not self.settings.keep_parses:
            doc.parses = {}  # free parse memory once every stage has used it
        return doc
