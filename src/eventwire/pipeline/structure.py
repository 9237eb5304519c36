"""Structure stage (initial version; the attribution issue replaces it): paragraphs as body segments."""

from __future__ import annotations

import re

from eventwire.config import Settings
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.records import Document, Segment

NAME = "eventwire.structure.v1"
_PARA = re.compile(r"\n\s*\n")


class StructureStage:
    name = NAME
    requires = ("doc.text",)
    assigns = ("doc.segments",)

    def __call__(self, doc: Document) -> Document:
        segments: list[Segment] = []
        pos = 0
        for m in [*_PARA.finditer(doc.text), None]:
            end = m.start() if m else len(doc.text)
            if doc.text[pos:end].strip():
                segments.append(Segment(pos, end, "body"))
            if m:
                pos = m.end()
        doc.segments = segments
        return doc


@register_stage(NAME)
def make_structure_stage(settings: Settings, resources: Resources) -> Stage:
    return StructureStage()
