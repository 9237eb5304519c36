"""A district or town abroad that the note ties to its own country's areas.

"A bus struck a bomb between Lafey and Elwak in Madera county": Kenya's Mandera county is
spelt as a Mexican municipality's name, and the municipality is no small town, so
``drop_towns_abroad`` keeps it. "Kubo village (Bura, Tana River)": the parent the note
names for the village lies in the report's country while the village's only reading lies
across the border. In both the note's own administrative context contradicts the
reading. ``drop_tied_abroad`` rejects a reading in another country than the report's
settled focus when

* its mention is told as a district, county or other area by a kind word beside it
  ("Madera county", "Bale zone"), or is placed in a parent ("X (Y, Z)", "X, Y") whose own
  reading lies in the focus country,
* the reading is a populated place or a district (a province or a country named abroad
  stays: "troops deployed to Gedo region", "refugees fled to Uganda"),
* nothing but place names votes for its country (no actor, people, cue word, demonym
  or country name),
* and no other place of that country is named ("joint patrols in Darbasiyah countryside
  in al-Hasakeh" stays in Syria whatever two foreign countries the note names).

When the same name has a reading of its own in the focus country (a town or district
by its main or an alternate name: "Bor county" in a South Sudanese note, read as Serbia's
Bor district for its kind word), that reading is taken instead. Otherwise the event falls
to the parent, the report's other places or its country: the honest precision of an area
the note names, not a point abroad.
"""

from __future__ import annotations

from collections import Counter

from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN, FEAT_PLACE

_TOLD = ("admin", "part")  # the kind-word groups that tell a mention as an area


def drop_tied_abroad(
    gaz: Gazetteer,
    resolutions: list[Resolution | None],
    focus: str,
    votes: Counter[str],
    demonyms: Counter[str],
) -> None:
    """Reject the readings abroad that the note's own areas contradict (see the module);
    ``focus`` is the report's settled country."""
    by_mention = {id(r.mention): r for r in resolutions if r is not None and r.accepted}
    named = Counter(gaz.country_code(r.row) for r in by_mention.values())
    for res in by_mention.values():
        cc = gaz.country_code(res.row)
        if cc == focus or votes.get(cc, 0.0) > 0.0 or demonyms.get(cc, 0.0) > 0.0:
            continue
        if named[cc] > 1:
            continue  # another place of that country is named ("Darbasiyah, al-Hasakeh")
        if int(gaz.feat[res.row]) not in (FEAT_PLACE, FEAT_ADMIN):
            continue
        m = res.mention
        parent = by_mention.get(id(m.parent)) if m.parent is not None else None
        at_home = parent is not None and gaz.country_code(parent.row) == focus
        if m.hint in _TOLD or at_home:
            home = _home_reading(gaz, m.text, focus)
            if home is None:
                res.accepted = False
            else:  # "Bor county" in a South Sudanese note: South Sudan's Bor, not Serbia's
                res.row, res.flag = home.index, home.flag


def _home_reading(gaz: Gazetteer, name: str, focus: str) -> Candidate | None:
    """The focus country's most populous town or district of that exact name or an
    alternate name of it (no loose spelling), if any."""
    home = [
        c
        for c in gaz.lookup(name, loose=False)
        if c.flag >= 1
        and gaz.country_code(c.index) == focus
        and int(gaz.feat[c.index]) in (FEAT_PLACE, FEAT_ADMIN)
    ]
    return max(home, key=lambda c: int(gaz.pop[c.index]), default=None)
