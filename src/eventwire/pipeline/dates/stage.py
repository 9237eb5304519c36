"""dates stage: give every event a date range with a precision (``event.date``).

For each event the stage picks, in this order:

1. a time expression in the event's own sentence: one in the trigger's clause (the
   expression's verb is the trigger's verb or governs it in the spaCy parse) before any
   other, then the nearest by characters;
2. the nearest earlier expression in the same paragraph (segment);
3. the date of a dateline segment ("BAGHDAD, June 10 (Reuters) -");
4. the publication date with precision ``"publication"`` (never presented as exact),
   or precision ``"unknown"`` without a publication date.

Habitual events (a habitual cue in the sentence: "Nearly daily, Sunnis are picked up…";
present-tense verbs in a paragraph that opened with a habitual cue) are
``recurring`` and take the reporting period as range: a range expression of the
paragraph ("in the past six months") or the ``habitual_window_days`` before publication.

Options (``config.DatesOptions``): ``numeric_order`` ("MDY", GTD style,
or "DMY") for 01/05/2012; ``habitual_window_days`` (default 180); ``use_dateparser``
(default True: spaCy DATE entities the rules miss are parsed by dateparser).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from eventwire.config import DatesOptions, Settings
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.dates.clauses import (
    before_later_thing,
    dates_subject_period,
    dates_telling,
    grievance_object,
    names_incident,
    relative_clause_of,
)
from eventwire.pipeline.dates.deictic import (
    drop_named_weekdays,
    drop_previous_day,
    drop_recently,
    pin_telling_days,
    prefer_stated_days,
)
from eventwire.pipeline.dates.frames import (
    copy_when,
    first_day_of_stated_span,
    note_frame,
    paragraph_frame,
    vague_period,
)
from eventwire.pipeline.dates.later import forward_later_days
from eventwire.pipeline.dates.parsetree import (
    ancestors,
    host_of,
    in_trigger,
    other_noun,
    token_at,
    toll_day,
    verb_of,
)
from eventwire.pipeline.dates.timex import Timex, find_habitual, find_timexes, parse_with_dateparser
from eventwire.pipeline.dates.timex_lexicon import TimexLexicon, load_timex_lexicon
from eventwire.records import EVENT_DATED, Document, Event, Sentence, When, parse_iso_date

NAME = "eventwire.dates.v1"
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
# clauses under the event's verb that tell something else ("helicopters, which often use…")
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj"})
CLAUSE_BREAK = re.compile(r"[;,]|\b(?:and|but|while|after|before|when|whereas|then)\b", re.I)


class DatesStage:
    """Resolve dates against ``doc.published`` and attach one to every event."""

    name = NAME
    requires: tuple[str, ...] = ("doc.events", "doc.sentences", "doc.parses", "doc.published")
    # doc.sentences: the whole text as one sentence when no stage split it
    assigns: tuple[str, ...] = ("event.date", "doc.notes", "doc.sentences")

    def __init__(
        self,
        lexicon: TimexLexicon,
        numeric_order: str = "MDY",
        habitual_window_days: int = 180,
        use_dateparser: bool = True,
    ) -> None:
        self.lexicon = lexicon
        self.numeric_order = numeric_order.upper()
        self.habitual_window_days = habitual_window_days
        self.use_dateparser = use_dateparser

    # -- finding -------------------------------------------------------------------
    def sentence_timexes(self, doc: Document, index: int, sentence: Sentence) -> list[Timex]:
        """The resolved time expressions of one sentence (rules, then spaCy DATE spans)."""
        found = find_timexes(
            sentence.text, doc.published, sentence.start, self.lexicon, self.numeric_order
        )
        parse = doc.parses.get(index)
        if self.use_dateparser and parse is not None:
            found = self._entity_dates(doc, parse, sentence, found)
        if doc.published is not None and doc.published_source == EVENT_DATED:
            found = forward_later_days(drop_recently(drop_previous_day(found)), doc.published)
            return pin_telling_days(found, doc.published, self.lexicon.weekdays)
        return found

    def _entity_dates(
        self, doc: Document, parse: Any, sentence: Sentence, found: list[Timex]
    ) -> list[Timex]:
        """``found`` with the spaCy DATE spans the rules missed, parsed by dateparser."""
        for ent in getattr(parse, "ents", ()):
            if ent.label_ != "DATE":
                continue
            start, end = sentence.start + ent.start_char, sentence.start + ent.end_char
            if any(t.start < end and start < t.end for t in found):
                continue
            if not self._datelike(ent.text):
                continue  # durations ("2 months of unpaid salaries") and bare numbers
            when = parse_with_dateparser(ent.text, doc.published)
            if when is not None:
                when.span_start, when.span_end = start, end
                found.append(Timex(start, end, ent.text, when, "dateparser"))
        found.sort(key=lambda t: t.start)
        return found

    def _datelike(self, phrase: str) -> bool:
        words = {w.lower().rstrip(".") for w in phrase.split()}
        names = set(self.lexicon.months) | set(self.lexicon.weekdays)
        return bool(words & names) or "ago" in words

    # -- choosing ------------------------------------------------------------------
    def _rank(self, doc: Document, event: Event, timex: Timex) -> tuple[int, int, int]:
        lo, hi = min(timex.end, event.trigger.end), max(timex.start, event.trigger.start)
        between = doc.text[lo:hi]
        same_clause = 0 if CLAUSE_BREAK.search(between) is None else 1
        tier, distance = self._parse_rank(doc, event, timex)
        return tier, same_clause, distance

    def _parse_rank(self, doc: Document, event: Event, timex: Timex) -> tuple[int, int]:
        sentence = doc.sentences[event.sentence_index]
        parse = doc.parses.get(event.sentence_index)
        distance = min(abs(timex.start - event.trigger.end), abs(event.trigger.start - timex.end))
        if timex.end <= event.trigger.start:
            distance -= 1  # on a tie the preceding expression wins
        if toll_day(doc.text, timex.start) or (
            doc.published is not None and timex.when.start and timex.when.start > doc.published
        ):
            return 2, distance  # a date after publication is a plan; the day a toll rose
        if (
            event.acled_event_type is not None
            and dates_telling(doc, event.sentence_index, timex.start, self.lexicon.reporting_lemmas)
            and not names_incident(doc.text, timex.end, self.lexicon.incident_nouns)
        ):
            # "… on Saturday night, police said on Sunday": the day of the telling (which
            # is the date of a statement, an accusation, a denial: no ACLED type)
            return 2, distance
        trigger = token_at(parse, event.trigger.start - sentence.start)
        anchor = token_at(parse, timex.start - sentence.start)
        if trigger is None or anchor is None:
            return 1, distance
        host = host_of(anchor, timex.start - sentence.start, timex.end - sentence.start)
        if other_noun(host, anchor, event, sentence, self.lexicon.incident_nouns):
            # "in protest of the abduction … on 29 January": the date dates the noun
            return 1, distance
        trigger_verb, timex_verb = verb_of(trigger), verb_of(anchor)
        if timex_verb is None:
            return 1, distance
        if timex_verb == trigger_verb:
            return 0, distance
        if timex_verb in ancestors(trigger_verb):
            return 0, distance + 1000
        return 1, distance

    def _dates_a_noun(self, doc: Document, event: Event, timex: Timex) -> bool:
        """Whether a date dates a noun other than the trigger, unambiguously: it modifies the
        noun from before ("the 2 December killing", "the 8 August poll", "February
        salaries") or through "of" ("the protests of 31 July"). A date after a noun with
        another preposition ("shot dead at a checkpoint in Homs on Monday") may attach to
        the verb whatever the parse says, and still dates the event."""
        sentence = doc.sentences[event.sentence_index]
        parse = doc.parses.get(event.sentence_index)
        trigger = token_at(parse, event.trigger.start - sentence.start)
        anchor = token_at(parse, timex.start - sentence.start)
        if trigger is None or anchor is None:
            return False
        start, end = timex.start - sentence.start, timex.end - sentence.start
        token, via = anchor, []
        while token.head.i != token.i:
            token = token.head
            if start <= token.idx < end:
                continue
            if token.pos_ != "ADP":
                break
            via.append(token.text.lower())
        else:
            return False
        if token.i > anchor.i and not via and token.text.lower() in self.lexicon.incident_nouns:
            return False  # "Saturday's raid", "the weekend attack": the incident's day
        return (
            token.pos_ == "NOUN"
            and not in_trigger(token, event, sentence)  # "air strike" is one trigger
            and token.text.lower() not in self.lexicon.time_nouns
            # never through a preposition from before: "On 1 March 2024, hundreds of
            # organizations …" is a framing date the parse hung on the subject
            and ((token.i > anchor.i and not via) or via == ["of"])
        )

    def _background(self, doc: Document, event: Event, timex: Timex) -> bool:
        """True when a date of the event's sentence belongs to another clause: an aside in
        parentheses the trigger is not in ("took control (initial takeover was on 20
        November)"), or a background clause after the trigger ("… following an attack on
        10 April", "… after they were arrested on 16 June")."""
        sentence = doc.sentences[event.sentence_index]
        before = doc.text[sentence.start : timex.start]
        depth = before.count("(") - before.count(")")
        trigger_depth = doc.text[sentence.start : event.trigger.start].count("(") - doc.text[
            sentence.start : event.trigger.start
        ].count(")")
        if depth > trigger_depth:
            return True  # the date is inside parentheses the trigger is outside of
        if self._in_other_clause(doc, event, timex):
            return True
        if timex.start < event.trigger.end:
            return False
        between = doc.text[event.trigger.end : timex.start]
        lex = self.lexicon
        return lex.background_pattern.search(between) is not None or before_later_thing(
            between, lex.preceding_pattern, lex.time_nouns, lex.later_things
        )

    def _in_relative_clause(self, doc: Document, index: int, timex: Timex) -> bool:
        """Whether a date of sentence ``index`` sits in a relative clause ("Gabat, which the
        rebels had captured on March 15"): it dates what the clause tells of a participant,
        not the narration the later sentences go on with."""
        parse = doc.parses.get(index)
        anchor = token_at(parse, timex.start - doc.sentences[index].start)
        return anchor is not None and relative_clause_of(anchor) is not None

    def _background_of_sentence(self, doc: Document, index: int, timex: Timex) -> bool:
        """Whether a date of sentence ``index`` is background for an event of that sentence
        ("students protest the Apr 29 attack on students", "troops deploy following an
        attack April 10th"): it dates another deed than the narration, so a later sentence
        that goes on with the narration ("Student protesters were beaten") does not take it."""
        return any(
            self._background(doc, e, timex) or self._dates_a_noun(doc, e, timex)
            for e in doc.events
            if e.sentence_index == index and e.acled_event_type is not None
        )

    def _tells_of_participant(self, doc: Document, event: Event) -> bool:
        """Whether the event's trigger sits in a relative clause or a participle on a noun
        ("a vigil for the miners who died in the town on 9 June 2011"): a deed it tells of
        a participant, on its own day."""
        sentence = doc.sentences[event.sentence_index]
        trigger = token_at(
            doc.parses.get(event.sentence_index), event.trigger.start - sentence.start
        )
        return trigger is not None and relative_clause_of(trigger) is not None

    def _in_other_clause(self, doc: Document, event: Event, timex: Timex) -> bool:
        """Whether a date sits in a clause the trigger is not in and that tells another
        event: a relative clause about a participant ("near where a tourist was killed
        several weeks ago", "a boy who committed suicide last week"), or what a
        demonstration is about ("protest the killing of 15 civilians … on Nov 25")."""
        sentence = doc.sentences[event.sentence_index]
        parse = doc.parses.get(event.sentence_index)
        anchor = token_at(parse, timex.start - sentence.start)
        trigger = token_at(parse, event.trigger.start - sentence.start)
        if anchor is None or trigger is None:
            return False
        lex = self.lexicon
        if grievance_object(anchor, trigger, lex.grievance_verbs, lex.time_nouns) is not None:
            return True
        clause = relative_clause_of(anchor)
        if clause is None:
            return False
        if clause.i == trigger.i or clause in ancestors(trigger):
            return False
        if clause.dep_ == "acl" and clause.head.i == trigger.i:
            return False  # "a ceasefire brokered in March 2020": the event noun's own day
        return not dates_subject_period(clause, trigger, lex.period_nouns)

    def _is_habitual(
        self,
        doc: Document,
        event: Event,
        cues: dict[int, list[tuple[int, int, str]]],
        timexes: dict[int, list[Timex]],
    ) -> bool:
        # the coder's "habitual" modality comes from the present tense alone as well: a
        # headline or an analyst's note in the historical present ("Gangsters shoot police
        # officer") reports one event on its day, so only a habitual cue makes a range
        own_cues = cues.get(event.sentence_index)
        if own_cues and self._cue_in_clause(doc, event, own_cues):
            # "often targeted, the town was hit on 3 May": a dated event is not habitual
            return not any(t.when.precision == "day" for t in timexes.get(event.sentence_index, []))
        sentence = doc.sentences[event.sentence_index]
        earlier = [
            i
            for i in range(event.sentence_index - 1, -1, -1)
            if doc.sentences[i].segment == sentence.segment
        ]
        if not any(cues.get(i) for i in earlier):
            return False
        token = token_at(doc.parses.get(event.sentence_index), event.trigger.start - sentence.start)
        verb = verb_of(token)
        while verb is not None and verb.tag_ not in PRESENT_TAGS and verb.head.i != verb.i:
            if verb.dep_ not in ("advcl", "xcomp", "conj", "acl"):
                break
            verb = verb_of(verb.head)
        if verb is not None and verb.tag_ in PRESENT_TAGS:
            return True
        # the parse may miss the verb ("insurgents wheel car bombs"); a sentence with no
        # past tense continues the habitual narration of its paragraph
        parse = doc.parses.get(event.sentence_index)
        return parse is not None and not any(t.tag_ == "VBD" for t in parse)

    def _cue_in_clause(
        self, doc: Document, event: Event, found: list[tuple[int, int, str]]
    ) -> bool:
        """Whether a habitual cue of the event's sentence qualifies the event's own clause:
        "a helicopter was hit by gunmen mistaking it for army helicopters, which often use
        the same livery" tells of one event; the cue belongs to the relative clause."""
        sentence = doc.sentences[event.sentence_index]
        parse = doc.parses.get(event.sentence_index)
        trigger = verb_of(token_at(parse, event.trigger.start - sentence.start))
        if trigger is None:
            return True  # no parse to tell: every cue of the sentence counts
        for start, _end, _words in found:
            verb = verb_of(token_at(parse, start - sentence.start))
            if verb is None or verb == trigger or verb in ancestors(trigger):
                return True
            if trigger in ancestors(verb) and verb.dep_ not in _SUBORDINATE:
                return True
        return False

    def resolve(
        self,
        doc: Document,
        event: Event,
        timexes: dict[int, list[Timex]],
        cues: dict[int, list[tuple[int, int, str]]],
        dateline: When | None,
    ) -> When:
        """Return the date of one event (see the module docstring for the order)."""
        index = event.sentence_index
        own = timexes.get(index, [])
        same_segment = [
            i
            for i in range(index - 1, -1, -1)
            if doc.sentences[i].segment == doc.sentences[index].segment
        ]
        if self._is_habitual(doc, event, cues, timexes):
            ranges = [t for t in own if t.when.precision == "range"]
            ranges += [
                t
                for i in same_segment
                for t in reversed(timexes.get(i, []))
                if t.when.precision == "range"
            ]
            if ranges:
                when = copy_when(ranges[0].when)
            elif doc.published is not None:
                start = doc.published - timedelta(days=self.habitual_window_days)
                when = When(None, start, doc.published, "range")
            else:
                when = When(precision="unknown")
            when.recurring = True
            return when
        opening = (
            note_frame(doc, timexes.get(0), self.lexicon.reporting_lemmas) if index == 0 else None
        )
        if opening is not None and not self._tells_of_participant(doc, event):
            return copy_when(opening.when)  # the day a record's note opens with
        own = [t for t in own if not self._background(doc, event, t)]
        # "leaders protest the killing of a priest on 22 January", "On 1 May 2015, a
        # demonstration in commemoration of 1 May 1963": a date of a noun the event is
        # about does not date the event
        own = [t for t in own if not self._dates_a_noun(doc, event, t)]
        if own:
            pool = prefer_stated_days(own, self.lexicon.weekdays)
            pool = drop_named_weekdays(pool, self.lexicon.weekdays, doc.text)
            best = min(pool, key=lambda t: self._rank(doc, event, t))
            return first_day_of_stated_span(best, doc.text)
        frame = paragraph_frame(doc, same_segment, timexes)
        if frame is not None:
            return frame
        for i in same_segment:
            stated = [
                t
                for t in timexes.get(i, [])
                if not vague_period(t)
                and not self._in_relative_clause(doc, i, t)
                and not self._background_of_sentence(doc, i, t)
            ]
            if stated:  # the narrated day, not the telling's ("…, officials said on Friday")
                told = self.lexicon.reporting_lemmas
                narrated = [t for t in stated if not dates_telling(doc, i, t.start, told)]
                return first_day_of_stated_span((narrated or stated)[-1], doc.text)
        if dateline is not None:
            return copy_when(dateline)
        if doc.published is not None:
            return When(None, doc.published, doc.published, "publication")
        return When(precision="unknown")

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        if not doc.sentences:
            doc.sentences = [Sentence(0, len(doc.text), doc.text)]
        needed = {
            doc.sentences[e.sentence_index].segment
            for e in doc.events
            if 0 <= e.sentence_index < len(doc.sentences)
        }
        timexes: dict[int, list[Timex]] = {}
        cues: dict[int, list[tuple[int, int, str]]] = {}
        for i, sentence in enumerate(doc.sentences):
            if sentence.segment in needed:
                timexes[i] = self.sentence_timexes(doc, i, sentence)
                cues[i] = find_habitual(sentence.text, sentence.start, self.lexicon)
        dateline = self._dateline(doc)
        for event in doc.events:
            if not 0 <= event.sentence_index < len(doc.sentences):
                doc.note(NAME, "EW-DAT-201", f"event {event.trigger.text!r} has no sentence")
                event.date = self._fallback(doc)
                continue
            event.date = self.resolve(doc, event, timexes, cues, dateline)
        return doc

    def _fallback(self, doc: Document) -> When:
        if doc.published is not None:
            return When(None, doc.published, doc.published, "publication")
        return When(precision="unknown")

    def _dateline(self, doc: Document) -> When | None:
        for seg in doc.segments:
            if seg.kind == "dateline":
                found = find_timexes(
                    doc.text[seg.start : seg.end],
                    doc.published,
                    seg.start,
                    self.lexicon,
                    self.numeric_order,
                )
                if found:
                    return found[0].when
        return None


def published_or_none(value: str | None) -> date | None:
    """Parse an ISO date string, ``None`` for empty (small helper for harnesses)."""
    return parse_iso_date(value or None)


@register_stage(NAME)
def make_dates_stage(settings: Settings, resources: Resources) -> Stage:
    options = settings.options_of(DatesOptions)
    lexicon = resources.get("dates:timex", load_timex_lexicon)
    return DatesStage(
        lexicon,
        numeric_order=options.numeric_order,
        habitual_window_days=options.habitual_window_days,
        use_dateparser=options.use_dateparser,
    )
