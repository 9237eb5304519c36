"""The other places a mention's readings are measured against.

A reading within 100 km of another place the text names gains (``resolve``'s "near the
text's other places"), and a tie goes to the reading nearest them. The country a report
names is not such a place: its point is a centroid or its capital, and a village 60 km from
it is no likelier the one meant ("the Makhul mountains, Baiji district, Saladin, Iraq": the
Diyala Makhul lies near Iraq's point, the Saladin one near Baiji).
"""

from __future__ import annotations

from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY


def first_picks(gaz: Gazetteer, cands: list[list[tuple[Candidate, float]]]) -> list[int]:
    """Each mention's best-scored reading on its own, or -1 where it has none or where that
    reading is a country."""
    out = []
    for scored in cands:
        row = scored[0][0].index if scored else -1
        out.append(row if row >= 0 and int(gaz.feat[row]) != FEAT_COUNTRY else -1)
    return out
