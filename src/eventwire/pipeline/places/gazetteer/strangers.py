"""Other names of places abroad that another country's evidence outweighs.

A village the gazetteer lacks is often spelt like a place abroad that answers to the name
only by an alternate name or a loose spelling ("Sudanese air forces bomb the village of
Al-Reka": Rijeka's old name; "RSF members beat a driver in Yathrib district": Medina's old
name). ``focus.drop_unsupported`` rejects such readings when they are small; a city's other
name is kept there, as it may well be meant. It is not meant when the rest of the text
(its actors, nationality words and other places) stands for another country and nothing
but that reading stands for the city's: ``rival_strangers`` names those mentions, and
``resolve`` settles the text again without them.
"""

from __future__ import annotations

from collections import Counter

from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.focus import focus_votes, sole_layer_alias
from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import Mention

OWN_SUPPORT = 0.5  # what the reading's country needs from the rest of the text to stay
RIVAL_SUPPORT = 0.5  # what another country needs from it to displace the reading


def rival_strangers(
    text: str,
    gaz: Gazetteer,
    lex: Lexicon,
    mentions: list[Mention],
    cands: list[list[tuple[Candidate, float]]],
    out: list[Resolution | None],
    actor_votes: Counter[str] | None,
) -> list[int]:
    """The mentions read by an alternate name or a loose spelling (not their main name) in
    a country that nothing else in the text supports, while another country leads the
    rest of the text's evidence with at least ``RIVAL_SUPPORT``."""
    found = []
    for k, res in enumerate(out):
        if res is None or not res.accepted or res.flag >= 2:
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
        leader, value = votes.most_common(1)[0]
        if leader != own and value >= RIVAL_SUPPORT:
            found.append(k)
    return found
