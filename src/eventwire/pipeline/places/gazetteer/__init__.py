"""The offline gazetteer: an index built from registry packages, toponyms, disambiguation.

>>> from eventwire.pipeline.places.gazetteer import load_gazetteer   # doctest: +SKIP
>>> load_gazetteer().reverse(33.31, 44.36)            # doctest: +SKIP
('Mayorality of Baghdad', 'IQ')
"""

from __future__ import annotations

from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.build import build_index, index_path, index_version
from eventwire.pipeline.places.gazetteer.index import Gazetteer, load_gazetteer

__all__ = [
    "Gazetteer",
    "build_index",
    "haversine_km",
    "index_path",
    "index_version",
    "load_gazetteer",
]
