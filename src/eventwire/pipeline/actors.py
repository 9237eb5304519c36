"""actors stage (initial pass-through; its issue replaces it with the real coder)."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.records import Document

NAME = "eventwire.actors.v1"


class ActorsStage:
    name = NAME
    requires = ("doc.events",)
    assigns = ("event.actor1",)

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage(NAME)
def make_actors_stage(settings: Settings, resources: Resources) -> Stage:
    return ActorsStage()
