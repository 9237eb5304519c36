"""A coder's toll told per day or per place: "(9 coded for June 3, 8 coded for June 4)",
"(fatalities split with 3 for Ndop and one for Bali)", "(7 fatalities coded for
Tawila, 6 coded for Kutum)".

ACLED codes a multi-day or multi-place event as one row per day or place, and its note
then tells each row's share. :func:`find_labelled_shares` reads the shares of one sentence
as ``coded`` mentions, each with the day or place it is for (``Mention.label``), in the
order told; :func:`share_for` picks the share of one event: the one whose label names the
event's day or its place, else the first (ACLED's first row is the first day or place).
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities
from eventwire.pipeline.casualties.toll_notes import Mention
from eventwire.pipeline.common.regexgate import gated_search

# a note that tells shares: "coded for", "split with … for", "fatalities for"
SHARE_NOTE = re.compile(
    r"\bcoded\s+for\b|\bsplit\s+with\b|\bfatalit(?:y|ies)\s+(?:coded\s+)?for\b", re.I
)
_MONTH = r"[A-Z][a-z]{2,8}\.?"
ITEM = re.compile(
    r"(?P<q>\b[0-9]{1,4}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s+"
    r"(?:fatalit(?:y|ies)\s+|killed\s+|dead\s+)?(?:(?:were\s+)?coded\s+)?for\s+"
    rf"(?P<label>{_MONTH}\s+[0-9]{{1,2}}\b(?:,?\s+[0-9]{{4}})?"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+[0-9]{{4}})?"
    r"|[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?"
    r"|(?!(?:this|the|each|every|per)\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})",
)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def find_labelled_shares(text: str, offset: int, numbers: NumberLexicon) -> list[Mention]:
    """The per-day or per-place shares a sentence tells, in order (a share for a place only
    beside another: a note split into sentences, "40 fatalities coded for Apr. 2. 37
    fatalities for Apr. 3.", tells one day a sentence)."""
    if not gated_search(SHARE_NOTE, text):
        return []
    found = []
    for m in ITEM.finditer(text):
        q = find_quantities(m.group("q"), 0, numbers)
        if not q or q[0].vague:
            continue
        start, end = offset + m.start(), offset + m.end()
        share = Mention("killed", q[0].best, q[0].low, q[0].high, start, end, m.group(0), "coded")
        share.label = m.group("label").rstrip(".")
        found.append(share)
    if len(found) == 1 and not re.match(r"[0-9]|[A-Z][a-z]{2,8}\.?\s+[0-9]", found[0].label):
        return []  # one share for a place, alone: maybe "coded for Bentiu" of the row itself
    return found


def names_day(label: str, day: date) -> bool:
    """Whether a share's label names ``day`` ("May 24", "10 Jan. 2020", "24/05")."""
    numbers = [int(n) for n in re.findall(r"[0-9]{1,4}", label)]
    low = label.lower()
    if "/" in label and len(numbers) >= 2:
        return day.day in numbers[:2] and day.month in numbers[:2]
    month = next((i + 1 for i, m in enumerate(MONTHS) if re.search(rf"\b{m}", low)), None)
    return month == day.month and day.day in numbers


def share_for(shares: list[Mention], day: date | None, place: str | None) -> Mention:
    """The share of one event: the one labelled with its day or place, else the first."""
    for share in shares:
        if day is not None and names_day(share.label, day):
            return share
        if place and share.label.lower() in place.lower():
            return share
    return shares[0]


# a toll told for a fight of several days, with no coder's note: "12 dead over 2 days of
# fighting", "7 people were killed over three days", "clashes over three days totaling at
# least 33 dead", "in the last two days of attacks" (never "after three days of raids",
# nor "a second attack in two days")
OVER_DAYS = re.compile(
    r"(?<!attack\s)\b(?:over|during|across|in)\s+(?:the\s+)?(?:(?:last|past|first)\s+)?"
    r"(?P<n>two|three|four|five|six|seven|[2-7])\s+days\b",
    re.I,
)
NOTE_KINDS = frozenset({"coded", "coded-own", "coded-part", "split", "summary", "update"})


def share_over_days(mentions: list[Mention], text: str, numbers: NumberLexicon) -> None:
    """Share an incident's toll among the days of a fight told over several days: ACLED
    codes one row a day and gives each its part ("12 dead over 2 days of fighting": 6).
    ``text`` is the incident's text; a coder's note or a labelled share says it better and
    stops the rule."""
    found = gated_search(OVER_DAYS, text)
    if found is None or any(m.kind in NOTE_KINDS or m.label for m in mentions):
        return
    if not any(m.category == "killed" and m.best for m in mentions):
        return
    q = find_quantities(found.group("n"), 0, numbers)
    if not q or q[0].best < 2:
        return
    n = q[0].best
    start = min(m.start for m in mentions)
    mentions.append(Mention("split", n, n, n, start, start, found.group(0), kind="split"))


# a coder's note that puts the whole toll on one day: "Fatalities coded on 19 December.",
# "Fatality coded to 4 November 2019." (a sentence of its own; never "One fatality recorded
# on the 23rd", a share told with its count)
CODED_ON_DAY = re.compile(
    r"(?:^|[.;(]\s*)Fatalit(?:y|ies)\s+(?:(?:were|was|are|is)\s+)?coded\s+(?:on|to)\s+"
    rf"(?:the\s+)?(?P<label>{_MONTH}\s+[0-9]{{1,2}}\b(?:,?\s+[0-9]{{4}})?"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+[0-9]{{4}})?"
    r"|[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?)",
)


def coded_on_another_day(text: str, day: date | None) -> bool:
    """Whether a coder's note puts an incident's whole toll on a day other than ``day``,
    the event's own stated day ("On 20 December, skirmishes were reported … two people
    were killed in total. Fatalities coded on 19 December."): that day's row holds the
    dead and this one none. ``day`` is ``None`` when the text states none."""
    if day is None:
        return False
    found = gated_search(CODED_ON_DAY, text)
    return found is not None and not names_day(found.group("label").rstrip("."), day)
