"""Note labels: "Movement of forces: …", "Looting: …", "Defusal: …" name the event's sub-type.

Analysts' notes (ACLED's among them) often open with a label and a colon that names the kind
of strategic development the note reports. The words after the label rarely say it as
plainly ("400 fighters were observed on the outskirts"), so the label is the strongest
evidence there is: every event of the labelled note takes the label's sub-type, and a note
whose words yield no event gets one event whose trigger is the label itself. An event only
threatened, planned or denied keeps its own sub-type unless the note tells no other event.

The labels and their sub-types are the ``note_labels`` table of ``data/lexicon/words.yaml``,
read by pipeline/common/notelabels.py.
"""

from __future__ import annotations

from eventwire.ontology import Ontology
from eventwire.pipeline.common.notelabels import note_label
from eventwire.records import Document, Event, Span

__all__ = ["LABEL_CONFIDENCE", "apply_note_label", "note_label"]
LABEL_CONFIDENCE = 0.9


def _sentence_of(doc: Document, offset: int) -> int:
    found = doc.sentence_at(offset)
    return 0 if found is None else found


def apply_note_label(doc: Document, events: list[Event], ontology: Ontology) -> list[Event]:
    """Give the events of a labelled note the label's sub-type (see the module docstring)."""
    found = note_label(doc.text)
    if found is None or not doc.sentences:
        return events
    sub, start, end = found
    cw = ontology.crosswalk(sub)
    if not events:
        trigger = Span(start, end, "trigger", doc.text[start:end])
        events = [
            Event(
                doc_id=doc.doc_id,
                trigger=trigger,
                sentence_index=_sentence_of(doc, start),
                plover_type=cw.plover_type,
                confidence=LABEL_CONFIDENCE,
                evidence=[trigger],
            )
        ]
    # the label says what happened: when every event its words give is only threatened,
    # planned or denied ("Other: … the gunfire may have been in the air", "Non-violent
    # activity: … told villagers to leave"), those take the label too (h16bp)
    unreal = {"negated", "hypothetical"}
    told = any(e.modality not in unreal for e in events)
    for event in events:
        if event.acled_sub_event_type == sub or (told and event.modality in unreal):
            continue
        event.acled_sub_event_type, event.acled_event_type = sub, cw.acled_event_type
        event.plover_type, event.plover_mode = cw.plover_type, cw.plover_mode
        event.cameo_root = cw.cameo_root
        event.rule = f"{event.rule or 'label'}|note label {doc.text[start:end]!r}"
        event.confidence = max(event.confidence, LABEL_CONFIDENCE)
    return events
