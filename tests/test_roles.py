"""Who did what to whom, through the whole pipeline: one test per class of role error.

Every class has the reading that used to go wrong and a twin that must keep working. The
sentences are the project's own.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline.actors.coref import Antecedent, anaphor_types, pick
from eventwire.pipeline.actors.things import is_thing, owner_words
from eventwire.records import Actor, Document, Event

Run = Callable[..., Document]
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@pytest.fixture(scope="module")
def run_text(run_mentions: Run) -> Run:
    """Roles are decided per mention: these tests read the events before the incident layer
    groups them (tests/test_incidents*.py check what grouping does with the roles)."""
    return run_mentions


def event_on(doc: Document, trigger: str) -> Event:
    """The event whose trigger starts with these words."""
    found = [e for e in doc.events if e.trigger.text.lower().startswith(trigger.lower())]
    assert found, [e.trigger.text for e in doc.events]
    return found[0]


def coded(actor: Actor | None) -> tuple[str | None, int | None]:
    assert actor is not None
    return actor.name, actor.inter


# ---- 1. the speaker of a report is not actor1 for speaking ------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A police official said nine rebels were killed near Kandahar on Monday.",
        "Police said three soldiers were killed in the blast in Kandahar.",
        "Nine rebels were killed in clashes near Kandahar, the Afghan army said.",
        "According to the Afghan army, nine rebels were killed near Kandahar.",
    ],
)
def test_speaker_is_not_actor1(run_text: Run, text: str) -> None:
    violent = [e for e in run_text(text).events if e.acled_event_type in VIOLENT]
    assert violent
    for event in violent:
        assert event.actor1 is not None and event.actor1.inter != 1, event.actor1


def test_speaker_reports_who_acted(run_text: Run) -> None:
    doc = run_text("An army spokesman said gunmen killed four villagers in Kandahar.")
    event = event_on(doc, "killed")
    assert event.actor1 is not None and event.actor1.text == "gunmen"
    assert coded(event.actor1) == ("Unidentified Armed Group", 3)
    assert coded(event.actor2) == ("Civilians", 7)


def test_speaker_who_acts_stays_actor1(run_text: Run) -> None:
    """Twin: the army that says "it" killed is the actor, through the pronoun."""
    event = event_on(run_text("The Afghan army said it killed 20 rebels in Kandahar."), "killed")
    assert event.actor1 is not None and event.actor1.inter == 1
    assert event.actor1.resolved_by == "coref"


def test_soldiers_who_kill_stay_actor1(run_text: Run) -> None:
    event = event_on(run_text("Soldiers killed three militants near Kandahar."), "killed")
    assert event.actor1 is not None and event.actor1.text == "Soldiers"
    assert event.actor1.inter == 1
    assert event.actor2 is not None and event.actor2.inter == 2


# ---- 2. victims fill actor2 -------------------------------------------------------------
def test_victims_of_a_consequence_clause(run_text: Run) -> None:
    doc = run_text("Gunmen attacked a bus near Kandahar, killing four civilians.")
    event = event_on(doc, "attacked")
    assert event.actor2 is not None and event.actor2.text == "four civilians"
    assert event.actor2.inter == 7


def test_victims_of_a_consequence_chain(run_text: Run) -> None:
    doc = run_text(
        "Rebel forces fired mortar shells at Tarkan village, hitting a house and killing a woman."
    )
    event = next(e for e in doc.events if e.acled_event_type == "Explosions/Remote violence")
    assert event.actor2 is not None and event.actor2.text == "a woman"
    assert event.actor2.inter == 7


def test_soldiers_killed_in_the_blast_are_state_forces(run_text: Run) -> None:
    doc = run_text("Three soldiers were killed in the blast near Kandahar on Monday.")
    event = event_on(doc, "blast")
    assert event.actor2 is not None and event.actor2.text == "Three soldiers"
    assert event.actor2.inter == 1


def test_victims_of_a_toll_in_the_next_sentence(run_text: Run) -> None:
    doc = run_text("A roadside bomb exploded near Kandahar on Monday. Three policemen were killed.")
    event = event_on(doc, "exploded")
    assert event.actor2 is not None and event.actor2.text == "Three policemen"
    assert event.actor2.inter == 1


def test_a_separate_toll_is_not_the_victims(run_text: Run) -> None:
    """Twin: "separately" opens another incident; its dead are not this bomb's victims."""
    doc = run_text(
        "A roadside bomb exploded near Kandahar on Monday. Separately, two policemen were killed."
    )
    event = event_on(doc, "exploded")
    assert event.actor2 is None or event.actor2.text != "two policemen"


