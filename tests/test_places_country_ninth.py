"""The country of a report whose places do not hold: its cue words, forces and national
institutions (places/evidence.py, data/places/words.yaml; issue 17, default install).

The example texts are our own writing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pycountry
import pytest

from eventwire.datafiles import word_table
from eventwire.pipeline.places.evidence import (
    ORG_VOTE,
    cue_country,
    org_country_votes,
    with_demonyms,
)
from eventwire.pipeline.places.gazetteer.index import Gazetteer, load_gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon, load_lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.records import Document


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return with_demonyms(load_lexicon())


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_extra_demonyms_name_real_countries_and_keep_the_old_ones(lex: Lexicon) -> None:
    table = word_table("places", "demonyms")
    for cc, adjectives in table.items():
        assert pycountry.countries.get(alpha_2=cc) is not None, cc
        assert adjectives
    assert lex.adjectives["sri lankan"] == "LK"
    assert lex.adjectives["south african"] == "ZA"
    # an adjective of the gazetteer's own file keeps its country
    assert lex.adjectives[fold("Kenyan")] == "KE"
    assert "sri lankan" not in load_lexicon().adjectives  # the cached lexicon is untouched


def test_cues_give_the_country_only_when_one_leads(lex: Lexicon) -> None:
    # a cue word, a state force or a home force's nationality: one country
    assert cue_country("Herders fought.", lex, Counter({"SD": 0.5}), Counter()) == "SD"
    assert cue_country("The Sri Lankan Navy seized a boat.", lex, Counter(), Counter()) == "LK"
    # a shared cue is a tie: no country
    tie = Counter({"KE": 0.25, "TZ": 0.25})
    assert cue_country("Riders were beaten.", lex, tie, Counter()) is None
    both = Counter({"KE": 0.5, "UG": 0.5})
    assert cue_country("A fight broke out.", lex, both, Counter()) is None
    # a foreign force's nationality alone ("mercenaries" act abroad) names no country
    text = "Russian mercenaries detained two traders."
    assert cue_country(text, lex, Counter(), Counter({"RU": 0.5})) is None
    # a full-weight nationality does
    assert cue_country("Malawian traders rioted.", lex, Counter(), Counter({"MW": 1.0})) == "MW"
    assert cue_country("Nothing here.", lex, Counter(), Counter()) is None


def test_a_countrys_name_opening_an_institutions_name_votes(gaz: Gazetteer, lex: Lexicon) -> None:
    assert org_country_votes("Staff of the Zambia Revenue Authority walked out.", gaz, lex) == {
        "ZM": ORG_VOTE
    }
    assert org_country_votes("Officers of the Sri Lanka Army searched a farm.", gaz, lex) == {
        "LK": ORG_VOTE
    }
    # a place named after a country, a date, or a longer name holding a country's name
    assert org_country_votes("Gunmen raided a farm in Niger State.", gaz, lex) == {}
    assert org_country_votes("They met in Malawi on Monday.", gaz, lex) == {}
    assert org_country_votes("They arrived in Malawi Monday.", gaz, lex) == {}
    assert org_country_votes("Troopers of the New Jersey State Police came.", gaz, lex) == {}
    assert org_country_votes("The reporter of Radio Malawi News was beaten.", gaz, lex) == {}
    # a country's name that opens no organisation's name is a place, not this cue
    assert org_country_votes("Floods hit Malawi and killed two.", gaz, lex) == {}


@pytest.fixture(scope="module")
def run_doc(run_text: Callable[..., Document]) -> Callable[..., Document]:
    return run_text


def test_report_with_no_place_takes_its_cues_country(run_doc: Callable[..., Document]) -> None:
    # the invented village reads as a loose spelling abroad, rejected; the locality stays
    doc = run_doc("Militiamen beat herders in Umm Zibeira area, Wadi Gurbal locality.")
    assert doc.country == "SD"
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.country == "SD"
    assert doc.events[0].location.precision == 3
    # a national institution named after its country
    doc = run_doc("Lecturers of the Malawi Polytechnic Staff Union protested over pay.")
    assert doc.country == "MW"
    # a home force's two-word nationality
    doc = run_doc("The Sri Lankan Navy arrested twelve fishermen on Sunday.")
    assert doc.country == "LK"
    # nothing in the text says where: no country is made up
    doc = run_doc("Police dispersed rioters with tear gas.")
    assert doc.country is None


def test_country_named_as_the_actors_origin_yields_to_the_cues(
    run_doc: Callable[..., Document],
) -> None:
    # the raiders came from Tanzania; the county says where they struck
    doc = run_doc("Armed raiders from Tanzania stole forty goats in Kajiado county.")
    assert doc.country == "KE"
    assert all(p.country != "TZ" for p in doc.places)
    # a country named as the place of the event stays
    doc = run_doc("Raiders attacked herders in Tanzania near Kajiado county.")
    assert doc.country == "TZ"
    # an origin with no other cue stays the only evidence there is
    doc = run_doc("Armed raiders from Tanzania stole forty goats.")
    assert doc.country == "TZ"


def test_counties_and_zones_named_by_a_stem_and_a_compass_word() -> None:
    from eventwire.pipeline.places.country import cue_votes

    assert cue_votes("Cattle raiders struck a camp in Aweil East on Monday.") == {"SS": 0.5}
    assert cue_votes("Youths fought near Tonj North.") == {"SS": 0.5}
    assert cue_votes("Police beat traders in a market of North Wollo.") == {"ET": 0.5}
    assert cue_votes("Farmers clashed in West Arsi zone.") == {"ET": 0.5}
    # the stem alone, or a compass word alone, is no cue
    assert cue_votes("Traders marched in Aweil.") == {}
    assert cue_votes("Farmers clashed in the west of the zone.") == {}
