"""docs/architecture.md's stage table is the stages' own requires/assigns declarations.

The table is generated from the default pipeline; when a stage's declarations change, this test
fails until the doc is refreshed with ``pytest tests/test_docs_architecture.py --update-golden``.
"""

from __future__ import annotations

import re
from pathlib import Path

from eventwire.pipeline.base import Pipeline

DOC = Path(__file__).resolve().parent.parent / "docs" / "architecture.md"
SECTION = re.compile(r"(<!-- stages:start -->\n)(.*?)(<!-- stages:end -->)", re.S)


def stage_table(pipeline: Pipeline) -> str:
    """A Markdown table: each stage of the pipeline in order, with what it reads and writes."""
    lines = ["| stage | requires | assigns |", "|---|---|---|"]
    for stage in pipeline.stages:
        requires = ", ".join(f"`{f}`" for f in stage.requires) or "—"
        assigns = ", ".join(f"`{f}`" for f in stage.assigns) or "—"
        lines.append(f"| `{stage.name}` | {requires} | {assigns} |")
    return "\n".join(lines) + "\n"


def test_architecture_doc_lists_every_stage_contract(
    pipeline: Pipeline, update_golden: bool
) -> None:
    text = DOC.read_text(encoding="utf-8")
    match = SECTION.search(text)
    assert match, "docs/architecture.md lost its <!-- stages:start/end --> markers"
    table = stage_table(pipeline)
    if update_golden:
        DOC.write_text(SECTION.sub(lambda m: m.group(1) + table + m.group(3), text), "utf-8")
        return
    assert match.group(2) == table, (
        "docs/architecture.md's stage table is out of date: "
        "run pytest tests/test_docs_architecture.py --update-golden"
    )
    for stage in pipeline.stages:  # the table names every stage of the default pipeline
        assert f"`{stage.name}`" in match.group(2)