def test_a_headline_toll_names_victims(run_text: Run) -> None:
    doc = run_text("Warplanes bombed two towns in Kordofan. Nine civilians killed, seven injured.")
    for event in doc.events:
        assert event.actor1 is None or "civilians" not in event.actor1.text
    event = event_on(doc, "bombed")
    assert event.actor2 is not None and event.actor2.text == "Nine civilians"


def test_a_toll_of_a_named_group_is_not_its_attack(run_text: Run) -> None:
    """ "1 PDF soldier killed.": the group named before the bare toll was hit, it did not hit."""
    doc = run_text("Rebels and soldiers fought near Kalaba. One Taliban fighter killed.")
    event = event_on(doc, "killed")
    assert event.actor2 is not None and event.actor2.name == "Taliban"
    assert event.actor1 is None or event.actor1.name != "Taliban"


def test_a_vehicle_carrying_troops(run_text: Run) -> None:
    doc = run_text("Rebels attacked two vehicles carrying military troops near Kalaba.")
    event = event_on(doc, "attacked")
    assert event.actor2 is not None and event.actor2.inter == 1


def test_an_attack_on_a_police_checkpoint(run_text: Run) -> None:
    event = event_on(run_text("Militants launched an attack on a police checkpoint."), "attack")
    assert event.actor1 is not None and event.actor1.inter == 2
    assert event.actor2 is not None and event.actor2.inter == 1


def test_a_pronoun_is_no_victim(run_text: Run) -> None:
    """Twin: "killing 9 of them" names no one new; the checkpoint's owners stay actor2."""
    doc = run_text("Rebels attacked a militia checkpoint near Kandahar, killing 9 of them.")
    event = event_on(doc, "attacked")
    assert event.actor2 is not None and "them" not in event.actor2.text


# ---- 3. anaphora across sentences -------------------------------------------------------
def test_anaphors_resolve_to_the_named_group(run_text: Run) -> None:
    doc = run_text(
        "Al-Shabaab fighters stormed a hotel in Mogadishu. The group later said its fighters "
        "had killed 12 soldiers. They also attacked a police station."
    )
    for trigger in ("killed", "attacked"):
        event = event_on(doc, trigger)
        assert event.actor1 is not None and event.actor1.name == "Al Shabaab", trigger
        assert event.actor1.resolved_by == "coref"


def test_we_is_the_speaker(run_text: Run) -> None:
    """First person in a quotation is whoever says it (class 1 and 3 together)."""
    doc = run_text('"We killed 20 militants near Kandahar," the Afghan army said.')
    event = event_on(doc, "killed")
    assert event.actor1 is not None and event.actor1.resolved_by == "coref"
    assert event.actor1.inter in {1, 8} and event.actor1.type == "military"


def test_an_apposed_speaker_is_not_actor1(run_text: Run) -> None:
    doc = run_text("Ahmad Wali, an army spokesman, said nine rebels were killed near Kandahar.")
    for event in doc.events:
        assert event.actor1 is None or event.actor1.inter != 1


def test_an_anaphor_chain_keeps_the_name(run_text: Run) -> None:
    doc = run_text(
        "Boko Haram attacked Konduga on Sunday.\n\nThe insurgents burned houses and killed "
        "five residents."
    )
    event = event_on(doc, "killed")
    assert event.actor1 is not None and event.actor1.name == "Boko Haram"


