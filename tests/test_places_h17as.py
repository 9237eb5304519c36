"""Places, default install (issue 17, helper h17as): an area whose name is a common word
("Unity state"), a name followed by an administrative kind word against a nationality
("the Sudanese air force … Maban county"), a border named by two nationalities ("the
Yemeni-Saudi border") and a nationality before a quoted noun ("Somali 'bandits'").
The sentences are our own writing."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.pipeline.places.gazetteer.border_pairs import hyphen_votes
from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
from eventwire.records import Document


def test_a_common_word_before_state_is_the_area(run_text: Callable[..., Document]) -> None:
    # "Unity" is a stoplisted word, but "Unity state" is South Sudan's state
    doc = run_text(
        "SPLM-N fighters abducted two boys from a refugee camp in Unity state.", "2013-03-02"
    )
    assert doc.country == "SS"


def test_a_common_word_area_with_a_capital_kind_word(run_text: Callable[..., Document]) -> None:
    doc = run_text("SPLM-N fighters were reported to have moved into Unity State.", "2013-03-02")
    assert doc.country == "SS"


def test_a_common_word_is_no_area_without_its_kind_word(
    run_text: Callable[..., Document],
) -> None:
    # the guard: "Unity" alone stays a word, the town named decides
    doc = run_text("The Unity party held a rally in Nakuru on Sunday.", "2013-03-02")
    assert doc.country == "KE"
    assert all(p.name != "Unity" for p in doc.places)


def test_a_county_outranks_a_foreign_air_force(run_text: Callable[..., Document]) -> None:
    # a name the gazetteer holds in one country, called a county, against "Sudanese"
    doc = run_text(
        "The Sudanese airforce bombed part of Maban county on Friday, in an attempt to strike"
        " the SPLA-N.",
        "2013-03-02",
    )
    assert doc.country == "SS"
    assert [p.country for p in doc.places][:1] == ["SS"]


def test_a_border_of_two_nationalities_is_the_first_one_s(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Saudi-led coalition jets struck a frontline position along the Yemeni-Saudi border.",
        "2020-05-02",
    )
    assert doc.country == "YE"


def test_other_hyphenated_nationalities_keep_their_weak_votes() -> None:
    lex = load_lexicon()
    assert hyphen_votes("Saudi-led", "coalition", lex, 0.5) == {"SA": 0.5}
    assert hyphen_votes("Yemeni-Saudi", "talks", lex, 0.5) == {"YE": 0.5, "SA": 0.5}
    assert hyphen_votes("Yemeni-Saudi", "border", lex, 0.5) == {"YE": 1.0}


def test_a_nationality_before_a_quoted_noun_is_an_adjective(
    run_text: Callable[..., Document],
) -> None:
    # "Somali 'bandits'": the people's adjective, not Ethiopia's Somali region
    doc = run_text("Traders protested after a spate of raids from Somali 'bandits.'", "2016-03-02")
    assert doc.country != "ET"
    assert all(p.name != "Somali" for p in doc.places)
