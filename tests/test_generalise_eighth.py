"""Issue 16, eighth pass (h16l): event types and sub-types on notes the rules were never tuned
on. Our own sentences, one class per test, each with a twin that must keep its reading."""

from __future__ import annotations

import pytest

from conftest import TopEvent

PUBLISHED = "2021-06-10"


# -- a riot between two sides, told in the sentence before or as "each other" ------------------
@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, a riot broke out between fishermen from Lamba village and traders "
        "from Kosa in Pelo district. The riot was sparked by a quarrel over a jetty.",
        "On 3 May 2021, a riot broke out in Pelo district. Two groups of youths hurled "
        "stones at each other near the bus terminal.",
    ],
)
def test_a_riot_between_two_sides_is_mob_violence(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Mob violence", top


def test_a_riot_at_a_demonstration_stays_a_violent_demonstration(top_event: TopEvent) -> None:
    text = (
        "On 3 May 2021, students protested against fee increases in Pelo town. A riot broke "
        "out and the students threw stones at each other and at passing cars."
    )
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Violent demonstration", top


# -- the target of a light verb's violent object: "opened gunfire on civilians" ----------------
def test_gunfire_opened_on_civilians_is_an_attack(top_event: TopEvent) -> None:
    text = "On 4 May 2021, soldiers opened heavy gunfire on civilians at a market in Gao."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Attack", top
    assert top.actor2 is not None and "civilians" in top.actor2.text


def test_gunfire_opened_on_an_army_post_stays_a_clash(top_event: TopEvent) -> None:
    text = "On 4 May 2021, militants opened heavy gunfire on soldiers at an army post in Gao."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Armed clash", top


# -- the doer in a "by" phrase is no victim ------------------------------------------------------
def test_troops_in_a_by_phrase_are_not_victims(top_event: TopEvent) -> None:
    text = (
        "On 5 May 2021, at least six people were killed by federal troops during "
        "raids on Doko town and nearby hamlets."
    )
    top = top_event(text)
    assert top is not None and top.acled_event_type == "Violence against civilians", top


# -- a participle the parse hangs on the note's head noun, with its own object -------------------
def test_a_group_that_killed_people_is_the_agent(top_event: TopEvent) -> None:
    text = "On 6 May 2021, an unidentified armed group killed at least nine people in Doko."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Attack", top
    assert top.actor1 is not None and "group" in top.actor1.text


# -- a protest the note calls peaceful: riot words beside it are its topic ----------------------
def test_a_peaceful_protest_about_a_riot_stays_peaceful(top_event: TopEvent) -> None:
    text = (
        "On 8 June 2021, dozens of traders held a peaceful protest outside the town hall "
        "in Kasa, accusing the mayor of having started the riots in the market in May."
    )
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Peaceful protest", top


def test_a_peaceful_protest_that_turned_violent_is_a_violent_demonstration(
    top_event: TopEvent,
) -> None:
    text = (
        "On 8 June 2021, a peaceful protest by students in Kasa turned violent when the "
        "protesters threw stones at passing cars and smashed shop windows."
    )
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Violent demonstration", top


# -- state forces the actor dictionary names that bomb a place strike it from the air ----------
@pytest.mark.parametrize(
    "text",
    [
        "FARDC bomb Kibati. No casualties.",
        "On 3 May 2021, the FARDC bombed the village of Kibati, destroying two houses.",
    ],
)
def test_named_state_forces_that_bomb_a_place_are_an_air_strike(
    top_event: TopEvent, text: str
) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Air/drone strike", top


def test_a_rebel_bombing_stays_an_explosive_device(top_event: TopEvent) -> None:
    top = top_event("On 3 May 2021, M23 bombed a bus station in Kibati village.")
    assert top is not None and top.acled_sub_event_type == "Remote explosive/landmine/IED", top


# -- captives taken in a clash told beside it: the battle; captured soldiers killed: an attack ---
def test_captives_taken_in_a_clash_are_part_of_the_battle(top_event: TopEvent) -> None:
    text = (
        "On 7 May 2021, soldiers clashed with separatists near Bali. The separatists abducted "
        "and killed two gendarmes."
    )
    top = top_event(text)
    assert top is not None and top.acled_event_type == "Battles", top


def test_villagers_abducted_and_killed_stay_an_attack(top_event: TopEvent) -> None:
    text = "On 7 May 2021, three farmers were abducted and killed by separatists near Bali."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Attack", top


# -- detainees beaten or killed: ACLED codes the harm, not the arrest --------------------------
def test_detainees_beaten_in_custody_are_an_attack(top_event: TopEvent) -> None:
    text = (
        "On 9 May 2021, police detained five traders in Bor. Two of them were beaten while in "
        "custody."
    )
    top = top_event(text)
    assert top is not None and top.acled_event_type == "Violence against civilians", top


def test_an_arrest_with_no_harm_stays_an_arrest(top_event: TopEvent) -> None:
    text = "On 9 May 2021, police detained five traders in Bor. They were released the next day."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Arrests", top


# -- protesters shot and hurt: excessive force; rubber bullets stay an intervention -------------
def test_police_shooting_at_protesters_and_wounding_is_excessive_force(top_event: TopEvent) -> None:
    text = (
        "On 10 May 2021, traders protested against new taxes in Kitale. Police shot at the "
        "crowd, wounding three traders."
    )
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Excessive force against protesters"


def test_protesters_hurt_by_rubber_bullets_met_an_intervention(top_event: TopEvent) -> None:
    text = (
        "On 10 May 2021, traders protested against new taxes in Kitale. Police fired rubber "
        "bullets and tear gas at the crowd, wounding three traders."
    )
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Protest with intervention", top
