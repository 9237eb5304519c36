"""A toll update that names its incident: "the death toll from Friday's attack on X has risen".

An ambiguous violent word ("attack", "assault", "raid") needs conflict cues to report an
act (a verbal attack is none). A sentence that updates a death toll names the act whose
dead it counts; when it names that act by its day ("Friday's attack", resolved from the
report's own date) and its place ("on Titao"), it reports the incident, so the update can
join the incident the other outlets told and bring it the latest toll (issue 18). A bare
"the attack" names an act told before in the report: no event of its own.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

_TOLL_NOUNS: frozenset[str] = words("lexicon", "toll_update_nouns")
_TOLL_PREPS: frozenset[str] = words("lexicon", "toll_update_prepositions")
_RISING: frozenset[str] = words("lexicon", "toll_update_verbs")
_DAYS: frozenset[str] = words("lexicon", "toll_update_days")
_PLACE_PREPS: frozenset[str] = words("lexicon", "toll_update_place_prepositions")
_DAY_PARTS: frozenset[str] = words("lexicon", "toll_update_day_parts")
_SPANS: frozenset[str] = words("lexicon", "toll_update_spans")
_MONTHS: frozenset[str] = words("lexicon", "toll_update_months")


def dated_toll_update(head: Any) -> bool:
    """``head`` (the act's noun) is the act a rising death toll counts, named by its day
    and its place: "the death toll from Sunday's raid on Koro has climbed to 31"."""
    prep = head.head
    if head.pos_ != "NOUN" or head.dep_ != "pobj" or prep.lower_ not in _TOLL_PREPS:
        return False
    toll = prep.head
    if toll.lemma_.lower() not in _TOLL_NOUNS or toll.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if toll.head.lemma_.lower() not in _RISING:
        return False
    return _named_day(head) and _named_place(head)


def _named_day(head: Any) -> bool:
    """ "Friday's attack", "yesterday's raid": a possessive day; "Friday night's attack": a
    possessive part of a day; "last week's raid": a possessive span the word "last" makes
    the one before the report; "the June 12 attack": a month with its day's number."""
    return any(_possessive_day(c) or _dated(c) for c in head.children)


def _possessive_day(c: Any) -> bool:
    if c.dep_ != "poss":
        return False
    if c.lower_ in _DAYS:
        return True
    if c.lower_ in _DAY_PARTS:
        return any(g.lower_ in _DAYS for g in c.children)
    return c.lower_ in _SPANS and any(g.lower_ == "last" for g in c.children)


def _dated(c: Any) -> bool:
    """ "the June 12 attack": a month before the act's noun with a number beside it."""
    if c.lower_ not in _MONTHS or c.i > c.head.i:
        return False
    return any(g.like_num for g in c.children) or c.nbor(1).like_num


def _named_place(head: Any) -> bool:
    """ "attack on Titao", "raid near Koro": a proper noun a place preposition governs."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in _PLACE_PREPS
        and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
        for c in head.children
    )
