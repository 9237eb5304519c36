"""News-sentence coding, fifth pass (issue 15): the class of wording each rule fixes, on our
own sentences, read the way bench/cameo.py reads a sentence (its top event's CAMEO root).

Classes: declared ceasefires (CAMEO 0871, a concession), broken ceasefire agreements
(fighting), cyber attacks (coercion, no ACLED type), things handed back, aid given with an
irregular past ("gave", "sent", "paid"), leaders' claims (no protest), the main clause's act
over the act its object noun is about, acts only hoped for or weighed (comments), demands
("must end", "called for sanctions", "pressuring", a deadline given), refusing to end a
strike, charges and legal action, and proposals turned down. Each has a twin that keeps its
reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cameo import penta_of_event, top_event  # bench/cameo.py (bench/ is on sys.path)
from eventwire.records import Event

Coded = Callable[[str], list[Event]]


def _top(events: list[Event]) -> tuple[str, str | None, int | None]:
    top = top_event(events)
    assert top is not None, "no event coded"
    return top.plover_type, top.cameo_root, penta_of_event(top)


def _penta(events: list[Event]) -> int:
    """The sentence's pentaclass as the benchmark reads it (no event: a statement, 0)."""
    top = top_event(events)
    value = penta_of_event(top) if top is not None else None
    return 0 if value is None else value


@pytest.mark.parametrize(
    "text",
    [
        "The rebels announced a unilateral ceasefire on Sunday.",
        "The president declared a truce with the armed groups on Monday.",
        "Both factions signed a joint ceasefire declaration in the capital.",
    ],
)
def test_a_declared_ceasefire_is_a_concession(text: str, coder_events: Coded) -> None:
    events = coder_events(text)
    assert _top(events) == ("AGREE", "08", 2)
    top = top_event(events)
    assert top is not None and top.acled_sub_event_type == "Agreement"  # ACLED's reading


def test_a_signed_agreement_stays_verbal_cooperation(coder_events: Coded) -> None:
    assert _penta(coder_events("The two ministers signed an agreement on trade.")) == 1


def test_violating_a_ceasefire_agreement_is_fighting(coder_events: Coded) -> None:
    events = coder_events("The militia is violating the ceasefire agreement near the river.")
    assert _top(events)[0] == "ASSAULT" and _penta(events) == 4


@pytest.mark.parametrize(
    "text",
    [
        "Foreign hackers launched cyber attacks on the ministry's websites.",
        "The state has waged cyber warfare against its neighbour for years.",
    ],
)
def test_a_cyber_attack_is_coercion_without_force(text: str, coder_events: Coded) -> None:
    events = coder_events(text)
    assert _top(events)[:2] == ("COERCE", "17")
    assert all(e.acled_event_type is None for e in events)  # no conflict event


@pytest.mark.parametrize(
    "text",
    [
        "Britain returned 14 ancient statues to Greece on Friday.",
        "The stolen painting was returned by the museum to its owner.",
    ],
)
def test_a_thing_handed_back_is_a_concession(text: str, coder_events: Coded) -> None:
    assert _top(coder_events(text))[:2] == ("CONCEDE", "08")


@pytest.mark.parametrize(
    "text", ["The displaced families returned to their villages.", "The soldiers returned fire."]
)
def test_returning_home_or_fire_hands_nothing_back(text: str, coder_events: Coded) -> None:
    assert all(e.plover_type != "CONCEDE" for e in coder_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "The navy gave 300 rifles to the coast guard last week.",
        "The ministry sent a team of surgeons to the field hospital.",
        "Norway paid 40 million dollars in aid to the region.",
    ],
)
def test_aid_told_with_an_irregular_past_is_material_cooperation(
    text: str, coder_events: Coded
) -> None:
    assert _top(coder_events(text))[:2] == ("AID", "07")


def test_leaders_who_reject_a_decision_do_not_protest(coder_events: Coded) -> None:
    events = coder_events("Church leaders rejected the governor's decision, calling it unjust.")
    assert _top(events)[:2] == ("REJECT", "12")


def test_a_statement_calling_on_a_government_is_an_appeal(coder_events: Coded) -> None:
    text = "The charity head issued a statement calling on the government to let migrants land."
    assert _top(coder_events(text))[0] == "REQUEST" and _penta(coder_events(text)) == 0


