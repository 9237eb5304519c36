"""Turn one incident's mentions into one event carrying the union of what they say.

The representative mention (the most specific one: a typed main mention before a "the
blast" before a "killing four" before a generic "attack") keeps its trigger, type and id;
the other fields come from the mention that says most: the named perpetrator (or, when the
report names none, the claimant marked ``claimed``), the coded victims, the most specific
place and date, the latest toll, ``asserted`` when any mention asserts it, every evidence
span and every mention with its kind.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from eventwire.ontology import DEMONSTRATION_TYPES
from eventwire.pipeline.common.salience import coded_salience
from eventwire.pipeline.incidents.compat import after_day, date_rank, named, place_rank
from eventwire.pipeline.incidents.items import Incident, Item
from eventwire.pipeline.incidents.tolls import TollCues, combine_tolls, own_tolls
from eventwire.records import Actor, Event, Mention, Sentence, Span

# Mentions that describe the incident itself (claims, denials and follow-ups only refer to it).
_DESCRIBING = frozenset({"main", "coreferent", "consequence"})
_CONFIDENCE_STEP, _CONFIDENCE_CAP = 0.01, 0.97


def grievance(item: Item) -> bool:
    """A kill the casualties stage flagged as the cause of a demonstration told with it
    ("protested the killing of 2 persons"): not a death of the incident."""
    return item.event.background and item.event.acled_event_type not in DEMONSTRATION_TYPES


def _rank(item: Item) -> tuple[bool, int, bool, float, int]:
    """Which mention represents the incident, lowest first: an asserted one; a typed act
    ("a car bomb exploded") before "the blast", before a generic act ("gunmen attacked"),
    before its consequence ("killing four"); a mention that states its own place or day
    before a retelling that inherits both ("residents heard a loud blast" after the lead);
    then the events stage's confidence."""
    if item.general:
        rank = 8  # talk with no place or day of its own ("has relied on air strikes")
    elif item.kind == "main" and not item.generic:
        rank = 0
    elif item.kind == "coreferent" and not item.generic:
        rank = 1
    elif item.kind == "main":
        rank = 2
    elif item.kind == "consequence":
        rank = 3
    elif item.kind == "coreferent":
        rank = 4
    else:
        rank = {"claim": 5, "follow-up": 6}.get(item.kind, 7)
    inherited = not (item.own_place or item.own_date)
    return (
        item.event.modality != "asserted",
        rank,
        inherited,
        -coded_salience(item.event),
        item.order,
    )


def _speaker_is_actor(event: Event) -> bool:
    speaker = event.attribution.speaker if event.attribution else None
    actor = event.actor1
    return bool(actor and actor.text and speaker and actor.text.lower() in speaker.lower())


def _perpetrators(items: list[Item]) -> list[Actor]:
    """The named actor1 of the given mentions, not a speaker who became actor1."""
    return [
        actor
        for i in items
        if named(actor := i.event.actor1) and actor is not None and not _speaker_is_actor(i.event)
    ]


def _actor1(
    rep: Item, items: list[Item], claimants: list[Actor], strong: frozenset[str] = frozenset()
) -> Actor | None:
    """The named perpetrator, else the claimant (``claimed=True``), else the representative's.

    In this order: a perpetrator the dictionary names in an act told for itself; a claimant
    the dictionary names; a perpetrator read from context in an act told for itself; any
    claimant; then one named only in a consequence ("our forces killed the three attackers"
    is the response), an anaphor ("Troops who went to the area after the explosion…") or
    talk with no place or day ("while the group attacked soldiers")."""
    describing = [i for i in items if i.kind in _DESCRIBING]
    told = [i for i in describing if i.kind == "main" and not i.general]
    claims = [c for i in items if i.kind == "claim" and (c := _claimant(i.event)) is not None]
    tiers: list[list[Actor]] = [
        [a for a in _perpetrators(told) if a.resolved_by in strong],
        [c for c in claims if c.resolved_by in strong] + claimants,
        _perpetrators(told),
        claims,
        _perpetrators([i for i in describing if i.kind == "consequence" and not i.general]),
        _perpetrators(describing),
    ]
    for tier in tiers:
        if tier:
            return tier[0]
    if rep.event.actor1 is not None:
        return rep.event.actor1
    return next((i.event.actor1 for i in describing if i.event.actor1 is not None), None)


def _claimant(event: Event) -> Actor | None:
    """Who claims responsibility: the claim's coded actor1, else its speaker's words."""
    actor = event.actor1
    speaker = event.attribution.speaker if event.attribution else None
    if actor is not None and named(actor):
        return dataclasses.replace(actor, claimed=True)
    if speaker:
        return Actor(text=speaker, claimed=True, resolved_by="claim")
    return None


