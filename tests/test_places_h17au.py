"""Places within the right country (issue 17, helper h17au): a people's name is no event
place, a province read as its namesake capital still holds its towns, a town of today's
South Sudan lay in Sudan before 2011, a paragraph's town over the country its event
sentence names, a name cut at a lower-case Arabic article. The sentences are our own."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import Document, Place


def _top(doc: Document) -> Place:
    top = doc.events[0] if doc.events else None
    assert top is not None and top.location is not None
    return top.location


def test_people_nouns_are_listed() -> None:
    from eventwire.pipeline.places.peoples import PEOPLE_NOUNS  # new in h17au

    assert {"raiders", "clan", "ethnic", "militia"} <= PEOPLE_NOUNS
    assert "residents" not in PEOPLE_NOUNS  # "Nairobi residents" are the town's own


def test_a_peoples_name_yields_to_the_notes_town(run_text: Callable[..., Document]) -> None:
    # "Marakwet" is also read as a town of Elgeyo-Marakwet, far from Baringo
    doc = run_text(
        "On 6 August 2021, Pokot ethnic militia killed two civilians, including a teacher "
        "from the Marakwet ethnic group, in Kolowa (Tiaty, Baringo).",
        published="2021-08-10",
    )
    place = _top(doc)
    assert place.admin1 == "Baringo"


def test_a_province_spelt_as_its_capital_still_holds_its_towns(
    run_text: Callable[..., Document],
) -> None:
    # Abala lies about 220 km from Tillaberi town, in the region of that name
    doc = run_text(
        "On 9 March 2021, armed men on motorbikes burned the granary of a village chief in "
        "Tagabati (Abala, Tillabery).",
        published="2021-03-20",
    )
    place = _top(doc)
    assert place.name == "Abala"
    assert place.country == "NE"


def test_a_town_of_south_sudan_lay_in_sudan_before_2011(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "LRA fighters burned huts in the Mundri district of south Sudan, killing three villagers.",
        published="2009-02-01",
    )
    place = _top(doc)
    assert place.name == "Mundri"
    assert place.country == "SD"


def test_a_paragraphs_town_over_the_country_of_the_event_sentence(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Police kill two armed smugglers in Kenya. The pair had opened fire at a roadblock "
        "in Garissa.",
        published="2016-03-01",
    )
    assert doc.events
    for event in doc.events:
        assert event.location is not None
        assert event.location.name == "Garissa"


def test_a_name_cut_at_a_lower_case_article_is_no_town_abroad(
    run_text: Callable[..., Document],
) -> None:
    # "Ain" alone is read as Al Ain, in the Emirates
    doc = run_text(
        "On 2 May 2020, shop owners protested in Ain er Roummaneh, in the Aley district, "
        "over the price of bread.",
        published="2020-05-03",
    )
    place = _top(doc)
    assert place.country == "LB"
