"""Issue 16, seventh pass: a demonstration's intervention told in the next sentence, which has
no event trigger of its own, and communities' militias named by an unknown name. Our own
sentences, one class per test, each with a twin that must keep working."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import TopEvent
from eventwire.config import load_settings
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.pipeline.nlp.prefilter import CANDIDATE, CONTEXT, TriggerPrefilter, lone_cue_forms
from eventwire.records import Document

Run = Callable[..., Document]
PUBLISHED = "2021-06-10"


# -- the intervention in the sentence after a protest -------------------------------------------
def test_a_lone_intervention_cue_makes_a_sentence_context() -> None:
    only = TriggerPrefilter(["protest"], lone_cues=["tear gas", "dispersed"])
    assert only.level("Police dispersed the crowd with tear gas.") == CONTEXT
    assert only.level("Traders protested in the market.") == CANDIDATE
    assert only.level("The shops reopened on Monday.") == 0


def test_the_packaged_lone_cues_are_the_intervention_class() -> None:
    forms = lone_cue_forms(load_settings())
    assert {"dispersed", "tear gas"} <= forms
    assert "protested" not in forms and "killed" not in forms


@pytest.mark.parametrize(
    "text",
    [
        "Traders protested in Kisumu against new market fees. Police dispersed the crowd "
        "with tear gas.",
        "Students demonstrated in Bamako over unpaid grants. Riot police broke up the "
        "gathering using water cannon.",
    ],
)
def test_intervention_in_the_next_sentence(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Protest with intervention", top


def test_a_protest_with_no_intervention_stays_peaceful(top_event: TopEvent) -> None:
    text = "Traders protested in Kisumu against new market fees. The protest ended at noon."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Peaceful protest", top


def test_a_lone_intervention_word_far_from_any_event_adds_nothing(run_text: Run) -> None:
    doc = run_text("The city bought a new water cannon for its fire brigade.", published=PUBLISHED)
    assert doc.events == []


# -- a militia named by one unknown word is that community's militia ---------------------------
@pytest.mark.parametrize(
    "mention",
    ["Gaak militia", "the Wadok militias", "Gaak and Manuer militias", "Pakam militiamen"],
)
def test_an_unknown_name_before_militia_is_a_communal_militia(mention: str) -> None:
    actor = code_mention(load_actor_dictionary(), mention)
    assert actor.inter == 4 and actor.type == "identity militia", actor
    assert actor.name is not None and actor.name.endswith("Communal Militia"), actor


@pytest.mark.parametrize(
    ("mention", "inter"),
    [
        ("pro-government militia", 3),  # a state-allied militia
        ("Government-backed militia", 3),
        ("Raia Mutomboki militia", 3),  # a political militia named by several words
        ("NPP militias", 3),  # a party's militia: an acronym
        ("Local militia", 3),  # a descriptor, no name
        ("Two militia", 3),
        ("Janjaweed militia", 3),  # the dictionary's
        ("Sudanese militia", 3),  # a country's
    ],
)
def test_named_political_and_state_allied_militias_keep_their_code(
    mention: str, inter: int
) -> None:
    actor = code_mention(load_actor_dictionary(), mention)
    assert actor.inter == inter and actor.type != "identity militia", actor


def test_a_communal_militia_named_in_a_note_is_actor1(top_event: TopEvent) -> None:
    text = "On 3 March, Wadok militia attacked a cattle camp near Yirol, killing 4 herders."
    top = top_event(text)
    assert top is not None and top.actor1 is not None and top.actor1.inter == 4, top


def test_a_vigilance_group_fighting_an_armed_group_is_a_communal_militia(
    top_event: TopEvent,
) -> None:
    text = "On 2 May, the village vigilance group repelled an attack of Boko Haram near Kolofata."
    top = top_event(text)
    assert top is not None and top.acled_event_type == "Battles", top
    assert top.actor2 is not None and top.actor2.inter == 4, top.actor2


def test_a_vigilante_mob_stays_rioters(top_event: TopEvent) -> None:
    top = top_event("A vigilante mob beat a suspected thief to death in Kisumu.")
    assert top is not None and top.actor1 is not None and top.actor1.inter == 5, top.actor1


def test_a_bare_name_shares_the_militia_head_coordinated_after_it(top_event: TopEvent) -> None:
    top = top_event("Clashes between Wadok and Manuer militia near Rumbek. 5 dead.")
    assert top is not None and top.acled_event_type == "Battles", top
    assert top.actor1 is not None and top.actor1.inter == 4, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 4, top.actor2


def test_a_bare_name_before_and_the_army_stays_as_it_was(top_event: TopEvent) -> None:
    top = top_event("Clashes between Wadok militia and the army near Rumbek. 5 dead.")
    assert top is not None and top.actor1 is not None and top.actor1.inter == 4, top.actor1
