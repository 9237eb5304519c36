"""places stage (initial pass-through; its issue replaces it with the real coder)."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.records import Document

NAME = "eventwire.places.v1"


class PlacesStage:
    name = NAME
    requires = ("doc.events",)
    assigns = ("event.location",)

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage(NAME)
def make_places_stage(settings: Settings, resources: Resources) -> Stage:
    return PlacesStage()
