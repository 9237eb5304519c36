"""Places, default install (issue 17, helper h17aq): the country of a report that tells a
place beside a country's border, a two-word country with its apostrophe lost, a Cameroonian
department spelt in English. The sentences are our own writing."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.pipeline.places.country import cue_votes
from eventwire.records import Document


def test_a_cross_border_group_beside_its_home_border_is_in_the_neighbour(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Suspected Al Shabaab fighters ambushed a lorry near the Somali border.", "2013-04-02"
    )
    assert doc.country == "KE"


def test_a_border_told_from_afar_is_not_the_event_s_country(
    run_text: Callable[..., Document],
) -> None:
    text = "Boko Haram gunmen burned a school 'two kilometres from the Nigerian border'."
    assert run_text(text, "2015-04-02").country == "CM"


def test_a_lone_border_names_no_country(run_text: Callable[..., Document]) -> None:
    # nothing else says which neighbour: no country rather than the one beside it
    doc = run_text("Gunmen shot two herders near the Somali border.", "2013-04-02")
    assert doc.country != "SO"


def test_a_border_town_of_a_country_stays_in_it(run_text: Callable[..., Document]) -> None:
    # the guard: "a Kenyan border town" lies in Kenya
    doc = run_text("Al Shabaab raided a quiet Kenyan border town at night.", "2013-04-02")
    assert doc.country == "KE"


def test_troops_along_their_own_border_stay_home(run_text: Callable[..., Document]) -> None:
    # the guard: "along the Sudanese border" is no word of nearness
    doc = run_text("Soldiers deployed along the Sudanese border clashed with rebels.", "2012-04-02")
    assert doc.country == "SD"


def test_a_two_word_country_with_its_apostrophe_lost(run_text: Callable[..., Document]) -> None:
    doc = run_text(
        "Troops clashed on the line between Sudans Darfur and South Sudans Western Bahr "
        "el-Ghazal state.",
        "2012-04-02",
    )
    assert doc.country == "SS"
    assert "South Sudan" in [p.name for p in doc.places]


def test_the_department_in_english_is_cameroon_s() -> None:
    assert cue_votes("a landmine killed a herder in Kouloum, Logone and Chari") == {"CM": 0.5}


def test_a_compass_word_cut_to_its_initial(run_text: Callable[..., Document]) -> None:
    doc = run_text("Gunmen looted a clinic in Mabior, S. Sudan, on Tuesday.", "2013-04-02")
    assert doc.country == "SS"
    assert "South Sudan" in [p.name for p in doc.places]
