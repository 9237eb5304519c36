"""Non-events and statements, second pass (issue 15): our own sentences.

Mobilising what is no force, deployments to train or keep the peace, acts given up or
called off, and condolences: the statement is the sentence's act (CAMEO 018, root 01) and the
killing it speaks of ranks below it. Each class has a twin that must still be coded.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import Event

Coded = Callable[[str], list[Event]]


def test_mobilising_funds_is_no_mobilisation(coder_events: Coded) -> None:
    events = coder_events(
        "The bank is mobilising additional funds for reconstruction after the war."
    )
    assert "MOBILIZE" not in [e.plover_type for e in events]


def test_mobilising_troops_is_still_a_mobilisation(coder_events: Coded) -> None:
    events = coder_events("The army is mobilising 5,000 reservists to the northern front.")
    assert "MOBILIZE" in [e.plover_type for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Forty Kenyan soldiers deployed to a base in Somalia to train local recruits.",
        "Ghana announced the deployment of 500 troops to Mali on a peacekeeping mission.",
    ],
)
def test_deployments_to_train_or_keep_the_peace_change_no_activity(
    text: str, coder_events: Coded
) -> None:
    assert "Change to group/activity" not in [e.acled_sub_event_type for e in coder_events(text)]


def test_a_deployment_to_a_front_is_still_a_change_of_activity(coder_events: Coded) -> None:
    events = coder_events(
        "The army deployed 3,000 troops to the border town after the rebel advance."
    )
    assert "Change to group/activity" in [e.acled_sub_event_type for e in events]


def test_fighting_given_up_is_no_fight(coder_events: Coded) -> None:
    text = "Two rebel commanders have given up fighting and surrendered to the army in Kasai."
    assert "ASSAULT" not in [e.plover_type for e in coder_events(text)]


def test_fighting_that_goes_on_is_a_fight(coder_events: Coded) -> None:
    text = "Rebels and soldiers kept up heavy fighting near the town of Kasai on Monday."
    assert "ASSAULT" in [e.plover_type for e in coder_events(text)]


def test_condolences_are_the_sentence_act(coder_events: Coded) -> None:
    events = coder_events(
        "The governor expressed condolences to the families of nine miners who were killed "
        "in a bomb attack on their bus."
    )
    assert events[0].plover_type == "SUPPORT" and events[0].cameo_root == "01"
    assert "ASSAULT" in [e.plover_type for e in events]  # the attack is still coded


def test_an_attack_told_before_the_condolences_leads(coder_events: Coded) -> None:
    events = coder_events(
        "A bomb attack on a bus killed nine miners on Monday, and the governor expressed "
        "condolences to their families."
    )
    assert events[0].plover_type == "ASSAULT"


@pytest.mark.parametrize(
    "text",
    [
        "The movement, which has fought the central government for more than 20 years, "
        "denied any role.",
        "The two clans have clashed since 2011 over access to the river.",
        "Bandits have attacked traders on that road for years, residents say.",
    ],
)
def test_an_act_told_as_lasting_years_is_a_period(text: str, coder_events: Coded) -> None:
    violent = [
        e
        for e in coder_events(text)
        if e.acled_event_type in {"Battles", "Violence against civilians"}
    ]
    assert violent == []


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Soldiers and rebels fought for six hours outside the town on Tuesday.", "Armed clash"),
        (
            "Gunmen seized a trader in the market; he was held for three months.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_an_act_of_hours_or_a_captivity_of_months_is_still_coded(
    text: str, sub_type: str, coder_events: Coded
) -> None:
    assert sub_type in [e.acled_sub_event_type for e in coder_events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The bomb had been hidden in a drainage pipe and went off as the patrol drove past.",
        "An explosive device was buried beside the track and exploded under a bus.",
    ],
)
def test_a_hidden_device_that_went_off_is_an_explosion(text: str, coder_events: Coded) -> None:
    sub_types = [e.acled_sub_event_type for e in coder_events(text)]
    assert "Remote explosive/landmine/IED" in sub_types
    assert "Disrupted weapons use" not in sub_types


def test_a_hidden_device_found_is_still_disrupted(coder_events: Coded) -> None:
    events = coder_events("Police found a bomb hidden in a drainage pipe near the barracks.")
    assert "Disrupted weapons use" in [e.acled_sub_event_type for e in events]
