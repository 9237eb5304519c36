"""Incidents in long news articles: what a report recalls, answers or says in general terms is
not a new incident (tests/data/news_articles is the development set these classes came from).

Every report here is written for this test; each test checks one class with the whole pipeline
(places and dates decide incidents too), on a report published on a known day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.incidents.cues import load_incident_cues
from eventwire.records import Document, Event


@pytest.fixture(scope="module")
def current(pipeline: Pipeline) -> Callable[[str, str], list[Event]]:
    """The current incidents of a report published on a day: ACLED-typed, asserted, not
    background, not aggregate (what bench/incidents.py counts)."""

    def run(text: str, published: str) -> list[Event]:
        doc = pipeline(Document(text=text, published=date.fromisoformat(published)))
        return [
            e
            for e in doc.events
            if e.acled_event_type and e.modality == "asserted" and not (e.background or e.aggregate)
        ]

    return run


def _types(events: list[Event]) -> list[str | None]:
    return sorted(e.acled_event_type or "" for e in events)


def test_a_protest_recalled_from_a_week_before_is_background(current: Callable) -> None:
    text = (
        "LILONGWE, March 12 - Police fired tear gas at hundreds of traders protesting against "
        "new market fees in central Lilongwe on Tuesday. The traders marched on the city "
        "council chanting slogans. On March 2, traders had burned tyres and stoned police "
        "vehicles in Blantyre over the same fees."
    )
    events = current(text, "2024-03-12")
    assert len(events) == 1
    assert events[0].location is not None and events[0].location.name == "Lilongwe"


def test_an_attack_recalled_from_last_month_is_background(current: Callable) -> None:
    text = (
        "GAO, Mali, May 20 - Gunmen on motorbikes killed seven villagers in an attack on "
        "the village of Tacharane near Gao on Sunday, local officials said. Last month, "
        "fighters killed 20 traders on the road to Ansongo."
    )
    events = current(text, "2024-05-20")
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.start == date(2024, 5, 19)


@pytest.mark.parametrize(
    "response",
    [
        "Soldiers have been deployed to the area, the governor said.",
        "The state government imposed a 24-hour curfew on the town.",
    ],
)
def test_a_security_response_is_not_an_incident(current: Callable, response: str) -> None:
    text = (
        "JOS, Nigeria, Aug 4 - Gunmen killed nine farmers in an attack on the village of "
        f"Kwall in Bassa on Saturday, police said. {response}"
    )
    assert _types(current(text, "2024-08-04")) == ["Violence against civilians"]


def test_a_movement_of_forces_told_for_its_own_sake_stays(current: Callable) -> None:
    text = (
        "On 3 June 2024, army forces brought in military reinforcements to the town of "
        "Kidal, likely in connection with the ongoing clashes in the region."
    )
    subs = [e.acled_sub_event_type for e in current(text, "2024-06-03")]
    assert "Change to group/activity" in subs


def test_a_siege_that_has_lasted_for_months_is_not_an_incident(current: Callable) -> None:
    text = (
        "KADUGLI, Sudan, Sept 3 - A convoy of aid trucks reached the town on Tuesday. "
        "Kadugli has been besieged by the rebels since March, and residents have been "
        "under a blockade for more than five months."
    )
    assert current(text, "2024-09-03") == []


@pytest.mark.parametrize(
    "total",
    [
        "Last year was the deadliest year for the police, with 400 officers killed in "
        "attacks across the country.",
        "The rights group said on Monday that 52 people had been killed since the start of "
        "the protests.",
        "More than 900 civilians have been killed since the army takeover, most of them in "
        "air strikes.",
    ],
)
def test_a_total_over_a_period_is_not_an_incident(current: Callable, total: str) -> None:
    assert current(f"BAMAKO, Oct 8 - {total}", "2024-10-08") == []


def test_general_talk_after_the_lead_is_not_a_new_incident(current: Callable) -> None:
    text = (
        "MARAWI, Philippines, Feb 2 - A roadside bomb struck an army truck near the town of "
        "Marawi on Thursday, killing three soldiers, the military said. Analysts said the "
        "militants had turned from large raids to smaller ambushes and bombings. The "
        "government wants any peace deal to include an end to kidnappings."
    )
    events = current(text, "2024-02-02")
    assert _types(events) == ["Explosions/Remote violence"]


def test_a_lead_placed_by_its_province_takes_the_town_named_next(current: Callable) -> None:
    text = (
        "Gunmen kidnapped 30 worshippers from a church in Nigeria's Kogi state on Sunday, "
        "police said. The gunmen stormed the church in Okene during the morning service and "
        "led the worshippers into the forest."
    )
    events = current(text, "2024-06-10")
    assert len(events) == 1
    place = events[0].location
    assert place is not None and place.name == "Okene"


def test_deaths_told_after_a_deadly_protest_are_its_victims(current: Callable) -> None:
    text = (
        "ACCRA, June 5 - Police opened fire on students protesting against fee rises in "
        "Accra on Tuesday, killing one of them. Two more people were brought in dead to the "
        "hospital later, a doctor said. A rights group said the killings were unacceptable."
    )
    assert _types(current(text, "2024-06-05")) == ["Protests"]


def test_an_anniversary_story_has_no_current_incident(current: Callable) -> None:
    text = (
        "NAIROBI, Sept 21 - One year after gunmen killed 40 shoppers at a Nairobi mall, "
        "families say they are still waiting for answers. On Sept. 21, 2023, four gunmen "
        "stormed the mall "
        "and opened fire on shoppers."
    )
    assert current(text, "2024-09-21") == []


def test_the_day_a_source_spoke_is_not_the_day_of_the_incident() -> None:
    cues = load_incident_cues()
    text = "Gunmen seized 40 villagers late on Saturday, police told reporters on Monday."
    assert cues.is_reporting_date(text, text.index("on Monday"))
    assert not cues.is_reporting_date(text, text.index("late on Saturday"))


def test_a_place_named_before_hospital_is_where_victims_were_treated() -> None:
    cues = load_incident_cues()
    text = "Two soldiers were wounded and taken to Baquba hospital."
    end = text.index(" hospital")
    assert cues.before_treatment_word(text, end)
    other = "Gunmen attacked a checkpoint in Baquba on Monday."
    assert not cues.before_treatment_word(other, other.index(" on Monday"))
