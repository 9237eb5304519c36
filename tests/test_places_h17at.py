"""Places, default install (issue 17, helper h17at): when no place of a report holds, a town
or province that opens an office's, an institution's or a landform's name ("the Kakamega
Governor", "the Laikipia Plateau", "Lake Baringo"), that a weekday follows ("in Embu
Tuesday evening"), that names an area before its kind word ("SouthSudans Warrap state") or
that ends a road's hyphenated name ("the Yei-Lainya road") is the report's place, at
precision 2; a name with readings in several countries and no cue stays no place, and a
report with a place keeps it."""

from __future__ import annotations

import pytest

from conftest import TopEvent
from eventwire.pipeline.places.inside_names import LANDFORMS_AFTER, OFFICE_WORDS, road_ends
from eventwire.records import Document


@pytest.mark.parametrize(
    ("text", "published", "name", "country"),
    [
        # an office of the town's own
        (
            "Unknown people set fire to the offices of the Kakamega Governor on Friday night.",
            "2018-03-02",
            "Kakamega",
            "KE",
        ),
        # a landform named after the province, the name after it or before it
        (
            "Armed herders attacked a ranch on the Laikipia Plateau overnight.",
            "2018-03-02",
            "Laikipia",
            "KE",
        ),
        ("Fishermen clashed with wildlife wardens at Lake Baringo.", "2018-03-02", "Baringo", "KE"),
        # an area before its kind word, behind a glued possessive
        ("Gunmen wounded three herders in SouthSudans Warrap state.", "2016-03-02", "Warrap", "SS"),
        # a road named by its two ends
        (
            "Bandits ambushed a truck along the Yei-Lainya road, killing the driver.",
            "2016-03-02",
            "Yei",
            "SS",
        ),
    ],
)
def test_town_inside_a_longer_name_is_the_place(
    top_event: TopEvent, text: str, published: str, name: str, country: str
) -> None:
    event = top_event(text, published=published)
    assert event is not None and event.location is not None, text
    assert (event.location.name, event.location.country) == (name, country)
    assert event.location.precision == 2


def test_a_town_before_a_weekday_is_the_place(top_event: TopEvent) -> None:
    # a weekday after the town made it look like a longer name; since h17aw's name enders
    # the weekday ends the name, so the town is read as a place of its own (precision 1)
    # before this module's last resort is needed
    text = "A suspected thief was beaten to death by a mob in Embu Tuesday evening."
    event = top_event(text, published="2018-03-02")
    assert event is not None and event.location is not None
    assert (event.location.name, event.location.country) == ("Embu", "KE")


def test_a_name_of_several_countries_stays_no_place(top_event: TopEvent) -> None:
    event = top_event(
        "Traders protested against the Richmond Police Commander.", published="2018-03-02"
    )
    assert event is not None and event.location is None


def test_a_report_with_a_place_keeps_it(top_event: TopEvent) -> None:
    event = top_event(
        "Students of Bungoma High School rioted in Kakamega town.", published="2018-03-02"
    )
    assert event is not None and event.location is not None
    assert event.location.name == "Kakamega" and event.location.precision == 1


def test_word_lists_and_road_ends() -> None:
    assert {"governor", "mayor"} <= OFFICE_WORDS and "plateau" in LANDFORMS_AFTER
    doc = Document(text="Gunmen ambushed a bus on the Wau-Tonj road.")
    assert [m.text for m in road_ends(doc)] == ["Wau", "Tonj"]
