"""Attribution stage: who claims each event happened, with which words, and denials.

For every event, in this order (see docs/attribution.md):

1. an answer turn of an interview: the interviewee;
2. a question turn: the interviewer, and the event becomes ``hypothetical`` (a question's
   presupposition is not a claim by anyone);
3. inside a direct quotation: the quoted speaker (multi-sentence and multi-paragraph quotes
   keep their speaker);
4. under a reporting verb or "according to X" in the sentence parse: its subject;
5. otherwise the outlet (``doc.source``, or the agency of the dateline), else the author.

The reporting verb is kept as written (said, claimed, alleged, denied, according to). A denial
("X denied that …") flips the event's modality to ``negated`` whoever the speaker is.
A speaker who says it did the act ("JNIM said it carried out Saturday's assault") claims it:
the armed group it names becomes the event's actor1, marked ``claimed`` (claims.py).
Pronoun speakers ("he said") resolve to the last named speaker before them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from eventwire.config import Settings, StructureOptions
from eventwire.datafiles import words
from eventwire.pipeline.attribution.claims import claimant_actor
from eventwire.pipeline.attribution.quotes import Quote, find_quotes, quote_at
from eventwire.pipeline.attribution.reporting import (
    Cue,
    governing_cue,
    reporting_subjects,
    sentence_cue,
    token_at,
)
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.common.actordict import ActorDictionary, load_actor_dictionary
from eventwire.pipeline.common.cues import Cues, load_cues
from eventwire.records import CODED_SEGMENT_KINDS, Actor, Attribution, Document, Event

NAME = "eventwire.attribution.v1"
_POINTERS: frozenset[str] = words("attribution", "pointers")


@dataclass(slots=True)
class _Context:
    """Per-document facts every event's attribution may need."""

    quotes: list[Quote]
    speakers: list[tuple[int, str, bool]]  # (offset, name, is_person), sorted by offset
    default: Attribution
    interviewee_span: tuple[int, int]


def _default(doc: Document, cues: Cues) -> Attribution:
    """The outlet (or the dateline's agency), else the author: who reports when no one is quoted."""
    agency_span = (-1, -1)
    agency = None
    for seg in doc.segments:
        if seg.kind == "dateline":
            m = cues.dateline.match(doc.text[seg.start : seg.end] + " ")
            if m and m.group("agency"):
                agency = m.group("agency").strip()
                agency_span = (seg.start + m.start("agency"), seg.start + m.end("agency"))
            break
    if doc.source:
        return Attribution(doc.source, "outlet", None, *agency_span)
    if agency:
        return Attribution(agency, "outlet", None, *agency_span)
    if doc.author:
        span = _find(doc, doc.author, ("byline",))
        return Attribution(doc.author, "author", None, *span)
    return Attribution(None, "outlet", None)


def _find(doc: Document, name: str, kinds: tuple[str, ...]) -> tuple[int, int]:
    """Where a name is written in segments of the given kinds (case-insensitive)."""
    pattern = re.compile(re.escape(name).replace(r"\ ", r"\s+"), re.IGNORECASE)
    for seg in doc.segments:
        if seg.kind in kinds:
            m = pattern.search(doc.text, seg.start, seg.end)
            if m:
                return m.start(), m.end()
    return -1, -1


