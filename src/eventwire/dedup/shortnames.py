"""A town read abroad under the short name outlets give another town: "Seven gendarmes
were killed in an attack on their post in Fada" is placed at Fada, Chad, while another
outlet's "Fada N'Gourma in eastern Burkina Faso" is the town meant ("Fada" is its usual
short form, as "Mazar" is Mazar-i-Sharif's). A place whose name is the first word(s) of the
other report's longer town name, in another country that its own sentence does not name,
is no evidence of that country against the other report (:func:`short_name_abroad`, read
by :func:`eventwire.dedup.report.countryless_against` and ``no_country_between``); the day,
the actors and the dead must still agree.

>>> short_name_abroad("Fada", "TD", "Seven gendarmes were killed in Fada.", "Fada N'Gourma", "BF")
True
>>> short_name_abroad("Fada", "TD", "Rebels attacked Fada in Chad.", "Fada N'Gourma", "BF")
False
>>> short_name_abroad("Fada N'Gourma", "BF", "…", "Fada", "TD")
False
"""

from __future__ import annotations

import functools
import re

from eventwire.db.countries import country_names
from eventwire.pipeline.common.folding import fold


@functools.lru_cache(maxsize=65536)
def short_name_abroad(
    name: str | None,
    country: str | None,
    sentence: str | None,
    other: str | None,
    abroad: str | None,
) -> bool:
    """Whether the place ``name`` (read in ``country``) is a short form of the town
    ``other`` (read in ``abroad``, another country) and ``sentence`` does not name
    ``country``."""
    if not (name and other and country and abroad) or country == abroad:
        return False
    short, full = fold(name).split(), fold(other).split()
    if not short or len(short) >= len(full) or full[: len(short)] != short:
        return False
    own = country_names().get(country)
    return not (own and sentence and re.search(rf"\b{re.escape(own)}\b", sentence, re.I))


def short_key(name: str | None, precision: int | None) -> str | None:
    """The first word of a town's name (folded), the key under which a town read abroad
    under a short name is looked for (:mod:`eventwire.dedup.linkage`); None for a province
    or larger, or no name."""
    if not name or (precision or 9) > 2:
        return None
    found = fold(name).split()
    return found[0] if found else None


# The same key in SQL (a superset is enough: rules decide), for the incremental store window.
SHORT_KEY_SQL = "regexp_extract(lower(strip_accents(e.location_name)), '^[a-z0-9]+', 0)"
