"""The party that opens a labelled note's sentence, when the parse glued the label to it.

"Movement of forces: On 19 May 2025, Al Shabaab fighters armed with rifles arrived in …",
"Movement of forces: On 2 June 2025, Turkish drones were seen over …", "Agreement: Sudan
and South Sudan have agreed to withdraw …", "Recruitment: the MRC said to be recruiting …":
the parse reads the analyst's label and the sentence as one phrase ("fighters" the ROOT, no
noun chunk), so no mention and no scan found the party the sentence opens with, and a
strategic development had no actor1. ``label_subject`` takes the words after the label
(and a date clause "On 19 May 2025,") up to the first verb-like word (one of
``label_subject_stops`` in ``data/actors/words.yaml``, a lower-case word in "-ed", a
bracket or a comma), and keeps them when they code, as a whole, as an armed party the
dictionary names or composes ("Al Shabaab fighters", "Turkish drones"); a thing ("Egyptian
consulate") or an unknown name codes as nothing and is left.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from eventwire.datafiles import words
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import ARMED_INTER, ActorDictionary
from eventwire.pipeline.common.notelabels import note_label
from eventwire.records import Actor, Document, Event

STOPS: frozenset[str] = words("actors", "label_subject_stops")
NAMED = frozenset({"dictionary", "dictionary-role", "composed"})
_OPENING = re.compile(r"\s*:?\s*(?:(?:On|Around|Between|In|Since)\s[^,.:]{1,40},\s*)?")
_WORD = re.compile(r"[^\s,;:.()\[\]\"]+|[,;:.()\[\]\"]")
_MAX_WORDS = 6


def _subject_words(text: str, pos: int) -> tuple[int, int] | None:
    """Offsets of the words from ``pos`` up to the first stop, or None."""
    start = end = -1
    for n, match in enumerate(_WORD.finditer(text, pos)):
        word = match.group()
        past = word.islower() and word.endswith("ed") and n > 0  # "arrived", not "United"
        stop = word.lower() in STOPS or past or not word[0].isalnum()
        if stop or n >= _MAX_WORDS:
            break
        start = match.start() if start < 0 else start
        end = match.end()
    return (start, end) if start >= 0 else None


def label_subject(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, ref_date: date | None
) -> Actor | None:
    """The armed party a labelled strategic development's sentence opens with, or None."""
    if event.acled_event_type != "Strategic developments" or event.actor1 is not None:
        return None
    label = note_label(doc.text)
    sentences = doc.sentences
    if label is None or not sentences or event.sentence_index != 0:
        return None
    opening = _OPENING.match(doc.text, label[2])
    span = _subject_words(doc.text, opening.end() if opening else label[2])
    if span is None or span[1] > sentences[0].end:
        return None
    text = doc.text[span[0] : span[1]]
    coded = code_mention(d, text, country, ref_date, fuzzy=False)
    if coded.inter not in ARMED_INTER or coded.resolved_by not in NAMED or coded.type == "monitor":
        return None
    return replace(coded, text=text, start=span[0], end=span[1], resolved_by="label-subject")
