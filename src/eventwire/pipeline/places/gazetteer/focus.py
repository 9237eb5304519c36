"""The focus country of a text: the votes of its places, actors and demonyms, and which
weak readings the rest of the text does not support.

``focus_votes`` sums the evidence for each country; ``drop_unsupported`` rejects loose
spellings and alternate names of small places that are the only evidence for their
country ("Deribat" ~ Tartu: a Darfur village the gazetteer lacks); ``actors_hold`` keeps
the country of a group that acts at home against a name only a small town abroad answers
to ("SPLA-IO ... in Kaka").
"""

from __future__ import annotations

import math
from collections import Counter

from eventwire.pipeline.places.gazetteer.checks import Resolution, compatible
from eventwire.pipeline.places.gazetteer.common_areas import KIND_VOTE, kind_word_vote
from eventwire.pipeline.places.gazetteer.cues import demonym_votes
from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold, strip_article
from eventwire.pipeline.places.gazetteer.table import (
    FEAT_ADMIN1,
    FEAT_COUNTRY,
    FEAT_PLACE,
)
from eventwire.pipeline.places.gazetteer.toponyms import PLACE_LABELS, Mention

LOOSE_VOTE = 0.5
ACTOR_WEIGHT = 1.0  # a named armed group or leader votes for its country
ADMIN1_VOTE = 1.0  # a province named as the area of a place votes for its country


def placed_mention(m: Mention) -> bool:
    """Does the text itself present the mention as a place (a place label, a locative
    cue, a feature word, or a link in an "X, Y" chain, as parent or child)?"""
    return bool(m.ner in PLACE_LABELS or m.cue or m.hint or m.parent is not None or m.children)


def focus_votes(
    text: str,
    gaz: Gazetteer,
    lex: Lexicon,
    mentions: list[Mention],
    cands: list[list[tuple[Candidate, float]]],
    actor_votes: Counter[str] | None = None,
) -> Counter[str]:
    """Votes for the focus country of a text (a document, or one of its paragraphs)."""
    votes: Counter[str] = Counter()
    for cc, value in (actor_votes or Counter()).items():
        votes[cc] += ACTOR_WEIGHT * value  # type: ignore[assignment]  # float weights in a Counter
    votes.update(demonym_votes(text, lex))
    where = {id(o): j for j, o in enumerate(mentions)}
    for k, (m, scored) in enumerate(zip(mentions, cands, strict=True)):
        if not scored:
            continue
        weight = 1.0 if placed_mention(m) else 0.5
        linked = [cands[j] for j, _ in related(mentions, k, where) if cands[j]]
        if linked:
            # "Hays, Al Hudaydah": only readings that fit the linked place vote
            fitting = [
                (c, s)
                for c, s in scored
                if any(
                    compatible(gaz, c.index, o.index) or compatible(gaz, o.index, c.index)
                    for other in linked
                    for o, _ in other[:15]
                )
            ]
            scored = fitting or scored
        # a loose spelling match says less about the country than a known name
        if all(c.flag < 0 for c, _ in scored):
            weight *= LOOSE_VOTE
        top = max(s for _, s in scored)
        # a big city named by its own name is better evidence than a hamlet
        best_pop = (
            max(float(gaz.pop[c.index]) for c, _ in scored if c.flag == 2)
            if any(c.flag == 2 for c, _ in scored)
            else 0.0
        )
        weight *= 1.0 + 0.5 * max(0.0, math.log10(best_pop + 1.0) - 5.0)
        mass: Counter[str] = Counter()
        for c, s in scored:
            cc = gaz.country_code(c.index)
            # the best reading per country: ten hamlets called Amara do not outvote a city
            mass[cc] = max(mass[cc], math.exp(min(s - top, 0.0) * 2.0))  # type: ignore[assignment]  # float weights in a Counter
            if int(gaz.feat[c.index]) == FEAT_COUNTRY and c.flag == 2:
                votes[gaz.country_code(c.index)] += 2.0  # type: ignore[assignment]  # float weights in a Counter
        first = scored[0][0]
        if (
            int(gaz.feat[first.index]) == FEAT_ADMIN1
            and (m.hint == "admin" or m.children)
            # an alternate name ("Extreme-Nord") only closing a chain, not in "Southwest
            # State Police"
            and (first.flag == 2 or (first.flag == 1 and m.hint == "admin" and m.children))
        ):
            # "Srimantapur (Sepahijala district, Tripura)": a province named as the area
            # of another place is nearly as good a cue as the country's name
            votes[gaz.country_code(first.index)] += ADMIN1_VOTE  # type: ignore[assignment]  # float weights in a Counter
        elif (own := kind_word_vote(gaz, m, [c for c, _ in scored])) is not None:
            votes[own] += KIND_VOTE  # type: ignore[assignment]  # float weights in a Counter
        total = sum(mass.values())
        for cc, value in mass.items():
            votes[cc] += weight * value / total  # type: ignore[assignment]  # float weights in a Counter
    return votes


LOOSE_SUPPORT = 0.5  # what a country needs beside weak readings to hold one
WEAK_LOOSE_POP = 40_000  # a loose spelling of a smaller place is weak evidence
WEAK_ALT_POP = 10_000  # and so is an alternate name of a smaller place


