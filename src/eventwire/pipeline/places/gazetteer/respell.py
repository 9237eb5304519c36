"""Other spellings of a name in the report's country.

A name is looked up by its exact keys first, and its other transliterations
(``normalize.spellings``) are tried only when no key matches at all. In a report from
Iraq, "Shorah" matches an Afghan village exactly and "Ayn al-Jahsh" a Syrian one, so the
Iraqi Shurah and Ayn Jahsh, one spelling away, were never candidates, and the event fell
back to the province. Here, once the document's votes name its likeliest country, a
mention none of whose readings lies in that country also takes the readings of its other
spellings there (as loose matches, of no more words than the entry's name, as any loose
match: the exact homonym abroad still wins where the country is not clear).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN1, FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.pipeline.places.gazetteer.trim import same_shape

Scorer = Callable[[Gazetteer, Mention, Candidate], float]


def add_local_spellings(
    gaz: Gazetteer,
    mentions: list[Mention],
    cands: list[list[tuple[Candidate, float]]],
    votes: Counter[str],
    score: Scorer,
) -> None:
    """Add, in place, to each mention with no reading in the best-voted country (and in
    the province its parent names, if it names one) the readings there of its other
    spellings (scored by ``score``)."""
    if not votes:
        return
    lead = votes.most_common(1)[0][0]
    where = {id(m): k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):
        scored = cands[k]
        if not scored or any(int(gaz.feat[c.index]) == FEAT_COUNTRY for c, _ in scored):
            continue
        areas = _named_areas(gaz, m, cands, where, lead)
        if any(_fits(gaz, c.index, lead, areas) for c, _ in scored):
            continue
        local = [
            c
            for c in gaz.spelt(m.text)
            if _fits(gaz, c.index, lead, areas) and same_shape(gaz, m.text, c)
        ]
        if local:
            added = [(c, score(gaz, m, c)) for c in local]
            cands[k] = sorted(scored + added, key=lambda x: -x[1])


def _named_areas(
    gaz: Gazetteer,
    m: Mention,
    cands: list[list[tuple[Candidate, float]]],
    where: dict[int, int],
    lead: str,
) -> set[int]:
    """The provinces of the lead country that the mention's parent may be ("Albu Hayah,
    Anbar": Anbar's row), empty when it names none."""
    if m.parent is None or id(m.parent) not in where:
        return set()
    return {
        c.index
        for c, _ in cands[where[id(m.parent)]]
        if int(gaz.feat[c.index]) == FEAT_ADMIN1 and gaz.country_code(c.index) == lead
    }


def _fits(gaz: Gazetteer, row: int, lead: str, areas: set[int]) -> bool:
    """Is a row in the lead country, and in one of the named provinces if any?"""
    return gaz.country_code(row) == lead and (not areas or int(gaz.adm1[row]) in areas)
