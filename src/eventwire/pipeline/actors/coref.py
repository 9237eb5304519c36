"""Coreference of actor mentions across the sentences of a report.

"Al-Shabaab fighters stormed a hotel. The group said its fighters killed 12 soldiers.
They also attacked a police station": "the group", "its fighters" and "they" all stand
for Al-Shabaab. ``MentionHistory`` codes every noun phrase of the parsed sentences in
document order, resolving each anaphor against what came before it, so that chains
("Boko Haram … the insurgents … they") keep the named actor. An anaphor resolves to the
most recent compatible coded actor: the sentence that holds it first (before it), then
the preceding sentences of the report, newest first; within a sentence a subject is
preferred to an object ("Soldiers killed three militants. They …" -> the soldiers).
Civilians, places, statements ("a YPG statement said they …") and unknown words are
never antecedents, nor the other party of the
anaphor's own event ("militants attacked soldiers and killed them": "them" is not the
militants), by its dictionary entry or by its name: "the national army (SNA) raided
an Al Shabaab camp and fought them" codes the party as the SNA entry, its head noun as
the country's generic military, both named Military Forces of Somalia, and neither is
"them".

Which words are anaphors, and which types each may point to, is data:
``anaphors`` in ``data/actors/words.yaml``; "its"/"their" before a word for armed men
("its fighters", "their forces") always points back (``possessive_pointers``,
``armed_member_nouns``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eventwire.datafiles import word_table, words
from eventwire.pipeline.actors.parse import is_speaker
from eventwire.pipeline.actors.unparsed import unparsed_subject
from eventwire.pipeline.common.cues import load_cues
from eventwire.records import Actor, Document

# mention -> types it may refer to (empty = any non-civilian group)
ANAPHORS: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in word_table("actors", "anaphors").items()
}
POSSESSIVE_POINTERS: frozenset[str] = words("actors", "possessive_pointers")
FIRST_PERSON: frozenset[str] = words("actors", "first_person")
ARMED_MEMBER_NOUNS: frozenset[str] = words("actors", "armed_member_nouns")
# parties to violence; protesters, rioters and named non-armed groups (5, 6) as well
PARTY_INTERS = frozenset({1, 2, 3, 4, 5, 6, 8})
# "a YPG statement said they …": a statement or a report is not who acted
SOURCE_NOUNS: frozenset[str] = load_cues().source_nouns
Coder = Callable[[str], Actor]


def anaphor_types(text: str) -> frozenset[str] | None:
    """The types an anaphoric mention may point to, or None when it is no anaphor.

    >>> anaphor_types("its fighters")
    frozenset()
    >>> anaphor_types("Boko Haram") is None
    True
    """
    key = " ".join(text.lower().split())
    if key in ANAPHORS:
        return ANAPHORS[key]
    parts = key.split()
    if len(parts) == 2 and parts[0] in POSSESSIVE_POINTERS and parts[1] in ARMED_MEMBER_NOUNS:
        return frozenset()
    return None


@dataclass(slots=True)
class Antecedent:
    """A coded actor mention of the report: where it is and whether it is a subject."""

    sentence: int
    start: int
    end: int
    subject: bool
    actor: Actor
    speaker: bool = False  # the subject of a reporting verb ("…," the army said)


def compatible(actor: Actor, types: frozenset[str]) -> bool:
    """Can an anaphor allowed ``types`` (empty = any) stand for this coded actor?"""
    if actor.inter not in PARTY_INTERS or actor.type in (None, "unknown", "monitor"):
        return False
    return actor.resolved_by != "unknown" and (not types or actor.type in types)


def pick(
    candidates: list[Antecedent],
    sentence: int,
    start: int,
    types: frozenset[str],
    exclude: frozenset[str] = frozenset(),
    first_person: bool = False,
) -> Actor | None:
    """The antecedent of an anaphor at ``start`` in ``sentence`` (see the module doc); a
    first-person anaphor ("we", "our forces") is the sentence's speaker when it has one."""
    before = [
        c
        for c in candidates
        if c.end <= start
        and c.sentence <= sentence
        and compatible(c.actor, types)
        and not ({c.actor.actor_id, c.actor.name} & exclude)
    ]
    if first_person:
        # '"We killed 20 militants," the army said': the speaker of the sentence
        speaker = [
            c
            for c in candidates
            if c.sentence == sentence and c.speaker and compatible(c.actor, types)
        ]
        if speaker:
            return speaker[0].actor
    if not before:
        return None
    best = max(before, key=lambda c: (c.sentence, c.subject, c.start))
    return best.actor


class MentionHistory:
    """Every coded actor mention of a report, in order, with anaphors resolved."""

    def __init__(self, doc: Document, code: Coder) -> None:
        self.items: list[Antecedent] = []
        self.doc, self.code = doc, code
        for index in sorted(doc.parses):
            if not 0 <= index < len(doc.sentences):
                continue
            offset = doc.sentences[index].start
            try:
                chunks = list(doc.parses[index].noun_chunks)
            except (ValueError, NotImplementedError):  # no parser in this pipeline
                continue
            for chunk in chunks:
                root = chunk.root
                if root.pos_ in ("VERB", "AUX") or root.lemma_.lower() in SOURCE_NOUNS:
                    continue
                start = offset + chunk[0].idx
                end = offset + chunk[-1].idx + len(chunk[-1].text)
                subject = root.dep_ == "nsubj"
                types = anaphor_types(chunk.text)
                if types is not None:
                    found = pick(self.items, index, start, types)
                    if found is not None:
                        self.items.append(Antecedent(index, start, end, subject, found))
                    continue
                coded = code(chunk.text)
                if compatible(coded, frozenset()):
                    speaker = is_speaker(root)
                    self.items.append(Antecedent(index, start, end, subject, coded, speaker))

    def resolve(
        self, actor: Actor, sentence: int, exclude: frozenset[str] = frozenset()
    ) -> Actor | None:
        """The coded antecedent of an anaphoric event actor, or None."""
        types = anaphor_types(actor.text)
        if types is None or actor.start < 0:
            return None
        first = actor.text.lower().split()[0] in FIRST_PERSON
        found = pick(self.items, sentence, actor.start, types, exclude, first)
        if found is not None or first:
            return found

        def accept(coded: Actor) -> bool:
            return compatible(coded, types) and not ({coded.actor_id, coded.name} & exclude)

        # "The police conducted a search. They beat …": a subject the parser never read
        return unparsed_subject(self.doc, sentence, accept, self.code)
