"""Issue 16, helper h16bp: notes that give no event at all, and Strategic developments.

A labelled note ("Other: …", "Non-violent activity: …") whose words tell only a threatened,
planned or doubted act gave that act's own type (an Armed clash that "could be" an exchange
of gunfire, a hypothetical "evacuate" with no type); the label says what happened, so those
events now take the label's sub-type. A note whose words tell a real act keeps the label on
that act only (the twin). The label "Elections/referendum" names ACLED's Other.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

UNREAL_ONLY = [
    "Other: On 3 May 2022, soldiers carried out an operation near the camp in Dalo. "
    "The reasons remain unclear and the noise could be warning shots or exchanges of gunfire.",
    "Non-violent activity: On 2 May 2025, the group ordered the farmers of Kora village to "
    "evacuate their fields at once and to stop using the wells.",
]


@pytest.mark.parametrize("text", UNREAL_ONLY)
def test_a_label_names_the_event_when_the_words_tell_only_an_unreal_act(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Other"


def test_an_elections_label_is_other(top_event: TopEvent) -> None:
    event = top_event(
        "Elections/referendum: On 6 May 2024, the electoral board declared the ruling party's "
        "candidate the winner of the presidential vote."
    )
    assert event is not None
    assert event.acled_sub_event_type == "Other"


def test_a_labelled_note_with_a_real_act_keeps_the_label(top_event: TopEvent) -> None:
    event = top_event(
        "Looting: On 4 May 2022, gunmen looted shops in Dalo market and threatened to return."
    )
    assert event is not None
    assert event.acled_sub_event_type == "Looting/property destruction"


# A quiet strategic development told in a violent act's sentence ranks after the act
# (finalize/beside.py): ACLED records a movement of forces or a measure only when no violence
# is told.
VIOLENCE_WITH_A_DEVELOPMENT = [
    "On 4 May 2020, rebels reportedly injured two farmers when they mobilised near Dalo.",
    "On 4 May 2020, a trader was fatally wounded in Kora when police fired live rounds "
    "while enforcing the night curfew.",
]


@pytest.mark.parametrize("text", VIOLENCE_WITH_A_DEVELOPMENT)
def test_the_violent_act_leads_a_quiet_development_of_its_sentence(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Attack"


def test_an_arrest_with_no_violence_told_stays_an_arrest(top_event: TopEvent) -> None:
    event = top_event("On 4 May 2020, police arrested two men in Kora after a long search.")
    assert event is not None
    assert event.acled_sub_event_type == "Arrests"


def test_a_peace_agreement_that_ends_a_deadly_conflict_stays_an_agreement(
    top_event: TopEvent,
) -> None:
    event = top_event(
        "Agreement: On 6 May 2025, two clan militias reached a peace agreement in Dalo to end "
        "a conflict that had led to a killing."
    )
    assert event is not None
    assert event.acled_sub_event_type == "Agreement"
