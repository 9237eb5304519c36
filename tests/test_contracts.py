"""Stage contracts: ``requires``/``assigns`` are checked at build and match what stages write."""

from __future__ import annotations

import copy
import dataclasses
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import CODER_STAGES, DEFAULT_STAGES, Settings
from eventwire.errors import CODES, ConfigError, ContractError
from eventwire.pipeline.base import FIELDS, READER_FIELDS, Pipeline, Resources, check_contracts
from eventwire.pipeline.read.readers import Reader, ReaderOptions
from eventwire.records import Document, Event

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "examples" / "reports"


class FakeStage:
    """A stage that only declares; enough for the build-time check."""

    def __init__(self, name: str, requires: tuple[str, ...], assigns: tuple[str, ...]) -> None:
        self.name = name
        self.requires = requires
        self.assigns = assigns

    def __call__(self, doc: Document) -> Document:
        return doc


def test_a_stage_whose_requires_is_unmet_fails_the_build_with_a_coded_error(
    settings: Settings,
) -> None:
    segmenter = FakeStage("test.segments.v1", ("doc.text",), ("doc.segments",))
    geocoder = FakeStage("test.geocode.v1", ("doc.segments", "event.location"), ("doc.places",))
    with pytest.raises(ContractError) as info:
        Pipeline([segmenter, geocoder], settings)
    assert info.value.code == "EW-CFG-011" and isinstance(info.value, ConfigError)
    assert info.value.stage == "test.geocode.v1" and info.value.field == "event.location"
    assert "test.geocode.v1" in str(info.value) and "event.location" in str(info.value)
    # the same stages in a working order build
    locator = FakeStage("test.locate.v1", ("doc.segments",), ("event.location",))
    assert len(Pipeline([segmenter, locator, geocoder], settings).stages) == 3


def test_order_matters_and_a_later_assign_does_not_count(settings: Settings) -> None:
    first = FakeStage("test.first.v1", ("doc.sentences",), ())
    second = FakeStage("test.second.v1", (), ("doc.sentences",))
    with pytest.raises(ContractError, match=r"EW-CFG-011.*test\.first\.v1.*doc\.sentences"):
        Pipeline([first, second], settings)


def test_from_settings_checks_registered_stages(settings: Settings, resources: Resources) -> None:
    # actors needs the places stage's event.location and doc.country
    stages = ("eventwire.structure.v1", "eventwire.nlp.v1", "eventwire.events.v1")
    with pytest.raises(ContractError) as info:
        Pipeline.from_settings(settings.replace(stages=(*stages, "eventwire.actors.v1")), resources)
    assert info.value.stage == "eventwire.actors.v1" and info.value.field == "event.location"
    with pytest.raises(ContractError) as info:
        Pipeline.from_settings(settings.replace(stages=stages[1:]), resources)
    assert info.value.stage == "eventwire.nlp.v1" and info.value.field == "doc.segments"


@pytest.mark.parametrize(
    "stages",
    [
        DEFAULT_STAGES,
        CODER_STAGES,
        ("eventwire.structure.v1",),
        ("eventwire.structure.v1", "eventwire.nlp.v1"),
        tuple(
            f"eventwire.{n}.v1"
            for n in ("structure", "nlp", "events", "places", "actors", "finalize")
        ),
    ],
)
def test_the_configurations_in_use_build(
    stages: tuple[str, ...], settings: Settings, resources: Resources
) -> None:
    assert Pipeline.from_settings(settings.replace(stages=stages), resources).names == list(stages)


def test_a_name_outside_the_vocabulary_is_an_error(settings: Settings) -> None:
    typo = FakeStage("test.typo.v1", ("doc.text",), ("event.locaton",))
    with pytest.raises(ContractError) as info:
        Pipeline([typo], settings)
    assert info.value.code == "EW-CFG-012" and info.value.field == "event.locaton"


def test_builtin_stages_declare_only_known_fields(pipeline: Pipeline) -> None:
    check_contracts(pipeline.stages)
    for stage in pipeline.stages:
        assert set(stage.requires) | set(stage.assigns) <= FIELDS, stage.name
        assert stage.assigns, f"{stage.name} declares nothing it writes"
    assert READER_FIELDS <= FIELDS


# ---------------------------------------------------------------- declarations vs reality


def _event_state(event: Event) -> dict[str, Any]:
    return {f.name: copy.deepcopy(getattr(event, f.name)) for f in dataclasses.fields(Event)}


