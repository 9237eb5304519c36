"""Fatalities (issue 16, helper h16ca): undercounts — a count after "over" right behind an
active kill verb, an existential subject ("There were 10 people killed"), a headline
object after modifiers ("kill police officer"), a count after a spaced dash, a list of
people before a chained passive ("two women and a boy were shot and killed"), and one
more victim told by "along with" / "together with"."""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_dead
from eventwire.pipeline.casualties.dash_subject import dash_cut
from eventwire.pipeline.casualties.headline_nouns import headline_person
from eventwire.pipeline.casualties.over_there import after_existential


def _dead(top_event: TopEvent, text: str) -> int:
    return top_dead(top_event, text, published="2022-03-14")


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # "over" right after the verb qualifies the count
        ("The army said its troops had killed over 40 insurgents near Dikwa on Sunday.", 40),
        (
            "Police fired on a crowd in Tamale, causing a stampede that kills over a hundred "
            "people.",
            100,
        ),
        ("Gunmen attacked Kauru, killing over 12 villagers.", 12),
        # a list item the next cue cuts off is that cue's subject
        ("Militants said they killed over 15 soldiers, 22 others injured, near Mubi.", 15),
        ("Militants said they killed 15 soldiers, 22 others injured, near Mubi.", 15),
        # a list item no cue cuts off is one more item (headlines with no full stop)
        ("Gunmen kill 4 guards, 3 traders in Gombi market attack", 7),
        ("Gunmen kill 4 guards, 3 traders", 7),
        # an existential subject
        ("Bandits raided Maru market on Friday. There were 6 traders killed.", 6),
        ("Officials in Gusau said there were 4 herders killed in the raid.", 4),
    ],
)
def test_over_and_there(top_event: TopEvent, text: str, dead: int) -> None:
    assert _dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Gunmen kill police officer near Wukari.", 1),
        ("Unknown attackers shot and killed traffic policeman in Jalingo.", 1),
        ("Militants kill water company employee in Damboa.", 1),
        ("Raiders kill headteacher outside his school in Marte.", 1),
        ("Bandits kill herder grazing cattle near Zurmi.", 1),
        # the modifier form names the first conjunct only: one person told by two roles
        ("Police kill a student and union organiser in Lafia.", 1),
        # twins: a lone noun and a bare plural read as before
        ("Bandits kill farmer near Zurmi.", 1),
    ],
)
def test_headline_objects(top_event: TopEvent, text: str, dead: int) -> None:
    assert _dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a spaced dash opens the victims' clause when a count follows it
        (
            "Herders from Dasin raided a farm near Numan, they were driven off by vigilantes "
            "- 5 herders were killed.",
            5,
        ),
        # a range and a dash aside read as before
        ("Between 4 - 6 soldiers were killed in an ambush near Gwoza.", 4),
        ("Three traders – two of them women – were killed in an attack on Mubi market.", 3),
        # a list of people before a chained passive counts all of them
        ("Two women and a boy were shot and killed by gunmen in Kajuru.", 3),
        ("A farmer and his son were attacked and killed near Kajuru.", 2),
        ("Gunmen stormed Kajuru and a farmer was shot and killed.", 1),
    ],
)
def test_dash_and_lists(top_event: TopEvent, text: str, dead: int) -> None:
    assert _dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("A councillor was shot dead along with a second man who was driving him in Lokoja.", 2),
        (
            "Gunmen shot and killed the ward chairman, together with his aide and his driver, "
            "in Lokoja.",
            3,
        ),
        # twins: a counted phrase as before, and a thing joined is no victim
        ("At least 4 militants were killed in Bama, along with 2 soldiers.", 6),
        ("A trader was killed in Lokoja along with his goat.", 1),
    ],
)
def test_along_with(top_event: TopEvent, text: str, dead: int) -> None:
    assert _dead(top_event, text) == dead


def test_helpers() -> None:
    assert headline_person(["police", "officer"])
    assert not headline_person(["political", "officer"], opening=False)
    assert not headline_person(["the", "officer"])
    assert dash_cut("they fled - 5 herders were", 0) == len("they fled - ")
    assert dash_cut("4 - 6 soldiers were", 0) == 0
    core, _chunk, start = after_existential("there were 6 traders", "there were 6 traders", 3)
    assert (core, start) == ("6 traders", 3 + len("there were "))
