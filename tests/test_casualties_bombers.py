"""Suicide bombers among the dead of their own attack (issue 16, fatalities; own sentences)."""

from __future__ import annotations

import pytest

from eventwire.pipeline.casualties.bombers import add_bombers, bomber_count
from eventwire.pipeline.casualties.numbers import load_number_lexicon
from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll

BOMBING = {"Explosions/Remote violence"}


def toll(text: str, types: set[str | None] | None = None) -> int | None:
    numbers = load_number_lexicon()
    mentions = [m for part in text.split(". ") for m in find_mentions(part)]
    add_bombers(mentions, text, BOMBING if types is None else types, numbers)
    found = incident_toll(mentions)
    return None if found is None else found.best


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Three suspected female suicide bombers struck the market.", 3),
        ("A twin suicide bombing hit the checkpoint.", 2),
        ("A suicide attack took place near the station.", 1),
        ("The militants were killed in the clash before 2 suicide attacks.", 2),
        ("Gunmen killed 5 in a suicide attack on the camp.", 1),  # the 5 are victims
        ("Suicide attacks were reported across the province.", None),
        ("Members of the suicide bomber squad gathered near the river.", None),
    ],
)
def test_how_many_bombers_a_report_tells_of(text: str, count: int | None) -> None:
    assert bomber_count(text, load_number_lexicon()) == count


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # no toll besides the wounded: the bombers are the toll
        ("A double suicide attack at the market left twelve people injured.", 2),
        ("Two suicide bombers set off their charges at the gate. No other casualties.", 2),
        # a toll of the others: the bomber is added
        ("A suicide bomber detonated a vest at the mosque, killing 2 other people.", 3),
        # the bombers beside the victims with no number: the number told before
        (
            "Four suicide bombers detonated vests at the base. In addition to the "
            "assailants, three guards were killed.",
            7,
        ),
        # a toll of the victims alone stays as told
        ("A suicide bomber struck a bus station, killing 14 passengers.", 14),
        # ... unless the bombers are told to have set off their charges
        ("A suspected suicide bomber detonated his vest at a bus station, killing 14.", 15),
        ("Two kamikazes exploded themselves at the gate killing one guard.", 3),
        (
            "Guards fired on a suicide bomber at the checkpoint. The assailant detonated, "
            "killing a guard.",
            2,
        ),
        # a bare count of the dead may hold the bomber: as told
        ("A suicide bomber exploded himself at the gate, 4 dead and 9 wounded.", 4),
        # plural with no number: nothing to add
        ("Suicide bombers detonated two trucks at the base. Six guards were killed.", 6),
        # the toll already holds the bombers
        ("A suicide bomber blew herself up, killing herself and 3 traders.", 4),
        ("Six people, including the suicide bomber, died in the explosion.", 6),
        # the bomber failed, was stopped or arrested: no death to add
        ("A suicide bomber failed to detonate his vest and was arrested.", None),
        ("Soldiers stopped a suicide bomber before he could detonate, wounding 2.", None),
    ],
)
def test_suicide_bombers_among_the_dead(text: str, killed: int | None) -> None:
    assert toll(text) == killed


def test_only_a_bombing_counts_its_bombers() -> None:
    text = "Residents protested after a suicide attack on the school injured four pupils."
    assert toll(text, {"Protests"}) is None
