"""A force's unit named in parentheses is no place (h17aw).

"Government security forces (Gorgor) clashed with militants near Afgooye": ACLED-style
notes name a force's unit, brigade or agency in parentheses after the force's noun
("special forces (Danab)", "police (Harmacad)", "soldiers (Gorgor and Danab)"); a name
there is the unit's, even when some village abroad bears it (Gorgor, Peru). A country's
name stays ("Militia (Kenya)": the country of an ACLED actor), and so does a place in a
parenthesised area chain with a comma ("troops (Afgooye, Lower Shabelle)").
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.mentions import Mention
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY

UNIT_HEADS: frozenset[str] = words("gazetteer", "unit_heads")
_BEFORE_RE = re.compile(r"\b([A-Za-z]+)\s*\(([^(),]*)$")
_AFTER_RE = re.compile(r"^[^(),]*\)")


def unit_in_parens(m: Mention, text: str, gaz: Gazetteer) -> bool:
    """Is the mention a name inside "(...)" right after a force's noun, with no comma in
    the parentheses, and no country's name?"""
    before = _BEFORE_RE.search(text[max(0, m.start - 80) : m.start])
    if before is None or before.group(1).lower() not in UNIT_HEADS:
        return False
    if _AFTER_RE.match(text[m.end : m.end + 80]) is None:
        return False
    return not any(int(gaz.feat[c.index]) == FEAT_COUNTRY for c in gaz.lookup(m.text))


def drop_units(found: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """The mentions less the names of units in parentheses."""
    return [m for m in found if not unit_in_parens(m, text, gaz)]
