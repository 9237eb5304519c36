"""Reports that only carry a claim or a denial of responsibility (issue 15, second pass).

A report whose only news is "X claimed responsibility for Tuesday's bombing of a market" tells
of that bombing: the claimed act is the incident, dated by the claim's reference to it, with
the claimant as actor1 marked ``claimed``. A denial of "any role in Monday's attack" tells of
the attack (no actor1). The words that give the claim's reasons, and a denial that the act
happened at all, are no incident. Full pipeline, our own sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from eventwire.records import Document, Event

Run = Callable[..., Document]
PUBLISHED = "2023-05-18"


def incidents(doc: Document) -> list[Event]:
    return [
        e
        for e in doc.events
        if e.acled_event_type and e.modality == "asserted" and not e.background
    ]


def test_a_claim_alone_gives_the_claimed_bombing(run_text: Run) -> None:
    doc = run_text(
        "The Islamic State group claimed responsibility for Tuesday's bombing of a market in "
        "Baghdad, in a statement posted online on Wednesday. The group said the market was "
        "used by government supporters.",
        published=PUBLISHED,
    )
    found = incidents(doc)
    assert len(found) == 1
    event = found[0]
    assert event.acled_event_type == "Explosions/Remote violence"
    assert event.actor1 is not None and event.actor1.claimed
    assert event.actor1.name == "Islamic State"
    assert event.date is not None and event.date.start == date(
        2023, 5, 16
    )  # Tuesday, not Wednesday


def test_a_denial_alone_gives_the_attack_without_the_denier(run_text: Run) -> None:
    doc = run_text(
        "Al-Shabaab denied any role in Monday's attack on a hotel in Mogadishu. The group "
        "said in a radio broadcast that it did not target civilians.",
        published=PUBLISHED,
    )
    found = incidents(doc)
    assert len(found) == 1
    assert found[0].actor1 is None or "shabaab" not in (found[0].actor1.name or "").lower()
    assert found[0].date is not None and found[0].date.start == date(2023, 5, 15)


def test_the_reasons_of_a_claim_are_no_incident(run_text: Run) -> None:
    doc = run_text(
        "The Pakistani Taliban claimed responsibility in a statement, saying it avenged the "
        "killing of its commander.",
        published=PUBLISHED,
    )
    assert incidents(doc) == []


def test_a_denial_that_the_act_happened_is_no_incident(run_text: Run) -> None:
    doc = run_text("The army denied that its troops had attacked the village.", published=PUBLISHED)
    assert incidents(doc) == []


def test_a_claim_after_the_report_of_the_attack_is_one_incident(run_text: Run) -> None:
    doc = run_text(
        "A car bomb exploded near a police station in Kirkuk on Tuesday, killing four officers. "
        "The Islamic State group claimed responsibility for the bombing on Wednesday.",
        published=PUBLISHED,
    )
    found = incidents(doc)
    assert len(found) == 1
    assert found[0].date is not None and found[0].date.start == date(2023, 5, 16)


def test_protesters_wounded_by_the_police_make_one_excessive_force_event(run_text: Run) -> None:
    doc = run_text(
        "Riot police fired rubber bullets and tear gas into a crowd of demonstrators in Nairobi "
        "on Monday, wounding 12 protesters.",
        published=PUBLISHED,
    )
    found = incidents(doc)
    assert [e.acled_sub_event_type for e in found] == ["Excessive force against protesters"]
    assert found[0].actor1 is not None and found[0].actor1.inter == 6
    assert found[0].actor2 is not None and found[0].actor2.inter == 1


def test_tear_gas_alone_leaves_a_protest_with_intervention(run_text: Run) -> None:
    doc = run_text(
        "Thousands of students marched on parliament in Nairobi on Monday. Riot police fired "
        "tear gas to disperse them.",
        published=PUBLISHED,
    )
    assert [e.acled_sub_event_type for e in incidents(doc)] == ["Protest with intervention"]


def test_a_rally_that_tells_who_the_victims_were_is_no_protest(run_text: Run) -> None:
    doc = run_text(
        "A suicide bomber killed 30 people who had gathered for a peace rally in Diyarbakir "
        "on Saturday.",
        published=PUBLISHED,
    )
    assert [e.acled_event_type for e in incidents(doc)] == ["Explosions/Remote violence"]


def test_a_trial_for_planning_a_past_bombing_recalls_it_as_background(run_text: Run) -> None:
    doc = run_text(
        "A court on Wednesday jailed a man for helping to plan the bombing of a bus station in "
        "Izmir in March 2019. The bombing killed 12 people.",
        published=PUBLISHED,
    )
    assert incidents(doc) == []
    recalled = [e for e in doc.events if e.background and e.acled_event_type]
    assert recalled and recalled[0].date is not None and recalled[0].date.start.year == 2019
