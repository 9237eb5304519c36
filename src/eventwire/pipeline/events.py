"""events stage (initial pass-through; its issue replaces it with the real coder)."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.records import Document

NAME = "eventwire.events.v1"


class EventsStage:
    name = NAME
    requires = ("doc.parses",)
    assigns = ("doc.events",)

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage(NAME)
def make_events_stage(settings: Settings, resources: Resources) -> Stage:
    return EventsStage()
