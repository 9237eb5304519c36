"""Shared fixtures: settings, one pipeline per test session, the ../shared corpus."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.config import CODER_STAGES, Settings, load_settings
from eventwire.pipeline.base import Pipeline, Resources
from eventwire.records import Document, Event

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
# Test-data generators (synth_events, synth_docs) live in bench/, beside the benchmarks.
sys.path.insert(0, str(ROOT / "bench"))


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


TopEvent = Callable[..., Event | None]


@pytest.fixture(scope="session")
def top_event(run_text: Callable[..., Document]) -> TopEvent:
    """The first event of a text run through the whole pipeline, or None:
    ``top_event("…")`` (published 2021-06-10 unless ``published=`` says otherwise)."""

    def run(text: str, published: str = "2021-06-10") -> Event | None:
        events = run_text(text, published=published).events
        return events[0] if events else None

    return run


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
