"""Incidents stage: one event per incident of a report, not one per trigger mention.

The earlier stages code every trigger as an event: the lead's "a car bomb exploded", the
"killing six" after it, "the blast" two paragraphs on, "claimed responsibility for the
attack", "arrested in connection with the bombing". ACLED codes one event per incident
type, per location, per day. This stage groups the mentions of a report into incidents
(:mod:`.group`), turns each incident into one event with the union of what its mentions
say (:mod:`.merge`) and flags what is not a current incident:

- ``background``: the incident's date ends more than ``background_days`` before the
  report's publication (a 2015 attack recalled in a 2016 story keeps its own date);
- ``aggregate``: a total over a long period ("since 2014 the conflict has killed …").

A claim or a denial that refers to no violent act is not an event: it is dropped with a
note; a report that only carries a claim (or a denial) of responsibility for a violent act
gives that act, with the claimant as actor1 (``claimed``), or no actor1 after a denial.
Options: ``config.IncidentsOptions``. See docs/incidents.md.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta

from eventwire.config import IncidentsOptions, Settings
from eventwire.datafiles import words
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.common.actordict import ActorDictionary, load_actor_dictionary
from eventwire.pipeline.incidents.claims import code_claimant, first_actor, text_claims
from eventwire.pipeline.incidents.compat import ends_before, later_deed, record_day, span_days
from eventwire.pipeline.incidents.cues import load_incident_cues, phrase_pattern
from eventwire.pipeline.incidents.elaborate import sharpen_places
from eventwire.pipeline.incidents.group import Grouper
from eventwire.pipeline.incidents.items import PROTESTERS_INTER, Incident, Item
from eventwire.pipeline.incidents.merge import grievance, merge
from eventwire.pipeline.incidents.retype import (
    EXCESSIVE_FORCE,
    abduction_in_attack,
    attack_on_armed,
    excessive_force,
    same_weapon,
)
from eventwire.pipeline.incidents.tolls import load_toll_cues, shared_sentences
from eventwire.pipeline.incidents.victims import victims_as_subject
from eventwire.records import Actor, Document, Event, Fatalities

NAME = "eventwire.incidents.v1"
VAGUE_PAST = frozenset({"week", "month", "year"})  # date precisions of "last week", "in 2015"
STATE_FORCES = frozenset({1})  # ACLED's inter code of state forces


class IncidentsStage:
    """Group a report's mention-level events into incidents, one event each."""

    name = NAME
    requires: tuple[str, ...] = ("doc.events", "doc.sentences")
    assigns: tuple[str, ...] = (
        "doc.events",  # one per incident
        "event.mentions",
        "event.background",
        "event.aggregate",
        "event.actor1",  # the union of the mentions' values
        "event.actor2",
        "event.location",
        "event.date",
        "event.fatalities",
        "event.modality",
        "event.attribution",
        "event.evidence",
        "event.confidence",
        "doc.notes",
    )

    def __init__(
        self, grouper: Grouper, options: IncidentsOptions, dictionary: ActorDictionary
    ) -> None:
        self.grouper = grouper
        self.options = options
        self.dictionary = dictionary
        self.toll_cues = load_toll_cues()
        self.weapon_sub_types = words("incidents", "report_weapon_sub_types")
        self.victim_types = words("incidents", "victim_subject_types")
        self.bloodless = words("incidents", "bloodless_sub_types")
        self.force_heads = (
            (phrase_pattern(words("incidents", "police_heads")), "POL"),
            (phrase_pattern(words("incidents", "military_heads")), "MIL"),
        )

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        pairs: list[tuple[Incident, Event]] = []
        victims_as_subject(doc, self.grouper.cues, self.victim_types, self.dictionary)
        incidents = self.grouper.group(doc)
        self.attach_text_claims(doc, incidents)
        places = [
            {i.event.location.text for i in inc.items if i.own_place and i.event.location}
            for inc in incidents
        ]
        for incident, shared in zip(
            incidents, shared_sentences(places, doc.sentences), strict=True
        ):
            event = self._event_of(doc, incident, frozenset(shared))
            if event is not None:
                pairs.append((incident, event))
        same_weapon(pairs, doc.sentences, self.weapon_sub_types, self.grouper.cues)
        self.flag_recalled(doc, pairs)
        sharpen_places(doc, pairs, self.grouper.cues)
        doc.events = [event for _, event in pairs]
        return doc

    def flag_recalled(self, doc: Document, pairs: list[tuple[Incident, Event]]) -> None:
        """Flag what is not a current incident: background recalls, periods, generic talk.

        The first conflict incident of a report is its lead; the ones told after it that
        ended more than ``recall_days`` before publication are recalled as background ("On
        June 25, protesters stormed parliament…" in a July 3 story), as is a lead dated only
        by a past month or year. A current incident dated over more than ``period_days``
        ("has been besieged since May") is a state or total over a period: ``aggregate``.
        A violent act or a demonstration told after the lead with no place, no day, no toll of
        its own ("the government wanted a ceasefire that included an end to kidnappings") is
        ``generic`` talk (an arrest "near the scene" stays an act)."""
        lead = True
        for incident, event in pairs:
            if event.acled_event_type is None or event.aggregate:
                continue
            told = [i for i in incident.items if i.kind in ("main", "coreferent", "consequence")]
            event.background = (
                event.background
                or self.is_background(doc, event, lead)
                or (bool(told) and all(i.recall_cue for i in told))
            )
            if not event.background and span_days(event.date) > self.options.period_days:
                event.aggregate = True
            if (
                (not lead or _presupposed(incident))
                and event.modality == "asserted"
                and self.grouper.family(event) in ("violent", "demonstration")
                and (_vague(incident, event) or (not lead and _retold(incident)))
                and not (event.actor1 is not None and event.actor1.claimed)
            ):  # a claimed act is what the claimant says it did, not talk ("said it had
                # carried out Thursday's attack on the police station in <village>")
                event.modality = "generic"
            lead = False

    def attach_text_claims(self, doc: Document, incidents: list[Incident]) -> None:
        """Give each claim no event carries to the latest violent incident told before it."""
        coded = {
            i.event.sentence_index: inc for inc in incidents for i in inc.items if i.kind == "claim"
        }
        territory = self.grouper.cues.own_sub_types
        for claim in text_claims(doc, self.grouper.cues, self.dictionary):
            if claim.sentence_index in coded:
                # the claim's event joined an incident: the claimant the dictionary names in
                # its words ("A faction of the TTP claimed…") is that incident's
                coded[claim.sentence_index].claimants.append(claim.claimant)
                continue
            best: tuple[int, Incident] | None = None
            for incident in incidents:
                if self.grouper.family(incident.first.event) != "violent" or all(
                    i.event.acled_sub_event_type in territory for i in incident.typed()
                ):
                    continue  # "security forces regained control" is not what is claimed
                told = [
                    i.order
                    for i in incident.items
                    if i.event.sentence_index <= claim.sentence_index
                ]
                if told and (best is None or max(told) > best[0]):
                    best = (max(told), incident)
            if best is not None:
                best[1].claimants.append(claim.claimant)
                best[1].claim_mentions.append(claim.mention)

    def _event_of(
        self, doc: Document, incident: Incident, shared: frozenset[int] = frozenset()
    ) -> Event | None:
        """The incident's event, or None for a claim or denial that refers to nothing.

        A report that only carries a claim of responsibility for a violent act ("Islamic
        State claimed responsibility for Tuesday's bombing of a market in Baghdad") tells
        of that act: it is the incident, dated by the claim's reference to it, with the
        claimant as actor1 (``claimed``); after a denial only, with no actor1."""
        claimed_act = self._claimed_act(doc, incident)
        if claimed_act is None and all(item.kind in ("claim", "denial") for item in incident.items):
            first = incident.first.event
            doc.note(
                NAME,
                "EW-INC-001",
                f"{incident.first.kind} {first.trigger.text!r} refers to no incident of the "
                "report: not an event",
            )
            return None
        # a grievance kill told alone ("protested the killing of…" split from its protest)
        grieved = all(grievance(i) for i in incident.items)
        event = merge(
            incident,
            doc.sentences,
            self.toll_cues,
            shared,
            self.grouper.cues.strong_codings,
            record_day(doc),
        )
        if claimed_act is not None and claimed_act[1] == "denial":
            event.actor1 = None  # who denies it is not who did it
        elif claimed_act is not None and event.actor1 is not None:
            event.actor1 = dataclasses.replace(event.actor1, claimed=True)
        if event.actor1 is not None and event.actor1.claimed:
            event.actor1 = code_claimant(event.actor1, self.dictionary)
        excessive_force(incident, event)
        attack_on_armed(incident, event)
        abduction_in_attack(incident, event)
        self.force_first(doc, event)
        if (
            event.acled_sub_event_type in self.bloodless
            and event.fatalities is not None
            and not _killing_told(incident)
        ):
            # a peaceful protest with no act of violence told in it has no dead: the toll
            # its own words gave is the grievance it is about ("demanding justice for the
            # death of their colleague, found dead in a forest")
            wounded = event.fatalities.wounded
            event.fatalities = None if wounded is None else Fatalities(wounded=wounded)
        event.background = grieved or self.is_background(doc, event)
        return event

    def force_first(self, doc: Document, event: Event) -> None:
        """ACLED lists the protesters of Excessive force against protesters as actor1 and
        the force that hurt them as actor2 (acled_more tune split: 84 of 96 such rows; 12
        put the force first), as for every other protest. A force read as actor1 ("Police
        in Bangladesh opened fire on students protesting…") moves to actor2; with no force
        coded, the first state force the dictionary names in the sentence becomes actor2.
        (The name is kept for the stage's call site: the force is placed, now second.)"""
        if event.acled_sub_event_type != EXCESSIVE_FORCE:
            return
        actor, other = event.actor1, event.actor2
        if actor is not None and actor.inter in STATE_FORCES:
            protesters = other if other is not None and other.inter == PROTESTERS_INTER else None
            event.actor1, event.actor2 = protesters or self._protesters(event), actor
            return
        if other is not None and other.inter in STATE_FORCES:
            return
        if not 0 <= event.sentence_index < len(doc.sentences):
            return
        sentence = doc.sentences[event.sentence_index]
        force = first_actor(sentence.text, sentence.start, self.dictionary, STATE_FORCES)
        country = event.location.country if event.location else None
        if force is None and country:
            force = self._force_by_head(sentence.text, sentence.start, country)
        if force is None:
            return
        if actor is None or actor.inter in (None, PROTESTERS_INTER):
            event.actor1 = actor if actor is not None else self._protesters(event)
            event.actor2 = force

    def _protesters(self, event: Event) -> Actor:
        """The generic protesters of the event's country (no words of their own)."""
        country = event.location.country if event.location else None
        return self.dictionary.by_id["GEN-PROTESTERS"].inferred(country)

    def _force_by_head(self, text: str, base: int, country: str) -> Actor | None:
        """The country's police or military named by a head noun of the sentence."""
        found = [
            (m.start(), suffix, m)
            for pattern, suffix in self.force_heads
            if (m := pattern.search(text)) is not None
        ]
        if not found:
            return None
        _, suffix, match = min(found, key=lambda f: f[0])
        entry = self.dictionary.get(f"{country}-{suffix}")
        if entry is None:
            return None
        return Actor(
            text=match.group(0),
            start=base + match.start(),
            end=base + match.end(),
            name=entry.name,
            actor_id=entry.id,
            type=entry.type,
            inter=entry.inter,
            country=entry.country,
            resolved_by="head-noun",
        )

    def _claimed_act(self, doc: Document, incident: Incident) -> tuple[Event, str] | None:
        """The violent act that an incident made only of claims, or only of denials, refers
        to, with that kind; None otherwise."""
        kinds = {item.kind for item in incident.items}
        if kinds not in ({"claim"}, {"denial"}):
            return None
        kind = kinds.pop()
        first = incident.first
        event = first.event
        if self.grouper.family(event) != "violent":
            return None
        if kind == "denial":
            if not first.anaphor:
                return None  # "denied that its troops attacked the village": contested
            event.modality = "asserted"  # "denied any role in Monday's attack": it happened
        if event.modality != "asserted" or not self._named_by_claim(doc, first):
            return None
        return event, kind

    def _named_by_claim(self, doc: Document, item: Item) -> bool:
        """Is the act the one the claim or denial names ("claimed responsibility for
        Tuesday's bombing"), not a word of its reasons further on ("…, saying it avenged
        the killing of its commander")? The next words after the cue, with no clause
        break between."""
        index = item.event.sentence_index
        if not 0 <= index < len(doc.sentences):
            return False
        sentence = doc.sentences[index]
        before = sentence.text[: item.event.trigger.start - sentence.start]
        cues = self.grouper.cues
        told = [m for p in cues.claim_told if (m := p.search(before))]
        found = [cues.claim.search(before), *told, cues.denial.search(before)]
        # each cue in turn: "JNIM claimed Saturday's attack on the base, saying in a statement
        # that its fighters had killed 22 soldiers" names the act again in the speaker's words
        for cue in (m for m in found if m is not None):
            between = before[cue.end() :]
            if not any(mark in between for mark in ",;:") and len(between.split()) <= 6:
                return True
            if _toll_clause_of_act(between):
                return True
        return False

    def is_background(self, doc: Document, event: Event, lead: bool = True) -> bool:
        """Whether the event's date ends well before the report was published: more than
        ``background_days``, or more than ``recall_days`` for an incident recalled after the
        lead or dated only by a span longer than that ("last month"); or whether its sentence
        tells it in a named era of the past ("during the 1994 genocide")."""
        if event.aggregate:
            return False
        index = event.sentence_index
        if index < len(doc.sentences) and self.grouper.cues.in_past_era(doc.sentences[index].text):
            return True
        if doc.published is None:
            return False
        if later_deed(doc, event.date):
            return True
        if ends_before(event.date, doc.published - timedelta(days=self.options.background_days)):
            return True
        if not lead and event.date is not None and event.date.precision in VAGUE_PAST:
            # recalled after the lead and dated only "last week", "last month"
            return ends_before(event.date, doc.published)
        recalled = not lead or span_days(event.date) > self.options.recall_days
        # a week or more before publication: ends before the day after that
        limit = doc.published - timedelta(days=self.options.recall_days - 1)
        return recalled and ends_before(event.date, limit)


