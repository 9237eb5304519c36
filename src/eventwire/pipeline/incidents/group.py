"""Group the mention-level events of one report into incidents.

Mentions are read in text order. Each is first classified (:func:`classify`): a ``claim``
or ``denial`` of responsibility, a ``follow-up`` (an arrest "in connection with the
attack"), a ``consequence`` (a kill or wound frame: "killing four"), a ``coreferent``
("the attack", "Friday's blast") or a ``main`` mention. It then joins the most recent
incident it is compatible with (:meth:`Grouper.compatible`) or opens a new one. Claims,
denials and follow-ups of a sentence wait until its other mentions are placed, so that
"police arrested two men in connection with the bombing" first finds the bombing.

Political interactions without an ACLED type (PLOVER only) and totals over long periods
(``aggregate``) always stay on their own.
"""

from __future__ import annotations

from eventwire.pipeline.incidents.claims import act_after_claim
from eventwire.pipeline.incidents.compat import (
    actors_conflict,
    dates_compatible,
    places_compatible,
    stated_date,
    stated_place,
)
from eventwire.pipeline.incidents.cues import IncidentCues
from eventwire.pipeline.incidents.items import DEFERRED, Incident, Item, harms_protesters
from eventwire.pipeline.incidents.standing import frame, own_place_and_date, standing
from eventwire.records import Actor, Document, Event

_DEFERRED = DEFERRED
_QUOTED = frozenset({"quoted", "interviewee"})  # attribution roles of a party's own words
_QUOTE_MARKS = ('"', "“", "”")  # a sentence of quoted words, not reported speech
# How many sentences on an indefinite mention of the same type still continues an incident.
_NEAR_SENTENCES = 2


def _sentence_text(doc: Document, event: Event) -> tuple[str, int]:
    if 0 <= event.sentence_index < len(doc.sentences):
        sentence = doc.sentences[event.sentence_index]
        return sentence.text, sentence.start
    return doc.text, 0


def _placed_or_dated(event: Event, base: int, length: int) -> bool:
    """Whether the event's sentence states its place or its date."""
    place, when = event.location, event.date
    return (place is not None and 0 <= place.start - base < length) or (
        when is not None and 0 <= when.span_start - base < length
    )


