"""A town of a country that was then part of the report's country (issue 17, h17au).

"LRA fighters burned huts in the Mundri district of south Sudan": in a report of 2009 the
focus is Sudan, and Mundri, a town of today's South Sudan, was rejected as a place abroad,
so the event fell to Sudan's centre.
On the report's date they lay in Sudan (``former_countries``: ``common.countries.as_of``).
``readmit_former_parts`` accepts again a place rejected only for lying abroad when, on the
report's date, its country was part of the focus country.
"""

from __future__ import annotations

from datetime import date

from eventwire.pipeline.common.countries import as_of
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY


def readmit_former_parts(
    gaz: Gazetteer,
    resolutions: list[Resolution | None],
    focus: str | None,
    published: date | None,
) -> None:
    """Accept again a rejected main-name reading whose country was, on ``published``, part
    of ``focus``; its parent, if any, must be a country ("Yambio, southern Sudan"), as a
    province or town named as its parent was a reason of its own to reject it."""
    if focus is None or published is None:
        return
    by_mention = {id(r.mention): r for r in resolutions if r is not None}
    for res in resolutions:
        if res is None or res.accepted or res.flag < 2:
            continue
        up = res.mention.parent
        parent = by_mention.get(id(up)) if up is not None else None
        if up is not None and (parent is None or int(gaz.feat[parent.row]) != FEAT_COUNTRY):
            continue
        cc = gaz.country_code(res.row)
        if cc != focus and as_of(cc, published) == focus:
            res.accepted = True