def _actor2(rep: Item, items: list[Item]) -> Actor | None:
    """The coded victims: the representative's, else the first coded ones of another mention.

    In a battle the dead and wounded of a consequence ("one member was wounded during the
    clashes") may be on either side: they are not the other party.
    """
    if rep.event.actor2 is not None and rep.event.actor2.inter is not None:
        return rep.event.actor2
    if rep.event.acled_event_type in DEMONSTRATION_TYPES:
        # "the protesters were detained": the police who intervened are the other side
        for item in items:
            actor = item.event.actor1
            if (
                item.kind == "consequence"
                and actor is not None
                and named(actor)
                and actor.inter in (1, 2, 3)
            ):
                return actor  # named: "people were injured" infers an unidentified attacker
        return rep.event.actor2
    kinds: tuple[str, ...] = ("main", "coreferent")
    if rep.event.acled_event_type != "Battles":
        kinds = ("main", "coreferent", "consequence")
    for item in (i for i in items if i.kind in kinds):
        actor = item.event.actor2
        if actor is not None and actor.inter is not None and actor.text.strip():
            return actor
    return rep.event.actor2


def _evidence(items: list[Item]) -> list[Span]:
    seen: set[tuple[int, int, str]] = set()
    spans: list[Span] = []
    for item in sorted(items, key=lambda i: i.order):
        for span in item.event.evidence:
            key = (span.start, span.end, span.label)
            if key not in seen:
                seen.add(key)
                spans.append(span)
    return spans


def _mentions(rep: Item, items: list[Item]) -> list[Mention]:
    mentions = []
    for item in sorted(items, key=lambda i: i.order):
        kind = "main" if item is rep else item.kind
        if kind == "main" and item is not rep:
            kind = "coreferent"
        trigger = item.event.trigger
        mentions.append(
            Mention(item.event.sentence_index, trigger.start, trigger.end, trigger.text, kind)
        )
    return mentions


def _counting(describing: list[Item]) -> list[Item]:
    """The mentions whose tolls count: not talk joined with no place or day of its own, nor
    an anaphor in a sentence of a total ("Nobody claimed the attack, but the group has killed
    thousands since 2014"), unless no other mention gives a toll."""
    told = [i for i in describing if not (i.general or (i.anaphor and i.in_total))]
    tolled = [i for i in told if i.event.fatalities is not None]
    return told if tolled else describing


def refused_date(item: Item, rep: Item, sentences: list[Sentence]) -> bool:
    """Whether the mention's date is one the dates stage read in the representative's own
    sentence and did not give it: "troops deploy … following an attack April 10th", "the
    third resident held since protests in early June". That stage judged the date
    another deed's (after "following" / "since", in a relative clause, of a noun), so a
    mention of that deed joined to the incident does not lend it back."""
    when, own = item.event.date, rep.event.date
    index = rep.event.sentence_index
    if item is rep or when is None or own is None or not 0 <= index < len(sentences):
        return False
    sentence = sentences[index]
    return sentence.start <= when.span_start < sentence.end and own.span_start != when.span_start


def merge(
    incident: Incident,
    sentences: list[Sentence],
    toll_cues: TollCues,
    shared: frozenset[int] = frozenset(),
    strong: frozenset[str] = frozenset(),
    day: date | None = None,
) -> Event:
    """The incident as one event: the representative mention, filled from all mentions.
    ``shared``: sentences that also name other incidents' places (their tolls are totals);
    ``day``: the date of a record dated at its event."""
    items = incident.items
    describing = [i for i in items if i.kind in _DESCRIBING] or items
    # a kill told as what a demonstration is about (flagged ``background`` by the casualties
    # stage): neither its representative nor part of its toll
    describing = [i for i in describing if not grievance(i)] or describing
    rep = min(describing, key=_rank)
    event = rep.event
    if rep.kind not in _DESCRIBING:
        rep.kind = "main"
    event.actor1 = _actor1(rep, items, incident.claimants, strong)
    event.actor2 = _actor2(rep, items)
    stated = [i for i in describing if i.own_place] or [rep]
    event.location = min(stated, key=lambda i: place_rank(i.event.location, i.order)).event.location
    # a date the mention states itself before one it inherits (from the dateline, the lead)
    # and a date of the incident before the day a source spoke ("police said on Monday")
    # and never a day after the date of a record dated at its event (a later deed)
    event.date = min(
        describing,
        key=lambda i: (
            after_day(i.event.date, day),
            refused_date(i, rep, sentences),
            not i.own_date,
            i.reported_date,
            date_rank(i.event.date, i.order),
        ),
    ).event.date
    event.fatalities = combine_tolls(
        own_tolls([i.event for i in _counting(describing)], set(shared)), sentences, toll_cues
    )
    if any(i.event.modality == "asserted" for i in describing):
        event.modality = "asserted"
    if event.attribution is not None and event.attribution.role == "claimant":
        other = next(
            (
                i.event.attribution
                for i in describing
                if i.event.attribution is not None and i.event.attribution.role != "claimant"
            ),
            None,
        )
        event.attribution = other or event.attribution
    event.evidence = _evidence(items)
    extra = min(len(describing) - 1, 3) * _CONFIDENCE_STEP
    best = max(i.event.confidence for i in describing)
    event.confidence = round(max(event.confidence, min(_CONFIDENCE_CAP, best + extra)), 4)
    event.mentions = sorted(
        [*_mentions(rep, items), *incident.claim_mentions],
        key=lambda m: (m.sentence_index, m.start),
    )
    event.aggregate = rep.aggregate
    return event
