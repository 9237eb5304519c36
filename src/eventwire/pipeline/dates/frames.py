"""The opening day of a record dated at its event: the day its note is written against.

A coded event record (``published_source == EVENT_DATED``: an ACLED note) opens with the
day of the event it codes, a coder's label or a hedge at most before it ("On 28 September
2020, students protested …", "Non-violent activity: On 3 October 2025, …", "04 February.
…", "Around 24 April 2024 (as reported), …"). The other days its opening sentence tells
are the background the coder gives: what a protest is about ("criticizing the handling of
a death in detention in November 2019", "calling for accountability for the killings on 8
December 2014"), the days of what led to it ("arrived between 16 March and 1 April,
following clashes"), the protest a grievance goes back to ("after they were shot during a
protest on 31 May"). So the opening day dates every event of that sentence. The later
sentences keep their own days: there the coder tells earlier deeds on their days ("The
group had abducted the victims on 27 August"), which the incidents and casualties stages
must keep apart from the coded event.

Not a frame: a span ("Between 26 May and 3 June", "Weekend of 02-03 March": the span's
own rules date it), a month or a year, a weekday or a word that counts from the telling
("On Thursday", "yesterday": :mod:`~eventwire.pipeline.dates.deictic` pins those), a day
told after more than a few words, and the day a report was made ("Reported on 17 October
2019, police had arrested …", "Reported 24 March 2019 as happening between …").
"""

from __future__ import annotations

import re

from eventwire.pipeline.dates.timex import Timex
from eventwire.records import EVENT_DATED, Document, When

__all__ = [
    "MULTI_DAY_SPAN",
    "STATED_DAY",
    "copy_when",
    "first_day_of_stated_span",
    "note_frame",
    "paragraph_frame",
    "vague_period",
]

# a coder's label before the note's text: "Non-violent activity:", "Movement of forces:"
CODER_LABEL = re.compile(r"^\s*[A-Z][\w /-]{0,40}:\s*")
LEAD_WORDS = 3  # at most this many words before a framing day ("Two days later, on")
MULTI_DAY_SPAN = 14  # a stated span of days up to this long dates its event on the first day
STATED_DAY = re.compile(r"(?<![0-9])(?:[0-2]?[0-9]|3[01])(?:st|nd|rd|th)?(?![0-9])")
NIGHT_OF = re.compile(r"\bnight\s+of\s+(?:the\s+)?$", re.I)


def note_frame(
    doc: Document, found: list[Timex] | None, reporting_lemmas: frozenset[str]
) -> Timex | None:
    """The stated day a record dated at its event opens with (``found``: the expressions
    of its first sentence), or ``None``: it dates the events of that first sentence."""
    if doc.published_source != EVENT_DATED or not found or not doc.sentences:
        return None
    first = found[0]
    if first.kind in ("relative", "range") or first.when.precision != "day":
        return None
    lead = CODER_LABEL.sub("", doc.text[doc.sentences[0].start : first.start])
    words = re.findall(r"[A-Za-z]+", lead)
    if len(words) > LEAD_WORDS:
        return None
    parse = doc.parses.get(0)
    told = [t for t in parse or () if t.idx < first.start - doc.sentences[0].start]
    if any(str(t.lemma_).lower() in reporting_lemmas for t in told):
        return None
    return first


def copy_when(when: When, precision: str | None = None) -> When:
    """A copy of ``when``, with another precision if given."""
    return When(
        text=when.text,
        start=when.start,
        end=when.end,
        precision=precision or when.precision,
        recurring=when.recurring,
        span_start=when.span_start,
        span_end=when.span_end,
    )


def first_day_of_stated_span(timex: Timex, text: str = "", max_days: int = MULTI_DAY_SPAN) -> When:
    """The date an event takes from a stated span of days ("over 6-7 March", "between 9-13
    Aug", "on 12 and 17 August"): its first day, as ACLED and GTD code a multi-day event on
    the day it began. The night of two days ("on the night of 24-25 July") is the night
    that ends on the second, as "overnight into Saturday" is Saturday. A span longer than
    ``max_days``, and the periods counted back from publication ("the past week",
    "recently", "last month"), stay ranges. ``text`` is the document's text."""
    when = timex.when
    if (
        timex.kind != "range"
        or when.start is None
        or when.end is None
        or not STATED_DAY.search(timex.text)
        or (when.end - when.start).days > max_days
    ):
        return copy_when(when)
    day = copy_when(when, "day")
    night = NIGHT_OF.search(text[max(0, timex.start - 20) : timex.start])
    if night is not None and (when.end - when.start).days == 1:
        day.start = day.end
    else:
        day.end = day.start
    return day


def vague_period(timex: Timex) -> bool:
    """A period that names no day ("recently", "the past week", "in recent months"): it
    tells the background of a sentence, not the date of an event told after it."""
    return timex.when.precision == "range" and not STATED_DAY.search(timex.text)


def paragraph_frame(
    doc: Document, earlier: list[int], timexes: dict[int, list[Timex]]
) -> When | None:
    """The date that frames the narration of a paragraph: the nearest earlier sentence
    that opens with a date ("On 3 May 2020, …", "04 February. …", "Around 15 November
    2020 (month of), …"). Later sentences tell that day's event on; dates they mention
    inside ("repeated for Nov 15, Nov 30 …", "clashes that began on 2 May") are
    background, so an event told with no date of its own takes the frame's."""
    for i in earlier:
        found = timexes.get(i)
        if not found:
            continue
        first = found[0]
        lead = doc.text[doc.sentences[i].start : first.start]
        if len(lead.split()) <= LEAD_WORDS and not vague_period(first):
            return first_day_of_stated_span(first, doc.text)
    return None
