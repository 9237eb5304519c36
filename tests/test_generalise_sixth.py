"""Issue 16, sixth pass: unidentified groups in headline parses, unnamed men who use violence,
the attacker named after a repelled attack noun, short notes with no finite verb, rioters who
attack people with no demonstration. Our own sentences, one class per test, each with a twin
that must keep working."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import TopEvent
from eventwire.records import Document

Run = Callable[..., Document]
PUBLISHED = "2021-06-10"


# -- an unidentified group is an armed group, not a crowd ---------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Unidentified group attack villagers in Kutum. Two deaths reported.",
        "Unknown persons attack herders in Mellit. One death reported.",
        "Three men shot dead a trader in the market of Bor.",
    ],
)
def test_unidentified_or_unnamed_attackers_are_an_armed_group(
    top_event: TopEvent, text: str
) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Attack", top
    assert top.actor1 is not None and top.actor1.inter == 3, top.actor1


def test_an_angry_crowd_beating_a_thief_stays_rioters(top_event: TopEvent) -> None:
    top = top_event("An angry mob beat a suspected thief to death in the market of Kisumu.")
    assert top is not None and top.acled_event_type == "Riots", top
    assert top.actor1 is not None and top.actor1.inter == 5, top.actor1


# -- the attacker named after the attack noun a defender repelled -------------------------------
def test_repelled_attack_of_a_named_group(top_event: TopEvent) -> None:
    text = "On 4 May, troops repelled an attack of Boko Haram on the town of Kolofata."
    top = top_event(text)
    assert top is not None and top.acled_event_type == "Battles", top
    assert top.actor1 is not None and top.actor1.inter == 2, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 1, top.actor2


def test_an_attack_repelled_by_soldiers_on_their_own_keeps_the_soldiers_first(
    top_event: TopEvent,
) -> None:
    top = top_event("On 4 May, soldiers launched an attack on a Boko Haram camp near Amchide.")
    assert top is not None and top.actor1 is not None and top.actor1.inter == 1, top


# -- short notes with no finite verb still report one event -------------------------------------
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Violence between Garre and Ajuran clans in Mandera.", "Battles"),
        ("Toposa attack Kapoeta for second day", "Violence against civilians"),
    ],
)
def test_short_notes_give_an_event(top_event: TopEvent, text: str, etype: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_event_type == etype, top


@pytest.mark.parametrize(
    "text",
    [
        "Violence between the two characters drives the plot of the new novel.",
        "Attack helicopter Apache shown at the Paris air show",
    ],
)
def test_non_conflict_fragments_stay_quiet(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is None or top.acled_event_type not in {"Battles", "Violence against civilians"}


# -- rioters who attack people with no demonstration: mob violence ------------------------------
def test_rioters_burning_houses_are_mob_violence(top_event: TopEvent) -> None:
    text = "On 3 March 2020, rioters attacked a village near Nabire and burned ten houses."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Mob violence", top


def test_rioters_stoning_police_at_a_protest_stay_a_violent_demonstration(run_text: Run) -> None:
    text = (
        "On 3 March 2020, students protested against fee increases in Nakuru. "
        "Rioters threw stones at police, who fired tear gas."
    )
    subs = {e.acled_sub_event_type for e in run_text(text, published=PUBLISHED).events}
    assert "Violent demonstration" in subs and "Mob violence" not in subs, subs


# -- arrests: who arrested, and whom the detainees are said to have helped ----------------------
def test_nationality_security_is_the_state(top_event: TopEvent) -> None:
    top = top_event("Sudanese security arrested four student leaders in Omdurman.")
    assert top is not None and top.acled_sub_event_type == "Arrests", top
    assert top.actor1 is not None and top.actor1.inter == 1, top.actor1


def test_food_security_is_no_actor() -> None:
    from eventwire.pipeline.actors.compose import code_mention
    from eventwire.pipeline.common.actordict import load_actor_dictionary

    assert code_mention(load_actor_dictionary(), "food security", "SD").inter is None


def test_the_group_in_an_arrest_motive_did_not_arrest(top_event: TopEvent) -> None:
    text = "Four men were arrested for collaborating with Boko Haram in Kolofata."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Arrests", top
    assert top.actor1 is not None and top.actor1.inter == 1, top.actor1


def test_an_arrest_by_a_named_group_stays_theirs(top_event: TopEvent) -> None:
    text = "Boko Haram fighters detained four fishermen near Kolofata."
    top = top_event(text)
    assert top is not None and top.actor1 is not None and top.actor1.inter == 2, top
