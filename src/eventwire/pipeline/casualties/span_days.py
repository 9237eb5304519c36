"""A toll told for a stated span of days: "130 people were killed between June 21-22",
"fighting … on 3-4 May left at least 40 dead", "three fatalities between
11-13 August".

ACLED codes a fight of several days as one row a day and gives each row its part of the
toll, as :func:`~eventwire.pipeline.casualties.shares.share_over_days` does for "over two
days of fighting"; here the days are named by their dates. The span must sit in the
sentence that tells the dead, after its opening words: a span that opens a note
("Between 05-09 April. Two soldiers were killed …") frames an uncertain day, as does the
coder's bracket after "Around 13 June (between 11 - 15 June)", and the row then keeps the
whole toll. Spans of two to seven days only (a longer stretch is a campaign's total).
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.shares import NOTE_KINDS
from eventwire.pipeline.casualties.toll_notes import Mention
from eventwire.pipeline.common.regexgate import gated_search
from eventwire.records import Sentence

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_TO = r"\s*(?:-|–|to)\s*"
_ORD = r"(?:st|nd|rd|th)?"
# "between June 21-22", "over 6-7 March", "between Dec.11-12", "from 3 to 5 May"; never
# inside a bracket ("(between 11 - 15 June)")
STATED_SPAN = re.compile(
    r"(?<![(\[])\b(?:over|between|from|during)\s+(?:the\s+)?"
    rf"(?:(?P<m1>[A-Z][a-z]{{2,8}})\.?\s*(?P<a1>[0-9]{{1,2}}){_ORD}{_TO}(?P<b1>[0-9]{{1,2}}){_ORD}\b"
    rf"|(?P<a2>[0-9]{{1,2}}){_ORD}{_TO}(?P<b2>[0-9]{{1,2}}){_ORD}\s+(?:of\s+)?"
    r"(?P<m2>[A-Z][a-z]{2,8})\b)"
)
LEAD_WORDS = 3  # a span within a sentence's first words frames it ("Between 9-13 Aug, …")
MIN_DAYS, MAX_DAYS = 2, 7


def stated_days(text: str) -> tuple[int, int, str] | None:
    """``(days, offset, words)`` of the first stated span of two to seven days in
    ``text``."""
    found = gated_search(STATED_SPAN, text)
    if found is None:
        return None
    month = (found.group("m1") or found.group("m2") or "").lower()
    if month[:3] not in _MONTHS:
        return None
    first = int(found.group("a1") or found.group("a2"))
    last = int(found.group("b1") or found.group("b2"))
    days = last - first + 1
    if not MIN_DAYS <= days <= MAX_DAYS:
        return None
    return days, found.start(), found.group(0)


def share_over_span(mentions: list[Mention], sentences: list[Sentence]) -> None:
    """Share an incident's toll among the days of a span its dead are told over (a
    ``split`` mention, as a coder's "split across N days" note). A coder's note, a
    labelled share or a split already found says it better and stops the rule."""
    if any(m.kind in NOTE_KINDS or m.label for m in mentions):
        return
    for sentence in sentences:
        span = stated_days(sentence.text)
        if span is None:
            continue
        days, offset, words = span
        if len(sentence.text[:offset].split()) < LEAD_WORDS:
            continue
        killed = [
            m
            for m in mentions
            if m.category == "killed"
            and (m.best or 0) >= days
            and sentence.start <= m.start < sentence.end
        ]
        if killed:
            start = min(m.start for m in mentions)
            mentions.append(Mention("split", days, days, days, start, start, words, kind="split"))
            return
