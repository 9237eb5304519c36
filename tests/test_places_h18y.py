"""Issue 18, twenty-fourth pass (helper h18y): Pakistani places read abroad or missed.

- a district the index held only under its seat's name ("Kech district", "the Kurram
  district") or a valley it lacked ("the Tirah valley"): ``data/gazetteer/supplement_pk.csv``
  (on main: Ketsch in Germany, no place, Tirat Karmel in Israel);
- a dateline town is no sentence-opening word ("QUETTA - …": dropped by ``keep_mention`` as
  the first word of its sentence, so nothing in the report said Quetta, and a quarter named
  in two cities, "the Satellite Town area of the city", went to the larger one's).

Own sentences.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import Document


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Gunmen shot dead three road workers in Kech district on Friday, officials said.",
         "Turbat", "Balochistan"),
        ("A roadside bomb killed two soldiers in the Kurram district on Friday, officials said.",
         "Parachinar", "Khyber Pakhtunkhwa"),
        ("Militants ambushed an army patrol in the Tirah valley on Friday, killing a soldier.",
         "Tirah", "Khyber Pakhtunkhwa"),
    ],
)  # fmt: skip
def test_a_pakistani_district_or_valley_is_read_in_pakistan(
    run_text: Callable[..., Document], text: str, name: str, admin1: str
) -> None:
    doc = run_text(text, published="2029-03-10")
    place = doc.events[0].location
    assert place is not None and (place.name, place.country, place.admin1) == (
        name,
        "PK",
        admin1,
    )


def test_a_quarter_after_a_dateline_town_stays_in_that_town(
    run_text: Callable[..., Document],
) -> None:
    text = (
        "QUETTA - Two men on a motorcycle shot dead a shopkeeper in the Satellite "
        "Town area of the city on Friday, police said."
    )
    doc = run_text(text, published="2029-03-10")
    place = doc.events[0].location
    assert place is not None and place.name == "Satellite Town" and place.admin1 == "Balochistan"
    assert any(p.name == "Quetta" and p.text == "QUETTA" for p in doc.places)
