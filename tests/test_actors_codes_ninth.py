"""Issue 16, ninth pass (actor codes): whom a mob, a peaceful protest and a strategic
development have as actor2, officials hit by violence, the other side of a battle told in
an earlier sentence, unidentified groups fighting state forces, cattle rustlers and
acronyms written with a slash. Our own sentences, one class per test, each with a twin that
must keep its old reading."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import TopEvent
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.targets import addressee_only, official_hit
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.records import Actor, Document, Event, Span

Run = Callable[..., Document]
PUBLISHED = "2019-06-10"


def _event(category: str, sub: str, actor2: Actor | None) -> Event:
    event = Event(
        "d",
        Span(0, 4, "trigger", "shot"),
        0,
        "ASSAULT",
        acled_event_type=category,
        acled_sub_event_type=sub,
    )
    event.actor2 = actor2
    return event


# -- officials hit by violence are civilians ---------------------------------------------------
def test_an_official_shot_by_gunmen_is_a_civilian(top_event: TopEvent) -> None:
    top = top_event(
        "Unknown gunmen shot dead a senior official in Marsabit on Sunday.", published=PUBLISHED
    )
    assert top.actor2 is not None and top.actor2.inter == 7, top.actor2
    assert top.acled_event_type == "Violence against civilians", top


def test_police_officers_shot_by_gunmen_stay_state_forces(top_event: TopEvent) -> None:
    top = top_event(
        "Unknown gunmen shot dead two police officers in Marsabit on Sunday.", published=PUBLISHED
    )
    assert top.actor2 is not None and top.actor2.inter == 1, top.actor2


def test_an_office_word_is_needed_outside_violence_against_civilians() -> None:
    government = Actor(text="the government", type="government", inter=1)
    official = Actor(text="a district official", type="government", inter=1)
    assert not official_hit(_event("Battles", "Armed clash", government))
    assert official_hit(_event("Battles", "Armed clash", official))
    assert official_hit(_event("Violence against civilians", "Attack", government))
    assert not official_hit(_event("Protests", "Peaceful protest", official))


# -- a mob's victim is a civilian; two crowds fighting are both rioters -------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A mob lynched a suspected cattle thief in Kisii on Monday.",
        "Angry villagers beat a man to death in Kisii on Monday after accusing him of theft.",
    ],
)
def test_a_mobs_victim_is_a_civilian(top_event: TopEvent, text: str) -> None:
    top = top_event(text, published=PUBLISHED)
    assert top.acled_sub_event_type == "Mob violence", top
    assert top.actor2 is not None and top.actor2.inter == 7, top.actor2


def test_two_crowds_fighting_each_other_are_both_rioters(top_event: TopEvent) -> None:
    text = (
        "A riot broke out between youths of two villages in Kisii on Monday. "
        "The two groups threw stones at each other."
    )
    top = top_event(text, published=PUBLISHED)
    assert top.actor1 is not None and top.actor1.inter == 5, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 5, top.actor2


# -- a peaceful protest at a police station or about police violence has no actor2 ------------
@pytest.mark.parametrize(
    "text",
    [
        "Traders demonstrated peacefully at the Kisumu Central Police Station over the "
        "detention of their chairman.",
        "Traders protested against police harassment in Kisumu on Monday.",
    ],
)
def test_police_words_that_qualify_a_thing_are_no_party(top_event: TopEvent, text: str) -> None:
    top = top_event(text, published=PUBLISHED)
    assert top.acled_sub_event_type == "Peaceful protest", top
    assert top.actor2 is None, top.actor2


def test_police_who_disperse_a_protest_stay_its_actor2(top_event: TopEvent) -> None:
    top = top_event(
        "Traders protested in Kisumu on Monday and police fired tear gas at them.",
        published=PUBLISHED,
    )
    assert top.actor2 is not None and top.actor2.inter == 1, top.actor2


def test_the_addressee_rule_reads_the_head_noun() -> None:
    police = Actor(text="the District Police Station", type="police", inter=1)
    assert addressee_only(_event("Protests", "Peaceful protest", police))
    police.text = "riot police"
    assert not addressee_only(_event("Protests", "Peaceful protest", police))


# -- a base established or a change to a group has no second party ----------------------------
def test_a_checkpoint_established_is_no_actor2(top_event: TopEvent) -> None:
    top = top_event(
        "Al Shabaab established a checkpoint near Jilib on Friday.", published=PUBLISHED
    )
    assert top.acled_sub_event_type == "Headquarters or base established", top
    assert top.actor2 is None, top.actor2


def test_a_change_to_a_group_drops_any_actor2_but_an_arrest_keeps_it() -> None:
    youths = Actor(text="20 youths", type="civilians", inter=7)
    assert addressee_only(_event("Strategic developments", "Change to group/activity", youths))
    assert not addressee_only(_event("Strategic developments", "Arrests", youths))


# -- the other side of a battle, named in an earlier sentence ---------------------------------
def test_territory_taken_after_a_clash_is_taken_from_the_other_side(run_text: Run) -> None:
    text = (
        "Somali soldiers clashed with Al Shabaab fighters near Jilib on Monday. "
        "The soldiers later took control of the village."
    )
    events = run_text(text, published=PUBLISHED).events
    taken = [e for e in events if e.acled_sub_event_type == "Government regains territory"]
    assert taken and taken[0].actor2 is not None, events
    assert taken[0].actor2.name == "Al Shabaab" and taken[0].actor2.inter == 2, taken[0].actor2


def test_territory_taken_with_no_earlier_clash_keeps_the_default(run_text: Run) -> None:
    text = "Somali soldiers took control of a village near Jilib on Monday."
    events = run_text(text, published=PUBLISHED).events
    assert events and all(e.actor2 is None or e.actor2.name != "Al Shabaab" for e in events), events


# -- state forces and an unidentified armed group: the group is actor1 -------------------------
def test_an_unidentified_group_fighting_police_is_actor1(top_event: TopEvent) -> None:
    top = top_event(
        "Police clashed with an unidentified armed group in Moyale on Tuesday.", published=PUBLISHED
    )
    assert top.actor1 is not None and top.actor1.inter == 3, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 1, top.actor2


def test_a_named_group_fighting_police_keeps_the_notes_order(top_event: TopEvent) -> None:
    top = top_event(
        "Police clashed with Al Shabaab fighters in Mandera on Tuesday.", published=PUBLISHED
    )
    assert top.actor1 is not None and top.actor1.inter == 1, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 2, top.actor2


# -- cattle rustlers are a communal militia; bandits stay an unidentified group ---------------
def test_cattle_rustlers_are_a_communal_militia() -> None:
    d = load_actor_dictionary()
    assert code_mention(d, "cattle rustlers", "KE").inter == 4
    assert code_mention(d, "armed bandits", "KE").inter == 3


# -- an acronym written with a slash ----------------------------------------------------------
@pytest.mark.parametrize("mention", ["the SPLM/N", "SPLM/N fighters"])
def test_a_slashed_acronym_names_its_group(mention: str) -> None:
    actor = code_mention(load_actor_dictionary(), mention, "SD")
    assert actor.name == "Sudan People's Liberation Movement-North" and actor.inter == 2, actor


def test_a_slash_between_two_unknown_words_names_nothing() -> None:
    actor = code_mention(load_actor_dictionary(), "the ABC/D", "SD", fuzzy=False)
    assert actor.resolved_by == "unknown", actor


# -- a crowd in a clash of communities is a communal militia ----------------------------------
def test_rival_families_that_clash_are_communal_militias(top_event: TopEvent) -> None:
    top = top_event(
        "Two rival farmer families clashed in the fields near Djougou on Monday.",
        published=PUBLISHED,
    )
    assert top.acled_event_type == "Battles", top
    assert top.actor1 is not None and top.actor1.inter == 4, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 4, top.actor2


def test_farmers_who_attack_police_stay_rioters(top_event: TopEvent) -> None:
    top = top_event("Farmers attacked police officers in Gilgil on Monday.", published=PUBLISHED)
    assert top.actor1 is not None and top.actor1.inter == 5, top.actor1