def weak(gaz: Gazetteer, c: Candidate, text: str) -> bool:
    """A reading that says little about the country on its own: a loose spelling of a
    town that does not even share its first letter ("Korofala" ~ Caerphilly), or an
    alternate name of a small place ("Keira" ~ Keila). A loose spelling of a city
    ("Neqemte", "Kabkabiya") or one close to the name ("Majdel Aanjar") is evidence."""
    pop = int(gaz.pop[c.index])
    if c.flag < 0:
        head = strip_article(fold(text))[:1]
        return pop < WEAK_LOOSE_POP and head != strip_article(fold(gaz.name(c.index)))[:1]
    return c.flag == 1 and pop < WEAK_ALT_POP


def drop_unsupported(
    text: str,
    gaz: Gazetteer,
    lex: Lexicon,
    mentions: list[Mention],
    cands: list[list[tuple[Candidate, float]]],
    out: list[Resolution | None],
    focus: str | None,
    actor_votes: Counter[str] | None,
) -> str | None:
    """Reject weak readings ("Korofala" ~ Caerphilly, "Kalma" ~ Calmar) whose country
    nothing else in the text names (a village the gazetteer lacks, spelt like one abroad);
    return the focus, or None when only such readings named it."""
    if not any(r is not None and weak(gaz, Candidate(r.row, r.flag), r.mention.text) for r in out):
        return focus
    strict = [
        [(c, s) for c, s in sc if not weak(gaz, c, m.text)]
        for m, sc in zip(mentions, cands, strict=True)
    ]
    support = focus_votes(text, gaz, lex, mentions, strict, actor_votes)
    for res, scored in zip(out, cands, strict=True):
        if res is None or not weak(gaz, Candidate(res.row, res.flag), res.mention.text):
            continue
        if sole_layer_alias(gaz, res.row, res.flag, scored):
            continue
        if support.get(gaz.country_code(res.row), 0.0) < LOOSE_SUPPORT:
            res.accepted = False
    if focus is not None and support.get(focus, 0.0) < LOOSE_SUPPORT:
        return None  # the report's country was only a weak reading's
    return focus


def sole_layer_alias(
    gaz: Gazetteer, row: int, flag: int, scored: list[tuple[Candidate, float]]
) -> bool:
    """Is ``row`` an alternate name of an added-layer village that no other entry answers
    to but by a loose spelling ("in Um Haraz": Umm Haraz, "in Kereinik": Al Kuraynik)?
    Such a name is no coincidental alias of a place abroad ("Keira" ~ Keila, while Darfur
    villages are called Keira): the files the user added hold only that place."""
    return (
        flag == 1 and row >= gaz.base_rows and all(c.index == row or c.flag < 0 for c, _ in scored)
    )


ACTOR_HOLD = 1.0  # a whole armed group's vote (or two state forces) for one country
HOLD_MAX_POP = 100_000


def small_town(gaz: Gazetteer, row: int) -> bool:
    """Is ``row`` a populated place of under ``HOLD_MAX_POP`` people (not a city, a
    district, a province or a country)?"""
    return int(gaz.feat[row]) == FEAT_PLACE and int(gaz.pop[row]) < HOLD_MAX_POP


def actors_hold(
    gaz: Gazetteer, focus: str, placed: list[Candidate], actor_votes: Counter[str] | None
) -> bool:
    """Do the named actors keep the focus although no place named reads in that country?

    A group that acts at home ("SPLA-IO", "RSF", "Janjaweed") names its country better than
    a name that only a small town abroad answers to ("clashes with SPLA-IO in Kaka": a South
    Sudanese village the gazetteer lacks, not Kaka in Turkmenistan). A city of 100,000, a
    district ("Mansila (Mansila, Yagha)"), a province or a country named outweighs them."""
    if not actor_votes or actor_votes.get(focus, 0.0) < ACTOR_HOLD:
        return False
    return all(small_town(gaz, c.index) for c in placed)


def related(mentions: list[Mention], k: int, where: dict[int, int]) -> list[tuple[int, bool]]:
    """(index, is_parent) of the mentions linked to mention k by a hierarchy (``where``:
    a mention's ``id()`` to its index)."""
    m = mentions[k]
    out = [(where[id(m.parent)], True)] if m.parent is not None and id(m.parent) in where else []
    out.extend((where[id(ch)], False) for ch in m.children if id(ch) in where)
    return out


SOLE_VOTE = 1.0  # a country with less than this is named by one mention at most


def lone_homonym(
    gaz: Gazetteer,
    row: int,
    scored: list[tuple[Candidate, float]],
    votes: Counter[str],
    focus: str | None,
) -> bool:
    """Is ``row`` a small town abroad chosen only because the report's own country has no
    place of that name ("farmers of Kaka ... in Upper Nile state": a South Sudanese
    village, not Kaka in Turkmenistan)? Nothing else may name its country, and a city of
    100,000 named abroad stays."""
    cc = gaz.country_code(row)
    return (
        small_town(gaz, row)
        and votes.get(cc, 0.0) < SOLE_VOTE
        and not any(gaz.country_code(c.index) == focus for c, _ in scored)
    )
