"""Issue 18, twenty-fourth pass (helper h18y): a group's bare name read where a namesake of
the event's country acts ("Taliban militants … in Bannu": the Pakistani Taliban, not the
Afghan Taliban coded as Afghanistan's de facto government). Own sentences."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import Document


def test_bare_taliban_in_a_pakistani_town_are_the_pakistani_taliban(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text("Taliban gunmen stormed a police post in Bannu on Friday, killing three "
                   "constables, officials said.", published="2029-03-10")  # fmt: skip
    actor1 = doc.events[0].actor1
    assert actor1 is not None and actor1.actor_id == "PK-TTP"


def test_bare_taliban_in_afghanistan_stay_the_afghan_taliban(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text("Taliban gunmen stormed a police post in Kunduz on Friday, killing three "
                   "policemen, officials said.", published="2029-03-10")  # fmt: skip
    actor1 = doc.events[0].actor1
    assert actor1 is not None and actor1.actor_id != "PK-TTP"
