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
from eventwire.records import EVENT_DATED, Document

# a coder's label before the note's text: "Non-violent activity:", "Movement of forces:"
CODER_LABEL = re.compile(r"^\s*[A-Z][\w /-]{0,40}:\s*")
LEAD_WORDS = 3  # at most this many words before the opening day ("In the night of")


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
