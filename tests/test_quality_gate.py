"""Quality gate: the event coder's accuracy on a small dev slice must not fall below the
floors pinned in tests/eval_baseline.json (skipped when ../shared/corpus is absent).

Raise a floor when an improvement is measured; never lower one without saying why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import CODER_STAGES, Settings
from eventwire.evaluate.scoring import evaluate, read_gold
from eventwire.pipeline.base import Pipeline, Resources

BASELINE: dict[str, Any] = json.loads(
    (Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8")
)


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(BASELINE["gates"]))
def test_quality_gate(name: str, corpus: Path, settings: Settings, resources: Resources) -> None:
    gate = BASELINE["gates"][name]
    path = corpus / gate["file"]
    if not path.is_file():
        pytest.skip(f"{gate['file']} not in the corpus")
    pipeline = Pipeline.from_settings(settings.replace(stages=CODER_STAGES), resources)
    report = evaluate(read_gold(path, gate["format"], gate["rows"]), pipeline, gate["format"])
    data = report.as_dict()
    failures = []
    for field, floor in gate.get("fields", {}).items():
        got = data["fields"][field]["accuracy"]
        if got < floor:
            failures.append(f"{field}: {got:.3f} < floor {floor:.3f}")
    for label, floor in gate.get("per_class", {}).items():
        got = data["per_class"][label]["recall"]
        if got is None or got < floor:
            failures.append(f"{label}: {got} < floor {floor:.3f}")
    assert not failures, failures
