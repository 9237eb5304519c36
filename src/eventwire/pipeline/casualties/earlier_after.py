"""Kills an "after" clause tells as earlier than the event.

"women demonstrated in the city calling on the government to end the crisis, after 7
children were killed in an attack earlier in the village", "… after 7 children were killed
in an attack a week earlier": the clause dates the kill before the event it gives the
reason for, so that kill is another event's (ACLED codes it apart; the demonstration's
row counts 0). The same reading as :func:`.other_deaths.mark_earlier` for relative
clauses, with "after" / "following" opening the clause: the time word ("earlier", "a week
earlier", "two days before", "ago", "the previous day") must sit in the clause itself, so
"After fighting earlier in the day, 5 soldiers were killed" (a comma between) and
"clashed after 3 soldiers were killed" (no time word) keep their dead.
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.other_deaths import mark_opened_earlier
from eventwire.pipeline.casualties.toll_notes import Mention

AFTER_WORD = re.compile(r"\b(?:after|following)\b", re.I)
REACH = 60  # characters before a kill's words read for the opening "after"


def mark_earlier_after(text: str, offset: int, mentions: list[Mention]) -> None:
    """Flag ``background`` the kills of one sentence (``text``, starting at ``offset`` in
    the document) that an "after" clause tells as earlier than the event."""
    mark_opened_earlier(text, offset, mentions, AFTER_WORD, REACH)
