"""Issue 16, eighth pass (actor codes): militias named after an organisation, a people's
name the chunker cut off before a generic head, named groups the dictionary lacked, and the
state force named beside a riot. Our own sentences, one class per test, each with a twin
that must keep its old reading."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline.actors.community import political
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.records import Document, Event

Run = Callable[..., Document]
PUBLISHED = "2019-06-10"


def _top(run_text: Run, text: str) -> Event | None:
    events = run_text(text, published=PUBLISHED).events
    return events[0] if events else None


# -- a militia named after an organisation of homes.csv is a political militia ---------------
@pytest.mark.parametrize(
    "mention", ["Nyatura militia", "the Mungiki militias", "Wazalendo militia"]
)
def test_an_organisations_militia_is_a_political_militia(mention: str) -> None:
    actor = code_mention(load_actor_dictionary(), mention)
    assert actor.inter == 3 and actor.type != "identity militia", actor


def test_a_peoples_militia_stays_communal() -> None:
    d = load_actor_dictionary()
    assert political(d, "Nyatura") and not political(d, "Bukusu")
    actor = code_mention(d, "Bukusu militia")
    assert actor.inter == 4 and actor.type == "identity militia", actor


# -- a people's name cut off before the mention's generic head -------------------------------
def test_a_peoples_name_before_a_bare_militia_joins_the_mention(run_text: Run) -> None:
    top = _top(run_text, "Turkana militia raid 12 homesteads in Baringo. 3 killed.")
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 4 and "Turkana" in (top.actor1.name or ""), top.actor1


def test_a_bare_militia_with_no_name_before_it_is_unchanged(run_text: Run) -> None:
    top = _top(run_text, "Armed militia raid 12 homesteads in Baringo. 3 killed.")
    assert top is not None and top.actor1 is not None and top.actor1.inter == 3, top.actor1


# -- named groups the dictionary now knows, with ACLED's categories ---------------------------
@pytest.mark.parametrize(
    ("mention", "inter"),
    [
        ("TPLF fighters", 3),  # ACLED: a political militia
        ("CPC rebels", 3),  # the Central African coalition: political militias
        ("Anti-Balaka elements", 3),
        ("SRF fighters", 2),
        ("Mujahidin Indonesia Timur", 2),
        ("ODM supporters", 3),  # a party's supporters who fight: a political militia
        ("AUSSOM troops", 8),
        ("armed land guards", 8),  # private security
        ("Puntland Dervish forces", 1),  # a regional state force
    ],
)
def test_named_groups_get_acleds_category(mention: str, inter: int) -> None:
    actor = code_mention(load_actor_dictionary(), mention)
    assert actor.inter == inter, actor


# -- the state force named beside a riot is its actor2 ----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Traders rioted in Kisumu over new market fees, burning tyres. Police fired tear gas.",
        "Rioting youths hurled stones and set a lorry alight in Suswa. Soldiers dispersed them.",
    ],
)
def test_a_riot_takes_the_state_force_named_beside_it(run_text: Run, text: str) -> None:
    top = _top(run_text, text)
    assert top is not None and top.acled_event_type == "Riots", top
    assert top.actor2 is not None and top.actor2.inter == 1, top.actor2


def test_a_peaceful_protest_takes_no_force_as_actor2(run_text: Run) -> None:
    text = "Traders marched peacefully in Kisumu against market fees. Police watched the march."
    top = _top(run_text, text)
    assert top is not None and top.acled_sub_event_type == "Peaceful protest", top
    assert top.actor2 is None, top.actor2


# -- the target of violence against civilians is always Civilians ------------------------------
def test_a_party_politician_hit_by_gunmen_is_a_civilian(run_text: Run) -> None:
    text = "Gunmen shot and wounded two ODM councillors at a market in Kisumu."
    top = _top(run_text, text)
    assert top is not None and top.acled_event_type == "Violence against civilians", top
    assert top.actor2 is not None and top.actor2.inter == 7, top.actor2
    assert "Orange Democratic Movement" in top.actor2.affiliation, top.actor2


def test_a_party_named_alone_outside_such_violence_keeps_its_code() -> None:
    actor = code_mention(load_actor_dictionary(), "two ODM councillors")
    assert actor.inter == 3, actor  # only the target of violence against civilians changes
