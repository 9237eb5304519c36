"""The bundled example reports (examples/reports/): format, structure and attribution."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.pipeline.attribution.stage import AttributionStage
from eventwire.pipeline.base import Pipeline, Resources
from eventwire.pipeline.common.cues import load_cues
from eventwire.pipeline.structure.stage import StructureStage
from eventwire.records import CODED_SEGMENT_KINDS, Document, Event, Span

REPORTS = Path(__file__).resolve().parent.parent / "examples" / "reports"
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def wire_rows() -> list[dict[str, Any]]:
    lines = (REPORTS / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def as_document(row: dict[str, Any]) -> Document:
    return Document(
        text=row["text"],
        source_id=row["id"],
        title=row["title"],
        published=date.fromisoformat(row["published"]),
        source=row["source"],
        url=row["url"],
    )


def test_wire_rows_have_the_documented_fields() -> None:
    rows = wire_rows()
    assert 8 <= len(rows) <= 12
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert set(row) == {"id", "title", "text", "published", "source", "url"}
        assert date(2024, 1, 1) <= date.fromisoformat(row["published"]) <= date(2025, 12, 31)
        sentences = re.findall(r"[.!?][\"”]?(?:\s|$)", row["text"])
        assert 3 <= len(sentences) <= 9, row["id"]


def test_one_attack_from_three_outlets_with_a_later_higher_toll() -> None:
    rows = [r for r in wire_rows() if "Afgoye" in r["text"]]
    assert len({r["source"] for r in rows}) == 3
    first, last = min(r["published"] for r in rows), max(r["published"] for r in rows)
    assert (date.fromisoformat(last) - date.fromisoformat(first)).days == 1
    assert any("seven" in r["text"] for r in rows if r["published"] == last)


def test_every_wire_report_has_a_dateline_and_one_has_a_caption() -> None:
    stage = StructureStage(load_cues())
    captions = 0
    for row in wire_rows():
        doc = stage(as_document(row))
        kinds = [s.kind for s in doc.segments]
        assert "dateline" in kinds, row["id"]
        assert kinds.count("body") >= 3, row["id"]
        captions += kinds.count("caption")
    assert captions == 1


def test_html_report_carries_title_and_date_metadata() -> None:
    html = (REPORTS / "el-fasher.html").read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]+</title>", html)
    assert re.search(r'<meta name="date" content="2024-09-16">', html)
    assert "article:published_time" in html


def test_interview_structure() -> None:
    text = (REPORTS / "interview.txt").read_text(encoding="utf-8")
    doc = StructureStage(load_cues())(Document(text=text))
    kinds = [s.kind for s in doc.segments]
    assert kinds[:3] == ["title", "byline", "caption"] and kinds[-1] == "boilerplate"
    assert kinds.count("question") == 4 and kinds.count("answer") >= 5
    assert {s.speaker for s in doc.segments if s.kind == "answer"} == {"Jean-Paul Dorsainvil"}
    assert doc.author == "Maria Lopez"


@pytest.fixture(scope="module")
def front(settings: Settings, resources: Resources) -> Pipeline:
    stages = ("eventwire.structure.v1", "eventwire.nlp.v1")
    return Pipeline.from_settings(settings.replace(stages=stages), resources)


@pytest.mark.parametrize(
    ("row_id", "trigger", "speaker", "role", "verb", "modality"),
    [
        ("mw-2025-0314-afgoye", "attack", "Al-Shabaab", "claimant", "claimed", "asserted"),
        ("mw-2025-0314-afgoye", "killed", "officials", "quoted", "said", "asserted"),
        ("ho-2025-0314-convoy", "bombing", "al-Shabaab", "quoted", "said", "asserted"),
        (
            "md-2025-0121-sagaing",
            "attacked",
            "spokesman for the military government",
            "quoted",
            "denied",
            "negated",
        ),
        ("sc-2024-1107-zamfara", "stormed", "Suleiman Tanko", "quoted", "told", "asserted"),
        (
            "nb-2024-0916-elfasher",
            "killing",
            "medical sources in the city",
            "quoted",
            "according to",
            "asserted",
        ),
        (
            "bbw-2025-0804-mirpur",
            "attacked",
            "leader of the transport workers' union",
            "quoted",
            "said",
            "asserted",
        ),
        ("ho-2025-0314-convoy", "died", "Horn Observer", "outlet", None, "asserted"),
    ],
)
def test_example_attributions(
    front: Pipeline,
    row_id: str,
    trigger: str,
    speaker: str,
    role: str,
    verb: str | None,
    modality: str,
) -> None:
    row = next(r for r in wire_rows() if r["id"] == row_id)
    doc = front(as_document(row))
    m = re.search(rf"\b{trigger}\b", doc.text)
    assert m is not None
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= m.start() < s.end)
    event = Event(doc.doc_id, Span(m.start(), m.end(), "trigger", trigger), index, "ASSAULT")
    doc.events.append(event)
    AttributionStage(load_cues())(doc)
    assert event.attribution is not None
    got = (event.attribution.speaker, event.attribution.role, event.attribution.verb)
    assert got == (speaker, role, verb)
    assert event.modality == modality


def test_examples_end_to_end(run_text: Callable[..., Document]) -> None:
    """Holds with any reasonable event coder: attributed events from coded paragraphs only."""
    for row in wire_rows():
        doc = run_text(
            row["text"], published=row["published"], source=row["source"], title=row["title"]
        )
        for event in doc.events:
            seg = doc.segment_of(doc.sentences[event.sentence_index])
            assert seg is not None and seg.kind in CODED_SEGMENT_KINDS
            assert event.attribution is not None and event.attributed_to, row["id"]
        if row["id"] == "st-2025-0505-tea":
            assert not [e for e in doc.events if e.acled_event_type in VIOLENT]
