"""Issue 16, helper h16af: one person shot in a headline-like note is one death.

ACLED's headline notes tell a killing by a firearm as "X shoot Y"; a shot that wounded
says so. Own sentences; twins keep no death.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent


def _dead(top_event: TopEvent, text: str) -> int | None:
    event = top_event(text)
    assert event is not None, text
    return None if event.fatalities is None else event.fatalities.best


@pytest.mark.parametrize(
    "text",
    [
        "Bandits shoot shopkeeper in Wajir town.",
        "Unknown gunmen shoot trader near the cattle market",
        "Fisherman shot in attack by armed men",
        "During a rally held in Tamale, one person was shot. It is not known who shot him.",
    ],
)
def test_one_person_shot_in_a_headline_is_one_death(top_event: TopEvent, text: str) -> None:
    assert _dead(top_event, text) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the note tells a wound, a survival, a body part or shots fired at someone
        "Bandits shoot shopkeeper in the leg in Wajir town.",
        "Unknown gunmen shoot trader near the market; he was taken to hospital.",
        "Fisherman shot at by armed men near the lake",
        # a thing shot, several people shot, a shooting told as the cause of another act
        "Rebels shot a helicopter near the airstrip in Kidal.",
        "Police shoot traders near the cattle market",
        "Students riot in Eldoret after police shoot student.",
    ],
)
def test_no_death_when_the_note_tells_otherwise(top_event: TopEvent, text: str) -> None:
    assert _dead(top_event, text) in {None, 0}


def test_a_long_report_of_one_person_shot_keeps_no_toll(top_event: TopEvent) -> None:
    text = (
        "Unknown gunmen shoot trader near the cattle market in Wajir on Tuesday evening, "
        "residents said. The trader had been closing his shop when two men on a motorbike "
        "approached. Police said they had opened an investigation and appealed for witnesses "
        "to come forward with any information about the men."
    )
    assert _dead(top_event, text) in {None, 0}


# --- people listed after a victim by their tie to that victim -------------------------------


def _toll(text: str) -> int | None:
    from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll

    mention = incident_toll(find_mentions(text))
    return None if mention is None else mention.best


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Bandits stopped a lorry, killing the driver, his assistant and stealing fuel.", 2),
        ("Gunmen killed the village head, his deputy and his bodyguard in Tawila.", 3),
        ("Militiamen killed a trader, his wife and their two children on Monday.", 4),
        ("Raiders killed the chief, his deputy and guard near the river.", 3),
    ],
)
def test_people_listed_after_a_victim_by_their_tie_count(text: str, killed: int) -> None:
    assert _toll(text) == killed


@pytest.mark.parametrize(
    "text",
    [
        # things owned, or a list that goes on with other acts
        "Gunmen killed a herder, his camels and goats near the wells.",
        "Gunmen killed a farmer, injured his wife and burnt his house.",
        "Gunmen killed the driver, his lorry was later found burnt.",
        "Gunmen killed a teacher, the police said on Monday.",
    ],
)
def test_a_list_of_things_or_acts_adds_no_one(text: str) -> None:
    assert _toll(text) == 1
