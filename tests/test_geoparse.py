"""Geoparsing (`eventwire geoparse`, `eventwire.geoparse`) and resolution classes.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.pipeline.places.attach import borrowed as _borrowed
from eventwire.pipeline.places.geoparse import Geoparser, place_json
from eventwire.records import Document, Place


@pytest.fixture(scope="module")
def geoparser(settings: Settings) -> Geoparser:
    return Geoparser(settings)


@pytest.fixture(scope="module")
def parse(geoparser: Geoparser) -> Callable[[str], list[dict[str, Any]]]:
    return lambda text: [place_json(p) for p in geoparser(text)]


def _by_text(places: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {p["text"]: p for p in places}


TEXTS = [
    "Shelling hit two villages near Kharkiv on Monday, and sirens sounded in Odesa.",
    "Police in Karachi said the men had travelled from Quetta by bus.\n\nNo one was hurt.",
    "Élections à Bamako: voters in Mopti and Ségou waited for hours.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_point_at_the_words(
    parse: Callable[[str], list[dict[str, Any]]], text: str
) -> None:
    places = parse(text)
    assert places
    for p in places:
        assert text[p["start"] : p["end"]] == p["text"]
        assert set(p) == {
            "text",
            "start",
            "end",
            "name",
            "geonameid",
            "lat",
            "lon",
            "country",
            "admin1",
            "feature",
            "precision",
        }


def test_place_before_a_weekday_is_found(parse: Callable[[str], list[dict[str, Any]]]) -> None:
    found = _by_text(parse("Artillery fire was reported near Kharkiv on Monday."))
    assert found["Kharkiv"]["country"] == "UA"


def test_foreign_homonym_loses_to_the_named_country(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    found = _by_text(parse("A car bomb exploded in Tripoli, in northern Lebanon, on Friday."))
    assert found["Tripoli"]["country"] == "LB"


def test_us_is_the_country_not_a_village(parse: Callable[[str], list[dict[str, Any]]]) -> None:
    found = _by_text(parse("In the US, thousands rallied against the new law."))
    assert found["US"]["country"] == "US" and found["US"]["feature"] == "country"
    assert found["US"]["precision"] == 3


def test_city_then_state_after_a_comma(parse: Callable[[str], list[dict[str, Any]]]) -> None:
    found = _by_text(parse("Protesters gathered in Portland, Oregon, on Saturday night."))
    assert found["Portland"]["country"] == "US" and found["Portland"]["admin1"] == "Oregon"
    assert found["Oregon"]["feature"] == "admin1"


def test_place_inside_an_organisation_name_is_not_a_place(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    texts = [p["text"] for p in parse("The Paris Police Department opened an inquiry in Lyon.")]
    assert "Paris" not in texts and "Lyon" in texts


def test_foreign_actor_adjective_does_not_move_the_report(geoparser: Geoparser) -> None:
    doc = geoparser.document(
        Document(text="Russian mercenaries attacked a village near Bambari, local officials said.")
    )
    assert doc.country == "CF"
    assert {p.country for p in doc.places} == {"CF"}


def test_dateline_is_not_the_event_place(run_text: Callable[..., Document]) -> None:
    doc = run_text(
        "AMMAN (Reuters) - Gunmen killed three soldiers at a checkpoint in Daraa on Sunday.",
        published="2021-03-08",
    )
    located = [e.location for e in doc.events if e.location is not None]
    assert located and located[0].text == "Daraa" and located[0].country == "SY"


def test_borrowed_places_are_less_precise() -> None:
    town = Place(text="Kidal", name="Kidal", precision=1, feature="city")
    assert _borrowed(town, "paragraph").precision == 2
    assert _borrowed(town, "document").precision == 2
    assert _borrowed(town, "paragraph").fallback == "paragraph"
    area = Place(text="Mopti", name="Mopti", precision=3, feature="admin1")
    assert _borrowed(area, "paragraph").precision == 3


def test_country_only_event_is_the_country(run_text: Callable[..., Document]) -> None:
    doc = run_text("Soldiers killed four protesters in Sudan on Thursday.", published="2022-01-14")
    where = doc.events[0].location
    assert where is not None and where.country == "SD"
    assert where.feature == "country" and where.precision == 3 and where.name == "Sudan"


def test_geoparse_cli(tmp_path: Path) -> None:
    reports = tmp_path / "reports.jsonl"
    rows = [
        {"id": "r1", "text": "Clashes were reported in Kidal and near Gao in northern Mali."},
        {"id": "r2", "text": "Nothing happened anywhere today, the spokesman said."},
    ]
    reports.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text("Floods closed the road from Mosul to Erbil.", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "eventwire", "geoparse", str(reports), str(note)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["id"] for line in lines[:2]] == ["r1", "r2"]
    first = {p["text"]: p for p in lines[0]["places"]}
    assert first["Kidal"]["country"] == "ML" and first["Gao"]["country"] == "ML"
    assert rows[0]["text"][first["Gao"]["start"] : first["Gao"]["end"]] == "Gao"
    assert lines[1]["places"] == []
    assert lines[2]["id"].endswith("note.txt")
    assert {p["name"] for p in lines[2]["places"]} >= {"Mosul", "Erbil"}


def test_python_api_geoparse() -> None:
    import eventwire

    places = eventwire.geoparse("Rockets hit the airport in Aden overnight.")
    assert [(p["text"], p["country"]) for p in places] == [("Aden", "YE")]


def test_document_places_in_the_api(run_text: Callable[..., Document], tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from eventwire.api.app import create_app
    from eventwire.db.store import Store

    doc = run_text(
        "Gunmen killed two farmers near Kidal on Tuesday. Residents fled to Gao.",
        published="2023-02-08",
    )
    path = tmp_path / "places.duckdb"
    with Store.open(path) as store:
        store.write_batch([doc], [])
    with TestClient(create_app(path)) as client:
        body = client.get(f"/documents/{doc.doc_id}").json()
    places = {p["text"]: p for p in body["places"]}
    assert places["Kidal"]["country"] == "ML" and places["Gao"]["country"] == "ML"
    for p in body["places"]:
        assert body["text"][p["start"] : p["end"]] == p["text"]
        assert {"geonameid", "lat", "lon", "admin1", "feature", "precision"} <= set(p)


def test_province_closing_a_parenthesis_is_not_the_country(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    found = _by_text(parse("Youths marched in Kagara (Rafi LGA, Niger) over the insecurity."))
    assert found["Niger"]["country"] == "NG" and found["Niger"]["feature"] == "admin1"


def test_province_after_a_town_and_comma_is_the_province(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    found = _by_text(parse("A man was shot dead in Benito Juarez, Nuevo Leon, on Friday."))
    assert found["Nuevo Leon"]["feature"] == "admin1"


def test_stance_adjectives_vote_for_their_countries(geoparser: Geoparser) -> None:
    doc = geoparser.document(
        Document(text="Pro-Ukrainian and pro-Russian activists scuffled in Odessa on Sunday.")
    )
    assert [p.country for p in doc.places] == ["UA"]


def test_two_word_demonym_is_one_country(geoparser: Geoparser) -> None:
    doc = geoparser.document(Document(text="South Sudanese youths blocked the road to Malakal."))
    assert doc.country == "SS"


def test_place_after_a_capture_verb_is_found(parse: Callable[[str], list[dict[str, Any]]]) -> None:
    found = _by_text(parse("Government troops retook Malakal after two days of fighting."))
    assert found["Malakal"]["country"] == "SS"


def test_area_in_parentheses_is_a_place(parse: Callable[[str], list[dict[str, Any]]]) -> None:
    found = _by_text(parse("Two clans fought near Hulkujir village (Cabudwaaq, Galgaduud)."))
    assert found["Cabudwaaq"]["country"] == "SO"


def test_a_people_is_not_a_place(parse: Callable[[str], list[dict[str, Any]]]) -> None:
    texts = [p["text"] for p in parse("Nuer and Shilluk families sheltered in the camp.")]
    assert "Nuer" not in texts and "Shilluk" not in texts


def test_province_of_a_chain_sets_the_country(geoparser: Geoparser) -> None:
    doc = geoparser.document(
        Document(text="Villagers blocked a road at Srimantapur (Sepahijala district, Tripura).")
    )
    assert doc.country == "IN"
    assert {p.country for p in doc.places} == {"IN"}


def test_area_of_an_unknown_village_is_not_a_town_precision(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    found = _by_text(parse("Regime forces shelled Zubaydanqa in Idlib on Monday."))
    assert "Zubaydanqa" not in found  # a name no gazetteer lists
    assert found["Idlib"]["country"] == "SY" and found["Idlib"]["precision"] == 2
    plain = _by_text(parse("Regime forces shelled the centre of Idlib on Monday."))
    assert plain["Idlib"]["precision"] == 1


def test_country_name_is_kept_whatever_its_label(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    found = _by_text(parse("In neighbouring Burkina Faso, gunmen killed seven herders."))
    assert found["Burkina Faso"]["feature"] == "country"
    assert "Santiago" in _by_text(parse("Crowds marched through Santiago on Thursday."))


def test_possessive_inside_a_name(parse: Callable[[str], list[dict[str, Any]]]) -> None:
    found = _by_text(parse("Heavy rain flooded the camps near Cox's Bazar overnight."))
    assert found["Cox's Bazar"]["country"] == "BD"
    # a possessive that only follows a name ends it
    found = _by_text(parse("Teachers marched in Beirut's Hamra district on Friday."))
    assert found["Beirut"]["country"] == "LB"


def test_second_mention_of_a_place_is_found(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    text = "Buses carried the families to Kherson on Friday. Kherson stayed calm overnight."
    starts = [p["start"] for p in parse(text) if p["text"] == "Kherson"]
    assert starts == [text.index("Kherson"), text.rindex("Kherson")]


def test_paragraph_about_another_country_has_its_own_focus(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    text = (
        "Fighting broke out in Gao on Friday, and shots were heard near Menaka.\n\n"
        "A truck from Gao to Ansongo hit a mine.\n\n"
        "In neighbouring Burkina Faso, gunmen attacked a market near Djibo."
    )
    found = parse(text)
    countries = [(p["text"], p["country"]) for p in found]
    assert ("Menaka", "ML") in countries and ("Ansongo", "ML") in countries
    assert [c for t, c in countries if t == "Gao"] == ["ML", "ML"]
    assert ("Djibo", "BF") in countries


def test_village_after_a_shelling_verb_is_the_event_place(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text("Turkish artillery shelled Tell Refaat and nearby farms in Aleppo on Sunday.")
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.text == "Tell Refaat"


def test_district_beside_a_reference_town_is_the_event_place(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text("Coalition jets struck targets on Sirwah district west of Marib city on Monday.")
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.text == "Sirwah"


def test_local_area_word_ends_a_name(parse: Callable[[str], list[dict[str, Any]]]) -> None:
    found = _by_text(parse("Herders clashed with farmers in Sabuwa LGA (Katsina) on Sunday."))
    assert found["Sabuwa"]["country"] == "NG"


def test_a_town_fits_a_district_whose_point_is_its_seat(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    found = _by_text(parse("Soldiers and rebels exchanged fire in Tulunan, Cotabato, on Friday."))
    assert found["Tulunan"]["country"] == "PH"


def test_a_state_force_named_alone_gives_the_country(geoparser: Geoparser) -> None:
    # no place at all: the army's name is the only cue, at half an armed group's weight
    doc = geoparser.document(Document(text="SPLA soldiers burned several huts overnight."))
    assert doc.country == "SS"
    assert doc.places == []


def test_a_people_tied_to_one_country_votes_for_it(geoparser: Geoparser) -> None:
    doc = geoparser.document(Document(text="Murle raiders drove off the cattle of two herders."))
    assert doc.country == "SS"
    doc = geoparser.document(Document(text="Pokot and Turkana herders clashed over water."))
    assert doc.country == "KE"


def test_a_region_named_in_its_other_language(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    found = _by_text(parse("Soldiers burned shops in a village (Bui, Nord-Ouest) on Monday."))
    assert found["Nord-Ouest"]["country"] == "CM" and found["Bui"]["country"] == "CM"
    found = _by_text(parse("Gunmen looted a market near Kolofata (Mayo-Sava, Extreme-Nord)."))
    assert found["Kolofata"]["country"] == "CM" and found["Extreme-Nord"]["country"] == "CM"
    found = _by_text(parse("A camp was attacked in Gilgel Beles (Metekel, Benishangul/Gumz)."))
    assert found["Benishangul"]["country"] == "ET" and found["Metekel"]["country"] == "ET"


def test_a_city_inside_an_organisation_name_still_names_the_country(
    geoparser: Geoparser,
) -> None:
    from eventwire.pipeline.places.gazetteer.cues import named_place_votes
    from eventwire.pipeline.places.gazetteer.toponyms import Mention

    stage = geoparser.places
    org = Mention(text="Nairobi", start=0, end=7, sentence=0, ner="ORG")
    assert named_place_votes([org], stage.gaz, stage.lex) == {"KE": 0.5}
    # a hamlet's name, or one the model calls a place, says nothing here
    place = Mention(text="Nairobi", start=0, end=7, sentence=0, ner="GPE")
    assert not named_place_votes([place], stage.gaz, stage.lex)


def test_name_after_an_area_word_and_comma_is_the_area(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    # "Likuyani" is in no gazetteer; "Kakamega" closes the chain as its county
    found = _by_text(
        parse("A mob beat a suspected thief at Likuyani subcounty, Kakamega, on Monday.")
    )
    assert found["Kakamega"]["country"] == "KE"


def test_a_group_of_several_countries_yields_to_a_local_cue(geoparser: Geoparser) -> None:
    # "Boko Haram" and "Al Shabaab" act across borders: their vote is shared, so the army
    # or the police of the country where it happened decides
    text = "Boko Haram fighters burned huts in a hamlet, and Cameroonian soldiers gave chase."
    assert geoparser.document(Document(text=text)).country == "CM"
    text = "Kenyan police said Al Shabaab fighters had ambushed a patrol at dawn."
    assert geoparser.document(Document(text=text)).country == "KE"
    # named alone, the group still gives its home country
    text = "Boko Haram militants kidnapped twelve pupils from a school."
    assert geoparser.document(Document(text=text)).country == "NG"


def test_somali_regions_in_their_english_spellings(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    found = _by_text(parse("Militants ambushed a convoy near Bulo Burto (Hiraan) on Friday."))
    assert found["Hiraan"]["country"] == "SO" and found["Hiraan"]["feature"] == "admin1"
    assert found["Bulo Burto"]["country"] == "SO"
    found = _by_text(parse("Troops retook two villages in Lower Shabelle and Middle Shabelle."))
    assert found["Lower Shabelle"]["country"] == "SO"
    assert found["Middle Shabelle"]["country"] == "SO"


def test_a_foreign_victims_nationality_is_a_weak_cue(geoparser: Geoparser) -> None:
    from eventwire.pipeline.places.gazetteer.cues import demonym_votes

    lex = geoparser.places.lex
    assert demonym_votes("Two Liberian refugees were hurt in the crush.", lex) == {"LR": 0.25}
    assert demonym_votes("A Nigerian UN peacekeeper was shot.", lex) == {"NG": 0.25}
    # an actor of that nationality is not a victim
    assert demonym_votes("Nigerian gunmen were seen.", lex) == {"NG": 1.0}
    text = "A Nigerian UN peacekeeper was killed when his patrol was ambushed near El Fasher."
    assert geoparser.document(Document(text=text)).country == "SD"


def test_a_home_groups_country_holds_against_a_small_town_abroad(
    geoparser: Geoparser,
) -> None:
    # "Kaka" is only a town in Turkmenistan in the gazetteer; SPLA-IO fights at home, so
    # the report stays in South Sudan and the village is left unplaced
    text = "SPLA-IO fighters overran an army post in Kaka after two days of clashes."
    doc = geoparser.document(Document(text=text))
    assert doc.country == "SS"
    assert all(p.country == "SS" for p in doc.places)
    # a city of 100,000 named abroad still outweighs the group
    text = "SPLA-IO envoys met mediators in Addis Ababa on Monday."
    assert geoparser.document(Document(text=text)).country == "ET"


def test_a_force_abroad_gives_no_vote_to_its_home(geoparser: Geoparser) -> None:
    # the group acts abroad by definition: its name says nothing of where
    text = "Wagner Group mercenaries beat two herders at a cattle market."
    assert geoparser.document(Document(text=text)).country is None
    text = "Wagner Group mercenaries searched houses in a village (Kouki, Ouham) at dawn."
    assert geoparser.document(Document(text=text)).country == "CF"


def test_the_last_name_of_a_parenthesised_list_is_an_area(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    # the model may call the last name a person; inside "(X, Y)" it is the area of X
    found = _by_text(parse("Herders were robbed near Tiringoulou (Zobolo-Kassa, Bria)."))
    assert found["Bria"]["country"] == "CF"


def test_a_country_name_that_lost_its_apostrophe(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    found = _by_text(parse("Traders closed their shops in Benins largest market."))
    # the toponym is the name, as in "Benin's": its span leaves the possessive "s" out
    assert found["Benin"]["country"] == "BJ" and found["Benin"]["feature"] == "country"


def test_a_month_abbreviation_is_not_a_place(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    places = parse("Militiamen burned a granary on Jan 12 and returned on Nov 3.")
    assert not [p for p in places if p["text"] in ("Jan", "Nov")]


def test_a_demonym_before_a_noun_is_not_the_province(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    # Ethiopia has a "Somali" region; "the Somali border" and "Somali gunmen" are adjectives
    places = parse("Police chased Somali gunmen towards the Somali border.")
    assert not [p for p in places if p["text"] == "Somali"]
    found = _by_text(parse("Troops were sent to the Somali region of Ethiopia."))
    assert found["Somali"]["country"] == "ET"


def test_a_country_before_a_possessive_is_no_demonym(
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    # "Myanmar" is also an adjective ("Myanmar troops"), but "Myanmar's" is the country's
    found = _by_text(parse("An airstrike hit a village in Myanmar's Sagaing region."))
    assert found["Myanmar"]["country"] == "MM" and found["Myanmar"]["feature"] == "country"
    assert not [p for p in parse("Myanmar troops shelled the hills.") if p["text"] == "Myanmar"]


def test_a_loose_spelling_alone_names_no_country(geoparser: Geoparser) -> None:
    # "Kerfalla" is in no gazetteer: a far loose spelling of a town abroad (Caerphilly)
    # is no evidence of that country
    doc = geoparser.document(Document(text="Soldiers shelled the town of Kerfalla at night."))
    assert doc.country is None and doc.places == []
    # with another cue for that country it is kept
    doc = geoparser.document(Document(text="British police patrolled the town of Kerfalla."))
    assert doc.country == "GB"
    # a loose spelling of a city, close to its name, is evidence by itself
    doc = geoparser.document(Document(text="Traders protested in Shashamene on Friday."))
    assert doc.country == "ET"


def test_the_object_of_attacked_is_a_place(parse: Callable[[str], list[dict[str, Any]]]) -> None:
    # the small model may label the village a person; an attack's object is a place
    found = _by_text(parse("Armed men attacked Kolofata overnight and burned a granary."))
    assert found["Kolofata"]["country"] == "CM"
