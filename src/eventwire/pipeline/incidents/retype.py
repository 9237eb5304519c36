"""Types an incident takes from the rest of the report (issue 15, second pass).

- **Excessive force.** A demonstration whose protesters were killed or wounded by the force
  that intervened ("riot police fired rubber bullets at the marchers, wounding 12
  protesters") is ACLED's *Excessive force against protesters*: the protesters are actor1,
  the force actor2 (as ACLED lists them: 84 of 96 acled_more tune rows).
- **The report's weapon.** "Air strikes hit the towns of Saraqib and Ariha on Thursday… In
  Ariha, four members of one family were killed when their house was hit": the generic act
  told at another place right after an air strike or a shelling is one more strike of that
  kind, not an attack of unknown type (``report_weapon_sub_types``); with no day of its
  own it takes the strike's.
- **An attack on an armed post.** "A militant attacked a police station … The police shot
  him dead", "… attacked a police station. A woman was raped during the attack": the
  incident's own act is an attack on an armed party, a battle by ACLED's rules, whatever
  harm to others is told in it, captives taken aside (``attack_on_armed``).
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.ontology import load_ontology
from eventwire.pipeline.common.actordict import ARMED_INTER
from eventwire.pipeline.incidents.cues import IncidentCues
from eventwire.pipeline.incidents.items import PROTESTERS_INTER, Incident, harms_protesters
from eventwire.records import Event, Sentence

EXCESSIVE_FORCE = "Excessive force against protesters"
_NEAR_SENTENCES = 2
_RETYPED = frozenset({"Attack"})  # what a generic violent word is typed without a weapon


def _retype(event: Event, sub_type: str, why: str) -> None:
    cw = load_ontology().crosswalk(sub_type)
    event.acled_sub_event_type, event.acled_event_type = sub_type, cw.acled_event_type
    event.plover_type, event.plover_mode = cw.plover_type, cw.plover_mode
    event.cameo_root = cw.cameo_root
    event.rule = f"{event.rule}|incidents: {why}"


def excessive_force(incident: Incident, event: Event) -> None:
    """Retype a demonstration whose protesters the intervening force killed or wounded."""
    if event.acled_event_type != "Protests":
        return
    harm = next((i for i in incident.items if harms_protesters(i)), None)
    if harm is None or harm.event.actor1 is None:
        return
    if harm.event.actor1.inter in (None, PROTESTERS_INTER):
        return
    protesters = harm.event.actor2
    event.actor1, event.actor2 = event.actor1 or protesters, harm.event.actor1
    _retype(event, EXCESSIVE_FORCE, "protesters harmed")


_ARMED_TARGET = "|armed target"  # the events stage's reason: the attacked are armed
_ARMED_SITE = re.compile(
    r"\b(?:" + "|".join(sorted(words("incidents", "armed_site_words"))) + r")\b", re.IGNORECASE
)
_CIVILIAN_TYPE = "Violence against civilians"


def attack_on_armed(incident: Incident, event: Event) -> None:
    """Make an incident told as an attack on a place an armed party holds (a main, asserted
    mention the events stage typed an Armed clash because its target is armed: a police
    station, an army post, a rebel camp; not soldiers or police as persons, whose status
    ACLED weighs case by case) a battle when a harm told in it (an abduction, a rape, a killing)
    represents it as violence against civilians; the armed target is its actor2. Not when
    the harm is captives taken ("attacked an army camp; 20 soldiers were kidnapped and
    found dead"): GTD codes that as hostage taking and ACLED both ways."""
    if event.acled_event_type != _CIVILIAN_TYPE or (event.rule or "").startswith("abduct:"):
        return  # captives taken at a post: GTD's hostage taking, ACLED codes them both ways
    attack = next(
        (
            i
            for i in incident.typed()
            if i.kind == "main"
            and i.event.modality == "asserted"
            and (i.event.rule or "").endswith(_ARMED_TARGET)
            and i.event.actor2 is not None
            and i.event.actor2.inter in ARMED_INTER
            and _ARMED_SITE.search(i.event.actor2.text or "")
        ),
        None,
    )
    if attack is None:
        return
    event.actor2 = attack.event.actor2
    _retype(event, "Armed clash", "an attack on an armed post")


ABDUCTION = "Abduction/forced disappearance"


def abduction_in_attack(incident: Incident, event: Event) -> None:
    """Make an incident an abduction represents an Attack when an asserted attack on
    civilians (an Attack mention) is told in it and the incident's toll counts dead or
    wounded; an attack that only took people ("LRA attack and abduct civilians") stays an
    abduction."""
    if event.acled_sub_event_type != ABDUCTION:
        return
    toll = event.fatalities
    if toll is None or not ((toll.best or 0) > 0 or (toll.wounded or 0) > 0):
        return
    if any(
        i.kind == "main"
        and i.event.modality == "asserted"
        and i.event.acled_sub_event_type == "Attack"
        for i in incident.typed()
    ):
        _retype(event, "Attack", "an abduction in an attack that killed or wounded")


def same_weapon(
    pairs: list[tuple[Incident, Event]],
    sentences: list[Sentence],
    weapons: frozenset[str],
    cues: IncidentCues,
) -> None:
    """Give a generic act told right after an air strike or a shelling (at another place,
    same day, no separator) the strike's sub-type. ``pairs``: each incident with its event,
    in text order."""
    previous: Event | None = None
    for incident, event in pairs:
        index = event.sentence_index
        opens = 0 <= index < len(sentences) and cues.opens_incident(sentences[index].text)
        if (
            previous is not None
            and all(i.generic for i in incident.typed())
            and event.acled_sub_event_type in _RETYPED
            and 0 <= index - previous.sentence_index <= _NEAR_SENTENCES
            and not opens
            and (not _own_day(incident) or _same_day(event, previous))
        ):
            _retype(event, previous.acled_sub_event_type or "", "the report's weapon")
            if not _own_day(incident):
                event.date = previous.date  # told on with no day of its own: the strike's
        if event.acled_sub_event_type in weapons:
            previous = event


def _own_day(incident: Incident) -> bool:
    return any(i.own_date for i in incident.typed())


def _same_day(one: Event, other: Event) -> bool:
    a, b = one.date, other.date
    if a is None or b is None or a.start is None or b.start is None:
        return True
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)