class AttributionStage:
    """Set ``event.attribution`` for every event; denials make the event ``negated``."""

    name = NAME
    requires: tuple[str, ...] = ("doc.segments", "doc.sentences", "doc.parses", "doc.events")
    assigns: tuple[str, ...] = (
        "event.attribution",
        "event.modality",
        "event.actor1",
        "doc.notes",
    )

    def __init__(self, cues: Cues, dictionary: ActorDictionary | None = None) -> None:
        self.cues = cues
        self.dictionary = dictionary

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        ctx = self._context(doc)
        for event in doc.events:
            self.attribute(doc, event, ctx)
        return doc

    def _context(self, doc: Document) -> _Context:
        quotes = find_quotes(doc.text, doc.segments, self.cues)
        speakers: list[tuple[int, str, bool]] = []
        for index, parse in doc.parses.items():
            if 0 <= index < len(doc.sentences):
                found = reporting_subjects(parse, self.cues, doc.sentences[index].start)
                # a person named inside a quotation is not who is speaking it
                speakers.extend(
                    s for s in found if not (s[2] and quote_at(quotes, s[0]) is not None)
                )
        # Sentences the relevance pre-filter did not parse still name speakers that later
        # pronouns point back to ("Colonel Mark Dube said … He added that …").
        for index, sentence in enumerate(doc.sentences):
            if index in doc.parses:
                continue
            segment = doc.segment_of(sentence)
            if segment is None or segment.kind not in CODED_SEGMENT_KINDS:
                continue
            cue = sentence_cue(sentence.text, sentence.start, self.cues)
            if cue is None or not cue.speaker or cue.pronoun or self._is_pronoun(cue.speaker):
                continue
            if quote_at(quotes, cue.speaker_start) is not None:
                continue
            words = cue.speaker.split()
            while len(words) > 1 and words[0].lower() in self.cues.speaker_titles:
                words = words[1:]
            is_person = 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
            speakers.append((cue.speaker_start, " ".join(words), is_person))
        for quote in quotes:
            if quote.speaker and not quote.inherited and not self._is_pronoun(quote.speaker):
                speakers.append((quote.cue_start, quote.speaker, False))
        speakers.sort()
        interviewee = next(
            (s.speaker for s in doc.segments if s.kind == "answer" and s.speaker), None
        )
        span = _find(doc, interviewee, ("byline", "title", "body")) if interviewee else (-1, -1)
        return _Context(quotes, speakers, _default(doc, self.cues), span)

    def _is_pronoun(self, speaker: str) -> bool:
        """A speaker that points back: "he", "they", "the statement", "the group's video"."""
        words = speaker.lower().split()
        if not words:
            return True
        # "the statement", "its statement" point back; "the Pensions Commission's report" does not
        return speaker.lower() in self.cues.speaker_pronouns or (
            (words[-1] in self.cues.source_nouns or words[-1] in self.cues.anaphoric_nouns)
            and all(w in _POINTERS for w in words[:-1])
        )

    def _resolve(self, ctx: _Context, speaker: str, offset: int) -> str:
        """A pronoun speaker becomes the last named speaker before it (he/she: a person too)."""
        position = bisect.bisect_left(ctx.speakers, (offset, "", False))
        if not self._is_pronoun(speaker):
            if " " not in speaker:  # "Marchenko" after "Oleh Marchenko": the full name
                for _, name, _person in reversed(ctx.speakers[:position]):
                    if name.split()[-1] == speaker and name != speaker:
                        return name
            return speaker
        position = bisect.bisect_left(ctx.speakers, (offset, "", False))
        personal = speaker.lower() in ("he", "she")
        for _, name, is_person in reversed(ctx.speakers[:position]):
            if is_person and not personal:
                continue
            if not self._is_pronoun(name):
                return name
        return speaker

    def _cue(self, doc: Document, event: Event) -> Cue | None:
        if not 0 <= event.sentence_index < len(doc.sentences):
            return None
        sentence = doc.sentences[event.sentence_index]
        parse = doc.parses.get(event.sentence_index)
        if parse is None:
            return sentence_cue(sentence.text, sentence.start, self.cues)
        token = token_at(parse, event.trigger.start - sentence.start)
        if token is None:
            return None
        return governing_cue(parse, token, self.cues, sentence.start)

    def attribute(self, doc: Document, event: Event, ctx: _Context) -> None:
        """Set one event's attribution (and modality for denials and questions)."""
        sentence = (
            doc.sentences[event.sentence_index]
            if 0 <= event.sentence_index < len(doc.sentences)
            else None
        )
        segment = doc.segment_of(sentence) if sentence else None
        kind = segment.kind if segment else "body"
        cue = self._cue(doc, event)
        if cue is not None and cue.category == "deny" and event.modality != "negated":
            event.modality = "negated"
        if kind == "answer" and segment is not None:
            event.attribution = Attribution(
                segment.speaker, "interviewee", None, *ctx.interviewee_span
            )
            return
        if kind == "question" and segment is not None:
            event.attribution = Attribution(
                segment.speaker, "interviewer", "asked", segment.start, segment.end
            )
            if event.modality == "asserted":
                event.modality = "hypothetical"
            doc.note(NAME, "EW-ATT-002", f"event {event.trigger.text!r} comes from a question")
            return
        if kind not in CODED_SEGMENT_KINDS:
            doc.note(NAME, "EW-ATT-003", f"event {event.trigger.text!r} is in a {kind} segment")
        quote = quote_at(ctx.quotes, event.trigger.start)
        if quote is not None and quote.speaker:
            event.attribution = Attribution(
                self._resolve(ctx, quote.speaker, quote.cue_start),
                "quoted",
                quote.verb,
                quote.cue_start,
                quote.cue_end,
            )
            return
        if cue is not None and cue.speaker:
            role = "claimant" if cue.responsibility else "quoted"
            event.attribution = Attribution(
                self._resolve(ctx, cue.speaker, cue.speaker_start),
                role,
                cue.verb,
                cue.start,
                cue.end,
            )
            if cue.claimant_span is not None:
                self._claimed_by_speaker(doc, event, cue.claimant_span)
            return
        default = ctx.default
        verb = cue.verb if cue is not None else None  # "it was reported that …": no speaker
        event.attribution = Attribution(
            default.speaker, default.role, verb, default.start, default.end
        )

    def _claimed_by_speaker(self, doc: Document, event: Event, span: tuple[int, int]) -> None:
        """The speaker says it did the act ("JNIM said it carried out the assault"): the
        known actor it names becomes actor1, marked ``claimed``, unless the report names
        another perpetrator; an actor1 read from the dead ("in which 12 soldiers died") or
        from words naming no one in particular ("gunmen") gives way to it."""
        if self.dictionary is None:
            return
        claimant = claimant_actor(doc.text[span[0] : span[1]], span[0], self.dictionary)
        current = event.actor1
        if claimant is None:
            return
        # the same actor named by the report only through its own claim is marked claimed
        same = current is not None and claimant.actor_id == current.actor_id
        if current is None or same or self._replaceable(event, current):
            event.actor1 = claimant

    def _replaceable(self, event: Event, actor: Actor) -> bool:
        """An actor1 a claim may replace: uncoded, generic ("armed men"), or the dead."""
        assert self.dictionary is not None
        entry = self.dictionary.get(actor.actor_id)
        if entry is None or entry.generic:
            return True
        toll = event.fatalities
        return toll is not None and toll.start <= actor.start < toll.end


@register_stage(NAME)
def make_attribution_stage(settings: Settings, resources: Resources) -> Stage:
    path = settings.options_of(StructureOptions).cues_file  # the structure stage's cue file
    cues = resources.get(f"structure-cues:{path or 'builtin'}", lambda: load_cues(path))
    files = tuple(settings.user_actor_files)
    # the actors stage's dictionary (same resource key): loaded once per process
    dictionary = resources.get("actors:" + "|".join(files), lambda: load_actor_dictionary(files))
    return AttributionStage(cues, dictionary)