_TOLL_CLAUSE = re.compile(
    r"^(?P<act>[^,;:]{0,120}?)(?:,\s*)?\b(?:that|which)\s+"
    r"(?:(?:[\w-]+\s+){0,4}?(?:said|says|say)\s+)?(?:had\s+|has\s+)?$",
    re.I,
)


def _toll_clause_of_act(between: str) -> bool:
    """Whether the trigger after a claim's cue is the verb of a relative clause that tells the
    toll of the act the claim names ("claimed responsibility on Tuesday for Monday's suicide
    bombing outside a ministry in Kabul that killed six people", "said its fighters had
    carried out Saturday's attack on the hotel, which the government said killed 11"): the
    killing is that act. ``between``: the words from the cue to the trigger; the act's
    words must hold an incident noun (``anaphoric_nouns``)."""
    found = _TOLL_CLAUSE.match(between)
    if found is None:
        return False
    act = set(re.findall(r"[\w-]+", found["act"].casefold()))
    return bool(act & words("incidents", "anaphoric_nouns"))


def _killing_told(incident: Incident) -> bool:
    """Whether a describing mention other than a demonstration's carries a toll ("police
    shot at the protesters, killing 2"): a death in the incident, not its grievance."""
    return any(
        i.kind in ("main", "coreferent", "consequence")
        and i.event.acled_event_type not in ("Protests", "Riots")
        and not grievance(i)
        and i.event.fatalities is not None
        and bool(i.event.fatalities.best)
        for i in incident.items
    )


