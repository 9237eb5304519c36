"""Bodies handled by the people of the event: "the police attempted to retrieve the body of
an officer", "relatives took the victim's body away from a hospital", "a plane carrying
the body of a soldier", "residents rioted as officers came to exhume a farmer's body".

A body that is carried, collected, snatched, retrieved, exhumed or demanded (``body_handling``
in ``data/casualties/words.yaml``, the verb right before its determiner) was dead before
the event: its death is background, not a death of this report's event. A body found,
recovered or dumped is still told as a death of the event ("two bodies were recovered
where the fighting took place").
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.toll_notes import Mention

BODY_HANDLING: frozenset[str] = words("casualties", "body_handling")
# the handling verb, then a determiner (and "dead"), right before the body noun
HANDLED = re.compile(
    r"\b([a-z]+)\s+(?:of\s+)?(?:the|a|an|his|her|their)\s+(?:dead\s+)?$",
    re.I,
)


def mark_handled_bodies(text: str, offset: int, mentions: list[Mention]) -> None:
    """Flag ``background`` the bodies of one sentence (``text``, at ``offset``) that a
    handling verb governs."""
    for m in mentions:
        if m.category != "killed" or m.background:
            continue
        start = m.start - offset
        head = re.search(r"\b(?:bod(?:y|ies)|corpses?)\b", text[start : m.end - offset], re.I)
        if head is None or head.start() > 20:
            continue
        before = text[max(0, start - 40) : start + head.start()]
        verb = HANDLED.search(before)
        if verb is not None and verb.group(1).lower() in BODY_HANDLING:
            m.background = True
