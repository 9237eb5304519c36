"""An armed group that acts in several countries: which of them a report is about.

A group of ``group_countries`` (``data/gazetteer/words.yaml``: Boko Haram in Nigeria and
Cameroon's Far North, JNIM in Mali and Burkina Faso, Al Shabaab in Somalia and Kenya) shares
its one vote among its countries, home first, so that a tie goes home. A report that names
such a group and a place only a country where it operates (not its home) can be in — even a
weak reading: a loose spelling or an alternate name of a small town — is about that country
("Boko Haram attacked Kolofata": a Cameroonian village, no Nigerian reading). ``lean`` then
gives the group's whole vote to that country, so that the place's weak reading is no longer
the only evidence for it. Nothing changes when the home country has a reading too, or when
readings lie in two of its other countries.
"""

from __future__ import annotations

from collections import Counter

from eventwire.datafiles import word_table
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.toponyms import Mention

GROUP_COUNTRIES: dict[str, tuple[str, ...]] = word_table("gazetteer", "group_countries")


def _groups(text: str, spans: list[tuple[int, int]], actors: ActorDictionary) -> list[str]:
    """Ids of the cross-border groups named in ``spans`` (once each, text order)."""
    out: list[str] = []
    for start, end in spans:
        entry = actors.lookup(text[start:end])
        if entry is not None and entry.id in GROUP_COUNTRIES and entry.id not in out:
            out.append(entry.id)
    return out


def lean(
    text: str,
    spans: list[tuple[int, int]],
    actors: ActorDictionary | None,
    gaz: Gazetteer,
    mentions: list[Mention],
    votes: Counter[str],
) -> None:
    """Move a cross-border group's shared vote (in ``votes``) to the one country of its
    others that the report's places can lie in, when its home is not one of them."""
    if actors is None or not spans or not mentions:
        return
    groups = _groups(text, spans, actors)
    if not groups:
        return
    readings = {gaz.country_code(c.index) for m in mentions for c in gaz.lookup(m.text)}
    for gid in groups:
        entry = actors.by_id[gid]
        home = entry.country
        if not home or home in readings:
            continue
        shared = [home, *(cc for cc in GROUP_COUNTRIES[gid] if cc != home)]
        hits = [cc for cc in shared[1:] if cc in readings]
        if len(hits) != 1:
            continue
        share = 1.0 / len(shared)  # what _vote_for_actor gave each (an armed group's 1.0)
        if any(votes.get(cc, 0.0) < share - 1e-9 for cc in shared):
            continue  # the group gave no vote (an external force): nothing to move
        for cc in shared:
            votes[cc] -= share  # type: ignore[assignment]  # float weights in a Counter
        votes[hits[0]] += 1.0  # type: ignore[assignment]  # float weights in a Counter
        for cc in shared:
            if votes[cc] <= 1e-9:
                del votes[cc]
