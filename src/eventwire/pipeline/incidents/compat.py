"""Whether two things said in one report can be about the same incident.

Each test answers for one dimension of ACLED's rule (one event per incident type, per
location, per day): the type family, the place, the date and the perpetrator. A missing
value, a document-level fallback or a publication-date fallback never separates mentions;
only two values that the report states and that disagree do.
"""

from __future__ import annotations

from datetime import date

from eventwire.records import EVENT_DATED, Actor, Document, Place, When

# Place fallbacks that the report did not state beside the event (inherited from afar).
WEAK_PLACE_FALLBACKS = frozenset({"paragraph", "document"})
# Date precisions that say nothing about the event's own day.
WEAK_DATE_PRECISIONS = frozenset({"publication", "unknown"})
_PLACE_RANK = {None: 0, "clause": 0, "sentence": 1, "paragraph": 2, "document": 3}
_DATE_RANK = {"day": 0, "week": 1, "range": 2, "month": 3, "year": 4, "publication": 5}


def stated_place(place: Place | None) -> bool:
    """Whether a place was stated by the words around the event (not a far fallback)."""
    return place is not None and place.fallback not in WEAK_PLACE_FALLBACKS


def stated_date(when: When | None) -> bool:
    """Whether a date was stated by the report (not the publication date or nothing)."""
    return (
        when is not None and when.start is not None and when.precision not in WEAK_DATE_PRECISIONS
    )


def _key(place: Place) -> str:
    return str(place.geonameid) if place.geonameid is not None else (place.name or place.text)


def inside(small: Place, large: Place) -> bool:
    """Whether ``large`` is a coarser place that holds ``small`` (its admin1 or its country)."""
    coarse = (large.precision or 0) > (small.precision or 0) or large.feature in (
        "admin1",
        "country",
    )
    if not coarse:
        return False
    if large.feature == "country" or ((large.precision or 0) >= 3 and large.admin1 is None):
        return bool(small.country and small.country == large.country)
    names = {large.name, large.text, large.admin1} - {None}
    return bool(small.admin1 and (small.admin1 in names or small.admin1 == large.admin1))


def places_compatible(one: Place | None, other: Place | None) -> bool:
    """Same place, one missing or inherited, or one inside the other's admin1 at lower precision.

    >>> kirkuk = Place("Kirkuk", name="Kirkuk", admin1="Kirkuk", country="IQ", precision=1)
    >>> province = Place("Kirkuk province", name="Kirkuk", admin1="Kirkuk", country="IQ",
    ...                  precision=3, feature="admin1")
    >>> mosul = Place("Mosul", name="Mosul", admin1="Nineveh", country="IQ", precision=1)
    >>> places_compatible(kirkuk, province), places_compatible(kirkuk, mosul)
    (True, False)
    """
    if not stated_place(one) or not stated_place(other):
        return True
    assert one is not None and other is not None
    if _key(one) == _key(other) or (one.name and one.name == other.name):
        return True
    return inside(one, other) or inside(other, one)


def dates_compatible(one: When | None, other: When | None) -> bool:
    """Overlapping date ranges, or one of them only the publication date (or missing).

    >>> day = When("Friday", date(2021, 3, 12), date(2021, 3, 12), "day")
    >>> month = When("March", date(2021, 3, 1), date(2021, 3, 31), "month")
    >>> other = When("Thursday", date(2021, 3, 11), date(2021, 3, 11), "day")
    >>> dates_compatible(day, month), dates_compatible(day, other)
    (True, False)
    """
    if not stated_date(one) or not stated_date(other):
        return True
    assert one is not None and other is not None and one.start and other.start
    one_end = one.end or one.start
    other_end = other.end or other.start
    return one.start <= other_end and other.start <= one_end


def named(actor: Actor | None) -> bool:
    """Whether an actor is a named perpetrator: coded by the dictionary, not Unidentified."""
    if actor is None or not actor.text.strip() or actor.name is None:
        return False
    return not actor.name.startswith("Unidentified") and actor.resolved_by != "inferred"


def actors_conflict(
    actor: Actor | None, other: tuple[Actor | None, Actor | None], strong: frozenset[str]
) -> bool:
    """Whether a perpetrator is neither side of another mention, both coded by name.

    ``other`` is the (actor1, actor2) of the other mention: in a fight told twice either side
    may be the subject ("rebels ambushed troops", "troops returned fire"). Only names the
    dictionary gave (``strong`` codings) count; "the insurgents" read from context does not.
    """
    if not named(actor) or actor is None or actor.resolved_by not in strong or actor.claimed:
        return False
    sides = [a for a in other if named(a) and a is not None and a.resolved_by in strong]
    if not sides or (other[0] is not None and other[0] not in sides):
        return False
    return all(a.name != actor.name for a in sides)


def place_rank(place: Place | None, order: int) -> tuple[int, int, int]:
    """Sort key of the most specific place: stated before inherited, town before province."""
    if place is None:
        return (9, 9, order)
    return (_PLACE_RANK.get(place.fallback, 2), place.precision or 4, order)


def date_rank(when: When | None, order: int) -> tuple[int, int, int]:
    """Sort key of the most specific date: a day before a week, a month, a year."""
    if when is None or when.start is None:
        return (9, 0, order)
    span = ((when.end or when.start) - when.start).days
    return (_DATE_RANK.get(when.precision, 6), span, order)


def ends_before(when: When | None, limit: date) -> bool:
    """Whether a stated date ends before ``limit`` (the background test)."""
    if not stated_date(when):
        return False
    assert when is not None and when.start is not None
    return (when.end or when.start) < limit


def coarse_place(place: Place | None) -> bool:
    """Whether a place is a province or a country (the lead's "in Borno state")."""
    return place is not None and (
        place.feature in ("admin1", "country") or (place.precision or 0) >= 3
    )


def span_days(when: When | None) -> int:
    """How many days a stated date spans (0 for one day or no stated date)."""
    if not stated_date(when):
        return 0
    assert when is not None and when.start is not None
    return ((when.end or when.start) - when.start).days


def record_day(doc: Document) -> date | None:
    """The date of a record dated at its event (an ACLED note, ``EVENT_DATED``), or None."""
    return doc.published if doc.published_source == EVENT_DATED else None


def after_day(when: When | None, day: date | None) -> bool:
    """Whether a stated date begins after ``day``."""
    return (
        day is not None
        and stated_date(when)
        and when is not None
        and when.start is not None
        and when.start > day
    )


def later_deed(doc: Document, when: When | None) -> bool:
    """Whether a stated day falls after the date of a record dated at its event: "later
    died on Feb 23", "was rescued on 20 Feb" tell what followed the event the record
    codes, never that event."""
    return after_day(when, record_day(doc))
