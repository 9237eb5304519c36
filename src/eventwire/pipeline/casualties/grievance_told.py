"""A demonstration's grievance death told again in a sentence of its own.

"Students blocked a road, protesting over the killing of their classmate. … A student was
found dead beside the track yesterday morning", "drivers protested against the death of their
colleague at the police station. The driver allegedly collapsed and died there", "held a
protest over the insecurity. A rider had earlier been killed by the gang": the note tells
the death the crowd gathers over, in a sentence that holds no demonstration of its own. That
death is before the demonstration (ACLED codes it as its own event, the demonstration's row
counts 0). Read for demonstrations and developments only (the ``own_clauses_only`` tolls of
:class:`.stage.Incident`), like the relative-clause and road-accident deaths.

A kill told in the pluperfect of a relative clause ("a sea wall that had killed two
swimmers", "a man who had just killed his uncle") is such a grievance in any sentence; a
bare pluperfect is not (reported speech: "said that 39 people had been killed"). Otherwise
a kill is one when its sentence holds no demonstration event and either

* the sentence dates it before (``before_words`` in ``data/casualties/words.yaml``:
  "yesterday", "the day before"; or :data:`.other_deaths.EARLIER`: "earlier", "a day
  before", "the previous day"), or
* it is one person named by a pronoun or "the" ("He was shot dead", "the victim died"), and
  an earlier part of the note names one person's death (``grievance_nouns``: "the death of
  their relative", "the killing of a trader").

A death told in the demonstration's own sentence ("villagers demonstrated against the
killing of a guard and clashed with police, who killed one person") or in a sentence with
no time word and a number or an indefinite noun ("A pupil was killed during the riots")
keeps its count.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.ontology import DEMONSTRATION_TYPES
from eventwire.pipeline.casualties.other_deaths import EARLIER
from eventwire.pipeline.casualties.toll_notes import Mention
from eventwire.records import Event, Sentence, sentence_holding

GRIEVANCE_NOUNS: frozenset[str] = words("casualties", "grievance_nouns")
BEFORE_WORDS: frozenset[str] = words("casualties", "before_words")
GRIEVANCE = re.compile(
    r"\b(?:" + "|".join(sorted(GRIEVANCE_NOUNS)) + r")\s+of\s+(?:their|his|her|a|an|the|one)\b",
    re.I,
)
BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(BEFORE_WORDS)) + r")\b",
    re.I,
)
TOLD_AGAIN_KINDS = ("anaphoric", "pronoun")
# the pluperfect of the kill itself in a relative clause ("the dam that had killed three
# people", "a man who had just killed his uncle"): a death before the demonstration, even in
# its own sentence. Not a bare "had": reported speech moves a present toll into the
# pluperfect ("the commission said that 39 people had been killed since the protests began")
PLUPERFECT = re.compile(
    r"\b(?:who|that|which)\s+had\s+(?:\w+\s+){0,2}?(?:\w+ed|died|slain|shot|been)\b", re.I
)
PLUPERFECT_REACH = 25  # characters before a kill's words read for "had"


def grievance_told(mention: Mention, sentences: list[Sentence], demonstrated: set[int]) -> bool:
    """Whether a kill ``mention`` is a demonstration's grievance told in a sentence of its
    own; ``sentences``: the incident's, ``demonstrated``: the starts of those that hold a
    demonstration event."""
    if mention.category != "killed" or mention.background:
        return False
    sentence = sentence_holding(sentences, mention.start)
    if sentence is None:
        return False
    start = mention.start - sentence.start
    window = sentence.text[max(0, start - PLUPERFECT_REACH) : mention.end - sentence.start]
    if PLUPERFECT.search(window):
        return True
    if sentence.start in demonstrated:
        return False
    if BEFORE.search(sentence.text) or EARLIER.search(sentence.text):
        return True
    if mention.kind not in TOLD_AGAIN_KINDS or mention.best != 1:
        return False
    before = " ".join(s.text for s in sentences if s.start < sentence.start)
    return GRIEVANCE.search(before) is not None


def mark_grievances_told(
    mentions: list[Mention], sentences: list[Sentence], events: list[Event]
) -> None:
    """Flag ``background`` the grievance deaths told again (:func:`grievance_told`) of one
    incident (``events``, ``sentences``: its own) that holds a demonstration, and flag
    ``background`` the kill events told by them ("The driver collapsed and died"), as
    :func:`.stage.mark_grievances` does for a kill in the demonstration's own sentence."""
    if not any(e.acled_event_type in DEMONSTRATION_TYPES for e in events):
        return
    demonstrated = {
        s.start
        for e in events
        if e.acled_event_type in DEMONSTRATION_TYPES
        for s in sentences
        if s.start <= e.trigger.start < s.end
    }
    told = [m for m in mentions if grievance_told(m, sentences, demonstrated)]
    for m in told:
        m.background = True
    for event in events:
        start = event.trigger.start
        if event.acled_event_type not in DEMONSTRATION_TYPES and any(
            m.start <= start < m.end for m in told
        ):
            event.background = True
