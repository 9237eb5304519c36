"""Issue 16, helper h16z: event types and sub-types of acled_more notes, own sentences.

Each class has a sentence that failed before the change and a twin that must keep its
reading.
"""

from __future__ import annotations

from conftest import TopEvent, top_sub_type

# --- an exchange of fire told with a hyphen, or as crossfire: the attacked fought back ----


def test_a_fire_exchange_with_a_hyphen_makes_an_ambush_a_clash(top_event: TopEvent) -> None:
    text = (
        "On 3 May 2021, armed herders ambushed farmers who were tending goats near Kaloi "
        "village. A fire-exchange was reported. Four people were killed."
    )
    assert top_sub_type(top_event, text) == "Armed clash"


def test_passengers_caught_in_the_crossfire_make_a_shooting_a_clash(top_event: TopEvent) -> None:
    text = (
        "Gunmen opened fire on a minibus near Kaloi. Two passengers were caught in the "
        "crossfire and died."
    )
    assert top_sub_type(top_event, text) == "Armed clash"


def test_an_ambush_with_no_answer_stays_an_attack(top_event: TopEvent) -> None:
    text = (
        "On 3 May 2021, armed herders ambushed farmers who were tending goats near Kaloi "
        "village. Four people were killed."
    )
    assert top_sub_type(top_event, text) == "Attack"
    shooting = "Gunmen opened fire on a minibus near Kaloi. Two passengers died."
    assert top_sub_type(top_event, shooting) == "Attack"


# --- a caning is a beating dealt out as punishment ---------------------------------------


def test_a_public_caning_is_an_attack(top_event: TopEvent) -> None:
    for text in (
        "On 3 March 2018, two men were publicly caned in Banda Aceh for gambling.",
        "On 3 March 2018, officials caned a woman ten times in front of a mosque in Lhokseumawe.",
    ):
        top = top_event(text)
        assert top is not None, text
        assert (top.acled_event_type, top.acled_sub_event_type) == (
            "Violence against civilians",
            "Attack",
        )


def test_police_canes_at_a_protest_stay_an_intervention(top_event: TopEvent) -> None:
    text = (
        "Hundreds of traders protested in Kisii over new market fees. Police used canes to "
        "disperse the protesters."
    )
    assert top_sub_type(top_event, text) == "Protest with intervention"


# --- a protest people were on their way to join was not held: the arrest is the event -----


def test_students_arrested_on_their_way_to_a_protest_are_arrests(top_event: TopEvent) -> None:
    for text in (
        "On 9 May 2021, police arrested 40 students in Kediri. They were on their way to a "
        "rally against the new labour law.",
        "On 9 May 2021, police arrested 40 students in Kediri who were on their way to stage a "
        "demonstration at the town hall.",
    ):
        top = top_event(text)
        assert top is not None, text
        assert top.acled_sub_event_type == "Arrests", text


def test_a_protest_that_marched_all_the_way_stays_a_protest(top_event: TopEvent) -> None:
    text = (
        "On 9 May 2021, students staged a protest in Kediri against the new labour law. They "
        "marched all the way to the town hall."
    )
    assert top_sub_type(top_event, text) == "Peaceful protest"


# --- a protest held about a ban is a protest; a ban on protests is a measure ---------------


def test_a_protest_held_about_a_ban_is_a_protest(top_event: TopEvent) -> None:
    for text in (
        "On 10 February 2021, some thirty fishmongers staged a peaceful protest backing the "
        "county's ban on night fishing in Naivasha.",
        "On 13 January 2022, members of a students' union staged a protest in Nairobi, "
        "following the minister's remarks that sought to ban the union from campuses.",
    ):
        assert top_sub_type(top_event, text) == "Peaceful protest", text


def test_a_ban_on_protests_stays_a_measure(top_event: TopEvent) -> None:
    for text in (
        "The government extended the ban on marches and protests in the capital.",
        "Protests were banned in Khartoum for a month.",
        "Authorities prohibited all demonstrations in Bamako.",
    ):
        assert top_sub_type(top_event, text) == "Change to group/activity", text


# --- a place taken is ground, whatever its modifiers say of who lives in it or holds it ----


def test_forces_taking_a_village_or_rebel_held_areas_regain_territory(
    top_event: TopEvent,
) -> None:
    for text in (
        "On 4 March 2021, army troops took over the village of Kalam following heavy clashes "
        "with the rebels.",
        "Army forces gain control of rebel held areas near Kalam.",
    ):
        assert top_sub_type(top_event, text) == "Government regains territory", text


def test_people_captured_stay_captives_or_a_battle(top_event: TopEvent) -> None:
    assert (
        top_sub_type(top_event, "Rebels captured 20 villagers near Kalam.")
        == "Abduction/forced disappearance"
    )
    assert top_sub_type(top_event, "Soldiers captured two militants near Kalam.") == "Armed clash"
