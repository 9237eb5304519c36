"""Actors (issue 16, helper h16cj): a mention found outside the raw roles is coded as the
coder's bracket after it says, as every other mention is: the other party of a strategic
development ("a bomb planted by an unknown armed group (likely Al Shabaab, as the
group …)") and a perpetrator the sentence scan finds ("armed men (assumed Boko Haram fighters)
attacked …")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import EVENT_DATED, Document

RECORD = "2021-03-04"


def _sides(run_text: Callable[..., Document], text: str) -> tuple[int | None, int | None]:
    doc = run_text(text, published=RECORD, published_source=EVENT_DATED, country="Somalia")
    top = doc.events[0]
    assert top.actor1 is not None and top.actor2 is not None
    return top.actor1.inter, top.actor2.inter


@pytest.mark.parametrize(
    "text",
    [
        "Defusal: On 4 March 2021, the police defused a bomb planted by an unknown armed "
        "group (likely Al Shabaab, as the group has struck there before) by the market.",
        "Defusal: On 4 March 2021, army soldiers defused a roadside bomb planted by unidentified "
        "gunmen (likely Al Shabaab) on the road to Ondesi.",
    ],
)
def test_the_brackets_group_codes_the_planter(run_text: Callable[..., Document], text: str) -> None:
    assert _sides(run_text, text) == (1, 2)


def test_no_bracket_stays_an_unidentified_group(run_text: Callable[..., Document]) -> None:
    text = (
        "Defusal: On 4 March 2021, the police defused a bomb planted by an unknown armed "
        "group by the Talora market."
    )
    assert _sides(run_text, text) == (1, 3)


def _actor1(run_text: Callable[..., Document], text: str) -> int | None:
    doc = run_text(text, published=RECORD, published_source=EVENT_DATED, country="Cameroon")
    top = doc.events[0]
    assert top.actor1 is not None
    return top.actor1.inter


def test_a_perpetrator_found_in_the_sentence_takes_its_bracket(
    run_text: Callable[..., Document],
) -> None:
    """The parse gave no subject; the sentence scan finds "armed men", and the coder's
    bracket right after it names the group."""
    text = "On 4 March 2021, armed men (assumed Boko Haram fighters) attacked Ondesi village."
    assert _actor1(run_text, text) == 2


def test_armed_men_without_a_bracket_stay_unidentified(
    run_text: Callable[..., Document],
) -> None:
    text = "On 4 March 2021, armed men attacked Ondesi village."
    assert _actor1(run_text, text) == 3
