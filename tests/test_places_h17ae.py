"""Camps of the displaced (issue 17, helper h17ae): a camp bearing a town's name elsewhere
is read as the index's entry named "<X> camp", and a camp the index does not list takes
no city's other name abroad. The sentences are our own writing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import mention_in
from eventwire.pipeline.places.gazetteer.camps import names_camp
from eventwire.records import Document


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("A trader was robbed inside Ifo camp on Sunday.", "Ifo", True),
        ("Shots were heard near the Kalma IDP camp overnight.", "Kalma", True),
        ("Gunmen raided the Argo camp for IDPs at dawn.", "Argo", True),
        ("Residents of Ifo protested on Sunday.", "Ifo", False),
        ("Troops from Ifo camped outside the town.", "Ifo", False),
    ],
)
def test_names_camp(text: str, name: str, expected: bool) -> None:
    assert names_camp(text, mention_in(text, name)) is expected


def test_camp_named_in_the_index_beats_a_bigger_town_elsewhere(
    run_places: Callable[[str], Document],
) -> None:
    # the index's Ifo of Nigeria is a bigger town than Kenya's Ifo, which is also "Ifo camp"
    doc = run_places("A masked man shot a young refugee inside Ifo camp late on Sunday.")
    assert [p.country for p in doc.places if p.text == "Ifo"] == ["KE"]


def test_town_without_camp_keeps_its_reading(run_places: Callable[[str], Document]) -> None:
    doc = run_places("Traders in Ifo closed their shops on Sunday to protest new taxes.")
    assert "KE" not in [p.country for p in doc.places if p.text == "Ifo"]


def test_camp_takes_no_city_other_name(run_places: Callable[[str], Document]) -> None:
    # "Yida" is an alternate name of Jeddah in the index: a camp is no city's other name
    doc = run_places("Armed men were seen moving through Yida refugee camp last week.")
    assert "SA" not in [p.country for p in doc.places]


# -- a country's name before its forces' noun ------------------------------------------------


def test_named_forces_are_a_country_cue() -> None:
    from collections import Counter

    from eventwire.pipeline.places.evidence import cue_country, named_forces, with_demonyms
    from eventwire.pipeline.places.gazetteer.index import load_gazetteer
    from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon

    gaz, lex = load_gazetteer(), with_demonyms(load_lexicon())
    assert named_forces("Two men died when Kenya police fired on a crowd.", gaz, lex) == {"KE"}
    text = "Four died in a fight between South Sudan army soldiers and raiders."
    assert named_forces(text, gaz, lex) == {"SS"}
    assert cue_country(text, lex, Counter(), Counter(), gaz) == "SS"
    assert cue_country(text, lex, Counter(), Counter()) is None  # without the index: none
    # a government is no force: "the Ethiopia government" in a report from elsewhere
    assert named_forces("Crowds marched against the Ethiopia government.", gaz, lex) == set()
    # inside a longer name: "New Jersey State Police" is no force of Jersey
    assert named_forces("Radio Kenya police reporter was beaten.", gaz, lex) == set()


def test_named_forces_say_nothing_of_the_name_as_an_organisation() -> None:
    from eventwire.pipeline.places.evidence import org_country_votes, with_demonyms
    from eventwire.pipeline.places.gazetteer.index import load_gazetteer
    from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon

    gaz, lex = load_gazetteer(), with_demonyms(load_lexicon())
    assert not org_country_votes("Kenya police fired tear gas.", gaz, lex)
    assert org_country_votes("The Ghana Police Service said so.", gaz, lex)


def test_a_force_of_a_country_that_was_not_yet_is_no_foreign_force() -> None:
    from datetime import date

    from eventwire.pipeline.common.countries import as_of

    assert as_of("SS", date(2010, 6, 2)) == "SD"
    assert as_of("SS", date(2012, 6, 2)) == "SS"
    assert as_of("KE", date(2010, 6, 2)) == "KE"


def test_army_of_a_later_state_in_its_old_country_is_no_foreign_force() -> None:
    from datetime import date

    from eventwire.config import load_settings
    from eventwire.pipeline.base import Pipeline

    pipeline = Pipeline.from_settings(load_settings(config_file=None))
    text = "Seven people died in clashes between South Sudan army troops and raiders."
    doc = pipeline(Document(text=text, source_id="t", input="t", published=date(2010, 3, 4)))
    assert doc.country == "SD"
    assert doc.events and doc.events[0].actor1 is not None
    assert doc.events[0].actor1.inter == 1


# -- a town's name opening an institution's longer name ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Students of Bungoma Peace University rioted over fees.", "Bungoma", True),
        ("Nurses of Kitui Level Four Hospital went on strike.", "Kitui", True),
        ("Teachers of Nyeri Technical Institute marched.", "Nyeri", True),
        ("Officers of Kitui Water Company were beaten.", "Kitui", False),
        ("Guards of Kitui Blue Sky Sun Hospital were beaten.", "Kitui", False),
    ],
)
def test_opens_institution_reads_three_words(text: str, name: str, expected: bool) -> None:
    from eventwire.pipeline.places.fallback import _opens_institution

    assert _opens_institution(text, mention_in(text, name)) is expected


def test_camp_cut_out_of_a_capitalised_run_is_kept(run_places: Callable[[str], Document]) -> None:
    doc = run_places("Police shot a refugee dead in Kakuma Refugee Camp on Tuesday.")
    assert [p.country for p in doc.places if p.text == "Kakuma"] == ["KE"]


def test_camp_in_a_run_needs_a_locative_cue() -> None:
    from eventwire.pipeline.places.anyway import camp_in_a_run
    from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon

    lex = load_lexicon()
    text = "Officials of the Kakuma Refugee Camp committee met donors."
    m = mention_in(text, "Kakuma")
    m.partial = True
    assert not camp_in_a_run(m, text, lex)  # no cue
    m.cue = "in"
    assert camp_in_a_run(m, text, lex)
