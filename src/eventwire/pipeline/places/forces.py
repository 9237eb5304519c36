"""A country's own forces named by its demonym outweigh a lone small homonym abroad.

"Sudanese air forces shell the village of Tangal": the village is in no installed file
under that name, so the only reading of "Tangal" is a small town in the Philippines, and
its vote (a placed name, 1.0) beats the demonym's (a force's nationality, half weight).
But a state's army, air force, police or security forces act at home far more often than
in a foreign village that nothing else in the report names. ``hold_home_force`` keeps the
report in the forces' country when

* the text names the forces of exactly one country by its demonym ("Sudanese forces",
  "Kenyan police", "Cameroonian army"; ``home_force_nouns`` in ``data/places/words.yaml``),
  or, naming none, its actors, peoples and cue words vote (0.5 or more) for one country
  only ("SAF", "SLM/A-Nur", "Rizeigat", "Wadi Salih locality"),
* the focus country is another one that no actor, cue, demonym or country name votes for,
* and every place read in it is a town of under 100,000 people more than 1,500 km from the
  forces' country, or a loose spelling of one ("Tongomayel" ~ Tongmuluo), or a town or
  city of any size that far away named only by an alternate name or a loose spelling,
  when it is the only place read in its country and the forces are named by their
  actors ("Janjaweed attacked Tor area": "Tor" is an old name of Slovyansk; "SAF bombed
  Lill"; not "Russian troops patrolled al-Hasakeh": a nationality's forces act abroad).
  A province, a district or a city named abroad by its own name stays ("Ugandan forces
  bombed Pamai camp in Jonglei", "RSF commanders met mediators in Jeddah"), and so does a
  village next door ("Israeli forces" in a West Bank village).

The small towns are then rejected and the focus is that country.
"""

from __future__ import annotations

from collections import Counter

from eventwire.datafiles import words
from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.cues import demonym_votes
from eventwire.pipeline.places.gazetteer.focus import small_town
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.mentions import text_words
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_PLACE

FORCE_NOUNS: frozenset[str] = words("places", "home_force_nouns")
VILLAGE_WORDS: frozenset[str] = words("places", "village_kind_words")
OWN_VOTE = 0.5  # a state force, a people or a cue word of one country ("SAF", "Murle")


def home_forces(text: str, lex: Lexicon) -> set[str]:
    """The countries whose demonym stands right before a state-force noun ("Sudanese air
    forces", "Kenyan police"); "pro-Kenyan" and a demonym inside a hyphenated word are no
    force's nationality."""
    tokens = text_words(text)
    out: set[str] = set()
    skip = -1  # the second word of a two-word demonym ("South Sudanese")
    for i, tok in enumerate(tokens[:-1]):
        if i == skip or not tok[:1].isupper() or "-" in tok:
            continue
        pair = fold(f"{tok} {tokens[i + 1]}")
        n, word = (2, pair) if pair in lex.adjectives else (1, fold(tok))
        if word not in lex.adjectives or i + n >= len(tokens):
            continue
        skip = i + 1 if n == 2 else -1
        if tokens[i + n].lower() in FORCE_NOUNS:
            out.add(lex.adjectives[word])
    return out


def hold_home_force(
    text: str,
    gaz: Gazetteer,
    lex: Lexicon,
    resolutions: list[Resolution | None],
    focus: str | None,
    votes: Counter[str],
) -> str | None:
    """The focus, or the country of the forces named when only small towns abroad that
    nothing else supports named the focus (those are then rejected; see the module)."""
    kept = [r for r in resolutions if r is not None and r.accepted]
    lead = focus if focus is not None else (gaz.country_code(kept[0].row) if kept else None)
    if lead is None or votes.get(lead, 0.0) > 0.0:
        return focus
    # the forces named by demonym, else the actors, peoples and cue words of one country
    by_demonym = home_forces(text, lex)
    forces = by_demonym or {cc for cc, v in votes.items() if v >= OWN_VOTE}
    if len(forces) != 1 or lead in forces or demonym_votes(text, lex).get(lead, 0.0) > 0.0:
        return focus
    home = next(iter(forces))
    there = [r for r in kept if gaz.country_code(r.row) == lead]
    # a city read by another name yields only to the actors of one country: a force's
    # nationality may be abroad ("Russian troops patrolled al-Hasakeh")
    alone = len(there) == 1 and not by_demonym
    lone = all(_weak_abroad(gaz, r, home, alone) for r in there)
    if not there or not lone:
        return focus
    for r in there:
        r.accepted = False
    return home


def _weak_abroad(gaz: Gazetteer, res: Resolution, home: str, alone: bool) -> bool:
    """Is ``res`` a reading that the forces' country outweighs: a small town far away or
    a loose spelling of one, or, when it is the only place read in its country and the
    forces are named by their actors, not by a nationality (``alone``), a town or city of
    any size far away that the text names only by an alternate name or a loose spelling
    ("Janjaweed attacked Tor": an old name of Slovyansk; "SAF bombed Lill"), or one the text
    calls a village ("the village of Al-Reka": not Rijeka, by its old name)? Two places
    of one country support each other ("... Quamishli city in al-Hasakeh")."""
    if small_town(gaz, res.row):
        return res.flag < 0 or _far(gaz, res.row, home)
    # "Sudanese air forces bomb village of Al-Reka": a city abroad read by another of its
    # names is no village the text says the forces struck at home (h17ak)
    called_village = res.mention.hint_word in VILLAGE_WORDS
    return (
        (alone or called_village)
        and int(gaz.feat[res.row]) == FEAT_PLACE
        and res.flag <= 1
        and _far(gaz, res.row, home)
    )


FAR_KM = 1500.0  # a town this far from the forces' country is no place they act in


def _far(gaz: Gazetteer, row: int, country: str) -> bool:
    """Is the place ``row`` more than ``FAR_KM`` from the point of ``country``? Forces act
    next door ("Israeli forces" in a West Bank village, Kenyan troops in Gedo), not in a
    village half a continent away that only shares a name with one at home."""
    home = gaz.country_row(country)
    if home is None:
        return False
    km = haversine_km(
        float(gaz.lat[row]), float(gaz.lon[row]), float(gaz.lat[home]), float(gaz.lon[home])
    )
    return km > FAR_KM
