"""Finalize stage: refine sub-types with the coded actors, final confidence, ids and order.

The events stage types events before actors are coded, from the words alone. Here the
actor dictionary's ACLED inter codes (1 state forces … 7 civilians, 8 external forces)
settle what words cannot: an attack on a coded armed group is an Armed clash, on
civilians an Attack; territory taken by state forces is "Government regains
territory"; people detained by a rebel group are abducted, not arrested. Then every
event gets its stable id and events are ordered most salient first, so
``doc.events[0]`` is the report's main event.
"""

from __future__ import annotations

import re

from eventwire.config import Settings
from eventwire.datafiles import words
from eventwire.ontology import Ontology, load_ontology
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.common.actordict import ARMED_INTER
from eventwire.pipeline.common.salience import coded_salience
from eventwire.pipeline.finalize.beside import quiet_beside_violence
from eventwire.pipeline.finalize.people import people_attacked, people_of_group, petty_offender
from eventwire.pipeline.finalize.sought import sought_target
from eventwire.records import Document, Event

NAME = "eventwire.finalize.v1"
NON_STATE_INTER = frozenset({2, 3, 4})
# words of an actor that cannot be a group detaining people by force
_OFFICIAL_WORDS: frozenset[str] = words("finalize", "official_words")
_PERSONAL = frozenset({"attack", "shoot", "kill", "harm", "beat", "clash"})
_REFINABLE = frozenset({"Armed clash", "Attack"})
# an exchange of fire ("returned fire", "exchanged gunfire"): the other side fired too
_FIRE_WORDS: frozenset[str] = words("finalize", "fire_words") | words(
    "finalize", "reciprocal_fight_words"
)
CIVILIAN_MODIFIERS: frozenset[str] = words("finalize", "civilian_modifiers")
CIVILIAN_ROLES: frozenset[str] = words("finalize", "civilian_roles")
ARMED_ROLE_WORDS: frozenset[str] = words("finalize", "armed_role_words")
# singular heads of a person of a community (a herdsman, a tribesman, a member of a clan)
LONE_MEMBER_HEADS: frozenset[str] = words("finalize", "lone_member_heads")
# "them", "him", "her" as the target: the actors stage's read-back, not the victims' words
PRONOUN_TARGETS: frozenset[str] = words("finalize", "pronoun_targets")
# the events stage's reasons for a battle that the victims' code must not undo
KEPT_CLASH_REASONS: frozenset[str] = words("finalize", "kept_clash_reasons")
KEPT_CLASH_TRIGGERS: frozenset[str] = words("finalize", "kept_clash_triggers")
# the events stage's reasons for an Attack on armed people who could not fight (h16bn)
KEPT_ATTACK_REASONS: frozenset[str] = words("finalize", "kept_attack_reasons")
_REACTION = re.compile(
    "(?:" + "|".join(sorted(words("finalize", "reaction_stems"))) + ")", re.IGNORECASE
)
_UNREAL = frozenset({"hypothetical", "negated"})
_ARMED_TARGET = "target coded as an armed actor"
_TALK_TYPES: frozenset[str] = words("finalize", "talk_types")


def _off_duty(event: Event) -> bool:
    """ "a former officer", "an off-duty soldier", "a government official", "a UN staff
    member": the words say the target was not fighting (ACLED: officials are civilians)."""
    words = set(
        re.findall(r"[a-z]+(?:-[a-z]+)?", (event.actor2.text if event.actor2 else "").lower())
    )
    unarmed_role = bool(words & CIVILIAN_ROLES) and not words & ARMED_ROLE_WORDS
    return bool(words & CIVILIAN_MODIFIERS) or unarmed_role


def _lone_member(event: Event) -> bool:
    """ "a herdsman", "Njemp tribesman", "a member of the Turkana clan": one person of a
    community the actor dictionary codes as its communal militia (inter 4) is a civilian
    victim to ACLED, not the militia in a battle ("rival Toposa herdsmen" stay a side)."""
    if event.actor2 is None or event.actor2.inter != 4:
        return False
    words = re.findall(r"[a-z]+", event.actor2.text.lower().split(" of ", 1)[0])
    return bool(words) and words[-1] in LONE_MEMBER_HEADS


def _pronoun_target(event: Event) -> bool:
    """ "detained students and assaulted them", "troops fired on them": a pronoun the actors
    stage read back to an armed party (often the doers' own) does not make the act a battle;
    the events stage read the victims from the words (h16ba)."""
    return event.actor2 is not None and event.actor2.text.strip().lower() in PRONOUN_TARGETS


def frame_of(event: Event) -> str:
    """The lexicon frame that produced an event (from ``event.rule``, "frame:entry|reason")."""
    return (event.rule or "").split(":", 1)[0]


