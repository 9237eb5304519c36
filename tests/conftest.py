"""Shared fixtures: settings, one pipeline per test session, the ../shared corpus."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

from eventwire.config import CODER_STAGES, Settings, load_settings
from eventwire.pipeline.base import Pipeline, Resources, registered_stages
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.records import EVENT_DATED, Document, Event

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
# Test-data generators (synth_events, synth_docs) live in bench/, beside the benchmarks.
sys.path.insert(0, str(ROOT / "bench"))

# Property tests check behaviour, not speed: no per-example deadline (a loaded CI machine
# made a 200 ms default fail a correct parser check). Timing belongs in bench/.
hypothesis_settings.register_profile("eventwire", deadline=None)
hypothesis_settings.load_profile("eventwire")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden expected files")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings(config_file=None, env={}, keep_parses=True)


@pytest.fixture(scope="session")
def resources(settings: Settings) -> Resources:
    return Resources(settings)


@pytest.fixture(scope="session")
def pipeline(settings: Settings, resources: Resources) -> Pipeline:
    return Pipeline.from_settings(settings, resources)


@pytest.fixture(scope="session")
def run_text(pipeline: Pipeline) -> Callable[..., Document]:
    """Run the full pipeline on a text: ``run_text("…", published="2014-12-10")``."""
    from datetime import date

    def run(text: str, published: str | None = None, **fields: object) -> Document:
        doc = Document(
            text=text,
            published=date.fromisoformat(published) if published else None,
            **fields,  # type: ignore[arg-type]
        )
        return pipeline(doc)

    return run


def canonical(docs: list[Document], order: list[list[int]] | None = None) -> list[dict[str, Any]]:
    """The canonical event records of documents stored and clustered batch by batch
    (``order``: lists of indices of ``docs``; all at once by default; ``[[i] for i in …]``
    is one report at a time, as the incremental store window sees them)."""
    from eventwire.db.store import Store
    from eventwire.dedup.cluster import cluster_store

    with Store.open(":memory:") as store:
        for batch in order or [list(range(len(docs)))]:
            store.write_batch([docs[i] for i in batch], [])
            cluster_store(store)
        rows = store.con.execute("SELECT record FROM canonical_events ORDER BY canonical_id")
        return [json.loads(r[0]) for r in rows.fetchall()]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data dir holding only a link to the (already built) base gazetteer index
    (tests that add village layers write them here, not into the user's data folder)."""
    from eventwire.pipeline.places.gazetteer.build import build_index

    base, _ = build_index()
    target = tmp_path / "data"
    (target / "gazetteer").mkdir(parents=True)
    (target / "gazetteer" / base.name).symlink_to(base)
    monkeypatch.setenv("EVENTWIRE_DATA_DIR", str(target))
    return target


def geonames_row(
    gid: int, name: str, lat: float, lon: float, cc: str, adm1: str, pop: int, alt: str = ""
) -> str:
    """One GeoNames line of a populated place (PPL) for a test layer: ``alt`` its alternate
    names (comma-separated), ``adm1`` its province code."""
    return (
        f"{gid}\t{name}\t{name}\t{alt}\t{lat}\t{lon}\tP\tPPL\t{cc}\t\t{adm1}\t\t\t\t{pop}"
        "\t\t100\tUTC\t2020-01-01\n"
    )


PlaceOf = Callable[[str, str], tuple[float, float]]


def layer_place_of(rows: str, tmp_path: Path) -> PlaceOf:
    """Add ``rows`` (GeoNames lines) as a village layer of the ``data_dir`` fixture's data
    folder and return ``place_of(text, name)``: the point the full pipeline gives ``name``."""
    from eventwire.config import load_settings
    from eventwire.pipeline.base import Pipeline
    from eventwire.pipeline.places.gazetteer import dense
    from eventwire.pipeline.places.gazetteer.index import refresh_layers

    path = tmp_path / "layer_rows.txt"
    path.write_text(rows, encoding="utf-8")
    dense.add_file(path)
    refresh_layers()
    pipeline = Pipeline.from_settings(load_settings(config_file=None))

    def place_of(text: str, name: str) -> tuple[float, float]:
        doc = pipeline(Document(text=text, source_id="t", input="t"))
        found = [p for p in doc.places if p.text == name]
        assert found, [p.text for p in doc.places]
        return found[0].lat or 0.0, found[0].lon or 0.0

    return place_of


TopEvent = Callable[..., Event | None]


@pytest.fixture(scope="session")
def top_event(run_text: Callable[..., Document]) -> TopEvent:
    """The first event of a text run through the whole pipeline, or None:
    ``top_event("…")`` (published 2021-06-10 unless ``published=`` says otherwise)."""

    def run(text: str, published: str = "2021-06-10") -> Event | None:
        events = run_text(text, published=published).events
        return events[0] if events else None

    return run


