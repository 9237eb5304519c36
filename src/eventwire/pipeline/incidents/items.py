"""The mention and incident records the grouping works on (:mod:`.group`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.records import Actor, Event, Mention

# Kinds of mention that only refer to an incident: placed after the rest of their sentence.
DEFERRED = frozenset({"claim", "denial", "follow-up"})


@dataclass
class Item:
    """One mention-level event with what the grouping needs to know about it."""

    event: Event
    order: int  # position in text order
    kind: str  # main | coreferent | consequence | claim | denial | follow-up
    generic: bool  # a trigger too general to set the incident's type ("attack", "incident")
    anaphor: bool  # a definite anaphoric noun ("the blast")
    own_place: bool = True  # whether the mention's place/date are its own (not its sentence's)
    own_date: bool = True
    aggregate: bool = False
    own_account: bool = False  # a party's quoted version of how an incident began
    reported_date: bool = False  # its date is the reporting verb's ("police said on Monday")
    recalled: bool = False  # it states a day a week or more before publication
    retrospective: bool = False  # its sentence looks back ("one year after", "anniversary")
    anchored: bool = True  # it states a town or a day of its own (not only the source's day)
    placed: bool = True  # it states a place of its own finer than a country (a province too)
    in_total: bool = False  # its sentence speaks of a total over a period ("since 2014")
    general: bool = False  # joined only as talk with no place or day of its own
    recall_cue: bool = False  # its sentence recalls it undated ("earlier this month")
    retold: bool = False  # a relative clause retells it ("the group that attacked Mbau")
    quoted: bool = False  # its sentence carries quotation marks (a party's own words)


PROTESTERS_INTER = 6  # ACLED's inter code of protesters


def harms_protesters(item: Item) -> bool:
    """A death or a wound (a consequence) whose victims are protesters."""
    victims = item.event.actor2
    return (
        item.kind == "consequence"
        and item.event.plover_type == "ASSAULT"  # a death or a wound, not an arrest
        and item.event.modality == "asserted"
        and victims is not None
        and victims.inter == PROTESTERS_INTER
    )


@dataclass
class Incident:
    """Mentions that speak of one incident, the first one opened it."""

    items: list[Item] = field(default_factory=list)
    last: int = -1  # text order of its latest mention
    claimants: list[Actor] = field(default_factory=list)  # from claims no event carries
    claim_mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> Item:
        return self.items[0]

    def add(self, item: Item) -> None:
        self.items.append(item)
        self.last = max(self.last, item.order)

    def typed(self) -> list[Item]:
        """Mentions that may decide the incident's type (not claims, denials, follow-ups)."""
        return [i for i in self.items if i.kind not in DEFERRED]
