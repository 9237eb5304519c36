"""Issue 16, fourteenth pass (helper h16aa, actor codes). Our own sentences, one class per
test, each with a twin that keeps its old reading.

- An agreement told with both sides as one coordinated subject ("the Kora clan militia and
  the Bale sub-clan militia reached an agreement", "Al Shabaab and a Dubo clan militia
  signed a truce") codes the first side as actor1 and the second as actor2; an agreement
  "with" a party names actor2 the same way. Unarmed people agreeing ("elders and traders
  reached an agreement") get no second side.
"""

from __future__ import annotations

from conftest import TopEvent

PUBLISHED = "2025-06-12"


def _agreement(top_event: TopEvent, text: str) -> tuple[int | None, int | None]:
    events = [top_event(text, published=PUBLISHED)]
    top = events[0]
    assert top is not None, text
    assert top.acled_sub_event_type == "Agreement", top
    return (
        top.actor1.inter if top.actor1 is not None else None,
        top.actor2.inter if top.actor2 is not None else None,
    )


def test_two_clan_militias_reaching_an_agreement_are_both_sides(top_event: TopEvent) -> None:
    text = (
        "On 9 June 2025, Kora clan militia and Bale sub-clan militia reached an agreement "
        "in Dusa village after a dispute over grazing land."
    )
    assert _agreement(top_event, text) == (4, 4)


def test_rebels_and_a_clan_militia_reaching_an_agreement(top_event: TopEvent) -> None:
    text = (
        "On 9 June 2025, Al Shabaab and a Dubo clan militia reached an agreement in Dusa "
        "village over the release of prisoners."
    )
    assert _agreement(top_event, text) == (2, 4)


def test_an_agreement_with_a_clan_militia_names_it_actor2(top_event: TopEvent) -> None:
    text = (
        "On 9 June 2025, Al Shabaab reached an agreement with the Dubo sub-clan militia in "
        "Dusa village over the release of prisoners."
    )
    assert _agreement(top_event, text) == (2, 4)


def test_an_agreement_among_unarmed_people_gets_no_second_side(top_event: TopEvent) -> None:
    top = top_event(
        "On 9 June 2025, elders and traders of Dusa village reached an agreement over the "
        "use of the market.",
        published=PUBLISHED,
    )
    assert top is not None
    assert top.actor2 is None or top.actor2.inter is None, top.actor2
