"""Issue 16, helper h16at: event types that generalise, own sentences.

People harmed beside property destroyed or goods taken (harm_beside.py): houses burned or
a village looted while unarmed people were killed, hurt, beaten or shot, in the same
sentence or the next, is an Attack; with the harm denied, or the harmed armed, or animals,
it stays Looting/property destruction.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

HARMED = [
    "On 4 May 2021, gunmen burned down ten houses in Kora village. Two villagers were killed.",
    "On 4 May 2021, armed men torched the market in Kora town. One trader was shot dead.",
    "Three farmers were killed in Kora on 4 May 2021. Their houses were looted by gunmen.",
]


@pytest.mark.parametrize("text", HARMED)
def test_property_destroyed_where_people_were_harmed_is_an_attack(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Attack"


NOT_HARMED = [
    "On 4 May 2021, gunmen looted shops in Kora village. No fatalities or injuries were reported.",
    "On 4 May 2021, gunmen burned down ten houses in Kora village. Nobody was hurt.",
]


@pytest.mark.parametrize("text", NOT_HARMED)
def test_property_destroyed_with_harm_denied_stays_looting(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Looting/property destruction"


COMMUNAL = [
    "On 4 May 2021, residents of Kora and Tema clashed over a land dispute. Three people "
    "were injured.",
    "On 4 May 2021, ethnic clashes broke out in Kora. Two people were killed.",
    "On 4 May 2021, two groups of people from neighbouring villages clashed in Kora. "
    "Five people were injured.",
]


@pytest.mark.parametrize("text", COMMUNAL)
def test_ethnic_land_and_village_fights_are_communal_battles(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Armed clash"


def test_a_brawl_of_two_groups_with_no_communal_cue_stays_mob_violence(
    top_event: TopEvent,
) -> None:
    event = top_event("On 4 May 2021, two groups of youths clashed at a bar in Kora town.")
    assert event is not None
    assert event.acled_sub_event_type == "Mob violence"