def _presupposed(incident: Incident) -> bool:
    """An incident told only by definite anaphors ("whose daughter was killed by the
    blast"): the act they refer back to is one the coder did not take for an incident (an
    accidental explosion, a disaster), so vague, it is talk even as the report's first."""
    told = [i for i in incident.items if i.kind in ("main", "coreferent", "consequence")]
    return bool(told) and all(i.anaphor for i in told)


def _retold(incident: Incident) -> bool:
    """An incident told only in relative clauses that name an author by an act ("the same
    group that attacked Mbau"): a known act, talk, whatever its place."""
    told = [i for i in incident.items if i.kind in ("main", "coreferent", "consequence")]
    return bool(told) and all(i.retold for i in told)


def _vague(incident: Incident, event: Event) -> bool:
    """An incident none of whose mentions states a place, a day or a toll of its own."""
    told = [i for i in incident.items if i.kind in ("main", "coreferent", "consequence")]
    toll = event.fatalities is not None and (event.fatalities.best or 0) > 0
    return bool(told) and not toll and not any(i.anchored or i.placed for i in told)


@register_stage(NAME)
def make_incidents_stage(settings: Settings, resources: Resources) -> Stage:
    options = settings.options_of(IncidentsOptions)
    cues = resources.get("incidents:cues", load_incident_cues)
    grouper = Grouper(
        cues,
        words("incidents", "violent_types"),
        words("incidents", "demonstration_types"),
        options.recall_days,
    )
    files = tuple(settings.user_actor_files)
    # the actors stage's dictionary (same resource key): loaded once per process
    dictionary = resources.get("actors:" + "|".join(files), lambda: load_actor_dictionary(files))
    return IncidentsStage(grouper, options, dictionary)
