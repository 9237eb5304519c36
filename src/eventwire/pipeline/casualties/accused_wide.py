"""A kill told as what a named party is accused of, beside the deed the sentence reports.

"Militiamen accused civilians in the hamlet of killing a fighter, so beat them",
"The demonstrators accused police of shooting the boy", "soldiers clashed with armed groups
blamed for killing villagers in the area, killing 14": the accused kill is the reason
for the sentence's own deed (the assault, the demonstration, the clash), an earlier event
ACLED codes apart. :mod:`.accused` reads the accusations that describe a person by a
pronoun ("accusing him of killing"); here the accused party is named by a noun phrase
("accused the farmers of a hamlet of"), or the kill describes a group ("responsible
for killing").

Such a phrase is also how a report tells its own event ("Rebels accused government forces
of killing 4 civilians"), so the kill is background only when another event of the same
sentence, with a type and outside the kill's words, is what the sentence reports.
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.accused import ACTIVE_KILL
from eventwire.pipeline.casualties.toll_notes import Mention
from eventwire.records import Event, Sentence, sentence_holding

ACCUSED_PARTY = re.compile(
    r"(?:\baccus(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){1,6}?of|\bresponsible\s+for)"
    r"\s+(?:\w+ly\s+)?$",
    re.I,
)
REACH = 80  # characters before a kill's words read for the accusation


def mark_accused_party(
    mentions: list[Mention], sentences: list[Sentence], events: list[Event], text: str
) -> None:
    """Flag ``background`` the kills of one incident (``mentions``, ``sentences``,
    ``events``: its own; ``text``: the document's) told as what a named party is accused
    of, where another typed event of the sentence lies outside the kill's words; the kill
    events told by them are flagged ``background`` too."""
    for m in mentions:
        if m.category != "killed" or m.background or not ACTIVE_KILL.match(m.text):
            continue
        if not ACCUSED_PARTY.search(text[max(0, m.start - REACH) : m.start]):
            continue
        sentence = sentence_holding(sentences, m.start)
        if sentence is None:
            continue
        inside = [e for e in events if m.start <= e.trigger.start < m.end]
        reported = [
            e
            for e in events
            if e.acled_event_type is not None
            and sentence.start <= e.trigger.start < sentence.end
            and e not in inside
        ]
        if not reported:
            continue
        m.background = True
        for event in inside:
            event.background = True
