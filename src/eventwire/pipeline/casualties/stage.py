"""casualties stage: how many people an event killed (``event.fatalities``).

Mentions (:mod:`.tolls`) are found in every sentence of the paragraphs that
hold events. The events of a paragraph are grouped into *incidents*: consecutive
sentences with events belong to one incident unless a sentence opens a new one
("Separately, …", "In another attack…", "Elsewhere…") or its events carry a different
day or place from the incident's. Sentences without events add their mentions to the
incident before them ("…clashed with police. Seven members of the group died."), or to
the first incident of the paragraph when none comes before.

Every event of a violent type in an incident gets the incident's toll, as ACLED codes
one event with all the deaths it caused (both sides): a coder's note → a stated total →
the latest updated toll → the sum of the counted victims (see ``incident_toll``).
Wounded, arrested and kidnapped people are kept apart (``Fatalities.wounded``) and never
added. Kills that are the cause of the event ("protested the killing of…") count only for
an event whose trigger is that kill. When nothing is said, ``event.fatalities`` stays
``None`` (ACLED-style exports write 0).

Options (``config.CasualtiesOptions``): ``lethal_types`` (PLOVER types
that carry fatalities; default ASSAULT, COERCE, PROTEST, MOBILIZE, RETREAT, THREATEN).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from eventwire.config import CasualtiesOptions, Settings
from eventwire.ontology import DEMONSTRATION_TYPES
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.casualties.accused import mark_accused
from eventwire.pipeline.casualties.accused_wide import mark_accused_party
from eventwire.pipeline.casualties.along_with import along_with_victims
from eventwire.pipeline.casualties.bombers import add_bombers
from eventwire.pipeline.casualties.causes import mark_causes
from eventwire.pipeline.casualties.definite_again import mark_definite_again
from eventwire.pipeline.casualties.earlier_after import (
    drop_span_after,
    mark_earlier_after,
    mark_victims_after,
)
from eventwire.pipeline.casualties.estimates import estimated_totals
from eventwire.pipeline.casualties.grievance_told import mark_grievances_told
from eventwire.pipeline.casualties.handled_bodies import mark_handled_bodies
from eventwire.pipeline.casualties.headline_shots import headline_shooting
from eventwire.pipeline.casualties.losses import side_losses
from eventwire.pipeline.casualties.numbers import NumberLexicon, load_number_lexicon
from eventwire.pipeline.casualties.other_deaths import (
    accident_death,
    mark_earlier,
    mark_reported_counts,
)
from eventwire.pipeline.casualties.own_death import own_deaths
from eventwire.pipeline.casualties.parts_told import mark_parts_told
from eventwire.pipeline.casualties.separate_rows import drop_separately_coded
from eventwire.pipeline.casualties.shares import (
    CODED_ON_DAY,
    coded_on_another_day,
    share_for,
    share_over_days,
)
from eventwire.pipeline.casualties.some_died import count_those_died
from eventwire.pipeline.casualties.sources import OTHER_SOURCE, mark_aside_sources
from eventwire.pipeline.casualties.span_days import share_over_span
from eventwire.pipeline.casualties.sum_parts import mark_sum_parts
from eventwire.pipeline.casualties.told_again import mark_told_again
from eventwire.pipeline.casualties.toll_notes import open_shares
from eventwire.pipeline.casualties.tolls import (
    CueLexicon,
    Mention,
    find_mentions,
    incident_toll,
    load_cue_lexicon,
    split_share,
)
from eventwire.pipeline.casualties.trailing import trailing_victims
from eventwire.pipeline.casualties.unknown_counts import (
    drop_unknown_counts,
    drop_vague_counted_later,
)
from eventwire.pipeline.common.regexgate import gated_search
from eventwire.records import Document, Event, Fatalities, Sentence

NAME = "eventwire.casualties.v1"
LETHAL_TYPES = ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "THREATEN")
# ACLED types whose notes tell kills as background in relative clauses (the grievance of a
# demonstration, the cause of a development): those kills are not the event's
BACKGROUND_KILL_TYPES = frozenset({"Protests", "Riots", "Strategic developments"})
# the dead a report names as the captives or their remains
CAPTIVES = re.compile(
    r"\b(?:hostages?|captives?|abductees?|kidnapped|abducted|bod(?:y|ies)|corpses?|remains)\b",
    re.I,
)
# a dead person named by the body or as "the deceased", not by their death: "the body of
# a man", "the body of the deceased" (not "his body": the victim of a kill told beside it,
# nor a body found, which may be a death of the event itself)
REMAINS = re.compile(r"^\W*(?:bod(?:y|ies)|corpses?|remains)\s+of\b|\bdeceased\b", re.I)
REMAINS_FOUND = re.compile(
    r"\b(?:found|discovered|recovered|retrieved|dumped|lying|lay|washed)\b", re.I
)
NOTE_KINDS = frozenset({"coded", "coded-own"})  # a coder's toll for the report's event
NEW_INCIDENT = re.compile(
    rf"^\W*(?:separately|in\s+a\s+separate|in\s+another|another(?!\s+{OTHER_SOURCE})|elsewhere"
    r"|meanwhile"
    r"|in\s+a\s+second|a\s+second|in\s+an\s+unrelated|also\s+on"
    # "Earlier that day, three men had been killed …": an earlier incident of the same day
    r"|earlier\s+(?:that\s+day|in\s+the\s+day|on)|hours\s+earlier)\b",
    re.I,
)


@dataclass
class Incident:
    """Events of consecutive sentences that report one occurrence, with its mentions."""

    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    days: set[object] = field(default_factory=set)  # the known days of its events
    places: set[object] = field(default_factory=set)  # the known places of its events
    sentences: list[Sentence] = field(default_factory=list)  # the sentences it spans

    def add(self, events: list[Event]) -> None:
        self.events.extend(events)
        self.days.update(d for d in map(_day, events) if d is not None)
        self.places.update(p for p in map(_place, events) if p is not None)

    def tolls(
        self, own_clauses_only: bool = False
    ) -> tuple[Mention | None, Mention | None, list[Mention]]:
        """(deaths, wounded, background mentions) of the incident, computed once for all
        its events: a report of thousands of events stays linear. ``own_clauses_only``:
        without the kills told in relative clauses or beside a road accident (for
        demonstrations and developments)."""
        mentions = self.mentions
        if own_clauses_only:
            mentions = [
                m
                for m in mentions
                if not _grievance_death(m) and not accident_death(m, self.sentences)
            ]
        background = [m for m in mentions if m.background]
        deaths = split_share(mentions, incident_toll(mentions))
        return deaths, incident_toll(mentions, "wounded"), background


def _grievance_death(mention: Mention) -> bool:
    """A death a demonstration or a development tells as its background: a kill in a
    relative clause ("a student who succumbed"), or a dead person told only by the body or
    as "the deceased" ("rioted when officers came to exhume a farmer's body", "demanded to
    see the body of the deceased"): the crowd gathers over that death, it is not one of
    its own (a death in the demonstration is told by a kill or death word of its own)."""
    if mention.category != "killed":
        return False
    if mention.relative:
        return True
    return REMAINS.search(mention.text) is not None and not REMAINS_FOUND.search(mention.text)


def _day(event: Event) -> object:
    when = event.date
    if when is None or when.precision != "day":
        return None
    return when.start


def _place(event: Event) -> object:
    place = event.location
    return None if place is None else (place.name or place.text)


class CasualtiesStage:
    """Attach a fatality count (with wounded kept apart) to the events of a document."""

    name = NAME
    requires: tuple[str, ...] = ("doc.events", "doc.sentences", "event.date", "event.location")
    # doc.sentences: the whole text as one sentence when no stage split it
    # event.background: a kill told as the grievance of a demonstration (see ``grievances``)
    assigns: tuple[str, ...] = (
        "event.fatalities",
        "event.background",
        "doc.notes",
        "doc.sentences",
    )

    def __init__(
        self, cues: CueLexicon, numbers: NumberLexicon, lethal_types: tuple[str, ...] = LETHAL_TYPES
    ) -> None:
        self.cues = cues
        self.numbers = numbers
        self.lethal_types = frozenset(lethal_types)

    def _opens_incident(
        self,
        incident: Incident,
        events: list[Event],
        sentence: Sentence,
        mentions: list[Mention],
    ) -> bool:
        if NEW_INCIDENT.match(sentence.text):
            return True
        if captives_found_dead(incident.mentions, mentions):
            return False  # "Two men abducted. One body turned up on 3 July."
        days, places = incident.days, incident.places
        for event in events:
            day, place = _day(event), _place(event)
            if day is not None and days and day not in days:
                return True
            if place is not None and places and place not in places:
                return True
        return False

    def incidents(self, doc: Document) -> list[Incident]:
        """Group the events of each paragraph into incidents with their mentions."""
        by_sentence: dict[int, list[Event]] = {}
        for event in doc.events:
            by_sentence.setdefault(event.sentence_index, []).append(event)
        segments = {doc.sentences[i].segment for i in by_sentence if 0 <= i < len(doc.sentences)}
        sentences_of: dict[int, list[tuple[int, Sentence]]] = {}
        for index, sentence in enumerate(doc.sentences):
            if sentence.segment in segments:
                sentences_of.setdefault(sentence.segment, []).append((index, sentence))
        found: list[Incident] = []
        for segment in sorted(segments):
            first = len(found)
            pending: list[Mention] = []
            pending_sentences: list[Sentence] = []
            current: Incident | None = None
            first_of_segment: Incident | None = None
            for index, sentence in sentences_of[segment]:
                mentions = find_mentions(sentence.text, sentence.start, self.cues, self.numbers)
                mentions += trailing_victims(sentence.text, sentence.start, mentions, self.numbers)
                mentions += along_with_victims(sentence.text, sentence.start, mentions)
                mentions += estimated_totals(sentence.text, sentence.start, self.numbers)
                mentions += side_losses(sentence.text, sentence.start, mentions, self.numbers)
                mentions += own_deaths(sentence.text, sentence.start, mentions, self.cues)
                mark_accused(sentence.text, sentence.start, mentions)
                mark_earlier(sentence.text, sentence.start, mentions)
                mark_earlier_after(sentence.text, sentence.start, mentions)
                mark_victims_after(sentence.text, sentence.start, mentions)
                mark_handled_bodies(sentence.text, sentence.start, mentions)
                mentions = drop_span_after(sentence.text, sentence.start, mentions)
                mark_aside_sources(sentence.text, sentence.start, mentions)
                count_those_died(mentions, self.numbers)
                mentions = drop_separately_coded(sentence.text, sentence.start, mentions)
                events = by_sentence.get(index, [])
                if events:
                    if current is None or self._opens_incident(current, events, sentence, mentions):
                        current = Incident()
                        found.append(current)
                        if first_of_segment is None:
                            first_of_segment = current
                            current.mentions.extend(pending)
                            current.sentences.extend(pending_sentences)
                            pending = []
                    current.add(events)
                    current.mentions.extend(mentions)
                    current.sentences.append(sentence)
                elif current is None:
                    pending.extend(mentions)
                    pending_sentences.append(sentence)
                else:
                    current.mentions.extend(mentions)
                    current.sentences.append(sentence)
            text = doc.text[sentences_of[segment][0][1].start : sentences_of[segment][-1][1].end]
            for incident in found[first:]:
                open_shares(incident.mentions, text, self.numbers)
                mark_reported_counts(incident.mentions, doc.text)
                mark_told_again(incident.mentions, doc.text, self.numbers)
                mark_sum_parts(incident.mentions, doc.text)
                mark_definite_again(incident.mentions, doc.text, self.numbers)
                mark_parts_told(incident.mentions, incident.sentences, self.numbers)
                incident.mentions = drop_unknown_counts(incident.mentions)
                incident.mentions = drop_vague_counted_later(incident.mentions, doc.text)
                told = " ".join(s.text for s in incident.sentences)
                types = {e.acled_event_type for e in incident.events}
                add_bombers(incident.mentions, told, types, self.numbers)
                share_over_days(incident.mentions, told, self.numbers)
                share_over_span(incident.mentions, incident.sentences)
            _share_coder_notes(found[first:])
        return found

    def fatalities_for(
        self,
        event: Event,
        tolls: tuple[Mention | None, Mention | None, list[Mention]],
    ) -> Fatalities | None:
        """The fatalities of one event of an incident (``None`` when nothing is said);
        ``tolls`` is ``incident.tolls()``, computed once for all the incident's events."""
        incident_deaths, wounded, background = tolls
        own = [m for m in background if m.start <= event.trigger.start < m.end]
        toll = incident_toll([replace_background(m) for m in own]) if own else None
        if toll is None:
            if event.plover_type not in self.lethal_types:
                return None
            toll = incident_deaths
        if toll is None and wounded is None:
            return None
        if toll is None:
            assert wounded is not None
            return Fatalities(None, None, None, None, -1, -1, wounded.best)
        return Fatalities(
            text=toll.text,
            best=toll.best,
            low=toll.low,
            high=toll.high,
            start=toll.start,
            end=toll.end,
            wounded=None if wounded is None else wounded.best,
        )

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        if not doc.sentences:
            doc.sentences = [Sentence(0, len(doc.text), doc.text)]
        for event in doc.events:
            if not 0 <= event.sentence_index < len(doc.sentences):
                doc.note(NAME, "EW-CAS-001", f"event {event.trigger.text!r} has no sentence")
        coded_days = gated_search(CODED_ON_DAY, doc.text) is not None  # "Fatalities coded on 3 May"
        for incident in self.incidents(doc):
            mark_grievances_told(incident.mentions, incident.sentences, incident.events)
            mark_accused_party(incident.mentions, incident.sentences, incident.events, doc.text)
            tolls = incident.tolls()
            quiet = None
            for event in incident.events:
                if event.acled_event_type in BACKGROUND_KILL_TYPES:
                    # "protested the death of a student who succumbed to his injuries",
                    # "met to settle the killing of a man who was shot in a dispute"
                    quiet = quiet or incident.tolls(own_clauses_only=True)
                    event.fatalities = self.fatalities_for(event, quiet)
                    continue
                found = self.fatalities_for(event, tolls)
                paragraph = _paragraph(doc, event) if coded_days else ""
                event.fatalities = _own_share(event, incident, found, paragraph)
            mark_grievances(incident.events, tolls[2])
            mark_causes(incident.events, tolls[2], doc.text)
        headline_shooting(doc, doc.events, BACKGROUND_KILL_TYPES)  # "Gangsters shoot officer."
        return doc


def captives_found_dead(told: list[Mention], mentions: list[Mention]) -> bool:
    """Whether a sentence tells the death of the captives an incident told of, on another
    day or at another place ("Gunmen abducted 4 traders. Their bodies were found on 2 May",
    "Seven hostages were killed the next day", "The officer was executed on 13 May"): the
    deaths belong to the abduction, as ACLED and GTD code them. ``told``: the incident's
    mentions so far; ``mentions``: the sentence's."""
    if not any(m.category == "kidnapped" and not m.background for m in told):
        return False
    if any(m.category == "killed" and not m.background for m in told):
        return False  # a kill told already: a later one may be another incident's
    kills = [m for m in mentions if m.category == "killed" and not m.background]
    return bool(kills) and all(
        m.kind in ("anaphoric", "pronoun") or CAPTIVES.search(m.text) for m in kills
    )


def mark_grievances(events: list[Event], background: list[Mention]) -> None:
    """Flag ``background`` the kills told as what a demonstration of the same sentence is
    about ("residents protested the killing of 2 persons", "rioted after the death of a
    student"): the kill is the cause of the protest, not a death in it, so the incidents
    stage keeps its toll out of the protest's and does not report it as an incident of its
    own. A kill told as a result ("police shot dead 3 protesters") is no background mention
    and stays."""
    protesting = {e.sentence_index for e in events if e.acled_event_type in DEMONSTRATION_TYPES}
    for event in events:
        if event.sentence_index in protesting and event.acled_event_type not in (
            DEMONSTRATION_TYPES
        ):
            start = event.trigger.start
            if any(m.start <= start < m.end for m in background):
                event.background = True


def _own_share(
    event: Event, incident: Incident, found: Fatalities | None, paragraph: str = ""
) -> Fatalities | None:
    """An event's own share where the coder's note tells one per day or place ("9 coded
    for June 3, 8 coded for June 4"): the share labelled with its day or place; none
    where the note puts the whole toll on another day ("Fatalities coded on 19 December")."""
    day = _day(event)
    if (
        found is not None
        and found.best
        and coded_on_another_day(paragraph, day if isinstance(day, date) else None)
    ):
        return Fatalities(found.text, 0, 0, 0, found.start, found.end, found.wounded)
    shares = [m for m in incident.mentions if m.label and not m.background]
    if found is None or found.best is None or not shares:
        return found
    if not any(m.start == found.start and m.end == found.end for m in shares):
        return found  # the toll is not a labelled share
    own = share_for(shares, day if isinstance(day, date) else None, _place_name(event))
    return Fatalities(own.text, own.best, own.low, own.high, own.start, own.end, found.wounded)


def _paragraph(doc: Document, event: Event) -> str:
    """The text of the paragraph (segment) an event is told in."""
    segment = doc.sentences[event.sentence_index].segment
    return " ".join(s.text for s in doc.sentences if s.segment == segment)


def _place_name(event: Event) -> str | None:
    place = event.location
    return None if place is None else " ".join(x for x in (place.name, place.text) if x)


def _share_coder_notes(incidents: list[Incident]) -> None:
    """A coder's note ("Fatalities coded as 5") speaks for the whole paragraph: every
    incident of it that holds none takes the paragraph's notes (an event the coder split
    off by place still gets the coded toll, not the sum of the sentences around it)."""
    notes = [
        m
        for incident in incidents
        for m in incident.mentions
        if m.kind in NOTE_KINDS and not m.background
    ]
    for incident in incidents:
        if notes and not any(m.kind in NOTE_KINDS for m in incident.mentions):
            incident.mentions.extend(notes)
    # "… resulting in an unspecified number of fatalities. Clashes were fought over land.
    # Unknown fatalities coded as 3.": the coder's number for the vague count told before,
    # or for an incident that tells no death of its own
    parts = [m for i in incidents for m in i.mentions if m.kind == "coded-part"]
    for incident in incidents:
        kinds = {m.kind for m in incident.mentions if m.category == "killed" and not m.background}
        if kinds <= {"vague"}:
            incident.mentions.extend(parts)


def replace_background(mention: Mention) -> Mention:
    """A background kill seen from the kill event itself: it counts."""
    return Mention(
        mention.category,
        mention.best,
        mention.low,
        mention.high,
        mention.start,
        mention.end,
        mention.text,
        mention.kind,
        False,
        mention.ambiguous,
    )


@register_stage(NAME)
def make_casualties_stage(settings: Settings, resources: Resources) -> Stage:
    options = settings.options_of(CasualtiesOptions)
    cues = resources.get("casualties:cues", load_cue_lexicon)
    numbers = resources.get("casualties:numbers", load_number_lexicon)
    lethal = LETHAL_TYPES if options.lethal_types is None else options.lethal_types
    return CasualtiesStage(cues, numbers, lethal)