def test_a_statement_is_no_antecedent(run_text: Run) -> None:
    doc = run_text(
        "Turkish forces shelled Kurdish villages near Afrin. A YPG statement said they "
        "killed two civilians."
    )
    event = event_on(doc, "killed")
    assert event.actor1 is not None and event.actor1.name != "People's Protection Units"


def test_an_anaphor_is_not_its_own_events_other_party(run_text: Run) -> None:
    doc = run_text("Rebels ambushed an army patrol near Kandahar and killed them.")
    for event in doc.events:
        if event.actor1 is not None and event.actor2 is not None and event.actor2.text == "them":
            assert event.actor2.actor_id != event.actor1.actor_id


def test_antecedent_order() -> None:
    """The same sentence before the anaphor first, then newer sentences; subjects first;
    civilians and the event's other party never."""
    army = Actor("the army", name="Army", actor_id="A", type="military", inter=1, resolved_by="x")
    rebels = Actor("rebels", name="Rebels", actor_id="R", type="rebel", inter=2, resolved_by="x")
    people = Actor("villagers", name="Civilians", type="civilians", inter=7, resolved_by="x")
    history = [
        Antecedent(0, 0, 8, True, army),
        Antecedent(0, 20, 26, False, rebels),
        Antecedent(1, 40, 49, True, people),
    ]
    assert pick(history, 1, 60, frozenset()) is army  # subject of the newest party sentence
    assert pick(history, 1, 60, frozenset({"rebel"})) is rebels  # the types it may point to
    assert pick(history, 1, 60, frozenset(), exclude=frozenset({"A"})) is rebels
    assert pick(history, 0, 5, frozenset()) is None  # nothing before it


def test_anaphor_words() -> None:
    assert anaphor_types("their forces") == frozenset()
    assert anaphor_types("the insurgents") is not None
    assert anaphor_types("Taliban forces") is None


# ---- 4. only what can act or be targeted is an actor ------------------------------------
def test_blasts_roads_and_buses_are_no_actors(run_text: Run) -> None:
    doc = run_text("A loud blast hit the main road near Kandahar. Gunmen set fire to three buses.")
    for event in doc.events:
        for actor in (event.actor1, event.actor2):
            assert actor is None or actor.text.lower() not in {
                "a loud blast",
                "the main road",
                "three buses",
            }


def test_a_thing_takes_its_named_owners_status(run_text: Run) -> None:
    doc = run_text("Ukrainian forces fired mortars at the positions of the separatists.")
    event = next(e for e in doc.events if e.acled_event_type in VIOLENT)
    assert event.actor2 is not None and event.actor2.inter == 2
    assert event.actor2.resolved_by == "owner"


def test_thing_words() -> None:
    assert is_thing("a loud blast") and is_thing("three buses") and is_thing("the main road")
    assert not is_thing("three soldiers") and not is_thing("a police officer")
    assert owner_words("the house of the mayor") == "the mayor"
    assert owner_words("a bus") is None


# ---- 5. "repelled an attack by X" -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "attacker", "inter"),
    [
        ("Soldiers repelled an attack by Taliban militants on a checkpoint.", "Taliban", 2),
        ("Police foiled an assault by gunmen on a bank in Lagos.", "Unidentified Armed Group", 3),
    ],
)
def test_repelled_attack_by_x(run_text: Run, text: str, attacker: str, inter: int) -> None:
    event = next(e for e in run_text(text).events if e.trigger.text.lower()[:4] in {"repe", "foil"})
    assert coded(event.actor1) == (attacker, inter)
    assert event.actor2 is not None and event.actor2.inter == 1


def test_an_attack_by_x_on_y(run_text: Run) -> None:
    doc = run_text("An attack by Al-Shabaab on a military base in Baidoa killed 10 soldiers.")
    event = next(e for e in doc.events if e.acled_event_type in VIOLENT)
    assert event.actor1 is not None and event.actor1.name == "Al Shabaab"
    assert event.actor2 is not None and event.actor2.inter == 1
