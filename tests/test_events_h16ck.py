"""Issue 16, helper h16ck: notes that gave no event, own sentences.

A verb of harm done "to death" ("burned to death", "clubbed to death", "strangled to
death") tells a killing even where the verb alone is no trigger or only an ambiguous one;
a fire, crash or blast told beside it is an accident and stays no event.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

KILLINGS = [
    "An elderly man has been burned to death in Kamba on suspicion of being a wizard.",
    "Three suspected thieves were clubbed to death by a gang near the market in Kamba.",
    "A shopkeeper was strangled to death by unknown people in Kamba.",
    "Four suspected witches burnt to death in a village near Kamba.",
]


@pytest.mark.parametrize("text", KILLINGS)
def test_harm_to_death_is_a_killing(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None, text
    assert event.acled_event_type == "Violence against civilians"


ACCIDENTS = [
    "A child was burned to death in a house fire in Kamba.",
    "Five people were burned to death after a gas cylinder exploded in a restaurant in Kamba.",
    "The new rules choked to death the hopes of small traders in Kamba.",
]


@pytest.mark.parametrize("text", ACCIDENTS)
def test_accident_or_figure_stays_no_event(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is None or event.acled_event_type not in {
        "Violence against civilians",
        "Battles",
        "Riots",
    }, text


# A headline's "storm" the tagger reads as a noun: with an object it is the verb, a raid on a
# place, not the weather (nonevents._disaster_agent); the weather noun stays no attack.
STORMS = [
    "Armed gang members storm hospital to kill wounded patient in Kamba",
    "Gunmen storm police station in Kamba, free detainees.",
]


@pytest.mark.parametrize("text", STORMS)
def test_headline_storm_with_an_object_is_an_attack(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None, text
    assert event.acled_event_type in {"Violence against civilians", "Battles"}
    assert event.trigger.text.lower() == "storm"


WEATHER = [
    "Heavy storm kills three in Kamba",
    "A violent storm hit the coast near Kamba, killing two fishermen.",
]


@pytest.mark.parametrize("text", WEATHER)
def test_weather_storm_stays_no_attack(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is None or event.acled_event_type not in {
        "Violence against civilians",
        "Battles",
    }, text
