"""Finalize stage: stable event ids and a deterministic event order."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.records import Document

NAME = "eventwire.finalize.v1"


class FinalizeStage:
    name = NAME
    requires = ("doc.events",)
    assigns = ("event.event_id",)

    def __call__(self, doc: Document) -> Document:
        for event in doc.events:
            event.assign_id()
        doc.events.sort(key=lambda e: (e.trigger.start, e.trigger.end, e.plover_type))
        return doc


@register_stage(NAME)
def make_finalize_stage(settings: Settings, resources: Resources) -> Stage:
    return FinalizeStage()
