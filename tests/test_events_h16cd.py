"""Issue 16, helper h16cd: own sentences.

- A ball struck or a player's attempt on goal ("the winger's shot was beaten away", "the
  striker's drive was beaten away") is sport: no violent event.
- A deed a protesting crowd says was done to it ("parents who say their sons were
  abducted by the militia held a sit-in", "They said that the gang has been raping women")
  is the protest's grievance: the protest is the note's event.
- Twins: a sniper's shot, an attack beaten back, police who say gunmen killed marchers, and
  a crowd that beat a man stay as they were.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import TopEvent
from eventwire.records import Document

VIOLENT = {"Battles", "Violence against civilians", "Riots", "Explosions/Remote violence"}


def _violent(doc: Document) -> list[str]:
    return [
        e.trigger.text
        for e in doc.events
        if e.acled_event_type in VIOLENT and e.modality not in {"negated", "hypothetical"}
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Early in the second half the striker's shot on the turn was beaten away by Jansen.",
        "The winger's shot was beaten away by Jansen.",
        "The striker's drive was beaten away by Jansen.",
        "The shot was beaten away by Jansen.",
    ],
)
def test_a_ball_struck_or_a_players_attempt_is_no_violence(
    run_text: Callable[..., Document], text: str
) -> None:
    assert _violent(run_text(text)) == []


def test_a_snipers_shot_stays_violence(run_text: Callable[..., Document]) -> None:
    """Twin: a sniper is no player."""
    assert _violent(run_text("On 4 May 2021, a sniper's shot killed a soldier in Kora.")) != []


def test_an_attack_beaten_back_stays_a_battle(top_event: TopEvent) -> None:
    """Twin: an attack is no ball act."""
    event = top_event("On 4 May 2021, the militants' attack on the base was beaten back by troops.")
    assert event is not None
    assert event.acled_event_type == "Battles"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, parents who say their sons have been abducted by the militia "
        "continued their sit-in in front of the governor's office in Kora. The parents "
        "demanded that their sons be returned.",
        "On 5 May 2021, hundreds of women held a demonstration in Kora against the gang. "
        "They said that the gang has been raping and robbing women. They demanded that "
        "the police arrest its leaders.",
    ],
)
def test_a_deed_the_protesting_crowd_says_was_done_is_its_grievance(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Protests"


def test_a_killing_the_police_report_beside_a_march_stays(top_event: TopEvent) -> None:
    """Twin: the police are no protesting crowd; their report is no grievance."""
    event = top_event(
        "On 5 May 2021, hundreds of residents marched in Kora. Police said gunmen killed "
        "two of the marchers."
    )
    assert event is not None
    assert event.acled_event_type != "Protests" or event.acled_sub_event_type != "Peaceful protest"


def test_a_crowd_that_beat_a_man_stays_mob_violence(top_event: TopEvent) -> None:
    """Twin: no saying verb, the deed is done."""
    event = top_event("On 5 May 2021, a mob beat a suspected thief to death in Kora.")
    assert event is not None
    assert event.acled_event_type == "Riots"
