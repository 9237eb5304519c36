"""Other names of places abroad that the text's named groups outweigh.

A village the gazetteer lacks is often spelt like a place abroad that answers to the name
only by an alternate name or a loose spelling ("RSF members beat a driver in Yathrib
district": Medina's old name; "Rizaygat fighters attacked Talha": Talkha in Egypt).
``focus.drop_unsupported`` rejects such readings when they are small; a city's other name
is kept there, as it may well be meant. It is not meant when the text's named groups stand
for another country and nothing but that reading stands for the city's country:
``rival_strangers`` names those mentions, and ``resolve`` settles the text again without
them.
"""

from __future__ import annotations

from collections import Counter

from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.focus import focus_votes, sole_layer_alias
from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold, strip_article
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import Mention

OWN_SUPPORT = 0.5  # what the reading's country needs from the rest of the text to stay
RIVAL_SUPPORT = 0.5  # what another country needs from it to displace the reading
FAR_KM = 1000.0  # a reading this far from the groups' country's point is no border town


def rival_strangers(
    text: str,
    gaz: Gazetteer,
    lex: Lexicon,
    mentions: list[Mention],
    cands: list[list[tuple[Candidate, float]]],
    out: list[Resolution | None],
    actor_votes: Counter[str] | None,
) -> list[int]:
    """The mentions read by an alternate name or a loose spelling (not their main name,
    with or without its article: ``main_name``) in a country that nothing else in the
    text supports, while the named groups of the text (``actor_votes``: armed groups,
    militias, parties that act in one country) give another country at least
    ``RIVAL_SUPPORT``. Nationality words and the other places do not displace a reading
    ("Russian workers" of a company abroad; another village's loose reading abroad), they
    only keep one. A reading near the groups' country (``_far``) stays."""
    found = []
    for k, res in enumerate(out):
        if res is None or not res.accepted or main_name(gaz, res):
            continue
        if int(gaz.feat[res.row]) == FEAT_COUNTRY or sole_layer_alias(
            gaz, res.row, res.flag, cands[k]
        ):
            continue
        rest = [[] if j == k else sc for j, sc in enumerate(cands)]
        votes = focus_votes(text, gaz, lex, mentions, rest, actor_votes)
        own = gaz.country_code(res.row)
        if votes.get(own, 0.0) >= OWN_SUPPORT or not votes:
            continue
        groups = Counter(actor_votes or {})
        if not groups:
            continue
        leader, value = groups.most_common(1)[0]
        if leader != own and value >= RIVAL_SUPPORT and _far(gaz, res.row, leader):
            found.append(k)
    return found


def _far(gaz: Gazetteer, row: int, cc: str) -> bool:
    """Does ``row`` lie more than ``FAR_KM`` from the point of country ``cc``? A group of
    one country raids, flees and fights across its borders, so a town of a neighbour may be
    meant; a namesake in a distant country is a village the gazetteer lacks."""
    home = gaz.country_row(cc)
    return home is not None and gaz.distance_km(row, home) > FAR_KM


def main_name(gaz: Gazetteer, res: Resolution) -> bool:
    """Is ``res`` read by its entry's main name, its article and hyphens aside ("Damazin"
    is Ad-Damazin's own name; "Al Hara" is no name of Zawiya's but another one)?"""
    if res.flag >= 2:
        return True
    return _bare(res.mention.text) == _bare(gaz.name(res.row))


def _bare(name: str) -> str:
    """A name folded, hyphens read as spaces, its leading article removed."""
    return strip_article(" ".join(fold(name).replace("-", " ").split()))
