"""What a mention states for itself: its own place and day, a total, a later death.

The grouping (:mod:`.group`) compares only what mentions state themselves: a place or a day
inherited from another sentence, the day a source spoke ("police said on Monday"), or the
day and place of a death after the incident ("a wounded soldier died in hospital in Saravena
on Friday") neither separate a mention from an incident nor date it.
"""

from __future__ import annotations

import re
from datetime import timedelta

from eventwire.pipeline.common.regexgate import gated_search
from eventwire.pipeline.incidents.compat import (
    coarse_place,
    ends_before,
    later_deed,
    stated_date,
    stated_place,
)
from eventwire.pipeline.incidents.cues import IncidentCues
from eventwire.pipeline.incidents.items import DEFERRED, Item
from eventwire.records import Document, Event

# Around an anaphor ("the attack in Mosul on Friday"), how far its own place/date may lie.
_WINDOW_BEFORE, _WINDOW_AFTER = 25, 60
# A reporting verb between the trigger and a place: the place is the source's.
_ATTRIBUTION = re.compile(r"(?<![\w-])(?:said|says|told|reported|announced|stated)(?![\w-])", re.I)


def frame(event: Event) -> str:
    """The frame of the events stage's rule ("kill" of "kill:assassinate|…")."""
    return (event.rule or "").split(":", 1)[0]


def _in_window(start: int, end: int, after: int, trigger_end: int) -> bool:
    """Whether a span lies between ``after`` and a little after the trigger."""
    return start >= after and end <= trigger_end + _WINDOW_AFTER


def _at_treatment(cues: IncidentCues, event: Event, text: str, base: int) -> bool:
    """Whether the mention's place is where victims were treated or died ("died at a hospital
    in Mogadishu", "taken to Baquba hospital")."""
    place = event.location
    if place is None or not 0 <= place.start - base < len(text):
        return False
    return cues.at_treatment_place(text, place.start - base) or cues.before_treatment_word(
        text, place.end - base
    )


def own_place_and_date(
    cues: IncidentCues,
    recall_days: int,
    item: Item,
    doc: Document,
    sentence: tuple[str, int],
    span: tuple[int, int],
) -> None:
    """Whether the mention's place and date are its own, the day a source spoke, or a day
    a week or more before publication."""
    (text, base), event, kind, (start, end) = sentence, item.event, item.kind, span
    place, when = event.location, event.date
    # a date said in another sentence (the dateline's, the lead's) is inherited, not stated
    item.own_date = when is None or 0 <= when.span_start - base < len(text)
    # "…, police said on Monday": the day of the report, not of the incident
    item.reported_date = (
        when is not None
        and 0 <= when.span_start - base < len(text)
        and cues.is_reporting_date(text, when.span_start - base)
    )
    if item.anaphor or kind in DEFERRED:
        # "the attack in Mosul on Friday" states its own place and date; in "arrested on
        # Saturday in connection with the bombing" the date is the arrest's
        after = start if kind in DEFERRED else start - _WINDOW_BEFORE
        item.own_place = place is None or _in_window(
            place.start - base, place.end - base, after, end
        )
        item.own_date = (
            item.own_date
            and kind not in DEFERRED
            and (
                when is None or _in_window(when.span_start - base, when.span_end - base, after, end)
            )
        )
    later = cues.tells_later_death(text)
    if (kind == "consequence" or later) and _at_treatment(cues, event, text, base):
        item.own_place = False  # "died at a hospital in Mogadishu": where they died
    if later:
        # "a wounded soldier died in hospital on Friday", "the toll rose to 23 on Monday":
        # the day of the death or of the update, read as a consequence of the incident
        item.own_date = False
    speaker = event.attribution.speaker if event.attribution else None
    if place is not None and speaker and (place.text or "") in speaker:
        item.own_place = False  # "…, police spokesman Abdifatah Aden said": a name
    if place is not None and _ATTRIBUTION.search(text[max(0, end) : max(0, place.start - base)]):
        # "…, the governor said in a statement carried by the news agency Saba": where the
        # source spoke or published, not where the incident happened
        item.own_place = False
    # "Earlier this month, fighting broke out…": recalled, unless it states its own day
    item.recall_cue = gated_search(cues.recall, text) is not None and not (
        item.own_date and when is not None and when.precision == "day"
    )
    item.recalled = bool(
        item.own_date
        and not item.reported_date
        and doc.published is not None
        and when is not None
        and (
            ends_before(when, doc.published - timedelta(days=recall_days - 1))
            or later_deed(doc, when)
        )
    )


def standing(cues: IncidentCues, item: Item, text: str, start: int) -> None:
    """Whether the mention looks back, states a place or a day, or is a total."""
    event, place, when = item.event, item.event.location, item.event.date
    reported = item.reported_date
    item.retrospective = cues.is_retrospective(text)
    item.retold = cues.retells(text, start)
    # a town or a province ACLED can place an event at; a country alone is not enough
    item.placed = stated_place(place) and place is not None and place.feature != "country"
    item.anchored = (stated_place(place) and not coarse_place(place)) or bool(
        item.own_date and not reported and stated_date(when)
    )
    # a count of the dead over a period: "hundreds have been killed this year"
    counted = frame(event) in cues.consequence_frames or (
        event.fatalities is not None and event.fatalities.best is not None
    )
    # a count told with no day of its own (or only the day a source spoke)
    inherited = when is not None and when.span_start >= 0 and not item.own_date
    undated = reported or inherited or when is None or when.precision not in ("day", "week")
    typed = event.acled_event_type is not None
    item.in_total = cues.is_aggregate(text)
    item.aggregate = (
        (counted and not item.anaphor and typed and item.in_total and undated)
        # the name of the period of a total: "killed since the start of the protests"
        or (typed and cues.names_period(text, start))
        # a series over time: "has kept up a campaign of bombings"
        or (typed and undated and cues.in_series(text, start))
        # a state over a period: "has been under a blockade for more than two years"
        or (
            event.acled_event_type == "Strategic developments"
            and undated
            and cues.is_durative(text)
        )
    )
