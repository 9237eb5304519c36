"""Issue 16, third pass: event types and sub-types of short notes, officials, riots, protests.

One test per error class, on our own sentences: a headline-like note names its event with
an ambiguous word ("Fighting resumed in X"); an official is a civilian target; a riot
between two groups is Mob violence; a protest that is itself violent is a Violent
demonstration (but police who "violently dispersed" it do not make it one); "Other:" opens
ACLED's Other notes.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.pipeline.events.labels import note_label
from eventwire.pipeline.events.rules import SHORT_NOTE_TOKENS
from eventwire.pipeline.finalize.stage import refined_sub_type
from eventwire.records import Document, Event, Span

Run = Callable[..., Document]
PUBLISHED = "2021-06-10"


def _subs(run_text: Run, text: str) -> list[str | None]:
    return [e.acled_sub_event_type for e in run_text(text, published=PUBLISHED).events]


# -- short notes with no event at all ----------------------------------------------------------
@pytest.mark.parametrize(
    "text", ["Fighting resumed in Bentiu.", "Heavy fighting continued around Kodok on Sunday."]
)
def test_a_short_note_names_its_battle(run_text: Run, text: str) -> None:
    assert _subs(run_text, text)[:1] == ["Armed clash"]


def test_a_person_attacking_a_person_is_no_short_note_event(run_text: Run) -> None:
    assert _subs(run_text, "Kofi Mensah attacks Yaw Boateng.") == []


def test_a_long_report_needs_conflict_context(run_text: Run) -> None:
    # the same ambiguous word in a report longer than a note keeps the old, stricter test
    words = "The two firms have been fighting in Leeds over the contract for the new depot"
    text = (
        f"{words}, and the dispute was discussed again at length by the council last week, "
        "where members asked both firms to settle before the planning hearing in the spring."
    )
    assert len(text.split()) > SHORT_NOTE_TOKENS
    assert "Armed clash" not in _subs(run_text, text)


# -- class 1: officials are civilian targets ---------------------------------------------------
def _event(actor1: str, actor2: str) -> Event:
    d = load_actor_dictionary()
    trigger = Span(0, 4, "trigger", "shot")
    return Event(
        doc_id="t",
        trigger=trigger,
        sentence_index=0,
        plover_type="ASSAULT",
        acled_sub_event_type="Attack",
        rule="shoot:shot|civilian target",
        actor1=code_mention(d, actor1),
        actor2=code_mention(d, actor2),
    )


@pytest.mark.parametrize("victim", ["a district official", "an MP", "a UN staff member"])
def test_an_official_shot_is_no_armed_target(victim: str) -> None:
    assert refined_sub_type(_event("unknown gunmen", victim))[0] is None


def test_soldiers_shot_are_an_armed_target() -> None:
    assert refined_sub_type(_event("unknown gunmen", "two soldiers"))[0] == "Armed clash"


def test_an_official_killed_by_gunmen_is_an_attack(run_text: Run) -> None:
    text = "Unknown gunmen shot and killed a district official in Kuma town."
    assert _subs(run_text, text)[:1] == ["Attack"]


# -- class 4: riots between groups, violent protests ---------------------------------------------
def test_a_riot_between_two_groups_is_mob_violence(run_text: Run) -> None:
    text = "On 3 May 2021, a riot broke out between youths of two villages in Sangi district."
    assert _subs(run_text, text)[:1] == ["Mob violence"]


def test_a_violent_protest_is_a_violent_demonstration(run_text: Run) -> None:
    text = "On 3 May 2021, hundreds of students violently protested against fees in Kisumu town."
    assert _subs(run_text, text)[:1] == ["Violent demonstration"]


def test_police_dispersing_violently_is_an_intervention(run_text: Run) -> None:
    text = (
        "On 3 May 2021, hundreds of students protested peacefully against fees in Kisumu "
        "town; police violently dispersed them."
    )
    assert _subs(run_text, text)[:1] == ["Protest with intervention"]


# -- class 5: ACLED's "Other:" label -------------------------------------------------------------
def test_other_label_is_acled_other(run_text: Run) -> None:
    text = "Other: On 3 May 2021, the group told residents of Bura village to leave."
    assert note_label(text) is not None
    assert _subs(run_text, text)[:1] == ["Other"]
