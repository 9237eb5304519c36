"""Fatalities, overcounts (issue 16, helper h16cb): an unknown number of dead beside a number
of the dead of the same incident, a vague count of the dead a later sentence counts by a
number, the dead a later sentence names again by a definite number ("the five dead"), a
conjunct after the victims that opens with another verb's gerund ("and destroying 3 wells"),
a school grade read as a count ("a form four student"), the parts of a toll a later sentence
tells by how each died ("3 beaten to death and 3 burnt")."""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_dead
from eventwire.pipeline.casualties.definite_again import DEFINITE
from eventwire.pipeline.casualties.numbers import find_quantities
from eventwire.pipeline.casualties.unknown_counts import UNKNOWN, UNKNOWN_WORDS


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # an unknown number of dead, then a number of the dead of the same incident
        (
            "On 3 May 2021, gunmen executed an unknown number of herders near Dodo. At least 6 "
            "people were killed in the raid.",
            6,
        ),
        (
            "On 3 May 2021, soldiers killed an unspecified number of raiders near Dodo. Four "
            "raiders were killed in the ambush.",
            4,
        ),
        # a number of the dead, then an unknown number more
        (
            "On 3 May 2021, 9 policemen were killed in a clash with rebels near Dodo. An "
            "additional unknown number of rebels were also killed.",
            9,
        ),
        # twin: an unknown number alone keeps its vague count
        (
            "On 3 May 2021, soldiers clashed with rebels near Dodo. An unknown number of "
            "rebels were killed.",
            10,
        ),
        # a vague count of the dead, a later sentence counts them by a number
        (
            "On 3 May 2021, gunmen stopped a bus near Dodo and executed Christian passengers. "
            "Eleven passengers were executed after the gunmen checked their papers.",
            11,
        ),
        # the dead named again by a definite number
        (
            "On 3 May 2021, fighting broke out between herders and farmers near Dodo. Five "
            "people were killed and 12 wounded. It is not known which side the five dead "
            "were on.",
            5,
        ),
        # a conjunct that opens with another verb's gerund names no victim
        (
            "On 3 May 2021, the air force bombed the area around Dodo, killing 3 herders "
            "and destroying 4 wells.",
            3,
        ),
        (
            "On 3 May 2021, rebels seized a truck of 15 traders near Dodo, killing 6 and "
            "slowly releasing the other 9.",
            6,
        ),
        # twin: a conjoined noun phrase is still victims
        (
            "On 3 May 2021, gunmen attacked Dodo, killing 3 herders and a young boy.",
            4,
        ),
        # a school grade names no people
        (
            "On 3 May 2021, students clashed with the police in Dodo. A form four student "
            "was killed by a bullet in the clashes.",
            1,
        ),
        (
            "On 3 May 2021, raiders attacked Dodo, killing a grade 2 pupil and 3 herders.",
            4,
        ),
        # a later sentence breaks the toll down by how each part died
        (
            "On 3 May 2021, a vigilante group killed 6 suspected robbers in Dodo. 3 were "
            "beaten to death and 3 burnt with tyres around their necks.",
            6,
        ),
        # twin: numbers of things are no parts of the dead
        (
            "On 3 May 2021, gunmen killed 6 people in Dodo. 2 soldiers were killed and 4 "
            "houses burnt.",
            8,
        ),
        # twin: the same number without "the" is other people
        (
            "On 3 May 2021, gunmen killed two farmers near Dodo. Two soldiers were also "
            "killed in the clash that followed.",
            4,
        ),
    ],
)
def test_overcounts(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


def test_word_lists_loaded() -> None:
    assert "unknown" in UNKNOWN_WORDS and "unspecified" in UNKNOWN_WORDS
    assert UNKNOWN.search("an Unspecified number of") is not None
    assert UNKNOWN.search("a number of") is None
    assert "the" in DEFINITE
    assert find_quantities("a form four student", 0) == []
    assert [q.best for q in find_quantities("four students", 0)] == [4]
