"""Geoparsing: every toponym of a text, resolved, without the event coder.

``eventwire geoparse`` and ``eventwire.geoparse(text)`` run the structure and nlp stages
with the relevance pre-filter off (every sentence is parsed, not only those that may
carry an event), then the places stage's recognition and resolution
(``PlacesStage.resolve``). The stages are built through the stage registry by name, so
this module does not import the other stage packages.

>>> geoparse("Shelling hit Kharkiv on Monday.")[0]["name"]     # doctest: +SKIP
'Kharkiv'
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eventwire.config import Settings, load_settings
from eventwire.pipeline.base import Resources, registered_stages
from eventwire.pipeline.places.stage import NAME as PLACES_STAGE
from eventwire.pipeline.places.stage import PlacesStage
from eventwire.records import PLACE_FIELDS, Document, Place

BEFORE_PLACES = ("eventwire.structure.v1", "eventwire.nlp.v1")


def place_json(place: Place) -> dict[str, Any]:
    """The geoparse output of one place (the fields of the issue's contract)."""
    return {key: getattr(place, key) for key in PLACE_FIELDS}


class Geoparser:
    """The stages a geoparse runs, built once (spaCy model, gazetteer)."""

    def __init__(self, settings: Settings | None = None) -> None:
        base = settings or load_settings()
        self.settings = dataclasses.replace(base, prefilter=False)
        resources = Resources(self.settings)
        registry = registered_stages()
        self.before = [registry[name](self.settings, resources) for name in BEFORE_PLACES]
        places = registry[PLACES_STAGE](self.settings, resources)
        if not isinstance(places, PlacesStage):  # a plugin replaced the stage
            raise TypeError(f"{PLACES_STAGE} is not a PlacesStage")
        self.places = places

    def document(self, doc: Document) -> Document:
        """Set ``doc.places`` (every resolved toponym) and ``doc.country``."""
        for stage in self.before:
            doc = stage(doc)
        self.places.resolve(doc)
        return doc

    def __call__(self, text: str) -> list[Place]:
        """The resolved toponyms of a text, in text order."""
        return self.document(Document(text=text)).places


_DEFAULT: Geoparser | None = None


def geoparse(text: str, settings: Settings | None = None) -> list[dict[str, Any]]:
    """Every toponym of ``text``, resolved: a list of dicts with ``text``, ``start``,
    ``end`` (offsets into ``text``), ``name``, ``geonameid``, ``lat``, ``lon``,
    ``country``, ``admin1``, ``feature``, ``precision``."""
    global _DEFAULT
    if settings is not None:
        parser = Geoparser(settings)
    else:
        if _DEFAULT is None:
            _DEFAULT = Geoparser()
        parser = _DEFAULT
    return [place_json(p) for p in parser(text)]
