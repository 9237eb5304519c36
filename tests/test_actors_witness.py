"""Who heard or saw an event only witnessed it: the subject of a perception verb whose object
is the event is never its actor (issue 15, roles). Our own sentences."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import Document


def _actor1_texts(doc: Document) -> list[str | None]:
    return [e.actor1.text if e.actor1 else None for e in doc.events if e.acled_event_type]


def test_residents_who_heard_a_blast_are_not_its_actor(run_text: Callable[..., Document]) -> None:
    doc = run_text(
        "Residents of Wajid said they heard a loud blast near the livestock market on Sunday.",
        published="2025-06-02",
    )
    texts = _actor1_texts(doc)
    assert texts, "the blast is still an event"
    assert all(t is None or t.lower() not in {"they", "residents"} for t in texts)


def test_a_witness_pronoun_takes_no_antecedent(run_text: Callable[..., Document]) -> None:
    doc = run_text(
        "Soldiers patrolled the road into Wajid on Saturday.\n\n"
        "Later that night they heard an explosion near the bridge, a local elder said.",
        published="2025-06-02",
    )
    blasts = [e for e in doc.events if e.trigger.text.lower() == "explosion"]
    assert blasts
    assert all(e.actor1 is None or e.actor1.text.lower() != "they" for e in blasts)


def test_the_subject_of_an_act_is_still_its_actor(run_text: Callable[..., Document]) -> None:
    doc = run_text(
        "Gunmen attacked a police post in Wajid on Sunday, killing two officers.",
        published="2025-06-02",
    )
    assert any(t and "gunmen" in t.lower() for t in _actor1_texts(doc))
