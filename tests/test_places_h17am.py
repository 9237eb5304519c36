"""Places, default install (issue 17, helper h17am): the country of a report that keeps no
place, from a movement's name, a unit word of Ethiopia and one of Cameroon. The sentences
are our own writing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.datafiles import word_table
from eventwire.pipeline.places.country import NO_PLACE_CUES, cue_votes
from eventwire.records import Document


def test_a_movement_of_one_country_names_it_when_no_place_holds(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text("Two shopkeepers were beaten by an SPLM officer at a checkpoint.", "2016-03-02")
    assert doc.country == "SS"


def test_the_movement_before_the_split_is_sudan_s(run_text: Callable[..., Document]) -> None:
    doc = run_text("Two shopkeepers were beaten by an SPLM officer at a checkpoint.", "2008-03-02")
    assert doc.country == "SD"


def test_the_movement_does_not_outvote_a_town_of_the_text(
    run_text: Callable[..., Document],
) -> None:
    # the guard: a Sudanese town stays, whatever the movement's home
    doc = run_text("Gunmen abducted an SPLM activist from his house in Kassala.", "2016-03-02")
    assert doc.country == "SD"


def test_the_movement_term_is_read_only_when_no_place_holds() -> None:
    assert cue_votes("an SPLM officer") == {}
    assert cue_votes("an SPLM officer", NO_PLACE_CUES) == {"SS": 0.5}
    assert cue_votes("SPLM-N fighters", NO_PLACE_CUES) == {}
    assert "SPLM" in word_table("places", NO_PLACE_CUES)


@pytest.mark.parametrize("name", ["Gidabo", "Dhadim"])
def test_an_ethiopian_zone_names_ethiopia(name: str, run_text: Callable[..., Document]) -> None:
    doc = run_text(f"Five farmers were killed when rival clans clashed in {name} zone.")
    assert doc.country == "ET"


def test_a_subdivision_is_cameroon_s_or_the_central_african_republic_s() -> None:
    text = "militants looted shops in Tolkoma subdivision"
    assert cue_votes(text) == {}
    assert cue_votes(text, NO_PLACE_CUES) == {"CM": 0.25, "CF": 0.25}
