"""A coder's note on how a mention is coded: "(coded as military forces)".

ACLED notes often say, in brackets right after a vague mention, how the coder read it:
"an unidentified gunman (coded as military forces)", "bodyguards of a minister
(coded as Police Forces of Kenya (2022-) Anti-Stock Theft Unit)", "international
allies (coded as Unidentified Military Forces)", "the security forces (assumed Police
Forces)", "a group of residents (coded as unidentified armed group)". The bracket is the
best evidence of the mention's code. ``annotated_name`` returns the words the bracket
names when it opens right after the mention (or inside the mention's own words) with a
cue of ``coding_note_cues`` (``data/actors/words.yaml``); a motive or a reason after the
name ("likely Al Shabaab due to similar attacks") is cut off.

>>> text = "On 3 May, an unidentified gunman (coded as military forces) shot a trader."
>>> annotated_name(text, 9, 32)
'military forces'
>>> annotated_name("A gunman (aged 30) shot a trader.", 0, 8) is None
True
"""

from __future__ import annotations

import re

from eventwire.datafiles import words

CUES: frozenset[str] = words("actors", "coding_note_cues")
_BRACKET = re.compile(
    r"\(\s*(?:"
    + "|".join(re.escape(c) for c in sorted(CUES, key=len, reverse=True))
    + r")\s+(?:the\s+|an?\s+)?(?P<name>[^()]*?(?:\([^()]*\)[^()]*?)?)\s*"
    r"(?:\bdue to\b|\bbecause\b|\bwho\b|\bwhich\b|[,;)]|$)",
    re.IGNORECASE,
)
# how far after the mention the bracket may open (a space, or the mention's own words)
_GAP = 2
# a bracket that tells what happened ("assumed armed clash with security forces") names
# no actor
_NOT_A_NAME = re.compile(r"\b(?:with|against|between|from|at|on|in|after)\b", re.IGNORECASE)


def annotated_name(text: str, start: int, end: int) -> str | None:
    """The name a coder's bracket gives the mention at [start, end), or None."""
    if start < 0 or end <= start:
        return None
    window = text[start : end + _GAP + 200]
    for match in _BRACKET.finditer(window):
        if match.start() > end - start + _GAP:
            return None
        name = match.group("name").strip()
        return name if name and not _NOT_A_NAME.search(name) else None
    return None