def located(top_event: TopEvent, text: str) -> tuple[str | None, float, float]:
    """The country, latitude and longitude of the text's first event (it must have a point)."""
    event = top_event(text)
    assert event is not None and event.location is not None, text
    loc = event.location
    assert loc.lat is not None and loc.lon is not None, text
    return loc.country, loc.lat, loc.lon


def top_sub_type(top_event: TopEvent, text: str) -> str | None:
    """The ACLED sub-event type of the text's first event (the text must give one)."""
    top = top_event(text)
    assert top is not None, text
    return top.acled_sub_event_type


def top_dead(top_event: TopEvent, text: str, published: str = "2021-05-03") -> int:
    """The best fatality count of the text's first event, 0 when it has none (the text
    must give an event)."""
    event = top_event(text, published=published)
    assert event is not None, text
    return 0 if event.fatalities is None or event.fatalities.best is None else event.fatalities.best


@pytest.fixture(scope="session")
def coder_events(settings: Settings, resources: Resources) -> Callable[[str], list[Event]]:
    """The events of a text, most confident first (the coder's stages only)."""
    coder = Pipeline.from_settings(settings.replace(stages=CODER_STAGES), resources)

    def run(text: str) -> list[Event]:
        return sorted(coder(Document(text=text)).events, key=lambda e: -e.confidence)

    return run


@pytest.fixture(scope="session")
def incidents_of(pipeline: Pipeline) -> Callable[[str], list[Event]]:
    """The conflict incidents of a report (the whole pipeline: places decide incidents too),
    without background recalls and totals over a period."""

    def run(text: str) -> list[Event]:
        events = pipeline(Document(text=text, published=None)).events
        return [e for e in events if e.acled_event_type and not (e.background or e.aggregate)]

    return run


@pytest.fixture(scope="session")
def run_places(settings: Settings, resources: Resources) -> Callable[[str], Document]:
    """A text through structure, nlp and places only (for tests of the places stage)."""
    reg = registered_stages()
    structure = reg["eventwire.structure.v1"](settings, resources)
    nlp = reg["eventwire.nlp.v1"](settings, resources)
    stage = reg["eventwire.places.v1"](settings, resources)

    def run(text: str) -> Document:
        return stage(nlp(structure(Document(text=text))))

    return run


def mention_in(text: str, name: str) -> Mention:
    """The toponym mention of ``name``'s first occurrence in ``text`` (sentence 0)."""
    start = text.index(name)
    return Mention(start, start + len(name), name, 0)


def event_day_span(
    run_text: Callable[..., Document], text: str, trigger: str, published: str = "2021-03-09"
) -> tuple[date | None, date | None]:
    """The date span of the event whose trigger starts with ``trigger``, in a record dated
    at its event on ``published`` (an ACLED-style note)."""
    doc = run_text(text, published=published, published_source=EVENT_DATED)
    event = next(e for e in doc.events if e.trigger.text.startswith(trigger))
    return (event.date.start, event.date.end) if event.date else (None, None)


MULTI_OUTLET = ROOT / "tests" / "data" / "multi_outlet"
VIOLENT_MODES = frozenset(
    {"explosives", "suicide", "kill", "clash", "firearms", "aerial", "artillery"}
)


def multi_outlet_groups(
    run_text: Callable[..., Document], name: str
) -> tuple[list[set[str]], dict[str, str]]:
    """A multi-outlet set (``wire_reports_<name>.jsonl``) through the whole pipeline: the
    report ids of each asserted violent canonical event, and each report's gold incident."""
    path = MULTI_OUTLET / f"wire_reports_{name}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    docs = [
        run_text(r["text"], published=r["published"], source=r["source"], source_id=r["id"])
        for r in rows
    ]
    incident = {str(d.source_id): r["incident"] for d, r in zip(docs, rows, strict=True)}
    ids = {d.doc_id: str(d.source_id) for d in docs}
    records = [
        r
        for r in canonical(docs)
        if r["modality"] == "asserted" and r["plover_mode"] in VIOLENT_MODES
    ]
    return [{ids[x["doc_id"]] for x in r["reports"]} for r in records], incident


@pytest.fixture(scope="session")
def run_mentions(settings: Settings, resources: Resources) -> Callable[..., Document]:
    """Like ``run_text``, but stop before the incident layer: one event per mention, as
    the stages before it see them (for tests of what those stages decide)."""
    stages = tuple(s for s in settings.stages if s != "eventwire.incidents.v1")
    mentions = Pipeline.from_settings(settings.replace(stages=stages), resources)

    def run(text: str, **fields: object) -> Document:
        return mentions(Document(text=text, **fields))  # type: ignore[arg-type]

    return run


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real corpus in ../shared/corpus; tests using it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def seed_interview(corpus: Path) -> str:
    path = corpus / "seed_interview.txt"
    if not path.is_file():
        pytest.skip("seed_interview.txt not in ../shared/corpus")
    return path.read_text(encoding="utf-8")
