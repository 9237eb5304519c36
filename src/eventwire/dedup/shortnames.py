"""A town read abroad under the short name outlets give another town: "Seven gendarmes
were killed in an attack on their post in Fada" is placed at Fada, Chad, while another
outlet's "Fada N'Gourma in eastern Burkina Faso" is the town meant ("Fada" is its usual
short form, as "Mazar" is Mazar-i-Sharif's). A place whose one-word name is the first word
of the other report's longer town name, in another country that its own sentence does not
name, is no evidence of that country against the other report (:func:`short_name_abroad`, read
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
    """Whether the place ``name`` (read in ``country``) is a one-word short form of the town
    ``other`` (read in ``abroad``, another country) and ``sentence`` does not name
    ``country``."""
    if not (name and other and country and abroad) or country == abroad:
        return False
    short, full = fold(name).split(), fold(other).split()
    if len(short) != 1 or len(full) < 2 or full[0] != short[0]:
        return False
    own = country_names().get(country)
    return not (own and sentence and re.search(rf"\b{re.escape(own)}\b", sentence, re.I))


def short_keys(name: str | None, precision: int | None) -> tuple[str, str] | None:
    """The key a town is filed under and the key of the towns it may be a short name of,
    or be named by (:mod:`eventwire.dedup.linkage`): a one-word name "fada" is filed as
    "1:fada" and looks for "2:fada" (longer names that begin with it), and the reverse;
    None for a province or larger, or no name."""
    if not name or (precision or 9) > 2:
        return None
    found = fold(name).split()
    if not found:
        return None
    own, other = ("1", "2") if len(found) == 1 else ("2", "1")
    return f"{own}:{found[0]}", f"{other}:{found[0]}"


# The same key in SQL (a superset is enough: the rules decide), for the incremental store
# window: "1:" and the name for a one-word name, "2:" and its first word for a longer one.
# (as fold reads a name: an apostrophe joins, a hyphen or a space parts words)
SHORT_KEY_SQL = (
    "(CASE WHEN regexp_matches(trim(e.location_name), '[\\s-]') THEN '2:' ELSE '1:' END || "
    "regexp_extract(lower(strip_accents(regexp_replace(e.location_name, '[''’]', '', 'g'))), "
    "'^[a-z0-9]+', 0))"
)
