"""Small towns abroad that only their own name supports, in a report whose country is
settled.

"Youths blocked a road in Banka near Nkawkaw (Kwahu West)": the focus went to Ghana, but
"Banka" still reads as a small Indian town, because Ghana's index has no Banka and the
town's own mention counts as the support of its country. So do names cut out of a
compound ("Samba" of "Samba-Boungou") and other villages the index lacks.
``drop_towns_abroad`` rejects such a reading when

* the report has a focus country that more than a small town names (a city, a district,
  a province, an actor, a cue word or a demonym), and the town lies in another one,
* the town is a populated place of under 100,000 people (a city, a province or a country
  named abroad stays: "refugees fled to Kakuma", "troops deployed to Somalia"),
* and nothing but place names votes for its country: no actor, people, cue word, demonym
  or country name ("Boko Haram fired rockets from Banki, Nigeria" keeps Banki),
* and no place of that country that is not such a town is named.

The event then falls to the report's own places (or its country).
"""

from __future__ import annotations

from collections import Counter

from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.focus import small_town
from eventwire.pipeline.places.gazetteer.index import Gazetteer


def drop_towns_abroad(
    gaz: Gazetteer,
    resolutions: list[Resolution | None],
    focus: str | None,
    votes: Counter[str],
    demonyms: Counter[str],
) -> None:
    """Reject the lone small towns abroad of a report with a focus (see the module)."""
    if focus is None:
        return
    kept = [r for r in resolutions if r is not None and r.accepted]
    by_country: dict[str, list[Resolution]] = {}
    for r in kept:
        by_country.setdefault(gaz.country_code(r.row), []).append(r)
    settled = (
        votes.get(focus, 0.0) > 0.0
        or demonyms.get(focus, 0.0) > 0.0
        or any(not small_town(gaz, r.row) for r in by_country.get(focus, []))
    )
    if not settled:
        return  # only small towns name the focus: one of them may be the stray one
    for cc, there in by_country.items():
        if cc == focus or votes.get(cc, 0.0) > 0.0 or demonyms.get(cc, 0.0) > 0.0:
            continue
        if all(small_town(gaz, r.row) for r in there):
            for r in there:
                r.accepted = False
