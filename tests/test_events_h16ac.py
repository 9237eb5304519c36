"""Issue 16, helper h16ac: event types and sub-types of acled_more notes, own sentences.

Each class has sentences that failed before the change and a twin that must keep its
reading.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_sub_type

# --- the fight that followed an attack, told as its outcome: an Armed clash ---------------

FIGHT_AFTER_ATTACK = [
    # a later sentence: the defenders answered and a clash followed
    "On 4 March 2022, a farmer was shot dead in his compound in Dorlo by unknown gunmen. "
    "Soldiers posted nearby responded and there was a clash.",
    # the same sentence: a force stepped in, leading to a clash
    "Armed herders attacked Kiboro village, firing into the air and burning huts. Vigilantes "
    "from the next village intervened leading to a clash that left three herders dead.",
    # "resulting in a firefight" with the defenders
    "On 2 May 2022, gunmen attacked the village of Tamsa, resulting in a firefight with "
    "local hunters. Two residents were killed.",
    # "the ensuing gunfight"
    "Bandits opened fire on a bus near Dorlo, killing the driver. The ensuing gunfight with "
    "vigilantes lasted an hour.",
]


@pytest.mark.parametrize("text", FIGHT_AFTER_ATTACK)
def test_a_fight_that_followed_the_attack_makes_it_a_clash(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Armed clash"


def test_an_attack_with_no_fight_after_it_stays_an_attack(top_event: TopEvent) -> None:
    text = (
        "On 4 March 2022, a farmer was shot dead in his compound in Dorlo by unknown gunmen. "
        "Soldiers posted nearby arrived later."
    )
    assert top_sub_type(top_event, text) == "Attack"
    raid = "On 2 May 2022, gunmen attacked the village of Tamsa. Two residents were killed."
    assert top_sub_type(top_event, raid) == "Attack"
    bus = "Bandits opened fire on a bus near Dorlo, killing the driver. Vigilantes came later."
    assert top_sub_type(top_event, bus) == "Attack"


def test_a_protest_that_led_to_clashes_stays_a_riot(top_event: TopEvent) -> None:
    text = (
        "Traders protested against new market fees in Dorlo, blocking roads and throwing "
        "stones at police, leading to clashes with the police."
    )
    assert top_sub_type(top_event, text) == "Violent demonstration"


# --- captives hurt, told in a sentence of their own: the abduction is an Attack -----------

CAPTIVES_HURT_APART = [
    "On 3 March 2022, militiamen abducted 12 traders on the road to Dorlo. They were beaten "
    "and released two days later.",
    "Around 5 May 2022, unidentified gunmen kidnapped three nurses in Tamsa. They were freed "
    "a week later, two of them with minor injuries.",
]


@pytest.mark.parametrize("text", CAPTIVES_HURT_APART)
def test_captives_hurt_in_a_later_sentence_make_an_attack(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Attack"


def test_captives_released_unhurt_stay_an_abduction(top_event: TopEvent) -> None:
    text = (
        "On 3 March 2022, militiamen abducted 12 traders on the road to Dorlo. They were "
        "released two days later after a ransom was paid."
    )
    assert top_sub_type(top_event, text) == "Abduction/forced disappearance"
