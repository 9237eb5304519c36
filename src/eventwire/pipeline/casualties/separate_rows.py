"""Kills a coder's note says are coded as another event ("(coded separately)").

"Elders met after a herder of the clan was murdered (coded separately).",
"Two days before, the militants said they had killed several troops and burnt
two trucks (coded separately).", "people marched …, blaming the army for
the killing of civilians in their district (coded separately).": ACLED's note closing the
sentence says the deed it tells is a row of its own, so its dead are not this event's
(gold 0 for the meeting, the protest). Only a kill told as what the sentence is about, not
as its own action: a nominal ("the killing of", "the death of", "of killing") or a
pluperfect ("had killed", "had been killed"). A kill told in the simple past ("A passenger
was killed and …, an armed clash followed (coded separately)", "More than 25 militants were
killed … on 8 and 9 June (coded separately)") is the event's own: the note there is about
the clash or the other days, and the kill stays.
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.toll_notes import Mention

# the note closing a sentence: "(coded separately)", "(coded as a separate event)"
SEPARATE = re.compile(
    r"\(\s*(?:coded|recorded)\s+(?:separately|as\s+(?:a\s+)?separate\s+events?)\s*\)\W*$",
    re.I,
)
# a kill told as a noun: "the killing of", "the death of", "accusing them of killing"
NOMINAL = re.compile(
    r"\b(?:killings?|murders?|deaths?)\s+of\b|\bof\s+(?:\w+\s+)?(?:killing|murdering)\b", re.I
)
# a kill told in the pluperfect: "they had killed", "had been killed", "had earlier killed"
PLUPERFECT = re.compile(r"\bhad\s+(?:\w+\s+)?(?:been\s+)?(?:\w+\s+)?$", re.I)
HAD_BEEN = re.compile(r"\bhad\s+(?:\w+\s+)?been\b", re.I)
REACH = 25  # characters before a mention read for "of" / "had"


def _told_apart(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - REACH) : start]
    told = text[start:end]
    return (
        NOMINAL.search(before + told) is not None
        or PLUPERFECT.search(before) is not None
        or HAD_BEEN.search(told) is not None
    )


def drop_separately_coded(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """The mentions of one sentence (spans shifted by ``offset``) without the kills its
    closing "(coded separately)" note puts in another row."""
    if "separate" not in text or SEPARATE.search(text) is None:
        return mentions
    return [
        m
        for m in mentions
        if m.category != "killed" or not _told_apart(text, m.start - offset, m.end - offset)
    ]
