"""Places, default install (issue 17, helper h17ak): a town read in the country the text
names right after it, and a country named only in what a protest is about. The sentences
are our own writing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import Document


def _countries(doc: Document) -> list[str | None]:
    return [p.country for p in doc.places]


def _top_country(doc: Document) -> str | None:
    top = doc.events[0] if doc.events else None
    assert top is not None and top.location is not None
    return top.location.country


def test_town_with_its_country_after_it_stays_in_a_report_led_abroad(
    run_places: Callable[[str], Document],
) -> None:
    # the shells came from a Nigerian town; "Amchide, Cameroon" is no homonym abroad
    doc = run_places(
        "Boko Haram fighters fired mortar shells from Banki, Nigeria, into a cattle market"
        " in Amchide, Cameroon on Tuesday."
    )
    assert any(p.name == "Amchide" and p.country == "CM" for p in doc.places)


def test_town_without_a_named_country_still_yields_to_the_focus(
    run_places: Callable[[str], Document],
) -> None:
    # the guard: with no country named after it, the town is left as before
    doc = run_places("Boko Haram fighters fired mortar shells from Banki, Nigeria.")
    assert "CM" not in _countries(doc)


def test_protesters_nationality_outweighs_the_country_protested_about(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text("Kenyan students marched peacefully against the bombing of villages in Somalia.")
    assert doc.country == "KE"
    assert _top_country(doc) == "KE"


def test_a_camp_of_the_report_outweighs_the_country_protested_about(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Refugees in Dadaab camp staged a demonstration against their deportation to Ethiopia."
    )
    assert _top_country(doc) == "KE"


def test_own_country_named_in_the_motive_stays(run_text: Callable[..., Document]) -> None:
    # the guard: the motive names the report's own country and nothing else does
    doc = run_text("Tea growers protested against the Tea Board of Kenya over late payments.")
    assert doc.country == "KE"


def test_motive_country_alone_stays(run_text: Callable[..., Document]) -> None:
    # the guard: nothing outside the motive names another country
    doc = run_text("Students protested against the bombing of villages in Somalia.")
    assert doc.country == "SO"


def test_country_abroad_beside_a_town_of_the_report_yields_to_the_town(
    run_text: Callable[..., Document],
) -> None:
    # the ship lay abroad; the relatives protested in their own town (the report is about
    # Nicaragua: its town and its nationality word)
    doc = run_text(
        "In Matagalpa (Matagalpa), relatives of Nicaraguan sailors, who were held on a ship"
        " in Panama, protested outside the town hall."
    )
    assert _top_country(doc) == "NI"


def test_country_alone_in_its_sentence_still_takes_the_event(
    run_text: Callable[..., Document],
) -> None:
    # the guard: no town of the report's country in the sentence
    doc = run_text("Relatives of sailors held on a ship in Panama protested on Monday.")
    assert _top_country(doc) == "PA"


def test_city_abroad_by_another_name_called_a_village_yields_to_home_forces(
    run_places: Callable[[str], Document],
) -> None:
    # "Al-Reka" is an old name of Rijeka, a city; the text calls the place a village
    doc = run_places("Sudanese air forces bombed the village of Al-Reka on Sunday.")
    assert "HR" not in _countries(doc)
    assert doc.country == "SD"


@pytest.mark.xfail(
    strict=True,
    reason="known, older than h17ak: the hierarchy link reads 'Colombia, Mexico' in a list of"
    " countries as a Mexican town Colombia (main fea53eb does the same); h17ak's rescue of"
    " 'a town with its country named after it' no longer adds such readings (checked on the"
    " BBC geoparse bench), but the link itself is left",
)
def test_a_list_of_countries_names_no_town_of_the_next_country(
    run_places: Callable[[str], Document],
) -> None:
    # "Colombia, Mexico" in a list of countries is the country, not a town of the next one
    doc = run_places(
        "The commission for Latin America and the Caribbean expects growth of 3% next year."
        " A quick recovery in some countries, such as Peru and Uruguay, lifted the region."
        " The six largest economies (Argentina, Brazil, Chile, Colombia, Mexico and Peru)"
        " grew by more than 3%. Chinese and US demand helped exports."
    )
    named = {(p.text, p.country) for p in doc.places}
    assert ("Colombia", "MX") not in named and ("Brazil", "US") not in named
