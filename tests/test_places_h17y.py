"""The place a note says its event was coded to (issue 17, helper h17y): a coder's remark
("coded to X", "[coded: X]", "location coded as the zone capital, X") names the place the
event takes, though the story names another; a remark naming no place changes nothing."""

from __future__ import annotations

from conftest import TopEvent


def _where(top_event: TopEvent, text: str) -> str | None:
    event = top_event(text)
    assert event is not None and event.location is not None
    return event.location.text


def test_the_remark_names_the_place_the_event_takes(top_event: TopEvent) -> None:
    text = (
        "Gunmen attacked a bus near Gilgil in Nakuru County, killing two passengers "
        "(coded to Naivasha town)."
    )
    assert _where(top_event, text) == "Naivasha"


def test_a_remark_naming_no_place_keeps_the_storys_place(top_event: TopEvent) -> None:
    text = (
        "Gunmen attacked a bus near Gilgil in Nakuru County, killing two passengers "
        "(coded as two separate events)."
    )
    assert _where(top_event, text) == "Gilgil"


def test_lead_words_before_the_coded_name(top_event: TopEvent) -> None:
    text = (
        "Armed herders attacked farmers near Kapedo in Baringo County, killing one; "
        "location coded to the county capital, Kabarnet."
    )
    assert _where(top_event, text) == "Kabarnet"


def test_bracketed_remark_with_a_stated_precision(top_event: TopEvent) -> None:
    event = top_event(
        "Police fired on protesters in Mwingi, Kitui County [unfound location, coded: Kitui "
        "at geoprecision 2]."
    )
    assert event is not None and event.location is not None
    assert (event.location.text, event.location.precision) == ("Kitui", 2)


def test_a_coded_name_abroad_keeps_the_storys_country(top_event: TopEvent) -> None:
    # the remark's name resolves to a French city: the note is about Kenya
    text = "Gunmen killed two herders near Moyale in Marsabit County (coded to Paris)."
    event = top_event(text)
    assert event is not None and event.location is not None
    assert (event.location.text, event.location.country) == ("Moyale", "KE")
