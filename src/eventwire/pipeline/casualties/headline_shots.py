"""One person shot in a headline-like note: a killing, as ACLED's notes tell it (issue 16).

ACLED's short notes tell a killing by a firearm in a headline's words: "Gangsters shoot
police officer.", "Herdsman shot in attack by armed raiders", "one person was shot"; a
shot that wounded says so ("shot in the leg", "taken to hospital", "shot at"). So when a
note of a few dozen words names one person as the object of the shooting verb that heads
its sentence, and nothing else in it gives a toll, a wound, a body part or a survival,
the note's violent events carry one death. Plural victims ("shoot civilians") are left
alone: no count can be read from them.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.datafiles import words
from eventwire.records import Document, Event, Fatalities

# a note of at most this many words reads like a headline (events' SHORT_NOTE_TOKENS)
HEADLINE_WORDS = 36
SURVIVAL_STEMS: frozenset[str] = words("casualties", "survival_stems")
SURVIVAL_WORDS: frozenset[str] = words("casualties", "survival_words")
_SURVIVAL = re.compile(
    r"\b(?:(?:"
    + "|".join(sorted(map(re.escape, SURVIVAL_STEMS)))
    + r")|(?:"
    + "|".join(sorted(map(re.escape, SURVIVAL_WORDS)))
    + r")\b)",
    re.IGNORECASE,
)
PERSON_NOUNS: frozenset[str] = words("casualties", "person_nouns")  # "Gunmen kill policeman"
_SINGULAR_TAGS = frozenset({"NN", "NNP"})
_PRONOUNS = frozenset({"him", "her"})


def headline_shooting(doc: Document, events: list[Event], skip: frozenset[str]) -> None:
    """Give the note's violent events one death when it is a headline of one person shot
    (see the module) and none of its events has a toll or a wounded count; events of the
    types in ``skip`` (a protest a shooting broke up) keep theirs."""
    if len(doc.text.split()) > HEADLINE_WORDS or _SURVIVAL.search(doc.text):
        return
    if any(e.fatalities is not None for e in events):
        return
    shot = next((e for e in events if _one_shot(doc, e)), None)
    if shot is None:
        return
    for event in events:
        if event.acled_event_type is None or event.acled_event_type in skip:
            continue
        t = shot.trigger
        event.fatalities = Fatalities(t.text, 1, 1, 1, t.start, t.end, None)


def _one_shot(doc: Document, event: Event) -> bool:
    """The event's trigger is a shooting verb that heads its sentence with one person as
    its victim: "X shoot police officer", "one person was shot", "Herdsman shot in X"."""
    parse = doc.parses.get(event.sentence_index)
    if parse is None or not 0 <= event.sentence_index < len(doc.sentences):
        return False
    offset = event.trigger.start - doc.sentences[event.sentence_index].start
    head = next((t for t in parse if t.idx == offset), None)
    if head is None:
        return False
    verb = head.pos_ == "VERB" and head.lemma_.lower() == "shoot"
    if not verb and not (head.pos_ == "NOUN" and head.lower_ == "shot"):
        return False  # "Fisherman shot in X": a headline's participle tagged as a noun
    if head.dep_ != "ROOT" or (head.i + 1 < len(parse) and parse[head.i + 1].lower_ == "at"):
        return False  # "after police shoot student" (the cause told), "shot at"
    objects = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not objects:  # a headline's passive read as active: "Herdsman shot in attack"
        objects = [c for c in head.children if c.dep_ == "nsubj" and head.tag_ in {"VBD", "NN"}]
    return len(objects) == 1 and _one_person(objects[0])


def _one_person(tok: Any) -> bool:
    """A singular noun for a person ("officer", "refugee"; not "a plane"), "him" or "her",
    with no number above one and no other joined."""
    if tok.lower_ in _PRONOUNS:
        return True
    if tok.tag_ not in _SINGULAR_TAGS or tok.lower_ not in PERSON_NOUNS:
        return False
    if any(c.dep_ == "conj" for c in tok.children):
        return False
    counts = [c for c in tok.children if c.dep_ == "nummod"]
    return all(c.lower_ in {"one", "1", "a"} for c in counts)
