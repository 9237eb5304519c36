"""Issue 16, helper h16an: notes that gave no event at all, own sentences.

A blow dealt to a person ("hit"): the verb is ambiguous, so the coder kept it only with
conflict words, and notes of a crowd hitting someone or of a person hit by a bullet have
none. Each case failed before the change; each twin keeps its reading (no event).
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

HIT_BY_PEOPLE = [
    "On 3 August 2021, several relatives of a patient hit a nurse at the health centre in "
    "Kora town after she had asked them to wait outside until the doctor had finished with the "
    "patients who had arrived earlier that morning.",
    "On 9 March 2022, a teacher was hit with a chair by the father of a pupil in Dalo.",
]


@pytest.mark.parametrize("text", HIT_BY_PEOPLE)
def test_people_who_hit_a_person_are_violent(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type in {"Riots", "Violence against civilians"}
    assert event.trigger.text == "hit"


def test_a_person_hit_by_a_bullet_is_attacked(top_event: TopEvent) -> None:
    text = "On 4 May 2019, a boy was walking home in Kora town. He was hit by a bullet and died."
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Violence against civilians"


NOT_BLOWS = [
    "On 4 May 2019, a lorry that was carrying maize to the market hit a pedestrian on the main "
    "road in Kora town, the local council said in a statement on Sunday evening.",
    "On 4 May 2019, the boy was hit by a car near the market in Kora town while he was "
    "crossing the road with his mother, his family said on Sunday evening.",
    "Rising fuel prices hit poor families in Kora town this year.",
    "On 4 May 2019, hundreds of traders hit the streets of Kora town.",
    "The storm hit the villages near Kora on Monday.",
]


@pytest.mark.parametrize("text", NOT_BLOWS)
def test_a_road_accident_or_a_figure_of_speech_is_no_blow(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is None or event.trigger.text != "hit"
