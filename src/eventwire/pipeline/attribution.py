"""attribution stage (initial pass-through; its issue replaces it with the real coder)."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.records import Document

NAME = "eventwire.attribution.v1"


class AttributionStage:
    name = NAME
    requires = ("doc.events",)
    assigns = ("event.attribution",)

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage(NAME)
def make_attribution_stage(settings: Settings, resources: Resources) -> Stage:
    return AttributionStage()
