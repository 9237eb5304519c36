"""Fatalities (issue 16, helper h16cg): undercounts — a death told by a result verb and a
possessive ("leading to her death"), a kill in a clause after a verb of saying and "that"
("It was confirmed that three miners died")."""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_dead
from eventwire.pipeline.casualties.complement_that import complement_cut


def _dead(top_event: TopEvent, text: str) -> int:
    return top_dead(top_event, text, published="2022-03-14")


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "A trader was beaten by soldiers at a checkpoint in Garoua, leading to his death "
            "on 3 March.",
            1,
        ),
        ("Police chased a fisherman into the lake at Kribi, causing his death.", 1),
        ("Gendarmes assaulted a woman in Bertoua, which resulted in her demise.", 1),
        # twins: the dead person was counted already; a pluperfect result is background
        (
            "Herders killed a farmer and two of his sons in Wum after a dispute which led to "
            "his death.",
            3,
        ),
        ("Soldiers shot two youths in Buea, leading to their deaths.", 0),
        # a demonstration's grievance told so is not the crowd's own death
        (
            "Protesters marched in Kumba over the death of a taxi driver whom police beat, "
            "leading to his death last week.",
            0,
        ),
    ],
)
def test_result_of_possessed_death(top_event: TopEvent, text: str, dead: int) -> None:
    assert _dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "Rioters clashed with police in Kumba on Monday. It was confirmed that four "
            "students died.",
            4,
        ),
        ("Gunmen attacked Tiko on Monday. It was reported that five herders died.", 5),
        # twins: a relative "that", counts the old reading took already, no kill at all
        ("Gunmen attacked Tiko on Monday. Officials reported that three farmers were killed.", 3),
        ("Gunmen attacked Tiko on Monday. A man that was driving a taxi was shot dead.", 1),
        ("Gunmen attacked Tiko on Monday. Officials said 3 men were killed.", 3),
        ("Soldiers raided Muyuka on Friday. Witnesses said that the soldiers were angry.", 0),
    ],
)
def test_complement_clause(top_event: TopEvent, text: str, dead: int) -> None:
    assert _dead(top_event, text) == dead


def test_complement_cut() -> None:
    text = "It was confirmed that three miners "
    assert text[complement_cut(text, 0) :] == "three miners "
    assert complement_cut("a man that ", 0) == 0
    assert complement_cut("It was suspected that a couple ", 0) == 0
