"""Fatalities (issue 16, helper h16bk): things counted beside a kill are no people, a count
another source gives in a parenthesis or a sentence of its own competes with the report's
own, the part of the people a harm hit that died, victims a later sentence counts again."""

from __future__ import annotations

import pytest

from conftest import TopEvent
from eventwire.pipeline.casualties.numbers import find_quantities, load_number_lexicon
from eventwire.pipeline.casualties.some_died import count_those_died
from eventwire.pipeline.casualties.sources import mark_aside_sources
from eventwire.pipeline.casualties.things import counts_things
from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll


def _toll(text: str) -> int | None:
    mentions = find_mentions(text)
    mark_aside_sources(text, 0, mentions)
    count_those_died(mentions, load_number_lexicon())
    toll = incident_toll(mentions)
    return None if toll is None else toll.best


def _dead(top_event: TopEvent, text: str) -> int | None:
    event = top_event(text)
    assert event is not None, text
    return None if event.fatalities is None else event.fatalities.best


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a thing counted right after its number: no people, whatever follows "of"
        ("Rebels killed 12 soldiers and at least one truck of the army was destroyed.", 12),
        ("Raiders struck the hamlet: one dead, 3 hut burned down and 4 goats killed.", 1),
        # twins: a thing word that only qualifies people still counts them
        ("Gunmen killed one church elder and two bus drivers on the road.", 3),
        ("Three school pupils were killed in the blast.", 3),
    ],
)
def test_things_counted_beside_a_kill(text: str, dead: int) -> None:
    assert _toll(text) == dead


def test_counts_things() -> None:
    lex = load_number_lexicon()
    for piece, things in [
        ("one vehicle of the police forces", True),
        ("4 house burned down", True),
        ("two homes were set alight", True),
        ("one church official", False),
        ("two bus drivers", False),
        ("five villagers", False),
    ]:
        assert counts_things(piece, find_quantities(piece, 0, lex)) is things, piece


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the report's own count stands against the one a source gives aside
        (
            "Troops fired on the marchers, killing at least 3 people (some sources claimed 7 "
            "fatalities, lowest estimate taken).",
            3,
        ),
        ("Gunmen killed two traders (other sources reported 5 fatalities).", 2),
        # alone, the aside's count is the toll
        ("Fighting broke out in the market (some sources claimed 7 fatalities).", 7),
    ],
)
def test_a_count_another_source_gives_aside(text: str, dead: int) -> None:
    assert _toll(text) == dead


def test_a_sentence_of_another_source_tells_the_same_incident(top_event: TopEvent) -> None:
    text = (
        "On 3 May 2021, gunmen attacked the village of Dalori, killing one farmer and "
        "injuring three people. Another source (a local radio) reports 3 killed."
    )
    assert _dead(top_event, text) == 1


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Three men were shot by soldiers at the checkpoint and one died.", 1),
        ("Four villagers were attacked by raiders and one later died.", 1),
        # twins: every person hit died, or the count of the dead is told alone
        ("Two men were shot and both died.", 2),
        ("Several villagers were wounded and one was killed in the raid.", 1),
        ("Four people were shot dead and two others died in hospital.", 6),
    ],
)
def test_the_part_of_those_hit_that_died(text: str, dead: int) -> None:
    assert _toll(text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "On 4 March 2021, militants abducted and killed 3 civilian herders near Gwoza. "
            "Three civilians were killed in the attack.",
            3,
        ),
        (
            "On 4 March 2021, four police officers were killed in an ambush near Garissa. "
            "The ambush by Al Shabaab fighters left four police officers dead.",
            4,
        ),
        # twins: another number or another noun is other people
        (
            "On 4 March 2021, militants killed 3 civilian herders near Gwoza. "
            "Three soldiers were killed when troops pursued them.",
            6,
        ),
        (
            "On 4 March 2021, militants killed 3 civilian herders near Gwoza. "
            "Two civilians were killed in the attack.",
            5,
        ),
    ],
)
def test_victims_a_later_sentence_counts_again(top_event: TopEvent, text: str, dead: int) -> None:
    assert _dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a span of time before "after" dates the kill as another event's, even for the
        # event read from the kill's own words
        (
            "On 3 May 2021, one day after attacking Dalori and killing several farmers, the "
            "rebels seized control of the town.",
            0,
        ),
        (
            "On 3 May 2021, two more bombs were found in Maiduguri, a few hours after a third "
            "victim of the blast died in hospital.",
            0,
        ),
        # twin: the event's own kill before "after"
        ("On 3 May 2021, gunmen killed a teacher in Kumba two days after the election.", 1),
    ],
)
def test_a_kill_a_span_of_time_dates_earlier(top_event: TopEvent, text: str, dead: int) -> None:
    assert (_dead(top_event, text) or 0) == dead
