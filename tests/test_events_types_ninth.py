"""Issue 16, ninth pass (h16o): event types and sub-types, and notes that got no event at all.
Our own sentences, one class per test, each with a twin that must keep its reading."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import TopEvent
from eventwire.records import Document

Run = Callable[..., Document]
PUBLISHED = "2021-06-10"


# -- a short note's place the tagger reads as a person: "Fighting in Kodok." -------------------
@pytest.mark.parametrize(
    "text",
    ["Fighting in Malek.", "Fighting reported in Ruweng near the river."],
)
def test_fighting_at_a_named_place_in_a_short_note_is_a_clash(
    top_event: TopEvent, text: str
) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Armed clash", top


def test_a_person_named_in_a_short_note_is_no_scene(top_event: TopEvent) -> None:
    assert top_event("Fighting with John Okello.") is None


# -- "Reports of fighting in X." heads a short note -------------------------------------------
def test_reports_of_fighting_head_a_short_note(top_event: TopEvent) -> None:
    top = top_event("Reports of heavy fighting in Kodok.")
    assert top is not None and top.acled_sub_event_type == "Armed clash", top


def test_reports_of_fighting_over_a_budget_are_no_event(top_event: TopEvent) -> None:
    assert top_event("Reports of fighting over the budget in the cabinet.") is None


# -- suspected offenders are people: mob justice -----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, villagers caught and beat up a suspected thief in Lowa town.",
        "On 3 May 2021, market traders fatally assaulted a suspected robber with clubs in Lowa.",
        "On 3 May 2021, residents captured and killed a suspected burglar in Lowa town.",
    ],
)
def test_a_crowd_harming_a_suspected_thief_is_mob_violence(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Mob violence", top


def test_police_shooting_armed_robbers_stays_a_clash(top_event: TopEvent) -> None:
    top = top_event("On 3 May 2021, police shot dead two armed robbers in Lowa town.")
    assert top is not None and top.acled_sub_event_type == "Armed clash", top


def test_soldiers_who_beat_detainees_stay_an_attack(top_event: TopEvent) -> None:
    text = "On 3 May 2021, soldiers arrested four men in Lowa; two of them were beaten to death."
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Attack", top


# -- physical phrases are no contest: "beat up", "fist fight", "street fight" -------------------
@pytest.mark.parametrize(
    "text",
    [
        "Voters in Lowa beat up a ward official who was handing out money to buy votes.",
        "On 3 May 2021, a fist fight broke out at the tallying centre in Lowa after a party "
        "agent tried to take a ballot box.",
        "On 3 May 2021, two groups of party supporters engaged in a street-fight in Lowa "
        "over the names missing from the primary register.",
    ],
)
def test_a_fight_among_voters_is_mob_violence(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Mob violence", top


def test_a_candidate_who_beat_his_rival_in_the_vote_is_no_event(top_event: TopEvent) -> None:
    text = "The governor beat his rival in the primary vote by 3,000 votes in Lowa county."
    assert top_event(text) is None


# -- protest nouns a note reports: "took part in a demonstration", "demonstrations erupted" ----
@pytest.mark.parametrize(
    "text",
    [
        "More than 300 members of the Nurses Union (NU) in the Northern Region took part in a "
        "demonstration in the Lowa Municipality.",
        "Several demonstrations erupted in Lowa and other towns after the Friday prayers.",
    ],
)
def test_a_reported_demonstration_is_a_protest(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_event_type == "Protests", top


def test_a_product_demonstration_that_continued_is_no_protest(top_event: TopEvent) -> None:
    assert top_event("The demonstration of the new tablet continued in the hall.") is None


def test_people_who_arrested_and_killed_two_men_stay_an_attack(top_event: TopEvent) -> None:
    text = (
        "On 3 May 2021, two people who said they were police officers arrested two mechanics "
        "at Lowa market. The bodies of the two were found the next day with gunshot wounds."
    )
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Attack", top


# -- a period that belongs to unpaid dues, not to the protest ---------------------------------
def test_a_protest_over_salaries_unpaid_for_months_is_an_incident(top_event: TopEvent) -> None:
    text = (
        "On 3 May 2021, county nurses demonstrated over the late payment of their salaries for "
        "three months in Lowa town."
    )
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Peaceful protest", top


def test_nurses_who_have_protested_over_pay_for_months_report_no_incident(
    top_event: TopEvent,
) -> None:
    assert top_event("Nurses have protested over pay for three months in Lowa.") is None


# -- a crowd that disrupts a gathering or pelts people ------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Rowdy youths disrupted a campaign meeting of a ward aspirant in Lowa town.",
        "On 3 May 2021, several people disrupted a party rally in Lowa and pelted the guests "
        "with stones.",
    ],
)
def test_a_crowd_disrupting_a_gathering_is_a_riot(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_event_type == "Riots", top


def test_police_who_disrupt_a_meeting_are_no_rioters(run_text: Run) -> None:
    events = run_text("Police disrupted a meeting of the opposition in Lowa.").events
    assert not any(e.acled_event_type == "Riots" for e in events), events


# -- communities who fight each other ----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Two rival clans fight over a borehole near Lowa.",
        "Unidentified ethnic groups fight over pasture. Deaths reported, numbers not given.",
    ],
)
def test_communities_that_fight_over_land_are_a_clash(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None and top.acled_sub_event_type == "Armed clash", top


@pytest.mark.parametrize(
    "text",
    [
        "Local communities fight for water rights in the valley.",
        "Clans fought the new land law in Parliament.",
    ],
)
def test_communities_fighting_for_a_cause_are_no_clash(top_event: TopEvent, text: str) -> None:
    assert top_event(text) is None


# -- a short note naming communities: "X carry out revenge attack against Y" -------------------
def test_a_short_note_of_one_community_attacking_another_is_an_event(top_event: TopEvent) -> None:
    top = top_event("Turkana carry out revenge attack against Pokot")
    assert top is not None and top.acled_event_type == "Violence against civilians", top


def test_a_community_attacking_a_plan_is_no_violence(run_text: Run) -> None:
    events = run_text("Nuer attack plan of the government.").events
    assert not any(e.acled_event_type for e in events), events


def test_a_fighting_area_near_communities_is_no_clash(run_text: Run) -> None:
    text = (
        "On 2 June 2021, the Ethiopian army set up a command centre in the Oromo special zone "
        "of Amhara region after weeks of violence there. "
        "Location coded to the central fighting area, Kemise Town (North Shewa, Amhara)."
    )
    events = run_text(text, published=PUBLISHED).events
    assert not any(e.acled_sub_event_type == "Armed clash" for e in events), events


def test_a_headline_of_one_community_battling_raiders_is_a_clash(top_event: TopEvent) -> None:
    top = top_event("Pokot battle Marakwet raiders.")
    assert top is not None and top.acled_sub_event_type == "Armed clash", top
