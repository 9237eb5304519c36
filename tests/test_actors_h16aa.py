"""Issue 16, fourteenth pass (helper h16aa, actor codes). Our own sentences, one class per
test, each with a twin that keeps its old reading.

- An agreement told with both sides as one coordinated subject ("the Kora clan militia and
  the Bale sub-clan militia reached an agreement", "Al Shabaab and a Dubo clan militia
  signed a truce") codes the first side as actor1 and the second as actor2; an agreement
  "with" a party names actor2 the same way. Unarmed people agreeing ("elders and traders
  reached an agreement") get no second side.
- A headline's noun trigger takes the words before it as modifiers ("Dubo militia attack
  the village", "a Kora ethnic militia attack and looted …"), so the mention kept only
  "militia"; the words the parse gives that noun, when with them the mention names a
  community's militia, are the mention's own (inter 4). A bare "militia attack" stays an
  armed group.
- Bandits named by an ethnic group ("Turkana bandits") are that community's militia, as
  gunmen named so already were; bandits named by nothing stay a gang.
- The people an arrest took are civilians when the dictionary does not code them ("forty
  traders", "members of a youth forum") or the note names nobody ("Arrests: 60 were
  arrested"): ACLED codes an arrest's actor2 as civilians unless they are an armed group,
  which keeps its code, also when the note's label made an event of its own ("Arrests:
  authorities say they captured four SPLA-IO recruiters").
- A device "belonging to" a group names its owner as the defusal's other party, as one
  "planted by" it does; a device whose owner the note does not name leaves actor2 empty.
- Two crowds fighting each other are both rioters: the second crowd's words ("residents of
  the town", "another group of youths"), which the dictionary codes as civilians, code as
  rioters when the sentence tells a fight between sides ("clashed with", "a street
  fight"); a mob's victim ("a suspected thief", on "the road between two villages") stays
  a civilian.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import load_actor_dictionary

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
        "On 9 June 2025, Al Shabaab reached an agreement with a Dubo sub-clan militia in "
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


# -- a community's name before a headline's noun trigger ---------------------------------
def test_a_named_militia_before_a_noun_trigger_is_a_community_militia(
    top_event: TopEvent,
) -> None:
    for text in (
        "Dubo militia attack Kalla village near Kutum, 3 killed.",
        "Pokomo ethnic militia attack Kalla village, kill civilians.",
    ):
        top = top_event(text, published=PUBLISHED)
        assert top is not None and top.actor1 is not None, text
        assert top.actor1.inter == 4, (text, top.actor1)


def test_a_bare_militia_before_a_noun_trigger_stays_an_armed_group(top_event: TopEvent) -> None:
    top = top_event("Militia attack Kalla village near Kutum, 3 killed.", published=PUBLISHED)
    assert top is not None and top.actor1 is not None
    assert top.actor1.inter == 3, top.actor1


# -- bandits named by a community ---------------------------------------------------------
def test_bandits_named_by_an_ethnic_group_are_its_militia() -> None:
    d = load_actor_dictionary()
    coded = code_mention(d, "armed Turkana bandits", "KE", None)
    assert (coded.inter, coded.name) == (4, "Turkana Ethnic Militia")


def test_bandits_named_by_nothing_stay_a_gang() -> None:
    d = load_actor_dictionary()
    assert code_mention(d, "armed bandits", "KE", None).inter == 3


# -- whom an arrest took ---------------------------------------------------------------------
def _arrest(top_event: TopEvent, text: str) -> int | None:
    top = top_event(text, published=PUBLISHED)
    assert top is not None and top.acled_sub_event_type == "Arrests", (text, top)
    return top.actor2.inter if top.actor2 is not None else None


def test_people_an_arrest_took_are_civilians(top_event: TopEvent) -> None:
    for text in (
        "On 9 June 2025, police arrested forty members of the Kibera Youth Forum in Nairobi "
        "for distributing leaflets.",
        "Arrests: On 9 June 2025, 60 were arrested in Mora.",
    ):
        assert _arrest(top_event, text) == 7, text


def test_fighters_an_arrest_took_keep_their_group(top_event: TopEvent) -> None:
    for text in (
        "On 9 June 2025, police arrested two Al Shabaab fighters in Garissa town.",
        "Arrests: Dusa authorities say they have captured four SPLA-IO faction recruiters "
        "operating in the county.",
    ):
        assert _arrest(top_event, text) == 2, text


# -- a device's owner ------------------------------------------------------------------------
def test_a_device_belonging_to_a_group_names_its_owner(top_event: TopEvent) -> None:
    top = top_event(
        "Defusal: On 9 June 2025, soldiers defused an IED belonging to Al Shabaab near "
        "Afgooye town.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 2, top.actor2


def test_a_device_of_no_named_owner_leaves_actor2_empty(top_event: TopEvent) -> None:
    top = top_event(
        "Defusal: On 9 June 2025, soldiers defused an IED near Afgooye town.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is None, top


# -- two crowds fighting ---------------------------------------------------------------------
def test_a_crowd_fighting_another_crowd_fights_rioters(top_event: TopEvent) -> None:
    for text in (
        "On 9 June 2025, supporters of the Kijani party clashed with residents of Dusa town "
        "during a rally, injuring four people.",
        "On 9 June 2025, supporters of the Kijani party engaged in a street fight with "
        "another group of youths in Dusa town.",
    ):
        top = top_event(text, published=PUBLISHED)
        assert top is not None and top.actor2 is not None, text
        assert (top.actor1.inter if top.actor1 else None, top.actor2.inter) == (5, 5), text


def test_a_mobs_victim_on_a_road_between_villages_stays_a_civilian(top_event: TopEvent) -> None:
    top = top_event(
        "On 9 June 2025, a mob killed a suspected cattle thief on the road between Dusa and "
        "Kalla villages.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 7, top.actor2
