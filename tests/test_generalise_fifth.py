"""Issue 16, fifth pass: named armed parties and communities as conflict cues, shared objects
of coordinated verbs. Our own sentences, one class per test, each with a twin that must keep
working."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import TopEvent
from eventwire.config import Settings
from eventwire.pipeline.base import Resources
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.pipeline.events.parties import (
    NAMED_ARMED,
    NAMED_COMMUNAL,
    NAMED_REBEL,
    party_classes,
)

PUBLISHED = "2021-06-10"


# -- the actor dictionary's armed groups and communities --------------------------------------
@pytest.fixture(scope="module")
def parsed(settings: Settings, resources: Resources) -> Callable[[str], Any]:
    from eventwire.pipeline.nlp.stage import load_model  # the model the pipeline parses with

    nlp = resources.get("spacy:" + settings.spacy_model, lambda: load_model(settings.spacy_model))
    return nlp  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The RSF moved towards the town.", {NAMED_ARMED, NAMED_REBEL}),
        ("Fighters of the March 23 Movement entered the village.", {NAMED_ARMED, NAMED_REBEL}),
        ("The FARDC moved towards the town.", {NAMED_ARMED}),
        ("Elders of the Nuer met the governor.", {NAMED_COMMUNAL}),
        ("The Labour Party met the governor.", set()),
    ],
)
def test_party_classes(parsed: Callable[[str], Any], text: str, expected: set[str]) -> None:
    assert party_classes(parsed(text), load_actor_dictionary()) == expected


# -- an ambiguous act between named parties is reported, not a figure of speech ---------------
@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("M23 clashed with FARDC near the hills north of Goma.", "Armed clash"),
        ("Clashes between Dinka and Nuer herders over grazing land near Wau.", "Armed clash"),
        ("The RSF attacked Kutum on Sunday.", "Attack"),
    ],
)
def test_named_parties_make_an_ambiguous_act_violent(
    top_event: TopEvent, text: str, sub: str
) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == sub, top


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban spokesman attacked the new budget plan in a statement.",
        "Two ministers clashed over the tax plan in parliament.",
    ],
)
def test_abstract_targets_stay_non_violent(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is None or top.acled_event_type not in {"Battles", "Violence against civilians"}


# -- a shared object of coordinated verbs is the target of both ---------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A soldier armed with a rifle shot and injured a shopkeeper in the market of Baidoa.",
        "Gunmen opened fire on a minibus and killed the driver near Kismayo.",
    ],
)
def test_shared_object_is_the_target(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Attack", top
    assert top.actor2 is not None and top.actor2.inter == 7


def test_an_earlier_conjunct_keeps_its_own_object(top_event: TopEvent) -> None:
    text = "Militiamen set up a checkpoint and attacked a police patrol near Jowhar."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Armed clash", top


# -- strategic developments: armed actors agreeing, bases set up ------------------------------
def test_armed_actors_reaching_an_agreement(top_event: TopEvent) -> None:
    text = "Two clan militias reached an agreement on grazing rights near Beledweyne."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Agreement", top


def test_a_company_agreement_has_no_acled_type(top_event: TopEvent) -> None:
    top = top_event("The two banks reached an agreement on the merger in London.")
    assert top is None or top.acled_event_type is None


@pytest.mark.parametrize(
    "text",
    [
        "Al Shabaab fighters established a checkpoint near the village of Bula Haji.",
        "A military command post was established in the town of Adigrat.",
    ],
)
def test_a_base_or_checkpoint_established(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Headquarters or base established"


def test_an_office_opened_by_a_company_is_no_base(top_event: TopEvent) -> None:
    top = top_event("The company established a new headquarters in Nairobi last year.")
    assert top is None or top.acled_event_type is None


# -- a protest a note reports by naming it ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "There were demonstrations against the election board in Kisumu.",
        "Anti-war demonstrations in the camp in Bentiu.",
    ],
)
def test_a_named_protest_is_reported(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_event_type == "Protests", top


@pytest.mark.parametrize(
    "text",
    [
        "There was a demonstration of the new phone at the fair.",
        "There were big rallies on Wall Street as shares rose.",
    ],
)
def test_a_product_demonstration_is_no_protest(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is None or top.acled_event_type != "Protests"


def test_a_parliament_clashing_with_the_eu_is_no_battle(top_event: TopEvent) -> None:
    text = "The European Parliament has clashed with the European Union on the copyright issue."
    top = top_event(text)
    assert top is None or top.acled_event_type != "Battles"
