"""Places, default install (issue 17, helper h17af): a town of the report's own country named
by its other name alone, the place a coder's remark names though the model labels it a
person, and two Ethiopian zone seats. The sentences are our own writing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import mention_in
from eventwire.pipeline.places.anyway import named_by_remark
from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
from eventwire.records import Document


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Two herders were shot somewhere in the north (coded to Yendi).", "Yendi", True),
        ("A bus was stopped on a rural road (coded as reporting location Tamale).", "Tamale", True),
        ("Farmers marched in a village [coded: Bawku] on Friday.", "Bawku", True),
        ("Tamale traders closed their shops; the event was coded later.", "Tamale", False),
        ("The attack was coded as a battle near Yendi.", "Yendi", False),
    ],
)
def test_named_by_remark(text: str, name: str, expected: bool) -> None:
    assert named_by_remark(mention_in(text, name), text, load_lexicon()) is expected


def _names(doc: Document) -> list[tuple[str, str | None]]:
    return [(p.name, p.country) for p in doc.places]


def test_other_name_of_a_town_in_the_reports_country(run_places: Callable[[str], Document]) -> None:
    # "Axum" is only an alternate name of Aksum in the index; "Ethiopian" settles the country
    doc = run_places("Ethiopian troops took control of Axum on Friday after a day of fighting.")
    assert ("Aksum", "ET") in _names(doc)


def test_other_name_alone_without_a_country_stays_out(
    run_places: Callable[[str], Document],
) -> None:
    # with nothing else in the report, an alternate name alone still names no place
    doc = run_places("Axum was quiet on Friday.")
    assert "Aksum" not in [name for name, _ in _names(doc)]


def test_place_a_coder_names(run_places: Callable[[str], Document]) -> None:
    doc = run_places(
        "Three herdsmen were shot dead by unidentified gunmen somewhere in the Bono East region "
        "(coded as reporting location Kintampo at geoprecision 3)."
    )
    assert ("Kintampo", "GH") in _names(doc)


def test_ethiopian_zone_seats(run_places: Callable[[str], Document]) -> None:
    doc = run_places("Gunmen fired on a minibus near Gilgel Beles, Benishangul-Gumuz, on Tuesday.")
    assert ("Gilgel Beles", "ET") in _names(doc)
    doc = run_places("Police dispersed students in West Hararghe (coded as Chiro) on Monday.")
    chiro = [p for p in doc.places if p.text == "Chiro"]
    assert chiro and chiro[0].lat is not None and abs(chiro[0].lat - 9.08) < 0.2


def test_known_town_told_in_the_wrong_province(run_places: Callable[[str], Document]) -> None:
    # Bati lies in Amhara, just across the line from Oromia: the town, not only the region
    doc = run_places("Unknown gunmen attacked farmers near Bati (Oromia) on Sunday, killing two.")
    assert ("Batī", "ET") in _names(doc)


def test_village_told_in_the_wrong_province_stays_out(
    run_places: Callable[[str], Document],
) -> None:
    # a small place of that name elsewhere in the country is no reading of an unknown village
    doc = run_places("Unknown gunmen attacked farmers near Kapedo (Kilifi) on Sunday, killing two.")
    assert "Kapedo" not in [name for name, _ in _names(doc)]
