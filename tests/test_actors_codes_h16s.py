"""Issue 16, tenth pass (helper h16s, actor codes): the one armed group a report names
outside the act's sentence is the perpetrator of an act with none named, and unnamed armed
men of a conflict the report calls communal are a communal militia. Our own sentences, one
class per test, each with a twin that must keep its old reading."""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.elsewhere import named_groups
from eventwire.pipeline.actors.roles import event_category
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.records import Event, Span

PUBLISHED = "2019-06-10"


# -- the one group the report names elsewhere ------------------------------------------------
def test_a_landmine_blamed_on_a_group_in_the_next_sentence(top_event: TopEvent) -> None:
    top = top_event(
        "Three soldiers were wounded when their truck struck a landmine near Garissa on "
        "Monday. Al Shabaab is believed to be behind it.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 2 and top.actor1.actor_id == "SO-SHABAAB", top.actor1


def test_two_groups_named_elsewhere_leave_the_perpetrator_unidentified(
    top_event: TopEvent,
) -> None:
    top = top_event(
        "Three soldiers were wounded when their truck struck a landmine near Garissa on "
        "Monday. Both Al Shabaab and the Islamic State are active in the district.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 3, top.actor1


def test_named_groups_lists_rebels_and_militias_only() -> None:
    d = load_actor_dictionary()
    words = ["Al", "Shabaab", "and", "the", "Kenya", "Police", "and", "ODM", "and", "ISIS"]
    ids = {e.id for e in named_groups(d, words)}
    assert "SO-SHABAAB" in ids and "ISIS" in ids, ids
    assert all(d.by_id[i].type in ("rebel", "militia") for i in ids), ids
    assert len(ids) == 2, ids


# -- unnamed armed men of a communal conflict --------------------------------------------------
def test_gunmen_in_a_chieftaincy_dispute_are_a_communal_militia(top_event: TopEvent) -> None:
    top = top_event(
        "Gunmen shot and wounded a sub-chief near Yendi on Friday amid a long chieftaincy "
        "dispute between two gates.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 4, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 7, top.actor2


def test_gunmen_who_kill_herders_stay_an_unidentified_group(top_event: TopEvent) -> None:
    top = top_event(
        "Unknown gunmen shot dead two pastoralists near Yendi on Friday and drove off their "
        "cattle.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 3, top.actor1


def test_the_communal_rule_does_not_touch_a_named_group(top_event: TopEvent) -> None:
    top = top_event(
        "Al Shabaab fighters shot dead a clan elder near Baidoa on Friday during inter-clan "
        "tension over grazing land.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 2, top.actor1


def test_event_category_falls_back_on_plover() -> None:
    event = Event("d", Span(0, 4, "trigger", "shot"), 0, "ASSAULT")
    assert event_category(event) == "Violence against civilians"
    assert code_mention(load_actor_dictionary(), "gunmen", None, None).actor_id == "GEN-UAG"


# -- state forces hit while off duty or retired are civilians ----------------------------------
def test_an_off_duty_soldier_shot_by_rebels_is_a_civilian(top_event: TopEvent) -> None:
    top = top_event(
        "Al Shabaab fighters shot dead an off-duty soldier at a tea shop in Baidoa on Friday.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 7, top.actor2
    assert top.acled_event_type == "Violence against civilians", top


def test_off_duty_in_the_sentence_before_the_target_counts(top_event: TopEvent) -> None:
    top = top_event(
        "Unknown gunmen attacked a police officer who was off duty near Garissa on Friday. "
        "They stabbed the officer twice.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 7, top.actor2


def test_a_retired_police_inspector_is_a_civilian(top_event: TopEvent) -> None:
    top = top_event(
        "Unknown gunmen shot dead a retired police inspector at his farm near Nyala on Friday.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 7, top.actor2


def test_soldiers_on_patrol_stay_state_forces(top_event: TopEvent) -> None:
    top = top_event(
        "Al Shabaab fighters shot dead two soldiers on patrol in Baidoa on Friday.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 1, top.actor2


# -- a suspicion word in another sentence of the paragraph -------------------------------------
def test_gunmen_blamed_on_a_group_in_a_later_sentence(top_event: TopEvent) -> None:
    top = top_event(
        "Gunmen threw a grenade into a bar in Garissa on Friday, wounding four people. "
        "Local officials blamed Al Shabaab for the attack.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 2, top.actor1


def test_police_suspected_in_a_later_sentence_are_no_perpetrator(top_event: TopEvent) -> None:
    top = top_event(
        "Gunmen threw a grenade into a bar in Garissa on Friday, wounding four people. "
        "Kenya Police suspected nothing before the attack.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 3, top.actor1
