"""Kills a relative clause tells as earlier than the event: another event's toll.

"Protesters gathered at the club, the site of the grenade attack which killed one woman
several days earlier", "shot at a plane carrying the body of a soldier who died in a clash
a day before", "a man who was killed by a soldier the previous day", "the raid that killed
two students three weeks ago": the clause describes a participant or a place by a death
told before the event, so that death is background (ACLED counts only the event's own dead,
and codes the earlier kill as its own event). A kill in a relative clause with no such word
("a bomb which killed 3 people") is the event's result and still counts.
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.toll_notes import Mention

# a relative word opening a clause; "that" only after an incident noun ("the raid that
# killed"), as it opens what is said elsewhere ("police said that 3 were killed earlier")
RELATIVE_WORD = re.compile(
    r"\b(?:who|which|whom|(?<=attack )that|(?<=raid )that|(?<=ambush )that|(?<=clash )that"
    r"|(?<=clashes )that|(?<=bombing )that|(?<=blast )that|(?<=explosion )that"
    r"|(?<=fighting )that|(?<=violence )that|(?<=incident )that|(?<=shooting )that)\b",
    re.I,
)
# a time word that puts the clause before the event it describes ("a day before", not the
# conjunction of "killed 5 before they fled")
EARLIER = re.compile(
    r"\b(?:earlier|ago|previously|(?:days?|nights?|weeks?|months?|years?|hours?|shortly)\s+before"
    r"|the\s+(?:previous|preceding)\s+(?:day|night|week|month|year)|last\s+(?:week|month|year))\b",
    re.I,
)
# what may not stand between the relative word and the end of the kill's words
HARD_BREAK = re.compile(r"[,;:.()\[\]]")
MAX_WORDS = 12  # words from the relative word to the end of the kill's words
CLAUSE_END = re.compile(r"[,;:.()\[\]]|\b(?:and|but|while|when|after|as)\b", re.I)


def _clause_after(text: str) -> str:
    """The words of a clause from ``text`` on, up to the next clause break."""
    found = CLAUSE_END.search(text)
    return text if found is None else text[: found.start()]


def mark_earlier(text: str, offset: int, mentions: list[Mention]) -> None:
    """Flag ``background`` the kills of one sentence that a relative clause tells as earlier
    than the event ("the attack which killed a woman days earlier"); ``text`` is the
    sentence, ``offset`` its start in the document."""
    for m in mentions:
        if m.category != "killed" or m.background or m.kind not in ("count", "anaphoric"):
            continue
        start, end = m.start - offset, m.end - offset
        window = text[max(0, start - 50) : end]
        opened = list(RELATIVE_WORD.finditer(window))
        if not opened:
            continue
        told = window[opened[-1].start() :]
        if HARD_BREAK.search(told) or len(told.split()) > MAX_WORDS:
            continue
        if EARLIER.search(told + _clause_after(text[end : end + 100])):
            m.background = True
