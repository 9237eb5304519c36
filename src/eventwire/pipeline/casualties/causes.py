"""A kill told as the cause of another event of its sentence.

"Soldiers stormed houses and beat residents following the killing of a soldier by a
gunman on 27 May", "Youths vandalised four schools after the murder of a chief": the
kill happened before, to someone else, and is why the event told with it happened. Its
day and its toll are not the event's (ACLED codes the storming on its own day with its own
dead). The casualties stage already counts such a kill only for its own event (a
``background`` mention); :func:`mark_causes` flags the kill event ``background`` as well,
so that the incidents stage does not lend its date and toll to the event it caused (as
:func:`~eventwire.pipeline.casualties.stage.mark_grievances` does for demonstrations).
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.toll_notes import Mention
from eventwire.records import Event

# the words that make a nominal kill right after them the cause of the sentence's event
CAUSE_BEFORE = re.compile(
    r"\b(?:after|following|in\s+(?:retaliation|revenge|reprisal|response)\s+(?:for|to))"
    r"\s+(?:the|a|an|his|her|their)\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
KILL_NOUNS = frozenset(
    {"killing", "killings", "murder", "murders", "death", "deaths", "assassination", "lynching"}
)


def mark_causes(events: list[Event], background: list[Mention], text: str) -> None:
    """Flag ``background`` a nominal kill ("the killing of", "the murder of") told after
    "after", "following" or "in retaliation for" when another event of its sentence is
    not inside a background mention: that event is what the sentence reports. ``text``
    is the document's text."""

    def inside(event: Event) -> bool:
        return any(m.start <= event.trigger.start < m.end for m in background)

    for event in events:
        if event.background or event.trigger.text.lower() not in KILL_NOUNS:
            continue
        if not inside(event):
            continue
        before = text[max(0, event.trigger.start - 60) : event.trigger.start]
        if CAUSE_BEFORE.search(before) is None:
            continue
        if any(
            other is not event
            and other.sentence_index == event.sentence_index
            and not inside(other)
            for other in events
        ):
            event.background = True
