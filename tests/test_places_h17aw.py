"""Places, default install (issue 17, helper h17aw): how toponyms are cut out of the text.
A weekday or a month ends a place's name ("in Nyeri Tuesday"), and a force's unit named in
parentheses is no place ("security forces (Gorgor)"). The sentences are our own writing.
("territory" as a district-like kind word was dropped at the merge: it changed no dev row
and cost a held-out multi-outlet set one link; "Federal Capital Territory" stays whole.)"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.datafiles import words
from eventwire.records import Document


def test_a_weekday_ends_the_name(run_text: Callable[..., Document]) -> None:
    doc = run_text("Two traders were shot dead in Nyeri Tuesday by unknown gunmen.", "2014-03-02")
    assert doc.country == "KE"
    assert [p.text for p in doc.places][:1] == ["Nyeri"]


def test_a_weekday_with_its_part_of_day_ends_the_name(run_text: Callable[..., Document]) -> None:
    doc = run_text("A mob in Nyeri Sunday night lynched a suspected thief.", "2014-03-02")
    assert doc.country == "KE"
    assert [p.name for p in doc.places][:1] == ["Nyeri"]


def test_a_weekday_after_a_whole_name_leaves_it_whole(run_text: Callable[..., Document]) -> None:
    # the name is found on its own, and the weekday after it no longer makes it weak
    doc = run_text("A cattle thief was beaten by a mob in Murang'a Friday morning.", "2014-03-02")
    assert doc.country == "KE"
    assert [p.text for p in doc.places][:1] == ["Murang'a"]


def test_a_month_ends_the_name(run_text: Callable[..., Document]) -> None:
    doc = run_text("Police dispersed rioters in Nyeri March 3 with tear gas.", "2014-03-05")
    assert doc.country == "KE"
    assert all(p.text != "Nyeri March" for p in doc.places)


def test_a_territory_s_own_name_stays(run_text: Callable[..., Document]) -> None:
    # a gazetteer name ending in the kind word is matched whole
    doc = run_text("Police arrested five men in the Federal Capital Territory.", "2019-05-02")
    assert doc.country == "NG"


def test_a_unit_in_parentheses_without_a_place(run_text: Callable[..., Document]) -> None:
    doc = run_text("Army soldiers (Gorgor) raided a market and arrested traders.", "2023-05-02")
    assert all(p.country != "PE" for p in doc.places)


def test_a_country_in_parentheses_stays(run_text: Callable[..., Document]) -> None:
    # the guard: an actor's country in ACLED's manner
    doc = run_text("Militia (Kenya) attacked a police post at night.", "2012-05-02")
    assert doc.country == "KE"


def test_the_word_lists() -> None:
    assert {"tuesday", "march"} <= words("gazetteer", "name_enders")
    assert {"forces", "soldiers"} <= words("gazetteer", "unit_heads")
