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

A name cut out of a hyphenated compound ("Bali" of "Bali-Dhiddin town (Qandala, Bari)",
"Cali" of "Cali-Haidh village (Baki, Awdal)") is no reading of the compound, whatever the
size of the city abroad that shares its first word: when the report's country is settled
by a place that is no such cut name, an actor, a cue word or a demonym, and nothing but
place names votes for the cut name's country, the city abroad is rejected too. A compound
of the report's own country ("the Mombasa-Nairobi highway") and a country or a province
("the Kenya-Somalia border") stay.
"""

from __future__ import annotations

from collections import Counter

from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.focus import small_town
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.mentions import Mention
from eventwire.pipeline.places.gazetteer.table import FEAT_PLACE
from eventwire.pipeline.places.home_village import home_instead
from eventwire.pipeline.places.tied import drop_tied_abroad


def drop_towns_abroad(
    text: str,
    gaz: Gazetteer,
    resolutions: list[Resolution | None],
    focus: str | None,
    votes: Counter[str],
    demonyms: Counter[str],
) -> None:
    """Reject the lone small towns abroad of a report with a focus (see the module)."""
    if focus is None:
        return
    _drop_cut_names(text, gaz, resolutions, focus, votes, demonyms)
    by_country = _by_country(gaz, resolutions)
    settled = (
        votes.get(focus, 0.0) > 0.0
        or demonyms.get(focus, 0.0) > 0.0
        or any(not small_town(gaz, r.row) for r in by_country.get(focus, []))
    )
    if not settled:
        return  # only small towns name the focus: one of them may be the stray one
    drop_tied_abroad(gaz, resolutions, focus, votes, demonyms)  # "Madera county"
    for cc, there in _by_country(gaz, resolutions).items():
        if cc == focus or votes.get(cc, 0.0) > 0.0 or demonyms.get(cc, 0.0) > 0.0:
            continue
        if all(small_town(gaz, r.row) for r in there):
            for r in there:
                r.accepted = False
    home_instead(gaz, resolutions, focus)  # "RSF attack civilians in Anka": Sudan's Anka


def _by_country(
    gaz: Gazetteer, resolutions: list[Resolution | None]
) -> dict[str, list[Resolution]]:
    """The accepted resolutions by the country of their reading."""
    by_country: dict[str, list[Resolution]] = {}
    for r in resolutions:
        if r is not None and r.accepted:
            by_country.setdefault(gaz.country_code(r.row), []).append(r)
    return by_country


def cut_from_compound(text: str, m: Mention) -> bool:
    """Is the mention ``m`` one part of a hyphenated compound ("Bali" of "Bali-Dhiddin",
    "Boungou" of "Samba-Boungou"): a letter joined to it by a hyphen before or after?"""
    after = text[m.end : m.end + 2]
    before = text[max(0, m.start - 2) : m.start]
    return (len(after) == 2 and after[0] == "-" and after[1].isalpha()) or (
        len(before) == 2 and before[1] == "-" and before[0].isalpha()
    )


def _drop_cut_names(
    text: str,
    gaz: Gazetteer,
    resolutions: list[Resolution | None],
    focus: str,
    votes: Counter[str],
    demonyms: Counter[str],
) -> None:
    """Reject the towns and cities abroad read from a part of a hyphenated compound in a
    report whose country is settled otherwise (see the module)."""
    kept = [r for r in resolutions if r is not None and r.accepted]
    cut = [r for r in kept if cut_from_compound(text, r.mention)]
    cut_ids = {id(r) for r in cut}
    if not cut:
        return
    settled = (
        votes.get(focus, 0.0) > 0.0
        or demonyms.get(focus, 0.0) > 0.0
        or any(gaz.country_code(r.row) == focus for r in kept if id(r) not in cut_ids)
    )
    if not settled:
        return
    for r in cut:
        cc = gaz.country_code(r.row)
        if cc == focus or votes.get(cc, 0.0) > 0.0 or demonyms.get(cc, 0.0) > 0.0:
            continue
        if int(gaz.feat[r.row]) == FEAT_PLACE:
            r.accepted = False
