"""Issue 16, helper h16x: event types and sub-types of acled_more notes, own sentences.

Each class has a sentence that failed before the change and a twin that must keep its
reading.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.finalize.stage import order_report
from eventwire.records import Event, Span


def _event(
    acled: str | None, confidence: float, background: bool = False, modality: str = "asserted"
) -> Event:
    return Event(
        doc_id="d",
        trigger=Span(0, 7, "trigger", "accused" if acled is None else "shelled"),
        sentence_index=0,
        plover_type="ASSAULT" if acled else "ACCUSE",
        acled_event_type=acled,
        confidence=confidence,
        background=background,
        modality=modality,
    )


# --- an act ACLED lists ranks before talk and dealings it has no type for ---------------


def test_order_report_puts_a_typed_act_before_a_more_confident_statement() -> None:
    talk, act = _event(None, 0.46), _event("Violence against civilians", 0.30)
    assert order_report([talk, act]) == [act, talk]


def test_order_report_keeps_a_current_statement_before_a_recalled_act() -> None:
    talk = _event(None, 0.46)
    recalled = _event("Battles", 0.90, background=True)
    assert order_report([recalled, talk]) == [talk, recalled]


def test_order_report_keeps_a_statement_before_a_threatened_act() -> None:
    talk, threatened = _event(None, 0.46), _event("Battles", 0.30, modality="hypothetical")
    assert order_report([threatened, talk]) == [talk, threatened]


def test_order_report_keeps_confidence_between_typed_acts() -> None:
    weak, strong = _event("Battles", 0.30), _event("Violence against civilians", 0.60)
    assert order_report([weak, strong]) == [strong, weak]


def test_accused_shelling_is_the_event_not_the_accusation(top_event: TopEvent) -> None:
    top = top_event("Opposition leaders accuse the army of shelling villages and burning homes.")
    assert top is not None
    assert top.acled_event_type == "Explosions/Remote violence"


def test_accused_rape_is_the_event(top_event: TopEvent) -> None:
    top = top_event("The rebels accused the militia of raping women in Kuma.")
    assert top is not None
    assert top.acled_sub_event_type == "Sexual violence"


def test_a_protest_blaming_someone_is_a_protest(top_event: TopEvent) -> None:
    top = top_event("Traders hold protest blaming the governor for the closure of the market")
    assert top is not None
    assert top.acled_event_type == "Protests"


def test_a_condemnation_keeps_its_rank_over_the_act_it_condemns(top_event: TopEvent) -> None:
    # the twin: a reaction to an act told as its object is the sentence's own act
    top = top_event("The foreign minister condemned the shelling of the market in Kuma.")
    assert top is not None
    assert top.plover_type == "ACCUSE"


def test_an_accusation_with_no_act_keeps_its_event(top_event: TopEvent) -> None:
    top = top_event("The minister accused the opposition of lying about the budget.")
    assert top is not None
    assert top.acled_event_type is None
    assert top.trigger.text == "accused"


# --- an attack on a place an armed party holds is a battle, whatever harm it tells ------


def test_attack_on_a_police_station_ended_by_the_police_is_a_battle(top_event: TopEvent) -> None:
    top = top_event(
        "On 3 May 2021, a militant attacked a police station in Kuma. He stabbed a policeman "
        "with a knife. The police shot him dead."
    )
    assert top is not None
    assert top.acled_sub_event_type == "Armed clash"
    assert top.actor2 is not None and top.actor2.inter == 1


def test_soldiers_taken_from_a_camp_stay_an_abduction_or_attack(top_event: TopEvent) -> None:
    # the twin: captives taken at a post are hostage taking to GTD, both ways to ACLED
    top = top_event(
        "Assailants attacked an army camp near Kuma. At least 12 soldiers were abducted; "
        "they were found dead that evening."
    )
    assert top is not None
    assert top.acled_event_type == "Violence against civilians"


def test_attack_on_a_police_station_with_a_rape_is_a_battle(top_event: TopEvent) -> None:
    top = top_event(
        "Unknown gunmen attacked a police station in Kuma. One woman was raped during the attack."
    )
    assert top is not None
    assert top.acled_event_type == "Battles"


def test_an_attack_on_a_soldier_as_a_person_is_left_to_the_events_stage(
    top_event: TopEvent,
) -> None:
    # the twin: a person who is armed is no post; the harm told in the incident decides
    top = top_event(
        "A gunman stormed a bar in Kuma where people watched a match. He fired at a soldier "
        "and killed him."
    )
    assert top is not None
    assert top.acled_event_type == "Violence against civilians"


def test_an_attack_on_a_camp_for_displaced_people_stays_violence_against_civilians(
    top_event: TopEvent,
) -> None:
    top = top_event("Gunmen attacked a camp for displaced people in Kuma, abducting two women.")
    assert top is not None
    assert top.acled_event_type == "Violence against civilians"


# --- an abduction told inside an attack on civilians is an Attack -----------------------


def test_people_taken_in_a_raid_on_villagers_are_an_attack(top_event: TopEvent) -> None:
    top = top_event(
        "Militiamen raided and attacked villagers in Kuma on 19 January. Several injuries "
        "reported. One person abducted."
    )
    assert top is not None
    assert top.acled_sub_event_type == "Attack"


def test_people_taken_in_a_raid_where_children_died_are_an_attack(top_event: TopEvent) -> None:
    top = top_event("The militia attacked Kuma. At least 5 children died. Women were abducted.")
    assert top is not None
    assert top.acled_sub_event_type == "Attack"


def test_an_attack_that_only_took_people_stays_an_abduction(top_event: TopEvent) -> None:
    top = top_event("Rebels attack Kuma village, abduct 10 civilians")
    assert top is not None
    assert top.acled_sub_event_type == "Abduction/forced disappearance"


# --- the toll of a clash stays the clash's, whatever the dead are coded -----------------


def test_people_killed_between_two_militias_are_a_clash_toll(top_event: TopEvent) -> None:
    top = top_event(
        "At least 12 people have been killed in Kuma between Borana and Samburu militias. "
        "The clash was over water."
    )
    assert top is not None
    assert top.acled_sub_event_type == "Armed clash"


def test_people_killed_by_gunmen_with_no_clash_stay_an_attack(top_event: TopEvent) -> None:
    top = top_event("At least 12 people have been killed in Kuma by gunmen on motorbikes.")
    assert top is not None
    assert top.acled_sub_event_type == "Attack"
