"""The country of a report from cues that are not place names, countries as they were on the
report's date, and the last place of a report whose names the model took for persons or
organisations (data/places/words.yaml; issue 17, default install).

The example texts are our own writing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pycountry
import pytest

from eventwire.datafiles import word_table, words
from eventwire.pipeline.places.country import CUE_MAX, as_of, cue_votes
from eventwire.records import Document


def test_cue_table_names_real_countries() -> None:
    table = word_table("places", "country_cues")
    assert len(table) > 80
    for term, countries in table.items():
        assert countries and len(countries) == len(set(countries)), term
        for cc in countries:
            assert pycountry.countries.get(alpha_2=cc) is not None, (term, cc)
    for cc, (was, until) in word_table("places", "former_countries").items():
        assert pycountry.countries.get(alpha_2=cc) and pycountry.countries.get(alpha_2=was)
        date.fromisoformat(until)
    assert "governor" in words("places", "person_titles")


def test_admin_words_titles_and_missions_vote_for_their_country() -> None:
    assert cue_votes("Herders raided a farm in Gumbo locality.") == {"SD": 0.5}
    assert cue_votes("A blue helmet of UNAMID was robbed at dusk.") == {"SD": 0.5}
    votes = cue_votes("The MCA and the OCPD argued about the budget.")
    assert votes == {"KE": CUE_MAX}  # two cues, capped
    # shared terms split their vote: a tie that the report's other words break
    votes = cue_votes("Riders were beaten in Tumbo Ward.")
    assert votes["KE"] == votes["TZ"] == 0.25


def test_cues_need_their_own_shape() -> None:
    # "the locality of X" is any francophone note's wording, not Sudan's "X locality"
    assert cue_votes("Farmers fought in the locality of Sabo.") == {}
    # a hospital ward is no Kenyan ward; an all-caps acronym keeps its case
    assert cue_votes("Nurses protested on the ward.") == {}
    assert cue_votes("The mca word in lower case.") == {}
    # a term repeated counts once
    assert cue_votes("UNAMID, UNAMID and UNAMID again.") == {"SD": 0.5}


def test_countries_as_they_were_on_the_date() -> None:
    assert as_of("SS", date(2010, 3, 1)) == "SD"
    assert as_of("SS", date(2011, 7, 9)) == "SS"
    assert as_of("SS", None) == "SS"
    assert as_of("KE", date(1999, 1, 1)) == "KE"
    assert as_of(None, date(1999, 1, 1)) is None


@pytest.fixture(scope="module")
def run_doc(run_text: Callable[..., Document]) -> Callable[..., Document]:
    return run_text


def test_south_sudan_town_before_independence_is_sudan(run_doc: Callable[..., Document]) -> None:
    text = "Rebels shelled the market of Malakal on Tuesday, killing four traders."
    before = run_doc(text, published="2009-05-04")
    after = run_doc(text, published="2015-05-04")
    assert before.events and after.events
    loc_before, loc_after = before.events[0].location, after.events[0].location
    assert loc_before is not None and loc_after is not None
    assert loc_after.country == "SS" and after.country == "SS"
    assert loc_before.country == "SD" and before.country == "SD"
    assert (loc_before.lat, loc_before.lon) == (loc_after.lat, loc_after.lon)


def test_report_with_only_admin_words_gets_the_country(run_doc: Callable[..., Document]) -> None:
    doc = run_doc("Police shot two protesters outside the Kirinyaga county assembly.")
    assert doc.events
    assert doc.events[0].location is not None
    assert doc.events[0].location.country == "KE"
    assert doc.events[0].location.precision == 3


def test_town_taken_for_an_organisation_is_the_last_place(
    run_doc: Callable[..., Document],
) -> None:
    doc = run_doc("Rebels attack Aweil and fired on the commissioner's residence.")
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.name == "Aweil"
    assert doc.events[0].location.precision == 2
    # a name after a person's title is never the place
    doc = run_doc("Gunmen shot Governor Aweil at his farm.")
    assert not doc.places


def test_capital_named_by_description(run_doc: Callable[..., Document]) -> None:
    doc = run_doc("Gunmen killed two soldiers in the Somali capital on Monday.")
    assert doc.events and doc.events[0].location is not None
    assert (doc.events[0].location.name, doc.events[0].location.country) == ("Mogadishu", "SO")
    doc = run_doc("Students marched through the capital of Kenya on Friday.")
    assert [p.name for p in doc.places if p.feature == "city"] == ["Nairobi"]
    # a province's capital is no country's capital
    doc = run_doc("Rebels shelled the state capital on Friday, killing four.")
    assert not [p for p in doc.places if p.feature == "city"]


def test_dateline_city_is_the_last_place(run_doc: Callable[..., Document]) -> None:
    doc = run_doc("MANDALAY, May 3 - Soldiers shot three protesters dead.")
    assert doc.events and doc.events[0].location is not None
    assert (doc.events[0].location.name, doc.events[0].location.country) == ("Mandalay", "MM")


def test_cross_border_group_leans_to_the_country_of_its_place(
    run_doc: Callable[..., Document],
) -> None:
    # a village only Cameroon has: Boko Haram's shared vote goes there, not home
    doc = run_doc("Boko Haram fighters attacked Kolofata at night and killed four herders.")
    assert doc.country == "CM"
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.country == "CM"
    # a town of its home country keeps it home
    doc = run_doc("Boko Haram fighters attacked Maiduguri at night and killed four herders.")
    assert doc.country == "NG"