class Grouper:
    """Group one document's events into incidents with the incident cues."""

    def __init__(
        self,
        cues: IncidentCues,
        violent: frozenset[str],
        demo: frozenset[str],
        recall_days: int = 7,
    ) -> None:
        self.cues = cues
        self.violent = violent
        self.demo = demo
        self.recall_days = recall_days

    def family(self, event: Event) -> str | None:
        """The type family of an event: violent, demonstration, its own type, or None."""
        etype = event.acled_event_type
        if etype is None:
            return None
        if etype in self.violent:
            return "violent"
        if etype in self.demo:
            return "demonstration"
        return etype

    def classify(self, doc: Document, event: Event, order: int) -> Item:
        """What kind of mention an event is (see the module docstring)."""
        text, base = _sentence_text(doc, event)
        start, end = event.trigger.start - base, event.trigger.end - base
        anaphor = self.cues.is_definite_anaphor(text, start, end) or self.cues.describes(
            text, start
        )
        generic = event.trigger.text.lower() in self.cues.generic_triggers
        kind, own_account = self._kind(event, text, base, start, anaphor)
        item = Item(event, order, kind, generic, anaphor, own_account=own_account)
        own_place_and_date(self.cues, self.recall_days, item, doc, (text, base), (start, end))
        standing(self.cues, item, text, start)
        item.quoted = any(mark in text for mark in _QUOTE_MARKS)
        return item

    def _kind(
        self, event: Event, text: str, base: int, start: int, anaphor: bool
    ) -> tuple[str, bool]:
        """The mention's kind, and whether it is a party's own account of the incident."""
        trigger = event.trigger.text.lower()
        role = event.attribution.role if event.attribution else None
        claim = role == "claimant" or self.cues.is_claim(text[:start])
        if claim and not act_after_claim(text[:start], self.cues):
            # what follows "claimed responsibility for" is the incident claimed or the claim's
            # own words ("…, saying it avenged the torture of prisoners"): never a new event
            return "claim", False
        if self.cues.is_denial(text[:start]) and (anaphor or event.modality == "negated"):
            return "denial", False
        if (
            role in _QUOTED
            and self.cues.is_own_account(text)
            and not _placed_or_dated(event, base, len(text))
        ):
            # "Our members were attacked first and only defended themselves," a union leader
            # said: that side's version of the incident told before, not a new one
            return "denial", True
        if (
            event.acled_sub_event_type in self.cues.response_sub_types
            and event.modality == "asserted"
        ):
            # "soldiers were deployed to the area", "a curfew was imposed": a response to an
            # incident told before (its own event only when the report tells none)
            return "follow-up", False
        if self.cues.is_followup(text) and (
            anaphor or event.acled_sub_event_type == "Arrests" or event.acled_event_type is None
        ):
            return "follow-up", False
        if (
            frame(event) in self.cues.consequence_frames
            or trigger in self.cues.response_triggers
            or event.acled_sub_event_type in self.cues.attached_sub_types
        ):
            return "consequence", False
        return ("coreferent" if anaphor else "main"), False

    def compatible(self, item: Item, incident: Incident) -> bool:
        """Whether a mention can be about an incident (type family, place, date, actor1)."""
        first = incident.first
        if first.aggregate or first.event.acled_event_type is None:
            return False
        if not self._modality_fits(item, incident):
            return False
        family = self.family(item.event)
        if (
            family != self.family(first.event)
            and item.kind in ("main", "coreferent")
            and not self._at_protest(item, incident)
            and not self._anaphor_of(item, incident)
            and not self._quoted_talk(item, incident)
        ):
            return False
        if (
            item.kind not in ("main", "coreferent")
            and not item.own_account  # a side's version of a riot speaks of being attacked
            and not self._answers_demonstration(item, incident)
            and not (item.kind == "consequence" and first.event.acled_event_type == "Riots")
            and self.family(first.event) not in ("violent", family)
            and not (harms_protesters(item) and self._at_protest(item, incident))
        ):
            return False
        if item.kind not in ("main", "coreferent") and self._only_territory(item, incident):
            return False
        if item.kind == "main" and not (
            (self._same_type(item, incident) and self._near_or_same(item, incident))
            or self._same_act(item, incident)
            or self._continues(item, incident)
            or self._at_protest(item, incident)
            or self._unanchored(item, incident)
            or self._quoted_talk(item, incident)
        ):
            return False
        if (
            item.kind == "follow-up"
            and item.event.acled_sub_event_type in self.cues.response_sub_types
            and not any(i.event.sentence_index < item.event.sentence_index for i in incident.items)
        ):
            return False  # "brought in reinforcements in connection with the clashes": the news
        if item.recalled and not any(
            (o.own_date and not o.reported_date and stated_date(o.event.date)) or o.retrospective
            for o in incident.typed()
        ):
            return False  # "On June 25, police opened fire…" is not today's undated protest
        for other in incident.typed():
            if (
                item.own_place
                and other.own_place
                and not places_compatible(item.event.location, other.event.location)
            ):
                return False
            if (
                item.own_date
                and other.own_date
                and not (item.reported_date or other.reported_date)  # nor the day a source spoke
                and not dates_compatible(item.event.date, other.event.date)
            ):
                return False
            if item.kind == "main" and other.kind == "main" and family == self.family(other.event):
                sides = (_perpetrator(other.event), other.event.actor2)
                if actors_conflict(_perpetrator(item.event), sides, self.cues.strong_codings):
                    return False
        return True

    def _answers_demonstration(self, item: Item, incident: Incident) -> bool:
        """A response to a demonstration ("a curfew was imposed", "the government withdrew
        the bill"), or "the killings" after a demonstration where people were killed."""
        if self.family(incident.first.event) != "demonstration":
            return False
        if item.kind == "follow-up":
            return item.event.acled_sub_event_type in self.cues.response_sub_types
        if item.kind != "consequence" or item.event.plover_type != "ASSAULT":
            return False
        # "two people were brought in dead", "the killings": the demonstration's victims
        return any(
            (i.event.fatalities is not None and (i.event.fatalities.best or 0) > 0)
            or i.event.acled_sub_event_type in self.cues.deadly_demonstration_sub_types
            for i in incident.typed()
        )

    def _unanchored(self, item: Item, incident: Incident) -> bool:
        """A mention with neither a place nor a date of its own ("the insurgents have
        increasingly targeted farmers", "officers used force after protesters threw stones")
        never opens an incident beside one of its family told before: it speaks of that one
        (or in general terms of the conflict)."""
        if self.family(item.event) != self.family(incident.first.event):
            return False
        if self.family(item.event) not in ("violent", "demonstration"):
            return False
        if item.event.modality != "asserted":
            return False  # "car bombs kill dozens" beside "Sunnis are picked up": two patterns
        subs = {i.event.acled_sub_event_type for i in incident.typed()}
        if (subs | {item.event.acled_sub_event_type}) & self.cues.own_sub_types:
            return False  # each change of territory is told as an event of its own
        return not item.anchored

    @staticmethod
    def _quoted_talk(item: Item, incident: Incident) -> bool:
        """A witness's or an official's quoted words with no place or day of their own, told
        within two sentences of an incident ("'They were shooting at us like animals,' said
        a protester"; "'We will not let them take this region hostage'"): they speak of
        that incident, never of a new one."""
        role = item.event.attribution.role if item.event.attribution else None
        told = max(i.event.sentence_index for i in incident.items)
        return (
            item.kind == "main"
            and role in _QUOTED
            and item.quoted
            and item.event.acled_event_type != "Strategic developments"  # "arrested near the scene"
            and not item.anchored
            and 0 <= item.event.sentence_index - told <= _NEAR_SENTENCES
        )

    @staticmethod
    def _anaphor_of(item: Item, incident: Incident) -> bool:
        """A definite anaphor told within two sentences of an incident of another family
        ("the strikes" after an air strike, "the clashes" after police fired on a crowd)
        names that incident, whatever sense the events stage gave its noun."""
        told = max(i.event.sentence_index for i in incident.items)
        return (
            item.kind == "coreferent"
            and not item.own_date
            and 0 <= item.event.sentence_index - told <= _NEAR_SENTENCES
        )

    def _only_territory(self, item: Item, incident: Incident) -> bool:
        """A change of territory told before ("before security forces regained control") is
        no attack: a death, a claim or an arrest of a later sentence speaks of the attack
        told with it, not of the territory taken (in its own sentence it may be its toll)."""
        typed = incident.typed()
        if not typed:  # only claims so far ("said it carried out Thursday's attack, which
            return False  # killed 30"): no territory told, the toll clause is the claimed act's
        return all(i.event.acled_sub_event_type in self.cues.own_sub_types for i in typed) and all(
            i.event.sentence_index != item.event.sentence_index for i in typed
        )

    def _only_talk(self, item: Item, incident: Incident) -> bool:
        """Whether a main mention joins an incident only as talk: no place or day of its own,
        not the next sentence, not the incident's type ("the military has increasingly relied
        on air strikes" after a raid): it neither represents the incident nor gives it a toll."""
        if item.anchored or self._same_act(item, incident) or self._continues(item, incident):
            return False
        etype = item.event.acled_event_type
        return self.family(item.event) == "violent" and not any(
            i.event.acled_event_type == etype for i in incident.typed() if i is not item
        )

    def _same_type(self, item: Item, incident: Incident) -> bool:
        """A main mention joins an incident of its ACLED type, or of its family when either
        side is only generic ("an attack" and "a car bomb exploded")."""
        event = item.event
        typed = incident.typed()
        if any(i.event.acled_event_type == event.acled_event_type for i in typed):
            own = self.cues.own_sub_types
            subs = {i.event.acled_sub_event_type for i in typed}
            if event.acled_event_type == "Strategic developments" or (
                (subs | {event.acled_sub_event_type}) & own
            ):
                return subs == {event.acled_sub_event_type}
            return True
        if self.family(event) != "violent":
            return False
        return item.generic or all(i.generic or i.kind == "consequence" for i in typed)

    @staticmethod
    def _near_or_same(item: Item, incident: Incident) -> bool:
        """An indefinite mention of the same type joins an incident told in the last few
        sentences, or one farther back that it places at the same stated place or day."""
        told = max(i.event.sentence_index for i in incident.items)
        if item.event.sentence_index - told <= _NEAR_SENTENCES:
            return True
        for other in incident.typed():
            here, there = item.event.location, other.event.location
            if stated_place(here) and stated_place(there) and places_compatible(here, there):
                return True
            when, then = item.event.date, other.event.date
            if (
                item.own_date
                and other.own_date
                and stated_date(when)
                and stated_date(then)
                and dates_compatible(when, then)
            ):
                return True
        return False

    @staticmethod
    def _modality_fits(item: Item, incident: Incident) -> bool:
        """A habit, a generic statement or a hypothesis is not told of a real incident, nor the
        other way round; "nobody was killed" (negated) may still be a consequence of one."""
        if item.kind in _DEFERRED:
            return True
        modality = item.event.modality
        if modality == "negated" and item.kind == "consequence":
            return True
        told = {i.event.modality for i in incident.typed()}
        if item.kind == "coreferent" and modality == "asserted" and "hypothetical" in told:
            # "sentenced for helping to plan the bombing in October 2015. The bombing killed
            # 100 people": the anaphor asserts that the dated act was carried out
            return any(i.own_date and stated_date(i.event.date) for i in incident.typed())
        return modality in told

    def _at_protest(self, item: Item, incident: Incident) -> bool:
        """An arrest, or harm done to the protesters ("…, wounding 12 protesters"), told in
        or right after a demonstration's sentence: part of it."""
        if self.family(incident.first.event) != "demonstration":
            return False
        if not (
            item.event.acled_sub_event_type in self.cues.protest_attached_sub_types
            or harms_protesters(item)
        ):
            return False
        told = max(i.event.sentence_index for i in incident.items)
        return 0 <= item.event.sentence_index - told <= 1

    def _continues(self, item: Item, incident: Incident) -> bool:
        """A violent act told right after a violent incident, with no place or date of its
        own ("Boko Haram ambushed a convoy near Maiduguri on Tuesday. The insurgents opened
        fire with rockets…"): the story goes on about the same incident."""
        if self.family(item.event) != "violent" or self.family(incident.first.event) != "violent":
            return False
        event = item.event
        if event.modality != "asserted" or event.acled_sub_event_type in self.cues.own_sub_types:
            return False
        if stated_place(event.location) or (item.own_date and stated_date(event.date)):
            return False
        told = max(i.event.sentence_index for i in incident.items)
        return 0 <= event.sentence_index - told <= 1

    def _same_act(self, item: Item, incident: Incident) -> bool:
        """Several words of one act: "the rebels fired mortars and grenade launchers" gives two
        violent mentions of one sentence with the same actor1 span."""
        actor = item.event.actor1
        if actor is None or actor.start < 0 or self.family(item.event) != "violent":
            return False
        return any(
            i.event.sentence_index == item.event.sentence_index
            and i.event.actor1 is not None
            and (i.event.actor1.start, i.event.actor1.end) == (actor.start, actor.end)
            for i in incident.typed()
        )

    def group(self, doc: Document) -> list[Incident]:
        """Group ``doc.events`` into incidents (each event in exactly one)."""
        events = sorted(doc.events, key=lambda e: (e.sentence_index, e.trigger.start))
        items = [self.classify(doc, e, n) for n, e in enumerate(events)]
        incidents: list[Incident] = []
        by_sentence: dict[int, list[Item]] = {}
        for item in items:
            by_sentence.setdefault(item.event.sentence_index, []).append(item)
        for index in sorted(by_sentence, key=lambda n: (n == 0 and _headline(doc), n)):
            text, _ = _sentence_text(doc, by_sentence[index][0].event)
            barrier = len(incidents) if self.cues.opens_incident(text) else 0
            batch = sorted(by_sentence[index], key=_turn)
            referred: Incident | None = None  # the incident this sentence's anaphor joined
            for item in batch:
                if (
                    item.kind in _DEFERRED
                    and not item.anaphor
                    and referred is not None
                    and item.event.acled_event_type is not None
                ):
                    referred.add(item)
                    continue
                joined = self._place(item, incidents, barrier)
                if item.anaphor and item.kind in _DEFERRED and len(joined.items) > 1:
                    referred = joined
        return incidents

    def _place(self, item: Item, incidents: list[Incident], barrier: int) -> Incident:
        """Add a mention to the most recent compatible incident, or open a new one."""
        if item.event.acled_event_type is not None and not item.aggregate:
            deferred = item.kind in _DEFERRED
            pool = incidents if deferred and not barrier else incidents[barrier:]
            candidates = [
                i for i in sorted(pool, key=lambda i: -i.last) if self.compatible(item, i)
            ]
            if item.anaphor and not item.generic:
                # "the bombing" refers to the latest bombing before the latest attack
                etype = item.event.acled_event_type
                same = [
                    i
                    for i in candidates
                    if any(t.event.acled_event_type == etype for t in i.typed())
                ]
                candidates = same or candidates
            if item.event.modality == "asserted":
                # an asserted anaphor refers to a planned or charged act only when no act
                # told as done fits ("… to plan the bombing in October 2015. The bombing…")
                done = [i for i in candidates if "asserted" in _modalities(i)]
                candidates = done or candidates
            if candidates:
                if item.kind == "main" and self._at_protest(item, candidates[0]):
                    item.kind = "consequence"  # the arrests of a Protest with intervention
                item.general = item.kind == "main" and (
                    self._only_talk(item, candidates[0]) or self._quoted_talk(item, candidates[0])
                )
                candidates[0].add(item)
                return candidates[0]
        if item.kind == "follow-up" or item.own_account:
            # an arrest, or a party's account, about no incident of the report is its own event
            item.kind = "main"
        incidents.append(Incident())
        incidents[-1].add(item)
        return incidents[-1]