def test_workers_who_reject_an_offer_still_protest(coder_events: Coded) -> None:
    events = coder_events("Hundreds of workers rejected the pay offer outside the factory.")
    assert any(e.plover_type == "PROTEST" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The council imposed sanctions on the regime due to the bombing of the embassy.",
        "The donors suspended aid to the region after soldiers seized power and placed the "
        "governor under arrest.",
    ],
)
def test_the_main_clause_act_wins_over_the_act_it_is_about(text: str, coder_events: Coded) -> None:
    events = coder_events(text)
    assert _top(events)[0] == "SANCTION" and _penta(events) == 3


def test_an_attack_reported_on_its_own_is_still_the_top_event(coder_events: Coded) -> None:
    events = coder_events("Soldiers seized power and placed the governor under arrest.")
    assert _penta(events) == 4


@pytest.mark.parametrize(
    "text",
    [
        "The senator said he was pessimistic about the chances of a deal.",
        "The envoy expressed concerns about the talks with the rebels.",
        "The watchdog is skeptical that the ministry will meet its targets.",
        "The cabinet is considering sending aid to the flooded province.",
    ],
)
def test_an_act_only_hoped_for_doubted_or_weighed_is_a_comment(
    text: str, coder_events: Coded
) -> None:
    assert _penta(coder_events(text)) == 0


def test_a_meeting_held_is_still_a_meeting(coder_events: Coded) -> None:
    assert _penta(coder_events("The two presidents met in Geneva on Tuesday.")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Moscow says the army must end its attacks on the city.",
        "The monitors said the authorities must ensure the safety of returning families.",
        "A senator called for sanctions against the regime over the crackdown.",
        "Police have been pressuring the dockers to call off their strike.",
        "The premier gave the regime a deadline over the poison attack on a defector.",
    ],
)
def test_demands_are_verbal_conflict(text: str, coder_events: Coded) -> None:
    events = coder_events(text)
    assert _top(events)[:2] == ("REQUEST", "10") and _penta(events) == 3


def test_a_violent_act_that_must_happen_stays_hypothetical(coder_events: Coded) -> None:
    events = coder_events("The commander said soldiers must kill the rebels.")
    assert [e.modality for e in events if e.plover_type == "ASSAULT"] == ["hypothetical"]


def test_refusing_to_end_a_strike_is_a_rejection(coder_events: Coded) -> None:
    events = coder_events("The nurses said they will not end the strike until they are paid.")
    assert _top(events)[:2] == ("REJECT", "12")


def test_ending_a_strike_is_a_concession(coder_events: Coded) -> None:
    events = coder_events("The nurses ended the strike on Friday after the vote.")
    assert _top(events)[:2] == ("CONCEDE", "08")


@pytest.mark.parametrize(
    "text",
    [
        "A court charged the former minister with fraud on Tuesday.",
        "The commission launched legal action against the government over the new law.",
    ],
)
def test_charges_and_lawsuits_are_accusations(text: str, coder_events: Coded) -> None:
    assert _top(coder_events(text))[:2] == ("ACCUSE", "11")


def test_a_proposal_turned_down_is_a_refusal(coder_events: Coded) -> None:
    events = coder_events("The union rejected the minister's suggestion that the talks be delayed.")
    assert _top(events)[:2] == ("REJECT", "12")


def test_an_accusation_rejected_is_a_denial(coder_events: Coded) -> None:
    events = coder_events("The minister rejected accusations that he had taken bribes.")
    assert _penta(events) == 0


def test_a_decided_easing_is_the_easing(coder_events: Coded) -> None:
    events = coder_events("The government has decided to lift the curfew in the northern towns.")
    assert _top(events)[0] == "CONCEDE" and _penta(events) == 2


def test_crimes_committed_are_no_commitment(coder_events: Coded) -> None:
    text = "The police will investigate reports of abuses being committed by the guards."
    assert all(e.plover_type != "AGREE" for e in coder_events(text))


def test_a_commitment_made_is_still_one(coder_events: Coded) -> None:
    events = coder_events("The donors committed 20 million dollars to the rebuilding fund.")
    assert any(e.plover_type == "AGREE" for e in events)
