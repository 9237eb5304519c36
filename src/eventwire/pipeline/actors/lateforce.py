"""The force that ended a riot, told at the end of a long note: the riot's actor2.

``conventions.crowd_force`` reads the state force named in a crowd event's sentence, the
one before and the two after. Longer notes tell the riot over four or five sentences and
the force's intervention last: "… They threw rocks at the building, damaged its windows.
They also smashed a passing bus. Police then intervened and detained 12 of them.",
"… Warders intervened, shooting one inmate to end the riot." ACLED codes
that force as the riot's actor2 (rioters v police). ``late_force`` reads it from the later
sentences of the event's paragraph, only when the force words (``crowd_force_words`` or
``late_force_words``) are the subject of an intervention verb (``late_force_verbs``, at
most two words between), so that a force only named ("demanded the police release …",
"a police station") is not taken.

>>> late_force_words("Some rioters threw eggs. The police intervened and dispersed the riot.")
'police'
>>> late_force_words("They demanded that the police release the students.") is None
True
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.datafiles import words
from eventwire.pipeline.actors.conventions import coded_force
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.records import Actor, Document, Event

_FORCES = sorted(
    words("actors", "crowd_force_words") | words("actors", "late_force_words"), key=len
)[::-1]
_VERBS = sorted(words("actors", "late_force_verbs"), key=len)[::-1]
_LATE = re.compile(
    r"\b(?P<who>"
    + "|".join(re.escape(w) for w in _FORCES)
    + r")\s+(?:[a-z]+\s+){0,2}?(?:"
    + "|".join(re.escape(v) for v in _VERBS)
    + r")\b",
    re.IGNORECASE,
)
_REACH = 3  # crowd_force reads the sentence before, the event's own and the two after


def late_force_words(text: str) -> str | None:
    """The force words that are the subject of an intervention verb in ``text``, or None."""
    match = _LATE.search(text)
    return None if match is None else match["who"]


def late_force(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, ref_date: date | None
) -> Actor | None:
    """The state force (police or military) that intervened in a riot in a sentence of its
    paragraph after those ``crowd_force`` reads, or None."""
    if event.acled_event_type not in ("Riots", "Protests"):
        return None
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences):
        return None
    segment = doc.sentences[i].segment
    for sentence in doc.sentences[i + _REACH :]:
        if sentence.segment != segment:
            break
        match = _LATE.search(sentence.text)
        if match is None:
            continue
        return coded_force(d, sentence, match.start("who"), match.end("who"), country, ref_date)
    return None
