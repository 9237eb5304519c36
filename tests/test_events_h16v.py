"""Issue 16, twelfth pass (h16v): event types and sub-types on wording seen in several notes.
Our own sentences, one class per test, each with a twin that must keep its reading."""

from __future__ import annotations

import pytest

from conftest import TopEvent
from conftest import top_sub_type as _sub


# -- roads a protest's crowd blockaded or barricaded: a violent demonstration ---------------
@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2019, hundreds of farmers held a demonstration in Kota town against a new "
        "cement plant. They blockaded a road to stop trucks reaching the site.",
        "On 9 May 2020, dozens of drivers held a demonstration in Dena against a new fuel levy. "
        "They barricaded the main road with their lorries.",
    ],
)
def test_a_road_the_crowd_blockaded_makes_a_violent_demonstration(
    top_event: TopEvent, text: str
) -> None:
    assert _sub(top_event, text) == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        # the police blockaded the road: forces, not the crowd
        "On 3 March 2019, hundreds of farmers held a demonstration in Kota town against a new "
        "cement plant. Police blockaded a road to stop them reaching the site.",
        # "the blockade of their villages" is what they protest, not what they did
        "Hundreds of farmers held a demonstration in Kota town demanding an end to the "
        "blockade of their villages.",
    ],
)
def test_a_blockade_the_crowd_did_not_make_leaves_the_protest(
    top_event: TopEvent, text: str
) -> None:
    assert _sub(top_event, text) != "Violent demonstration"


# -- "running battles" with the police: crowds fighting in the streets, not an armed clash -----
@pytest.mark.parametrize(
    "text",
    [
        "The college closed its campus after unrest. The students engaged the police in "
        "running clashes for much of the day.",
        "Dozens of hawkers engaged with police in what witnesses called running battles in "
        "Eldoret after the death of their leader.",
        "Several party leaders led their supporters into the town centre amid running clashes "
        "with police officers who used teargas to disperse them.",
    ],
)
def test_running_battles_with_police_are_a_riot(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None
    assert top.acled_event_type == "Riots"


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers clashed with rebels near Kisumu, killing five.",
        "Rebels and soldiers fought running battles in the town, exchanging gunfire for hours.",
    ],
)
def test_battles_with_gunfire_stay_armed_clashes(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Armed clash"


# -- a headline's verb the parse read as a noun before its object ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "KDP attack reporters",
        "Unknown persons attacks market in Dena, West Kordofan. Two injuries reported.",
    ],
)
def test_a_headline_attack_read_as_a_noun_is_an_attack(top_event: TopEvent, text: str) -> None:
    top = top_event(text)
    assert top is not None
    assert top.acled_event_type == "Violence against civilians"


@pytest.mark.parametrize(
    "text",
    [
        "Republicans launch attack ads against the senator.",  # a kind of advert
        "The attack dogs of the party.",  # no doer before the noun
    ],
)
def test_attack_naming_a_kind_of_thing_is_no_event(top_event: TopEvent, text: str) -> None:
    assert top_event(text) is None


# -- the doers of the verbs a trigger hangs from are not among its victims -------------------
@pytest.mark.parametrize(
    "text",
    [
        "A cyclist was killed and another was badly injured when soldiers fired on them to "
        "enforce the night curfew.",
        "On 3 May 2021, unknown gunmen shot and badly wounded parliamentary candidate Amos Kori "
        "in an ambush near Dena.",
    ],
)
def test_armed_doers_of_the_verbs_around_an_act_on_civilians_make_an_attack(
    top_event: TopEvent, text: str
) -> None:
    assert _sub(top_event, text) == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        # a passive subject is the victim: armed, so a battle
        "Two police reservists were killed when armed men attacked them near Dena.",
        # forces with no one named against them stay a battle's side
        "A spokesman said government forces were on the offensive in Dena county.",
        # the main clause's police did not shoot: the relative clause's officer did
        "Police in Dena have detained a constable who shot dead two fellow officers on Sunday.",
    ],
)
def test_armed_victims_or_no_victims_keep_the_armed_clash(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Armed clash"


# -- a riot that broke out with no demonstration told: Mob violence --------------------------
@pytest.mark.parametrize(
    "text",
    [
        "On 3 June 2020, a riot broke out in Dena village after a quarrel at the market. One man "
        "was hurt.",
        "A riot erupted at the Dena bus park on Sunday night. Two kiosks were damaged.",
    ],
)
def test_a_riot_that_broke_out_with_no_demonstration_is_mob_violence(
    top_event: TopEvent, text: str
) -> None:
    assert _sub(top_event, text) == "Mob violence"


def test_a_riot_that_broke_out_at_a_demonstration_stays_violent(top_event: TopEvent) -> None:
    text = (
        "On 3 June 2020, a riot broke out in Dena town after hundreds of students held a "
        "demonstration against fee increases."
    )
    assert _sub(top_event, text) == "Violent demonstration"
