"""Issue 16, helper h16bj: Strategic developments and notes that gave no event, own sentences.

Each class case was coded otherwise before the change; each twin keeps its reading.

- a crowd that seizes someone (no harm told) is Mob violence, not an arrest (finds.py);
- a weapon headlined as found ("Bomb found near X") is a disrupted weapons use;
- vigilantes who found a device did not riot: the find is the event;
- ground occupied with no fight told is a Non-violent transfer of territory;
- a headline's "march" read as a noun with a subject ("Hundreds march in X") is a protest.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

CROWD_SEIZED = [
    "On 4 May 2021, villagers arrested a suspected cattle thief in Dalo and locked him in a store.",
    "On 4 May 2021, local residents apprehended two suspected thieves at Kora market.",
]


@pytest.mark.parametrize("text", CROWD_SEIZED)
def test_a_crowd_that_seizes_someone_is_mob_violence(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Mob violence"


def test_police_who_arrest_stay_an_arrest(top_event: TopEvent) -> None:
    event = top_event("On 4 May 2021, police arrested a suspected cattle thief in Dalo.")
    assert event is not None
    assert event.acled_sub_event_type == "Arrests"


FOUND_DEVICES = [
    "Bomb found near the bus park in Kora",
    "On 4 May 2021, vigilantes discovered a landmine on the road to Dalo.",
]


@pytest.mark.parametrize("text", FOUND_DEVICES)
def test_a_device_found_is_disrupted_weapons_use(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Disrupted weapons use"


def test_a_bomb_that_went_off_stays_an_explosion(top_event: TopEvent) -> None:
    event = top_event("Bomb explodes near the bus park in Kora, killing two traders")
    assert event is not None
    assert event.acled_event_type == "Explosions/Remote violence"


def test_vigilantes_who_lynch_stay_a_mob(top_event: TopEvent) -> None:
    event = top_event("On 4 May 2021, a mob of vigilantes lynched a suspected thief in Dalo.")
    assert event is not None
    assert event.acled_sub_event_type == "Mob violence"


OCCUPIED = [
    "On 4 May 2021, government troops occupied a disputed area on the border near Dalo.",
    'Reports from Kora that rebels were "occupying" the Dalo area.',
]


@pytest.mark.parametrize("text", OCCUPIED)
def test_ground_occupied_with_no_fight_is_nonviolent(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Non-violent transfer of territory"


def test_ground_occupied_in_an_attack_stays_a_battle(top_event: TopEvent) -> None:
    event = top_event(
        "On 4 May 2021, rebels attacked and occupied an army base in Dalo, killing 3 soldiers."
    )
    assert event is not None
    assert event.acled_event_type == "Battles"


def test_hundreds_march_is_a_protest(top_event: TopEvent) -> None:
    event = top_event("Hundreds march through the capital city of Kora")
    assert event is not None
    assert event.acled_event_type == "Protests"


def test_amounts_and_nouns_with_subjects() -> None:
    from eventwire.pipeline.events.finds import CROWD_AMOUNTS, OCCUPATION

    assert {"hundreds", "thousands"} <= CROWD_AMOUNTS
    assert "occupied" in OCCUPATION


def test_a_device_found_with_no_one_named_is_an_unidentified_groups(top_event: TopEvent) -> None:
    event = top_event("Bomb found near the bus park in Kora")
    assert event is not None and event.actor1 is not None
    assert event.actor1.inter == 3