def _doc_state(doc: Document) -> dict[str, Any]:
    state: dict[str, Any] = {}
    for f in dataclasses.fields(Document):
        value = getattr(doc, f.name)
        if f.name == "timings":
            continue  # written by the Pipeline, not by a stage
        if f.name == "events":
            state[f.name] = [id(e) for e in value]  # membership and order; fields below
        elif f.name == "parses":
            state[f.name] = {k: id(v) for k, v in value.items()}  # spaCy Docs: by identity
        else:
            state[f.name] = copy.deepcopy(value)
    return state


def _new_event_fields(event: Event) -> set[str]:
    """Fields a stage set on an event it created: required ones and those off their default."""
    out = set()
    for f in dataclasses.fields(Event):
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            out.add(f"event.{f.name}")
            continue
        default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
        if getattr(event, f.name) != default:
            out.add(f"event.{f.name}")
    return out


def written_fields(stage: Any, doc: Document) -> tuple[Document, set[str]]:
    """Run one stage on a document and return it with the fields the stage changed."""
    before_doc = _doc_state(doc)
    before_events = {id(e): _event_state(e) for e in doc.events}
    alive = list(doc.events)  # keeps ids unique while we compare
    doc = stage(doc)
    after_doc = _doc_state(doc)
    changed = {f"doc.{k}" for k, v in after_doc.items() if before_doc[k] != v}
    for event in doc.events:
        old = before_events.get(id(event))
        if old is None:
            changed |= _new_event_fields(event)
            continue
        now = _event_state(event)
        changed |= {f"event.{k}" for k, v in now.items() if old[k] != v}
    del alive
    return doc, changed


@pytest.fixture(scope="module")
def example_documents(settings: Settings) -> list[Document]:
    reader = Reader(ReaderOptions(languages=settings.languages))
    docs = [item.document for item in reader.read([str(REPORTS)]) if item.document is not None]
    assert len(docs) >= 10  # the JSONL wire plus the interview and the HTML page
    return docs


def test_every_write_of_every_stage_is_declared(
    pipeline: Pipeline, example_documents: list[Document]
) -> None:
    assert pipeline.names == list(DEFAULT_STAGES)
    seen: dict[str, set[str]] = defaultdict(set)
    for original in example_documents:
        doc = copy.deepcopy(original)
        for stage in pipeline.stages:
            doc, changed = written_fields(stage, doc)
            seen[stage.name] |= changed
    undeclared = {
        name: sorted(fields - set(stage.assigns))
        for stage in pipeline.stages
        if (fields := seen[(name := stage.name)] - set(stage.assigns))
    }
    assert not undeclared, f"stages write fields they do not declare: {undeclared}"
    # the examples exercise every stage: each wrote something
    assert all(seen[name] for name in pipeline.names), dict(seen)
    assert "event.actor1" in seen["eventwire.events.v1"]
    assert "event.location" in seen["eventwire.places.v1"]


def test_the_change_detector_sees_nested_and_new_writes() -> None:
    from eventwire.records import Actor, Span

    doc = Document(text="Gunmen killed two officers in Kirkuk.")
    doc.events = [Event(doc.doc_id, Span(7, 13, "trigger"), 0, "ASSAULT", actor1=Actor("Gunmen"))]

    def code_actor(d: Document) -> Document:
        d.events[0].actor1.inter = 3  # type: ignore[union-attr]
        d.country = "IQ"
        return d

    def recode(d: Document) -> Document:
        d.events = [Event(d.doc_id, Span(7, 13, "trigger"), 0, "ASSAULT", confidence=0.7)]
        return d

    doc, changed = written_fields(code_actor, doc)
    assert changed == {"event.actor1", "doc.country"}
    assert written_fields(recode, doc)[1] == {
        "doc.events",
        "event.doc_id",
        "event.trigger",
        "event.sentence_index",
        "event.plover_type",
        "event.confidence",
    }


# ---------------------------------------------------------------- the code catalogue


def test_every_config_and_stage_code_is_in_the_catalogue() -> None:
    src = ROOT / "src" / "eventwire"
    used = set()
    for path in src.rglob("*.py"):
        used |= set(re.findall(r"EW-(?:CFG|STG)-\d{3}", path.read_text(encoding="utf-8")))
    assert used, "no codes found: the pattern is wrong"
    assert sorted(used - set(CODES)) == []
