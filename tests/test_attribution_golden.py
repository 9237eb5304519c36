"""Golden tests: our own wire and interview examples -> segments and attributions.

Each case in tests/golden/attribution/<case>/ has ``input.txt`` (our own writing),
``triggers.json`` (document metadata and the words to mark as events: "killed" or "killed#2"
for the second occurrence) and ``expected.json``. Events are built by hand so the test does not
depend on the event coder. Refresh with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.pipeline.attribution.stage import AttributionStage
from eventwire.pipeline.base import Pipeline, Resources
from eventwire.pipeline.common.cues import load_cues
from eventwire.records import Document, Event, Span

GOLDEN = Path(__file__).parent / "golden" / "attribution"
CASES = sorted(p for p in GOLDEN.iterdir() if p.is_dir())
FRONT_STAGES = ("eventwire.structure.v1", "eventwire.nlp.v1")


@pytest.fixture(scope="module")
def front(settings: Settings, resources: Resources) -> Pipeline:
    """Structure and nlp only: the stages attribution reads."""
    return Pipeline.from_settings(settings.replace(stages=FRONT_STAGES), resources)


def mark_events(doc: Document, triggers: list[str]) -> None:
    """Add a hand-built event for each trigger word ("word" or "word#n")."""
    for spec in triggers:
        word, _, nth = spec.partition("#")
        matches = list(re.finditer(rf"\b{re.escape(word)}\b", doc.text))
        m = matches[int(nth or 1) - 1]
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= m.start() < s.end)
        doc.events.append(
            Event(doc.doc_id, Span(m.start(), m.end(), "trigger", m.group()), index, "ASSAULT")
        )


def run_case(case: Path, front: Pipeline) -> dict[str, Any]:
    meta = json.loads((case / "triggers.json").read_text(encoding="utf-8"))
    doc = Document(
        text=(case / "input.txt").read_text(encoding="utf-8"),
        source=meta.get("source"),
        title=meta.get("title"),
        published=date.fromisoformat(meta["published"]) if meta.get("published") else None,
    )
    doc = front(doc)
    mark_events(doc, meta["triggers"])
    AttributionStage(load_cues())(doc)
    segments = [
        {
            "kind": s.kind,
            "speaker": s.speaker,
            "role": s.speaker_role,
            "text": doc.text[s.start : s.end][:50],
        }
        for s in doc.segments
    ]
    events = []
    for spec, event in zip(meta["triggers"], doc.events, strict=True):
        att = event.attribution
        assert att is not None
        sentence = doc.sentences[event.sentence_index]
        seg = doc.segment_of(sentence)
        events.append(
            {
                "trigger": spec,
                "segment": seg.kind if seg else None,
                "speaker": att.speaker,
                "role": att.role,
                "verb": att.verb,
                "modality": event.modality,
                "cue": doc.text[att.start : att.end] if att.start >= 0 else None,
            }
        )
    return {"title": doc.title, "author": doc.author, "segments": segments, "events": events}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_attribution(case: Path, front: Pipeline, update_golden: bool) -> None:
    got = json.dumps(run_case(case, front), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    expected = case / "expected.json"
    if update_golden or not expected.exists():
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_golden_cases_cover_the_brief() -> None:
    """The golden set keeps a denial, a claim of responsibility, a caption and interviews."""
    expected = [json.loads((c / "expected.json").read_text(encoding="utf-8")) for c in CASES]
    events = [e for case in expected for e in case["events"]]
    kinds = {s["kind"] for case in expected for s in case["segments"]}
    assert any(e["modality"] == "negated" and e["verb"] == "denied" for e in events)
    assert any(e["role"] == "claimant" for e in events)
    assert {"caption", "question", "answer", "byline", "dateline", "boilerplate"} <= kinds
    speakers = {e["speaker"] for e in events if e["role"] == "quoted"}
    assert len(speakers) >= 3