def _headline(doc: Document) -> bool:
    """Whether the report's first sentence is its headline (a title segment, or a first
    paragraph of one unpunctuated sentence): it retells an incident of the body, so its
    mentions are placed after the body's."""
    if not doc.sentences:
        return False
    first = doc.sentences[0]
    if 0 <= first.segment < len(doc.segments) and doc.segments[first.segment].kind == "title":
        return True
    alone = len(doc.sentences) > 1 and doc.sentences[1].segment != first.segment
    return alone and not first.text.rstrip().endswith((".", "!", "?", '"', "”", "'"))


def _modalities(incident: Incident) -> set[str]:
    return {i.event.modality for i in incident.typed()}


def _turn(item: Item) -> tuple[int, int]:
    """The order mentions of one sentence are placed in: described first, then anaphoric
    claims and follow-ups ("… over the attack"), then the acts that refer through them."""
    if item.kind not in _DEFERRED:
        return (0, item.order)
    return (1 if item.anaphor else 2, item.order)


def _perpetrator(event: Event) -> Actor | None:
    """The event's actor1, unless it is only the source that reports it ("police said")."""
    actor = event.actor1
    speaker = event.attribution.speaker if event.attribution else None
    if actor is not None and speaker and actor.text and actor.text.lower() in speaker.lower():
        return None
    return actor
