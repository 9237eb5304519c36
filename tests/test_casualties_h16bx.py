"""Fatalities (issue 16, helper h16bx): the parts of a toll a later sentence tells again
(counts that add up to an earlier count), a kill whose victims open an "after" clause
(the cause of the event, not its dead), a toll told as an estimate of the deaths."""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_dead
from eventwire.pipeline.casualties.earlier_after import mark_victims_after
from eventwire.pipeline.casualties.sum_parts import mark_sum_parts
from eventwire.pipeline.casualties.toll_notes import Mention


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a later sentence breaks the toll down: its counts add up to the earlier one
        (
            "On 3 May 2021, five herders and three raiders were killed in a clash near Dodo. "
            "Five of the herders were shot dead and the three other dead were raiders.",
            8,
        ),
        (
            "On 3 May 2021, gunmen killed 7 traders at a market in Dodo. Four were shot dead and "
            "three were hacked to death.",
            7,
        ),
        # twins: later counts that add up to another number are other people
        (
            "On 3 May 2021, gunmen killed 7 traders at a market in Dodo. Two police officers "
            "and one soldier were also killed.",
            10,
        ),
        ("On 3 May 2021, gunmen killed 7 traders and 2 guards at a market in Dodo.", 9),
    ],
)
def test_parts_told_again(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the victims open the "after" clause: the kill is what the event is about
        ("Clashes at a cattle market after two herdsmen found shot dead", 0),
        ("Riots after Imam Juma Ali killed by unknown gunmen", 0),
        ("Youths riot in Dodo after two traders were murdered", 0),
        # twins: words between "after" and the victims, or a kill of the event itself
        ("On 3 May 2021, gunmen raided Dodo after midnight and 3 villagers were killed.", 3),
        ("On 3 May 2021, gunmen raided Dodo and killed 3 villagers after a dispute.", 3),
        # the event's own hurt who died later are its dead (a merge fix: the toll update)
        (
            "Bandits raided the village of Dodo on Monday, killing seven herders, residents said. "
            "The toll rose to 10 on Thursday after three of the injured died of their wounds, "
            "a health official said.",
            10,
        ),
    ],
)
def test_victims_after(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the estimate is the whole toll, over its counted parts or the coder's part note
        (
            "On 3 May 2021, soldiers shot and killed a teacher and several of his relatives "
            "(total fatalities estimated at 4) in Dodo town.",
            4,
        ),
        (
            "On 3 May 2021, two clan militias clashed near Dodo. Several fighters were killed. "
            "Unknown fatalities coded as 3 - fatalities estimated at a total of 9 persons.",
            9,
        ),
        # twins: an estimate of something else, and no estimate
        (
            "On 3 May 2021, soldiers shot and killed a teacher and two of his relatives in "
            "Dodo town; the damage was estimated at 4 million shillings.",
            3,
        ),
        ("On 3 May 2021, soldiers shot and killed a teacher in Dodo town.", 1),
    ],
)
def test_estimated_totals(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


def _kill(best: int, start: int, end: int, text: str) -> Mention:
    return Mention("killed", best, best, best, start, end, text)


def test_mark_sum_parts() -> None:
    text = "Raiders killed 6 herders. 4 were shot and 2 burnt. 3 more died."
    first = _kill(6, 8, 24, "killed 6 herders")
    parts = [_kill(4, 26, 37, "4 were shot"), _kill(2, 42, 49, "2 burnt")]
    last = _kill(3, 52, 63, "3 more died")
    mark_sum_parts([first, *parts, last], text)
    assert [m.kind for m in (first, *parts, last)] == ["count", "anaphoric", "anaphoric", "count"]


def test_mark_victims_after() -> None:
    text = "Riots after trader killed"
    mention = _kill(1, 12, 25, "trader killed")
    other = _kill(1, 0, 25, "Riots after trader killed")
    mark_victims_after(text, 0, [mention, other])
    assert mention.background and not other.background
