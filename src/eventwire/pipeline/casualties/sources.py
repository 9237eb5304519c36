"""Counts another source gives, told aside: "killing at least 3 people (other reports
said 5, the lower figure used)", "… (another source: a news agency reported
2 killed)".

The cue words of a competing source ("some sources", "other reports", ``competing`` in
``cues.yaml``) are read on the sentence with its parentheses blanked, so a count told
inside a parenthesis that a source opens is not flagged there: :func:`mark_aside_sources`
flags it ``competing`` (the report's own count, outside the parenthesis, stands; alone, the
aside's count is still the toll, as ``incident_toll`` keeps competing counts when nothing
else is told).

A sentence that opens with another source ("Another source reports 2 killed.",
"Other accounts say …") tells the same incident again, never a new one:
:data:`OTHER_SOURCE` is what :data:`.stage.NEW_INCIDENT` must not take for "another …".
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.toll_notes import Mention

# a source word after "another"/"other": "another source", "another sources (…)",
# "another local report", "other accounts"
OTHER_SOURCE = r"(?:[\w-]+\s+)?(?:sources?|reports?|accounts?|versions?)\b"
# a parenthesis opened by another source, still open at the count
ASIDE_SOURCE = re.compile(
    rf"\(\s*(?:some|other|another|a\s+second|one|unconfirmed)\s+{OTHER_SOURCE}[^()]*$", re.I
)
REACH = 80  # characters before a count read for the parenthesis' source


def mark_aside_sources(text: str, offset: int, mentions: list[Mention]) -> None:
    """Flag ``competing`` the death counts of one sentence (``text``, at ``offset`` in the
    document) told inside a parenthesis another source opens."""
    for m in mentions:
        if m.category != "killed" or m.competing or m.background:
            continue
        start = m.start - offset
        if ASIDE_SOURCE.search(text[max(0, start - REACH) : start]):
            m.competing = True
