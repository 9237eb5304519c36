"""A report placed only by its dateline against another report's own place.

"LIMA - Shining Path remnants ambushed a military patrol in the VRAEM valley on Thursday,
killing four soldiers" is placed at Lima: the geocoder did not find the valley, so the
report's place is its dateline (the ``document`` fallback), not the incident's. Another
outlet's "Four Peruvian soldiers were killed in an ambush in … the Junin region on Thursday"
is placed in the event's clause. Their provinces disagree, but the dateline says where the
outlet wrote, not where the ambush was: with one country, one day, the same dead and the
same coded force on one side (not "gunmen", not civilians), they are one incident
(:func:`dateline_only`, called from :mod:`eventwire.dedup.rules`). Two reports that each
name their own place in the event's clause stay two places.

>>> a = ReportEvent("a", "d1", "ASSAULT", country="PE", place_fallback="document",
...     location_name="Lima", actor2_id="PE-MIL", actor2_inter=1, fatalities=4)
>>> b = ReportEvent("b", "d2", "ASSAULT", country="PE", place_fallback="clause",
...     location_name="Junin", actor2_id="PE-MIL", actor2_inter=1, fatalities=4)
>>> dateline_only(a, b, True)[:40]
'Lima is only the dateline of its report;'
"""

from __future__ import annotations

from eventwire.dedup.actors import is_generic, roles
from eventwire.dedup.report import ReportEvent

CIVILIANS = 7  # the inter code of civilians: the default victims match no incident in particular


def dateline_only(a: ReportEvent, b: ReportEvent, same_day: bool) -> str | None:
    """Why two reports' disagreeing places are one place, or None: one report is placed only
    by its dateline (``document``), the other in its event's clause, one country, the same
    day and the very same toll, and a coded force or group on one side of both."""
    if not (same_day and a.country and a.country == b.country):
        return None
    if a.fatalities is None or a.fatalities != b.fatalities:
        return None
    by_line = [e for e in (a, b) if e.place_fallback == "document"]
    if len(by_line) != 1:
        return None
    told = b if by_line[0] is a else a
    if told.place_fallback != "clause":
        return None
    side = _shared_force(a, b)
    if side is None:
        return None
    return (
        f"{by_line[0].location_name} is only the dateline of its report; "
        f"{told.location_name} is where its event is placed (same day, dead and {side})"
    )


def _shared_force(a: ReportEvent, b: ReportEvent) -> str | None:
    """The name of a coded force or group both reports give on one side (not a generic
    actor such as "gunmen", not civilians), or None."""
    names = (a.actor1_name, a.actor2_name)
    pairs = zip(roles(a), roles(b), strict=True)
    for i, ((key_a, inter_a, coded_a), (key_b, _, _)) in enumerate(pairs):
        if not (coded_a and key_a and key_a == key_b and key_a.startswith("id:")):
            continue
        if is_generic(key_a[3:]) or inter_a == CIVILIANS:
            continue
        return names[i] or key_a[3:]
    return None
