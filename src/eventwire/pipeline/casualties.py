"""casualties stage (initial pass-through; its issue replaces it with the real coder)."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.records import Document

NAME = "eventwire.casualties.v1"


class CasualtiesStage:
    name = NAME
    requires = ("doc.events",)
    assigns = ("event.fatalities",)

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage(NAME)
def make_casualties_stage(settings: Settings, resources: Resources) -> Stage:
    return CasualtiesStage()
