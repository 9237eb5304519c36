"""A note that tells a battle and the ground it won ranks the ground first.

"Clashes between SPLM-N and the army. Rebels capture Maflo." and "X clashed with Y. Y took
control of the village." are coded by ACLED as the change of territory (Non-state actor
overtakes territory, Government regains territory): the fighting is how the ground was
taken. The events stage codes both acts; here the clash gives way to a territory change
told within a few sentences of it, unless the note says the capture is "coded separately"
(then the note is the battle's). 15 acled_more tune rows (seed 13) have this wording.
"""

from __future__ import annotations

from eventwire.datafiles import words
from eventwire.records import Document, Event

TERRITORY_SUBTYPES = frozenset(
    {"Non-state actor overtakes territory", "Government regains territory"}
)
_SEPARATE: frozenset[str] = words("lexicon", "coded_separately_phrases")
NEAR = 3  # sentences between the clash and the ground taken
DEMOTION = 0.05  # below a capture of the same confidence, bonuses for coded actors included


def _frame(event: Event) -> str:
    return (event.rule or "").split(":", 1)[0]


def _taken(doc: Document, event: Event) -> bool:
    if event.acled_sub_event_type not in TERRITORY_SUBTYPES or _frame(event) not in {
        "capture",
        "retake",
    }:
        return False
    # a headline's present tense ("Rebels capture X") reads habitual; it is still told
    if event.modality not in {"asserted", "habitual"} or event.background or event.aggregate:
        return False
    index = event.sentence_index
    text = doc.sentences[index].text.lower() if index < len(doc.sentences) else ""
    return not any(p in text for p in _SEPARATE)


def rank_ground_over_battle(doc: Document, events: list[Event]) -> None:
    """Lower the confidence of an Armed clash told near an asserted territory change."""
    taken = [e for e in events if _taken(doc, e)]
    if not taken:
        return
    best = max(t.confidence for t in taken)
    if any(  # another act outranks the ground: lowering the clash would crown that act
        e.confidence >= best for e in events if e not in taken and _frame(e) != "clash"
    ):
        return
    for event in events:
        if _frame(event) != "clash" or event.acled_sub_event_type != "Armed clash":
            continue
        if any(abs(t.sentence_index - event.sentence_index) <= NEAR for t in taken):
            event.confidence = round(event.confidence - DEMOTION, 4)