def refined_sub_type(event: Event) -> tuple[str | None, str]:
    """Return (new ACLED sub-event type or None for no change, why) from coded actors."""
    frame = frame_of(event)
    sub = event.acled_sub_event_type
    a1 = event.actor1.inter if event.actor1 else None
    a2 = event.actor2.inter if event.actor2 else None
    if frame in _PERSONAL and sub in _REFINABLE:
        if a1 in {5, 6}:
            return None, ""
        reciprocal = frame == "clash" and bool(
            _FIRE_WORDS & set(event.trigger.text.lower().split())
        )
        fought_back = (event.rule or "").rsplit("|", 1)[-1] in KEPT_CLASH_REASONS or bool(
            KEPT_CLASH_TRIGGERS & set(event.trigger.text.lower().split())
        )
        if (
            a2 == 7
            and (a1 is None or a1 in ARMED_INTER)
            and sub != "Attack"
            and not (reciprocal or fought_back)
        ):
            return "Attack", "target coded as civilians"
        if (
            a2 in ARMED_INTER
            and (a1 is None or a1 in ARMED_INTER)
            and sub != "Armed clash"
            and not (_off_duty(event) or _lone_member(event) or _pronoun_target(event))
            and (event.rule or "").rsplit("|", 1)[-1] not in KEPT_ATTACK_REASONS
        ):
            return "Armed clash", _ARMED_TARGET
    if frame == "clash" and sub == "Mob violence" and a1 in ARMED_INTER and a2 in ARMED_INTER:
        # "2 groups of government soldiers clashed": both sides coded as armed parties fought
        # (no rioters, inter 5, on either side): a battle, not a brawl of crowds (h16bg)
        return "Armed clash", "both sides coded as armed actors"
    if frame == "capture" and sub in {
        "Non-state actor overtakes territory",
        "Government regains territory",
    }:
        if a1 == 1 and sub != "Government regains territory":
            return "Government regains territory", "taken by state forces"
        if a1 in NON_STATE_INTER and sub != "Non-state actor overtakes territory":
            return "Non-state actor overtakes territory", "taken by a non-state group"
    if frame == "agree" and sub is None and a1 in NON_STATE_INTER and a2 in {None, *ARMED_INTER}:
        return "Agreement", "an agreement of armed groups"  # clan militias reconcile, not states
    if frame == "aid" and sub is None and a1 in NON_STATE_INTER:
        # an armed group handing out food or money: ACLED records it as a change in activity
        return "Change to group/activity", "aid given by an armed group"
    if (
        frame == "arrest"
        and sub == "Arrests"
        and a1 in NON_STATE_INTER
        and event.actor1 is not None
        and not _OFFICIAL_WORDS & set(re.findall(r"[a-z]+", event.actor1.text.lower()))
    ):
        # not "house arrest for terror suspects" (the detainees), "the Hi-Tech Crime Unit"
        return "Abduction/forced disappearance", "detained by a non-state group"
    return None, ""


class Finalizer:
    """Refine types with coded actors, set final confidence and ids, order events."""

    name = NAME
    requires: tuple[str, ...] = ("doc.events",)
    assigns: tuple[str, ...] = (
        "event.event_id",
        "event.acled_sub_event_type",  # refined types (refined_sub_type) and their crosswalk
        "event.acled_event_type",
        "event.plover_type",
        "event.plover_mode",
        "event.cameo_root",
        "event.rule",
        "event.confidence",
        "doc.events",  # sorted by confidence
    )

    def __init__(self, ontology: Ontology) -> None:
        self.ontology = ontology

    def __call__(self, doc: Document) -> Document:
        for event in doc.events:
            new, why = refined_sub_type(event)
            if new == "Armed clash" and why == _ARMED_TARGET and _civilians_named(doc, event):
                new = None
            if new is None and people_attacked(event, frame_of(event), doc):
                new, why = "Attack", "the people of an ethnic group attacked"  # h16bh
            if new is not None:
                cw = self.ontology.crosswalk(new)
                event.acled_sub_event_type = new
                event.acled_event_type = cw.acled_event_type
                event.plover_type, event.plover_mode = cw.plover_type, cw.plover_mode
                event.cameo_root = cw.cameo_root
                event.rule = f"{event.rule}|finalize: {why}"
            event.confidence = self.final_confidence(event)
            event.assign_id()
        doc.events = order_report(doc.events)
        return doc

    @staticmethod
    def final_confidence(event: Event) -> float:
        """Events whose participants were coded and placed are more trustworthy."""
        return max(0.01, min(0.99, round(coded_salience(event), 4)))


def _civilians_named(doc: Document, event: Event) -> bool:
    """The target coded as armed is named only in a suspicion clause ("suspected of
    membership in an armed group"), as the people of an ethnic group or as a thief (h16bh)."""
    return sought_target(doc, event) or people_of_group(event, doc) or petty_offender(event)


def _talk(event: Event) -> bool:
    """Talk or dealings ACLED has no type for (an accusation, a meeting, a demand), not a
    reaction to an act told as its object ("condemned the bombing")."""
    return (
        event.acled_event_type is None
        and event.plover_type in _TALK_TYPES
        and _REACTION.match(event.trigger.text or "") is None
    )


def order_report(events: list[Event]) -> list[Event]:
    """A report's events, first first: a current incident before one recalled from long
    ago or a total over a period; then, when the report tells an act ACLED lists as done
    (not threatened or denied), that act before talk and dealings it has no type for ("Rebels
    accuse the army of shelling villages", "Traders hold protest blaming the governor");
    then the most confident. A reaction to an act, a release or a threat keeps its place
    among the acts; with no act told as done, the talk keeps its rank ("urged both sides
    to stop the shelling"). A quiet development told in a violent act's sentence follows
    the act (beside.py)."""
    done = any(e.acled_event_type is not None and e.modality not in _UNREAL for e in events)
    return sorted(
        events,
        key=lambda e: (
            e.background or e.aggregate,
            done and _talk(e),
            quiet_beside_violence(e, events),  # "wounded two farmers as they massed"
            -e.confidence,
            e.sentence_index,
            e.trigger.start,
            e.plover_type,
        ),
    )


@register_stage(NAME)
def make_finalize_stage(settings: Settings, resources: Resources) -> Stage:
    return Finalizer(resources.get("ontology", load_ontology))
