"""Non-events, sixth pass (issue 15): classes found on non-conflict news snippets
(bench/snippets.py) and the long-article sets; our own sentences, each class with a twin
that must still be coded."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import Event

Coded = Callable[[str], list[Event]]


def _acled(events: list[Event]) -> list[str]:
    """Triggers of ACLED-typed events the sentence asserts (or tells as habitual)."""
    return [
        e.trigger.text
        for e in events
        if e.acled_event_type and e.modality not in {"negated", "hypothetical"}
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"We were robbed in the last minute," the coach told reporters after the final.',
        "The club's captain said his side had been robbed by a refereeing error.",
        "A group of fighters gathered with pickups near the river, the army said.",
        "Hundreds of families gathered outside the mosque to pray for the late imam.",
        "Opposition senators boycotted the budget session on Thursday.",
        "Traffic was slow, with police blocking the main roads near the stadium.",
        "The cartels will not take this province hostage, the governor said.",
        "A bomb disposal team was sent to the station after a passenger left a suitcase.",
        "The country's cycling body has banned the rider for two years.",
        "The jazz pianist has died in Paris at 91, his family said.",
        "The novelist was found dead at his home at the age of 78.",
        "The mill's owner was arrested on charges of negligence after the roof collapsed.",
        "Dock workers began a nationwide strike over pay on Monday.",
        "Her 1990s hit Paper Walls is back in the charts.",
        "The president announced the release of two engineers held hostage for a year.",
        "The lawsuit accuses the general of complicity in torture.",
    ],
)
def test_no_violent_event(text: str, coder_events: Coded) -> None:
    events = coder_events(text)
    violent = [
        e.trigger.text
        for e in events
        if e.acled_event_type in {"Battles", "Explosions/Remote violence",
                                  "Violence against civilians", "Riots"}
        and e.modality not in {"negated", "hypothetical"}
    ]  # fmt: skip
    assert violent == []


@pytest.mark.parametrize(
    "text",
    [
        '"We were robbed in the last minute," the coach told reporters after the final.',
        "A group of fighters gathered with pickups near the river, the army said.",
        "Hundreds of families gathered outside the mosque to pray for the late imam.",
        "Opposition senators boycotted the budget session on Thursday.",
        "Traffic was slow, with police blocking the main roads near the stadium.",
        "A bomb disposal team was sent to the station after a passenger left a suitcase.",
        "The mill's owner was arrested on charges of negligence after the roof collapsed.",
        "Two of the workers were taken to hospital with severe burns.",
        '"We were under siege for the whole second half," the goalkeeper said.',
    ],
)
def test_no_acled_event_at_all(text: str, coder_events: Coded) -> None:
    assert _acled(coder_events(text)) == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Gunmen robbed the bank in the town centre on Friday.", "Looting/property destruction"),
        ("Hundreds of students gathered outside parliament to demand lower fees.",
         "Peaceful protest"),
        ("Farmers blocking the highway burned tyres to protest against the tax.", None),
        ("Rebels took 12 aid workers hostage near the border.", "Abduction/forced disappearance"),
        ("Bomb disposal experts defused a device found under a car.", "Disrupted weapons use"),
        ("Police arrested the opposition leader at his home on Monday.", "Arrests"),
        ("Militants burned the market in the town on Friday.", "Looting/property destruction"),
        ("Workers gathered in the square to mark May Day despite the ban.", "Peaceful protest"),
        ("Retired soldiers gathered outside parliament to demand their pensions.",
         "Peaceful protest"),
        ("The two armies exchanged artillery fire along the border on Monday.", None),
        ("Rebels kidnapped two engineers and released one of them a day later.",
         "Abduction/forced disappearance"),
        ("Gunmen opened fire on striking workers outside the factory.", "Attack"),
        ("The minister said soldiers attacked the village on Monday, killing four.", "Attack"),
    ],
)  # fmt: skip
def test_the_twin_is_still_coded(
    text: str, sub_event_type: str | None, coder_events: Coded
) -> None:
    events = [e for e in coder_events(text) if e.acled_event_type and e.modality == "asserted"]
    assert events
    if sub_event_type is not None:
        assert sub_event_type in {e.acled_sub_event_type for e in events}
