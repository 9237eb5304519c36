"""A note whose only places were read abroad and dropped: the focus country's own place of
the name.

"RSF attack civilians in Anka": Nigeria's Anka (11,600 people) outscores the Sudanese
village of that name when readings are scored, the RSF settle the report in Sudan, and the
Nigerian town is then dropped as a stray abroad. The note is left with no place at all,
and its event with the country's point, although the gazetteer (with village files added,
most often) holds a place of that very name in the report's country. "Sudanese forces
say they now hold the town of Sali" is the same: Senegal's Sali wins on population,
then goes.

``home_instead`` runs once the report's country is settled and the strays abroad are
dropped (``abroad.drop_towns_abroad``). When no reading of the note is left, a mention the
text presents as a place ("in Anka", "the town of Sali", a place label, a chain) whose
reading lay in another country takes the focus country's populated place of that main
name: the most populous, else the one nearest its province's biggest town. An alternate
name or a loose spelling is no such reading ("Keira" is no Keila), and nothing changes in
a note that kept any place of its own: the event's place there comes from the text.
"""

from __future__ import annotations

from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.focus import placed_mention
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.table import FEAT_PLACE


def home_instead(gaz: Gazetteer, resolutions: list[Resolution | None], focus: str) -> None:
    """Give the dropped readings abroad of a note left with no place the focus country's
    own place of the same main name (see the module)."""
    if any(r is not None and r.accepted for r in resolutions):
        return
    for res in resolutions:
        if res is None or gaz.country_code(res.row) == focus or not placed_mention(res.mention):
            continue
        row = home_row(gaz, res.mention.text, focus)
        if row is not None:
            res.row, res.flag, res.accepted = row, 2, True


def home_row(gaz: Gazetteer, name: str, focus: str) -> int | None:
    """The focus country's populated place of that main name: the most populous, else
    the one nearest the biggest town of its province (None: there is none)."""
    rows = [
        c.index
        for c in gaz.lookup(name, loose=False)
        if c.flag == 2
        and gaz.country_code(c.index) == focus
        and int(gaz.feat[c.index]) == FEAT_PLACE
    ]
    return min(rows, key=lambda r: (-int(gaz.pop[r]), _seat_km(gaz, r), r), default=None)


def _seat_km(gaz: Gazetteer, row: int) -> float:
    """Distance from a row to the biggest town of its province (inf: none known)."""
    area = int(gaz.adm1[row])
    seat = int(gaz.seat[area]) if area >= 0 else -1
    if seat < 0:
        return float("inf")
    return 0.0 if seat == row else gaz.distance_km(row, seat)
