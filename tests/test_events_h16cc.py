"""Issue 16, helper h16cc: clash words that tell no clash, own sentences.

A fight named only to say who someone is ("gunmen who have been fighting the army",
"soldiers who are fighting the rebels") is not the event (descriptor.py); "engaged in" a
thing that is no fight ("an argument", "illegal fishing") is no clash (engage_sense.py).
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

CASES = [
    (
        "On 3 May 2020, six people were wounded by bullets fired by gunmen who have been "
        "fighting the army in the hills near Kamba.",
        "Violence against civilians",
    ),
    (
        "On 3 May 2020, hundreds of traders marched in Kamba in support of the soldiers who "
        "are fighting the rebels in the north.",
        "Protests",
    ),
    (
        "On 3 May 2020, two journalists got engaged in an argument with a police officer in "
        "Kamba and were later beaten by a group of soldiers.",
        "Violence against civilians",
    ),
    (
        "On 3 May 2020, armed men stabbed ten fishermen near Kamba for engaging in illegal "
        "fishing at night.",
        "Violence against civilians",
    ),
]


@pytest.mark.parametrize(("text", "kind"), CASES)
def test_event_type(top_event: TopEvent, text: str, kind: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == kind


TWINS = [
    (
        "On 3 May 2020, soldiers engaged in a fierce firefight with the rebels near Kamba.",
        "Battles",
    ),
    ("On 3 May 2020, soldiers killed five militants who fought with the army in Kamba.", "Battles"),
]


@pytest.mark.parametrize(("text", "kind"), TWINS)
def test_twins_keep_their_type(top_event: TopEvent, text: str, kind: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == kind


def test_descriptor_reads_the_tense() -> None:
    from eventwire.pipeline.events.descriptor import describes_people

    class Tok:
        def __init__(self, **kw: object) -> None:
            self.__dict__.update(kw)

    head = Tok(pos_="NOUN", i=0)
    now = Tok(pos_="VERB", dep_="relcl", lemma_="fight", tag_="VBG", children=[], head=head, i=2)
    then = Tok(pos_="VERB", dep_="relcl", lemma_="fight", tag_="VBD", children=[], head=head, i=2)
    assert describes_people(now)
    assert not describes_people(then)
