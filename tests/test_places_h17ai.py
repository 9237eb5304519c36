"""Places, default install (issue 17, helper h17ai): another name of a place abroad that
only it supports yields when the rest of the report stands for another country. The
sentences are our own writing."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import Document


def _countries(doc: Document) -> list[str | None]:
    return [p.country for p in doc.places]


def test_old_name_of_a_city_abroad_yields_to_a_national_force(
    run_places: Callable[[str], Document],
) -> None:
    # "Yathrib" is only Medina's old name; the Sudanese force says where the quarter is
    doc = run_places("RSF soldiers looted shops in Yathrib neighbourhood on Sunday night.")
    assert "SA" not in _countries(doc)
    assert doc.country == "SD"


def test_old_name_of_a_city_abroad_yields_to_a_national_army(
    run_places: Callable[[str], Document],
) -> None:
    # "Al-Reka" answers only to an old name of Rijeka; the Sudanese army names the country
    doc = run_places("Sudanese army aircraft bombed the hamlet of Al-Reka, killing a herder.")
    assert "HR" not in _countries(doc)
    assert doc.country == "SD"


def test_other_name_alone_keeps_its_reading(run_places: Callable[[str], Document]) -> None:
    # nothing else in the report stands for another country: the old name still reads
    doc = run_places("Shops were looted in Yathrib on Sunday night.")
    assert "SA" in _countries(doc)


def test_foreign_troops_keep_a_town_spelt_otherwise(
    run_places: Callable[[str], Document],
) -> None:
    # a force named by its nationality is no named group of one country: a town it fights
    # in abroad, spelt another way, stays where it is
    doc = run_places("Kenyan troops shelled militant positions near Kismayu.")
    assert "SO" in _countries(doc)


def test_main_name_abroad_stays(run_places: Callable[[str], Document]) -> None:
    # a place named by its own main name is not touched, whatever the actors' country
    doc = run_places("Sudanese officials met rebel leaders in Addis Ababa on Monday.")
    assert "ET" in _countries(doc)


def test_main_name_without_its_article_stays(run_places: Callable[[str], Document]) -> None:
    # "Damazin" is Ad-Damazin's own name, its article aside: a South Sudanese group named
    # beside it does not move the town
    doc = run_places("SPLA fighters shelled army positions outside Damazin on Friday.")
    assert "SD" in _countries(doc)
