"""Issue 18, tenth pass (helper h18i): a place name written as one word ("Banibangou") or
as two ("Buur Hakaba") is the one gazetteer place so named, spaces aside.

Such a name found no exact key, only the loose (spelling skeleton) index, whose readings
rank by size: "Banibangou" was read as Khlong Luang, Thailand, so a toll update "near
Banibangou" contradicted the other outlets' Niger. The one loose reading whose name is the
text with its spaces moved is now an exact reading; two or more such places stay loose.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent
from eventwire.pipeline.places.gazetteer.index import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _exact(gaz: Gazetteer, text: str) -> list[str]:
    return [gaz.name(c.index) for c in gaz.lookup(text) if c.flag >= 0]


@pytest.mark.parametrize(
    ("text", "name"), [("Banibangou", "Bani Bangou"), ("Buur Hakaba", "Buurhakaba")]
)
def test_a_name_with_its_spaces_moved_is_read_by_name(gaz: Gazetteer, text: str, name: str) -> None:
    assert _exact(gaz, text) == [name]


def test_several_places_so_named_stay_loose(gaz: Gazetteer) -> None:
    """Indonesia has several villages called Batuputih: "Batu Putih" names none of them
    for sure, so none becomes an exact reading."""
    assert sum(gaz.name(c.index) == "Batuputih" for c in gaz.lookup("Batu Putih")) >= 2
    assert _exact(gaz, "Batu Putih") == []


def test_a_toll_update_near_a_one_word_town_stays_in_its_country(top_event: TopEvent) -> None:
    event = top_event(
        "The number of gendarmes killed in Monday's ambush near Banibangou has risen to nine, "
        "officials said on Wednesday.",
        published="2024-05-08",
    )
    assert event is not None and event.location is not None
    assert event.location.country == "NE" and event.location.name == "Bani Bangou"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot dead four bus passengers near Turbat in Kech district on Monday, Levies "
        "officials said.",
        "Two teachers were killed by unknown attackers in Turbat, Kech district, on Monday, "
        "police said.",
    ],
)
def test_an_alternate_name_abroad_is_no_parent_of_a_town_named_at_home(
    top_event: TopEvent, text: str
) -> None:
    """ "Kech" is only an alternate name of Ketsch, a German town: as the district of Turbat
    (read by its own name, in Pakistan) it is no parent that Turbat must lie in."""
    event = top_event(text, published="2024-05-07")
    assert event is not None and event.location is not None
    assert event.location.country == "PK" and event.location.name == "Turbat"
