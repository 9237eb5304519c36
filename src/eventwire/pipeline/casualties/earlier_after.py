"""Kills an "after" clause tells as earlier than the event.

"mothers marched in the capital urging an end to the insecurity, after 5 pupils
had died in a raid on their school earlier", "… after 5 pupils died in a raid
the week before": the clause dates the kill before the event it gives the
reason for, so that kill is another event's (ACLED codes it apart; the demonstration's
row counts 0). The same reading as :func:`.other_deaths.mark_earlier` for relative
clauses, with "after" / "following" opening the clause: the time word ("earlier", "a week
earlier", "two days before", "ago", "the previous day") must sit in the clause itself, so
"After fighting earlier in the day, 5 soldiers were killed" (a comma between) and
"clashed after 3 soldiers were killed" (no time word) keep their dead.

A span of time right before "after" dates the clause by itself ("opened fire in the town,
four days after a police officer was killed", "a few hours after a fifth victim of the
blast died", "One day after attacking the village and killing several civilians, the
militants seized the town"): :func:`mark_span_after`, with the same limits (no hard break
and at most 12 words from "after" to the end of the kill's words).

A kill whose victims open the "after" clause themselves ("Riots after trader killed by
gunmen", "Clashes at the market after herders found shot dead", "a feud between two clans
after two of their elders were murdered") is the cause the clause gives, told as a whole
clause: :func:`mark_victims_after` (the reading the cue list already gives "after a", "after
the"). A kill with words between "after" and its victims ("after midnight 3 people were
killed") keeps its dead, and so does a gerund after it ("arrested after shooting dead a
trader": the subject's own deed, which may be the event's).
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.other_deaths import HARD_BREAK, MAX_WORDS, mark_opened_earlier
from eventwire.pipeline.casualties.toll_notes import Mention

AFTER_WORD = re.compile(r"\b(?:after|following)\b", re.I)
REACH = 60  # characters before a kill's words read for the opening "after"
GERUND = re.compile(r"\w+ing\b", re.I)
VICTIMS_AFTER = re.compile(r"\b(?:after|following)\s+$", re.I)
# the hurt of the event who died later ("after three of the wounded died of their injuries")
OWN_WOUNDED = re.compile(r"\b(?:wounded|injured|injuries|wounds)\b", re.I)
SPAN_AFTER = re.compile(r"\b(?:days?|nights?|hours?|weeks?|months?)\s+after\b", re.I)


def mark_earlier_after(text: str, offset: int, mentions: list[Mention]) -> None:
    """Flag ``background`` the kills of one sentence (``text``, starting at ``offset`` in
    the document) that an "after" clause tells as earlier than the event."""
    mark_opened_earlier(text, offset, mentions, AFTER_WORD, REACH)


def drop_span_after(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """The mentions of one sentence less the kills told in an "after" clause that a span
    of time opens ("four days after a police officer was killed"): that kill is another
    event's, even for an event the coder read from its own words."""
    return [m for m in mentions if not _span_after(text, offset, m)]


def _span_after(text: str, offset: int, m: Mention) -> bool:
    if m.category != "killed" or m.kind not in ("count", "vague"):
        return False
    start, end = m.start - offset, m.end - offset
    window = text[max(0, start - REACH) : end]
    opened = list(SPAN_AFTER.finditer(window))
    if not opened:
        return False
    told = window[opened[-1].end() :]
    return not HARD_BREAK.search(told) and len(told.split()) <= MAX_WORDS


def mark_victims_after(text: str, offset: int, mentions: list[Mention]) -> None:
    """Flag ``background`` the kills of one sentence whose victims' words follow "after" or
    "following" right away, the kill told within the clause (no hard break, at most 12 words)."""
    for m in mentions:
        if m.category != "killed" or m.background or m.kind not in ("count", "vague"):
            continue
        start = m.start - offset
        if start <= 0 or VICTIMS_AFTER.search(text[max(0, start - 12) : start]) is None:
            continue
        if GERUND.match(m.text):
            continue  # "arrested after shooting dead a trader": the subject's own deed
        if OWN_WOUNDED.search(text[start : m.end - offset + 30]):
            continue  # "rose to 12 after three of the wounded died": the event's own hurt
        if not HARD_BREAK.search(m.text) and len(m.text.split()) <= MAX_WORDS:
            m.background = True
