"""Places, default install (issue 17, helper h17ap): an acronym that groups of two
countries bear is the elder group's in a report dated before the younger one was formed.
The sentences are our own writing."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.pipeline.places.gazetteer.cues import GROUP_FOUNDED
from eventwire.records import Document


def test_the_acronym_before_the_younger_group_is_the_elder_s(
    run_text: Callable[..., Document],
) -> None:
    # Myanmar's People's Defence Force was formed in 2021: a 2013 "PDF" is Sudan's militia
    doc = run_text("PDF militiamen whipped two herders near Umm Dagar well.", "2013-06-11")
    assert doc.country == "SD"


def test_the_acronym_after_the_younger_group_is_formed_stays_its(
    run_text: Callable[..., Document],
) -> None:
    # the guard: the same words in 2023 keep the younger group's country
    doc = run_text("PDF fighters whipped two herders near Umm Dagar well.", "2023-06-11")
    assert doc.country != "SD"


def test_the_elder_namesake_does_not_outvote_a_county_of_the_text(
    run_text: Callable[..., Document],
) -> None:
    # a county of South Sudan named in the text stays, though the army and the militia
    # named beside it are Sudan's
    doc = run_text(
        "The SPLA fought the Sudanese army and PDF militiamen near Kata village in Raja county.",
        "2012-11-20",
    )
    assert doc.country == "SS"


def test_the_founding_years_are_read_from_the_data_file() -> None:
    assert GROUP_FOUNDED["MM-PDF"] == 2021
