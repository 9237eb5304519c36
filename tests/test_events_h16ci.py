"""Issue 16, helper h16ci: two sub-event type classes, own sentences.

- An arrest of one person told beside a protest against that arrest (or for that person's
  release) is the crowd's grievance, not an intervention (events/grievance_arrests.py):
  Peaceful protest. An arrest of the protesters stays an intervention.
- Rioters named by the agent noun who wrecked or burned things, with no protest, demand,
  force or blockade told, are Mob violence (events/riot_mobs.py); rioters a force fired
  on, or rioters who barricaded roads, stay a violent demonstration.
- The protest words of crowd_deeds.py are read from the lexicon's word file.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent
from eventwire.datafiles import words
from eventwire.pipeline.events import crowd_deeds

GRIEVANCE_ARRESTS = [
    "On 4 May 2021, reporters held a protest in Lobo city against the arrest of a newspaper "
    "editor and demanded his release. He was arrested last week on a defamation charge.",
    "On 4 May 2021, about 30 people protested in Lobo demanding the release of a teacher. "
    "The teacher was detained on the same day for criticising the mayor.",
]


@pytest.mark.parametrize("text", GRIEVANCE_ARRESTS)
def test_an_arrest_the_crowd_protests_about_is_no_intervention(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Protests"
    assert event.acled_sub_event_type == "Peaceful protest"


def test_an_arrest_of_the_protesters_stays_an_intervention(top_event: TopEvent) -> None:
    event = top_event(
        "On 4 May 2021, students protested in Lobo city demanding the release of a "
        "lecturer. Police arrested ten of the protesters."
    )
    assert event is not None
    assert event.acled_sub_event_type == "Protest with intervention"


WRECKING_RIOTERS = [
    "On 3 March 2021, shops and kiosks in Lobo market were destroyed by rioters after a "
    "football match.",
    "On 3 March 2021, a group of rioters burned three buses and a council office in Lobo town.",
]


@pytest.mark.parametrize("text", WRECKING_RIOTERS)
def test_rioters_who_wrecked_things_with_no_protest_are_a_mob(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Mob violence"


DEMONSTRATING_RIOTERS = [
    "On 3 March 2021, police fired tear gas at rioters who burned shops in Lobo town.",
    "On 3 March 2021, rioters barricaded roads and burned shops in Lobo town.",
    "On 3 March 2021, rioters demanding lower fuel prices burned shops in Lobo town.",
]


@pytest.mark.parametrize("text", DEMONSTRATING_RIOTERS)
def test_rioters_beside_a_force_a_blockade_or_a_demand_demonstrate(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Violent demonstration"


def test_crowd_deeds_protest_words_come_from_the_word_file() -> None:
    assert words("lexicon", "protest_object_lemmas") == crowd_deeds._PROTEST_LEMMAS
    assert {"protest", "march", "sit-in"} <= crowd_deeds._PROTEST_LEMMAS
