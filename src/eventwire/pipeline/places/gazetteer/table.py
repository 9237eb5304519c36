"""The table the gazetteer build fills, and the feature codes of its rows.

``build.py`` creates one :class:`BuildTable`; the sources of the index (countries, admin
areas, cities in ``build.py``, the curated supplement in ``supplement.py``, second-level
areas in ``admin2.py``) each add their rows and names to it. The ``FEAT_*`` codes are the
``feat`` column of the index (also read by ``index.py`` and ``resolve.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from eventwire.pipeline.places.gazetteer.normalize import fold, is_latin, skeleton, strip_article

FEAT_PLACE, FEAT_ADMIN1, FEAT_ADMIN, FEAT_COUNTRY = 0, 1, 2, 3
LOOSE_MIN = 4  # shortest loose key (3 measured: +0.004 GTD, -0.002 ACLED; too noisy)


class BuildTable:
    """Accumulates places and their names while building."""

    def __init__(self) -> None:
        self.cols: dict[str, list[Any]] = defaultdict(list)
        self.names: list[str] = []
        self.exact: dict[str, dict[int, int]] = defaultdict(dict)
        self.loose: dict[str, dict[int, int]] = defaultdict(dict)

    def add(self, name: str, **cols: Any) -> int:
        idx = len(self.names)
        self.names.append(name)
        for key, value in cols.items():
            self.cols[key].append(value)
        return idx

    def index_names(self, idx: int, main: Iterable[str], alternate: Iterable[str]) -> None:
        for flag, names in ((2, main), (1, alternate)):
            for name in names:
                if (
                    not name
                    or not is_latin(name)
                    or (len(name) <= 4 and name.isupper() and flag == 1)
                ):
                    continue
                key = fold(name)
                if len(key) < 2:
                    continue
                if self.exact[key].get(idx, -1) < flag:
                    self.exact[key][idx] = flag
                bare = strip_article(key)
                if bare != key and self.exact[bare].get(idx, -1) < 0:
                    self.exact[bare][idx] = 0
                loose = skeleton(name)
                if len(loose) >= LOOSE_MIN and self.loose[loose].get(idx, -1) < flag:
                    self.loose[loose][idx] = flag
