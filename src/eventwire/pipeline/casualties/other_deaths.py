"""Deaths a report tells of another event than its own: earlier kills, accidents.

"Mourners met at the bar, where a grenade had killed a waitress
three days before", "shot at a plane carrying the body of a soldier who died in a clash
a day before", "a man who was killed by a soldier the previous day", "the raid that killed
two students three weeks ago": the clause describes a participant or a place by a death
told before the event, so that death is background (ACLED counts only the event's own dead,
and codes the earlier kill as its own event). A kill in a relative clause with no such word
("a bomb which killed 3 people") is the event's result and still counts.

A death in a road accident ("blocked the road after one person died in an accident involving
two buses", "set fire to the jeep after the motorcade ran over a girl", "the lorry had
collided with a motorbike, killing two people") is what a demonstration or a riot is about,
not a death in it (:func:`accident_death`, read for those types only: a bomb that goes off
"accidentally" or a soldier's vehicle that runs over a mine is a violent event's own toll).

A count a named source reports after the report's own count of the same incident ("13
militiamen and villagers killed, 2 tribesmen killed. UNAMID reports 22 fatalities", "killing
one woman. Another source reports 2 killed") is a competing estimate (ACLED keeps the
report's own, lower count): :func:`mark_reported_counts`.
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.toll_notes import Mention
from eventwire.records import Sentence, sentence_holding

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
RELATIVE_REACH = 50  # characters before a kill's words read for the relative word
# a road accident named beside a death: the noun, not "accidentally" (a shot or a blast that
# went off by accident is still violence)
ACCIDENT = re.compile(r"\b(?:accidents?|collision|collided)\b", re.I)
ACCIDENT_REACH = 100  # characters either side of a death's words, within its sentence
# a named source reporting a count: "UNAMID reports", "(Sembe TV, Xinhua) reports", "the UN
# reported" (a capitalised name or a bracket right before the verb)
SOURCE_REPORTS = re.compile(r"(?:\b[A-Z][\w.-]*|\))\s+report(?:s|ed)\s+(?:that\s+)?$")
# a bare total ("22 fatalities", "28 dead", "12 people killed"), not a group of its own
# ("30 civilians killed": other victims than the ones counted before)
BARE_TOTAL = re.compile(
    r"^\W*(?:at\s+least\s+|over\s+|more\s+than\s+|about\s+)?[0-9][0-9,]*\+?\s+"
    r"(?:people\s+|persons\s+)?(?:were\s+)?(?:killed|dead|deaths|fatalities)\b",
    re.I,
)
STATED_NUMBER = re.compile(
    r"\b(?:[0-9]+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?"
    r"|hundreds?|scores?)\b",
    re.I,
)
CLAUSE_END = re.compile(r"[,;:.()\[\]]|\b(?:and|but|while|when|after|as)\b", re.I)


def clause_after(text: str) -> str:
    """The words of a clause from ``text`` on, up to the next clause break."""
    found = CLAUSE_END.search(text)
    return text if found is None else text[: found.start()]


def mark_earlier(text: str, offset: int, mentions: list[Mention]) -> None:
    """Flag ``background`` the kills of one sentence that a relative clause tells as earlier
    than the event ("the attack which killed a woman days earlier"); ``text`` is the
    sentence, ``offset`` its start in the document."""
    mark_opened_earlier(text, offset, mentions, RELATIVE_WORD, RELATIVE_REACH)


def mark_opened_earlier(
    text: str, offset: int, mentions: list[Mention], opener: re.Pattern[str], reach: int
) -> None:
    """Flag ``background`` the kills of one sentence whose clause, opened by ``opener``
    within ``reach`` characters before the kill's words with no hard break between, tells
    them as earlier than the event (a time word in the clause itself)."""
    for m in mentions:
        if m.category != "killed" or m.background or m.kind not in ("count", "anaphoric"):
            continue
        start, end = m.start - offset, m.end - offset
        window = text[max(0, start - reach) : end]
        opened = list(opener.finditer(window))
        if not opened:
            continue
        told = window[opened[-1].start() :]
        if HARD_BREAK.search(told) or len(told.split()) > MAX_WORDS:
            continue
        if EARLIER.search(told + clause_after(text[end : end + 100])):
            m.background = True


def accident_death(mention: Mention, sentences: list[Sentence]) -> bool:
    """Whether a death is told within its sentence beside a road accident (``sentences``:
    those the mention may be in)."""
    if mention.category != "killed":
        return False
    sentence = sentence_holding(sentences, mention.start)
    if sentence is None:
        return False
    lo = max(sentence.start, mention.start - ACCIDENT_REACH) - sentence.start
    hi = min(sentence.end, mention.end + ACCIDENT_REACH) - sentence.start
    return ACCIDENT.search(sentence.text[lo:hi]) is not None


def mark_reported_counts(mentions: list[Mention], text: str) -> None:
    """Flag ``competing`` the death counts a named source reports ("UNAMID reports 22
    fatalities") after an own count of the same incident (``mentions``, in the order told;
    ``text`` the document the mentions' offsets point into). A reported count with no own
    count before it is the report's toll and stays."""
    own = False
    for m in mentions:
        if m.category != "killed" or m.background or m.kind not in ("count", "summary"):
            continue
        reported = SOURCE_REPORTS.search(text[max(0, m.start - 60) : m.start])
        if reported and BARE_TOTAL.match(m.text) and own:
            m.competing = True
        elif m.kind == "count" and not m.competing and m.best and STATED_NUMBER.search(m.text):
            own = True  # "killing one woman", not a bare plural ("civilians were killed")
