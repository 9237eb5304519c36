"""A kill told as what a demonstration is about is not a death of the demonstration (issue 16).

"Residents protested the killing of 2 persons" reports a protest with no dead: the kill is its
grievance, told as background by the casualties stage. The protest keeps no toll from it, and
the kill is no incident of its own. A riot or a protest where people are killed ("police shot
dead 3 protesters") keeps its toll. Full pipeline, our own sentences.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import Document, Event

Run = Callable[..., Document]
PUBLISHED = "2023-05-04"


def incidents(doc: Document) -> list[Event]:
    return [
        e
        for e in doc.events
        if e.acled_event_type and e.modality == "asserted" and not e.background
    ]


def deaths(event: Event) -> int:
    return (event.fatalities.best or 0) if event.fatalities is not None else 0


def test_a_protest_over_a_killing_keeps_no_toll(run_text: Run) -> None:
    doc = run_text(
        "On 3 May 2023, residents of Kisumu town protested the killing of 2 persons by "
        "unknown gunmen.",
        published=PUBLISHED,
    )
    found = incidents(doc)
    assert [e.acled_event_type for e in found] == ["Protests"]
    assert deaths(found[0]) == 0


def test_a_riot_after_a_killing_keeps_no_toll(run_text: Run) -> None:
    doc = run_text(
        "On 3 May 2023, rioters burned tyres in Goma after the killing of 3 civilians by "
        "militiamen.",
        published=PUBLISHED,
    )
    found = incidents(doc)
    assert [e.acled_event_type for e in found] == ["Riots"]
    assert deaths(found[0]) == 0


def test_a_peaceful_march_for_a_dead_colleague_keeps_no_toll(run_text: Run) -> None:
    doc = run_text(
        "On 3 May 2023, teachers held a peaceful march in Eldoret demanding justice for two "
        "colleagues, who were found dead in a river last week.",
        published=PUBLISHED,
    )
    found = incidents(doc)
    assert found and found[0].acled_event_type == "Protests"
    assert all(deaths(e) == 0 for e in found)


def test_protesters_shot_dead_at_a_riot_keep_their_toll(run_text: Run) -> None:
    doc = run_text(
        "On 3 May 2023, protesters rioted in Nairobi and police shot dead 3 of them.",
        published=PUBLISHED,
    )
    found = incidents(doc)
    assert found
    assert deaths(found[0]) == 3


def test_police_firing_on_a_protest_keeps_its_toll(run_text: Run) -> None:
    doc = run_text(
        "On 3 May 2023, police fired live rounds at protesters in Kampala, killing 2 of them.",
        published=PUBLISHED,
    )
    found = incidents(doc)
    assert found
    assert deaths(found[0]) == 2


def test_a_peaceful_protest_over_deaths_told_without_violence_keeps_no_toll(run_text: Run) -> None:
    # no act of violence is told in the protest: the deaths its words count are its grievance
    for text in (
        "On 3 May 2023, inmates held a peaceful protest in Kamiti prison to demand clean water "
        "after three inmates died of cholera.",
        "On 3 May 2023, villagers protested peacefully in Meru against a quarry whose wall "
        "collapsed last week, killing two residents.",
    ):
        found = incidents(run_text(text, published=PUBLISHED))
        assert found and found[0].acled_sub_event_type == "Peaceful protest"
        assert all(deaths(e) == 0 for e in found), text
