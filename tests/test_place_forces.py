"""A state force named by its demonym against a lone small town abroad, and "X County"
read by the closed county lists of Kenya and Liberia (data/places/words.yaml; issue 17,
default install).

The example texts are our own writing.
"""

from __future__ import annotations

from collections.abc import Callable

import pycountry
import pytest

from eventwire.datafiles import word_table, words
from eventwire.pipeline.places.country import cue_votes
from eventwire.pipeline.places.forces import home_forces
from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
from eventwire.records import Document


@pytest.fixture(scope="module")
def run_doc(run_text: Callable[..., Document]) -> Callable[..., Document]:
    return run_text


def test_unit_lists_name_real_countries() -> None:
    table = word_table("places", "unit_names")
    for key, names in table.items():
        unit, cc = key.split()
        assert pycountry.countries.get(alpha_2=cc) is not None, key
        assert f"+ {unit}" in word_table("places", "country_cues"), key
        assert len(names) == len(set(names)), key
    assert len(table["county KE"]) >= 47
    assert "police" in words("places", "home_force_nouns")


def test_county_of_a_closed_list_votes_for_its_country_alone() -> None:
    assert cue_votes("Youths blocked the road in Uasin Gishu County.") == {"KE": 0.5}
    assert cue_votes("Rubber tappers marched in Grand Bassa county.") == {"LR": 0.5}
    # a county in no list: South Sudan's, not Kenya's or Liberia's
    assert cue_votes("Cattle raiders struck in Nyabor County.") == {"SS": 0.5}
    # the whole name: "Kajiado" does not make "Ajiado County" Kenya's
    assert cue_votes("Cattle raiders struck in Ajiado County.") == {"SS": 0.5}


def test_sub_county_or_district_named_after_its_area_votes_for_its_country() -> None:
    assert cue_votes("A thief was beaten to death in Laikipia West on Sunday.") == {"KE": 0.5}
    assert cue_votes("Herders clashed in Igembe South over a borehole.") == {"KE": 0.5}
    # Ghana's districts, the compass word before or after the stem
    assert cue_votes("Farmers blocked a road in Kwahu West on Monday.") == {"GH": 0.5}
    assert cue_votes("Chiefs were beaten near Adeiso (Upper West Akyem).") == {"GH": 0.5}
    assert cue_votes("Youths of East Gonja rioted.") == {"GH": 0.5}
    # the compass word must follow or lead the stem, with its capital
    assert cue_votes("Herders clashed south of Igembe over a borehole.") == {}
    assert cue_votes("Herders clashed in Igembe south of the river.") == {}


def test_demonym_before_a_force_noun_names_home_forces() -> None:
    lex = load_lexicon()
    assert home_forces("Sudanese air forces bombed two wells.", lex) == {"SD"}
    assert home_forces("South Sudanese troops and Kenyan police met.", lex) == {"SS", "KE"}
    # a people, a stance or a victim is no force
    assert home_forces("Sudanese herders and pro-Kenyan police met.", lex) == set()


def test_home_forces_outweigh_a_lone_small_town_abroad(run_doc: Callable[..., Document]) -> None:
    # no Sudanese place is called Kaka in the default index; Turkmenistan's small town is
    # the only reading, but the Sudanese soldiers say where the village lies
    doc = run_doc("Sudanese soldiers looted the village of Kaka at dawn.")
    assert doc.country == "SD"
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.country == "SD"
    # foreign forces in a province named stay where the province is
    doc = run_doc("Ugandan forces shelled rebel positions in Jonglei on Sunday.")
    assert doc.country == "SS"
    # with no demonym, an actor or cue word of one country does the same
    doc = run_doc("Militiamen looted the village of Kaka, a UNAMID patrol reported.")
    assert doc.country == "SD"
    # a village next door stays: occupying or cross-border forces act there
    doc = run_doc("Israeli forces fired tear gas at marchers in Kafr Qaddum on Friday.")
    assert doc.country == "PS"
    # a city of a neighbour stays: only a small town is a lone homonym
    doc = run_doc("Kenyan police arrested two smugglers in Kampala on Monday.")
    assert doc.country == "UG"


def test_lone_small_town_abroad_yields_to_the_reports_country(
    run_doc: Callable[..., Document],
) -> None:
    # Ghana's index has no Banka; India's small town of that name is dropped
    doc = run_doc("Youths blocked a road in Banka near Nkawkaw (Kwahu West) to protest.")
    assert doc.country == "GH"
    assert {p.country for p in doc.places} == {"GH"}
    # a town abroad that its own country's name supports stays
    doc = run_doc("Boko Haram fired rockets from Banki, Nigeria, at the market of Kolofata.")
    assert "NG" in {p.country for p in doc.places}


def test_state_and_department_spellings_the_gazetteer_misses() -> None:
    assert cue_votes("Fighting near Leer and Nyal, both in Unity State.") == {"SS": 0.5}
    assert cue_votes("Fighters killed a herder near Ardebe, Logone et Chari.") == {"CM": 0.5}
    assert cue_votes("A mine hit a truck on the road to Kumche, Mayo Sava.") == {"CM": 0.5}
