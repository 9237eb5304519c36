"""Places within the right country (issue 17, helper h17ar): a hyphenated name's generic
first word is no town, and a "Colonia X" read far from its sentence's town is a stray
quarter. The sentences are our own writing."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import Document, Place


def _top(doc: Document) -> Place:
    top = doc.events[0] if doc.events else None
    assert top is not None and top.location is not None
    return top.location


def test_compound_heads_are_listed() -> None:
    from eventwire.pipeline.places.gazetteer.toponyms import COMPOUND_HEADS  # new in h17ar

    assert {"ceel", "buur", "buulo"} <= COMPOUND_HEADS


def test_a_generic_first_word_of_a_hyphenated_village_is_no_town(
    run_text: Callable[..., Document],
) -> None:
    # "Ceel" alone is an alternate name of Eyl, on the far north-eastern coast
    doc = run_text(
        "On 4 March 2025, clan militiamen fought Al Shabaab fighters in Ceel-Garasley "
        "village (Balcad, Middle Shabelle). Two fighters were killed."
    )
    place = _top(doc)
    assert place.name != "Eyl"
    assert place.admin1 == "Middle Shabele"


def test_a_colonia_read_in_another_state_yields_to_the_sentences_town(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "On 12 June 2021, in Ciudad de Villa de Alvarez, Colima, gunmen on a motorbike shot "
        "and killed a shopkeeper in Colonia del Valle."
    )
    place = _top(doc)
    assert place.admin1 == "Colima"
