"""Non-events and the main clause, third pass (issue 15): our own sentences.

An act that is what someone says or feels something about ("concern about the escalation
of fighting", "an allegation of torture", "a message of sympathy after the bombing"), a
violent noun that names someone ("called the minister a butcher"), a death told by a
mishap ("died when the ferry capsized"), an announced coercive act (a THREATEN), and the
main clause's act ranking above an act in its clause of sequence. Each class has a twin
that must still be coded.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import Event

Coded = Callable[[str], list[Event]]
VIOLENT_TYPES = {"ASSAULT", "FIGHT"}


def _violent(events: list[Event]) -> list[str]:
    return [e.trigger.text for e in events if e.plover_type in VIOLENT_TYPES]


@pytest.mark.parametrize(
    "text",
    [
        "The envoy voiced deep concern about the recent escalation of fighting in the valley.",
        "The minister expressed concerns regarding the safety of the workers and the ambush "
        "near the dam.",
        "Prosecutors opened a file on an allegation of torture made against two guards.",
        "The mayor sent a message of sympathy to the families following the bombing in the market.",
    ],
)
def test_an_act_spoken_about_is_no_incident(text: str, coder_events: Coded) -> None:
    assert _violent(coder_events(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Fighting escalated in the valley on Sunday, killing six soldiers.",
        "Gunmen ambushed a convoy of workers near the dam on Friday.",
        "A bomb exploded in the market on Monday, killing four traders.",
    ],
)
def test_the_act_itself_is_still_coded(text: str, coder_events: Coded) -> None:
    assert _violent(coder_events(text)) != []


def test_a_violent_noun_naming_someone_is_no_act(coder_events: Coded) -> None:
    events = coder_events(
        "The opposition leader called the interior minister a butcher on Tuesday."
    )
    assert _violent(events) == []


def test_a_death_in_a_mishap_is_no_attack(coder_events: Coded) -> None:
    events = coder_events(
        "A trader was killed when his lorry overturned on the coast road at night."
    )
    assert _violent(events) == []


def test_a_death_when_a_bomb_went_off_is_still_an_attack(coder_events: Coded) -> None:
    events = coder_events(
        "A trader was killed when a roadside bomb hit his lorry on the coast road."
    )
    assert _violent(events) != []


def test_an_announced_curfew_is_a_threat(coder_events: Coded) -> None:
    events = coder_events(
        "The governor announced that the authorities will impose a curfew in the city."
    )
    assert events[0].plover_type == "THREATEN" and events[0].cameo_root == "13"
    assert events[0].acled_event_type is None


def test_a_curfew_imposed_is_still_coded(coder_events: Coded) -> None:
    events = coder_events("The authorities imposed a curfew in the city on Saturday.")
    assert "THREATEN" not in [e.plover_type for e in events]


def test_the_main_act_ranks_above_its_clause_of_sequence(coder_events: Coded) -> None:
    events = coder_events(
        "The agency suspended aid deliveries to the north after a convoy was attacked."
    )
    assert events[0].plover_type == "SANCTION"
    assert "ASSAULT" in [e.plover_type for e in events]  # the attack is still an event


def test_an_attack_told_first_still_leads(coder_events: Coded) -> None:
    events = coder_events(
        "A convoy was attacked near the border, and the agency suspended aid deliveries."
    )
    assert events[0].plover_type == "ASSAULT"


@pytest.mark.parametrize(
    "text",
    [
        "Norway, Sweden and Finland are taking part in a war game on the northern coast.",
        "The war game was staged by Kenyan marines and Tanzanian naval forces last week.",
    ],
)
def test_a_war_game_of_several_parties_is_cooperation(text: str, coder_events: Coded) -> None:
    types = [e.plover_type for e in coder_events(text)]
    assert "COOPERATE" in types and "MOBILIZE" not in types


def test_a_war_game_of_one_side_is_still_a_mobilisation(coder_events: Coded) -> None:
    events = coder_events("The navy launched war games near the disputed islands on Monday.")
    assert "MOBILIZE" in [e.plover_type for e in events]


def test_striking_a_ball_is_no_strike(coder_events: Coded) -> None:
    events = coder_events("She levelled the match by striking a low forehand down the line.")
    assert "PROTEST" not in [e.plover_type for e in events]


def test_workers_striking_are_still_a_protest(coder_events: Coded) -> None:
    events = coder_events("Bus drivers struck for a second day in Lagos over unpaid wages.")
    assert "PROTEST" in [e.plover_type for e in events]


def test_defending_a_policy_in_words_is_support(coder_events: Coded) -> None:
    events = coder_events(
        "The finance minister defended the government's handling of the fuel crisis."
    )
    assert [(e.plover_type, e.cameo_root) for e in events][:1] == [("SUPPORT", "05")]


def test_defending_a_town_is_no_support(coder_events: Coded) -> None:
    events = coder_events("Government troops defended the town against a rebel assault on Sunday.")
    assert "SUPPORT" not in [e.plover_type for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The court upheld the sentences of two reporters for their reporting on the army's "
        "crackdown on the villagers.",
        "The minister made comments on the arrests of the opposition leaders.",
    ],
)
def test_a_coercive_act_spoken_about_is_no_act(text: str, coder_events: Coded) -> None:
    assert [e.plover_type for e in coder_events(text) if e.plover_type == "COERCE"] == []


def test_the_coercive_act_itself_is_still_coded(coder_events: Coded) -> None:
    events = coder_events("Police arrested the opposition leaders in the capital on Monday.")
    assert "COERCE" in {e.plover_type for e in events}
