"""Places, default install (issue 17, helper h17an): the place an event takes among the
places of its sentence (a town that names a road, a town coded as another event, a town
that only locates another, a country beside one of its towns) and the seat of an area the
index holds with no member towns. The sentences are our own writing."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.pipeline.common.geo import haversine_km
from eventwire.records import Document, Place


def _top(doc: Document) -> Place:
    top = doc.events[0] if doc.events else None
    assert top is not None and top.location is not None
    return top.location


def test_on_route_reads_road_names() -> None:
    from eventwire.pipeline.places.routes import on_route  # new in h17an

    text = "Traders blocked Mombasa Road and the Nairobi-Naivasha highway near the Gulu axis."
    assert on_route(text, 16, 23)  # Mombasa Road
    assert on_route(text, 37, 44)  # Nairobi-…highway: the first end
    assert on_route(text, 45, 53)  # …-Naivasha highway: the other end
    assert on_route(text, 71, 75)  # the Gulu axis
    assert not on_route("Police raided homes in Mombasa on Road Safety Day.", 23, 30)


def test_a_town_that_names_a_road_yields_to_the_county_it_runs_through(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Lorry drivers blocked Mombasa Road in Makueni County to protest against new levies."
    )
    assert _top(doc).name != "Mombasa"


def test_a_town_named_for_the_axis_yields_to_the_town_the_event_is_near(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Gunmen shot dead two cattle traders 10 kilometers from Alindao on the Bambari axis."
    )
    assert _top(doc).name == "Alindao"


def test_a_road_named_town_alone_in_its_sentence_still_takes_the_event(
    run_text: Callable[..., Document],
) -> None:
    # the guard: no other place in the sentence
    doc = run_text("Hundreds of youths blocked Mombasa Road on Monday to protest police killings.")
    assert _top(doc).name == "Mombasa"


def test_a_town_coded_as_another_event_yields_to_the_next_one(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Demonstrations that began in Mekelle (coded separately) spread to Adigrat on Monday,"
        " where youths burned tyres."
    )
    assert _top(doc).name != "Mek'ele"


def test_a_town_that_only_locates_the_event_town_yields_to_it(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "In Wad Medani, a town 180 kilometres south of Khartoum, riot police dispersed a"
        " crowd of protesters with tear gas."
    )
    assert _top(doc).name == "Wad Medani"


def test_a_country_yields_to_its_town_named_in_the_same_sentence(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "A reporter in Ghana was beaten by soldiers while covering a raid in Ho, the capital"
        " of the Volta region."
    )
    assert _top(doc).name == "Ho"


def test_an_area_with_no_member_towns_is_placed_at_its_capital(
    run_text: Callable[..., Document],
) -> None:
    # the index holds South Darfur with no towns of its own; its capital is Nyala
    doc = run_text("Armed men on camels looted farms in an unnamed area of South Darfur.")
    place = _top(doc)
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, 12.05, 24.88) < 25.0


def test_a_town_a_journey_only_leads_to_yields_to_the_town_of_the_event(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Gunmen ambushed a lorry heading to Nairobi between Kotulo and Tarbaj town (Tarbaj,"
        " Wajir) on Monday."
    )
    assert _top(doc).name == "Tarbaj"


def test_a_place_named_in_what_a_protest_criticizes_yields_to_the_protest_town(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Journalists held a peaceful protest in Bulukumba regency, South Sulawesi province,"
        " criticizing the beating of a reporter in Makassar."
    )
    assert _top(doc).name == "Bulukumba"
