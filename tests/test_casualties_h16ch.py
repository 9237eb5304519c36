"""Fatalities, overcounts (issue 16, helper h16ch): a demonstration's grievance death told
again in a sentence of its own — dated before the demonstration ("yesterday", "a wall that
had killed", "the previous day") or one person named by a pronoun or "the" after the note names
one person's death ("protested over the death of their colleague. He was shot ..."); a kill
told as what a named party is accused of beside the deed the sentence reports ("accused the
herders of killing a farmer, so attacked them")."""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_dead
from eventwire.pipeline.casualties.accused_wide import ACCUSED_PARTY
from eventwire.pipeline.casualties.grievance_told import BEFORE, GRIEVANCE, GRIEVANCE_NOUNS


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the grievance's death dated before the demonstration in a sentence of its own
        (
            "On 3 May 2021, relatives of a prisoner held a peaceful protest at the police "
            "station in Dodo over the death of their son. The young man was shot dead a day "
            "earlier in his cell.",
            0,
        ),
        (
            "On 3 May 2021, motorcycle taxi riders held a demonstration in Dodo over "
            "insecurity in the town. A rider had earlier been killed by robbers.",
            0,
        ),
        (
            "On 3 May 2021, pupils demonstrated in Dodo against insecurity in their school. "
            "A pupil was stabbed to death in a dormitory the previous day.",
            0,
        ),
        # one person named by a pronoun or "the" after the note names one person's death
        (
            "On 3 May 2021, relatives of a prisoner held a peaceful protest at the police "
            "station in Dodo, demanding justice for the death of their son. He was shot "
            "dead in his cell, the family said.",
            0,
        ),
        # a kill in the pluperfect is before the demonstration, even in its own sentence
        (
            "On 3 May 2021, fishermen held a peaceful protest in Dodo against a new sea wall "
            "that had killed two swimmers.",
            0,
        ),
    ],
)
def test_grievance_told_again(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # twins: a death in the demonstration itself keeps its count
        (
            "On 3 May 2021, market traders rioted in Dodo, protesting over the killing of "
            "a fellow trader. Police opened fire and killed two rioters.",
            2,
        ),
        (
            "On 3 May 2021, students rioted in Dodo over the death of a classmate. A "
            "student was killed during the riots.",
            1,
        ),
        (
            "On 3 May 2021, residents demonstrated in Dodo against the killing of a farmer "
            "and clashed with police, who shot dead one protester.",
            1,
        ),
        # a time word in a sentence that tells the crowd's own deed or its own dead
        ("On 3 May 2021, a mob lynched a suspected thief in Dodo market yesterday.", 1),
        # reported speech puts the crowd's own dead in the pluperfect: no grievance
        (
            "On 3 May 2021, students protested in Dodo over fees, and police fired on them. "
            "Hospital staff said that two students had been killed.",
            2,
        ),
    ],
)
def test_own_deaths_kept(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


def test_word_lists_loaded() -> None:
    assert "death" in GRIEVANCE_NOUNS and "killing" in GRIEVANCE_NOUNS
    assert GRIEVANCE.search("over the death of their colleague") is not None
    assert GRIEVANCE.search("the deaths in the clash") is None
    assert BEFORE.search("found dead the day before") is not None
    assert BEFORE.search("killed during the riots") is None


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the accused kill is the reason for the sentence's own deed
        (
            "On 3 May 2021, youths accused herders from a nearby camp of killing a farmer, so "
            "they attacked the camp and beat two herders.",
            0,
        ),
        (
            "On 3 May 2021, soldiers clashed with a gang responsible for killing traders on "
            "the Dodo road, killing 3 gang members.",
            3,
        ),
        # twin: the accusation that tells the report's own event keeps its dead
        ("On 3 May 2021, rebels accused government troops of killing 4 villagers near Dodo.", 4),
    ],
)
def test_accused_party(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


def test_accused_party_pattern() -> None:
    assert ACCUSED_PARTY.search("accused civilians in the village of ") is not None
    assert ACCUSED_PARTY.search("armed groups responsible for ") is not None
    assert ACCUSED_PARTY.search("accused of ") is None  # the cue lexicon's own phrase
