"""Places, default install (issue 17, helper h17t): classes of wording that placed an event
at a division instead of its town, or in the wrong country.

* "Town of Division" ("Muyuka of Fako", "Fotokol of Hile Alifa"): the town is the place,
  the division its area, as "Town, Division" reads; "Maroua of Diamare" was read whole as a
  loose spelling of a place abroad, then rejected, and the report kept only its country.
* A possessive written without its apostrophe ("Nairobis Mathare slum", "Waus market",
  "Omdurmans Thawra district"): the word was read as another language's name of a town
  abroad, or as the first word of a longer name and dropped; the stem is the place when
  it is a country, an area or a town of 100,000 people under that very name.
* A nationality before a word for a place ("raided a Kenyan village", "at a Kenyan army
  base", "into Cameroonian territory") says where the place lies, a stronger cue than the
  raiders' nationality ("Sudanese herders"), which had led the report abroad.
* A country named only as across a border ("a village bordering Nigeria", "near the border
  with Somalia") is not where the place lies when the report's other cues name another
  country ("Cameroonian army forces"), as a country named only as the actors' origin.
* Ghana's districts named apart from their capitals ("Nanumba North", "Effutu", "Ahanta
  West"; data/gazetteer/supplement_gh.csv), as rows at the capital: a village of such a
  district fell to the region's point.

The example texts are our own writing.
"""

from __future__ import annotations

from conftest import TopEvent, located
from eventwire.pipeline.common.geo import haversine_km


def test_a_town_of_its_division_is_the_town(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Soldiers exchanged fire with armed separatists in Muyuka of Fako on Sunday."
    )
    assert country == "CM"
    assert haversine_km(lat, lon, 4.29, 9.41) < 10.0  # Muyuka, not the division's seat


def test_a_city_of_its_division_is_not_read_whole_as_a_place_abroad(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "A gunman shot dead a trader near the central market of Maroua of Diamare."
    )
    assert country == "CM"
    assert haversine_km(lat, lon, 10.59, 14.32) < 10.0


def test_a_division_of_two_words_after_of(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Militants attacked an army post in Fotokol of Hile Alifa at night."
    )
    assert country == "CM"
    assert haversine_km(lat, lon, 12.37, 14.22) < 10.0  # Fotokol, not Hile-Alifa


def test_a_name_with_of_that_is_no_town_of_an_area_stays_whole(top_event: TopEvent) -> None:
    # "Republic" is no town: the country's long name is still read whole
    country, _, _ = located(
        top_event, "Rebels killed ten villagers in the east of the Democratic Republic of Congo."
    )
    assert country == "CD"


def test_a_city_with_its_apostrophe_dropped(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Hawkers fought council askaris in Nairobis central business district."
    )
    assert country == "KE"
    assert haversine_km(lat, lon, -1.29, 36.82) < 25.0


def test_a_town_with_its_apostrophe_dropped_is_not_a_town_abroad(top_event: TopEvent) -> None:
    # "Waus" alone answers to a town of Iran
    country, lat, lon = located(
        top_event, "Traders closed their stalls and rioted in Waus main market on Monday."
    )
    assert country == "SS"
    assert haversine_km(lat, lon, 7.70, 27.99) < 25.0


def test_a_country_with_its_apostrophe_dropped_before_a_county(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Gunmen torched three homes in a village of Kenyas Tana Delta County."
    )
    assert country == "KE"
    assert haversine_km(lat, lon, -2.28, 40.12) < 25.0  # Garsen, not Kenya's point


def test_a_name_ending_in_s_is_no_possessive_of_a_small_place() -> None:
    from eventwire.pipeline.places.gazetteer.index import load_gazetteer
    from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
    from eventwire.pipeline.places.gazetteer.trim import possessive_head

    gaz, lex = load_gazetteer(), load_lexicon()
    assert possessive_head("Omdurmans", gaz, lex) == "Omdurman"
    assert possessive_head("Kenyas", gaz, lex) == "Kenya"
    assert possessive_head("Athens", gaz, lex) is None  # a city's own name
    assert possessive_head("Trans", gaz, lex) is None  # "Trans Nzoia"; "Tran" is a village
    assert possessive_head("Kibakis", gaz, lex) is None  # a person's


def _country(top_event: TopEvent, text: str) -> str | None:
    event = top_event(text)
    assert event is not None and event.location is not None
    return event.location.country


def test_a_village_of_one_country_raided_by_another_countrys_herders(top_event: TopEvent) -> None:
    assert (
        _country(top_event, "Ethiopian herders raided a Kenyan village and took 200 goats.") == "KE"
    )


def test_a_base_named_by_its_armys_nationality(top_event: TopEvent) -> None:
    text = "Somali gunmen fired rockets at a Kenyan army base overnight, wounding four soldiers."
    assert _country(top_event, text) == "KE"


def test_a_territory_named_by_its_nationality(top_event: TopEvent) -> None:
    text = "Chadian rebels crossed into Sudanese territory and attacked a market."
    assert _country(top_event, text) == "SD"


def test_a_country_named_across_the_border_is_not_the_place(top_event: TopEvent) -> None:
    text = "Cameroonian army forces killed four militants in a village bordering Nigeria."
    assert _country(top_event, text) == "CM"


def test_a_country_named_after_the_border_with(top_event: TopEvent) -> None:
    text = "Kenyan police repulsed an attack by armed men near the border with Somalia."
    assert _country(top_event, text) == "KE"


def test_a_country_across_the_border_with_no_other_cue_stays(top_event: TopEvent) -> None:
    # nothing else names a country: the one named is all the report says
    text = "Gunmen ambushed a convoy near the border with Somalia, killing two."
    assert _country(top_event, text) == "SO"


def test_a_village_of_a_ghanaian_district_falls_to_its_capital(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "On 3 May 2021, youths blocked a road at Kpalba village (Nanumba North, Northern)"
        " to protest the arrest of a chief.",
    )
    assert country == "GH"
    assert haversine_km(lat, lon, 8.86, 0.06) < 25.0  # Bimbilla, not Tamale


def test_a_municipality_named_for_its_people_is_its_capital(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "On 9 June 2020, residents of Effutu blocked the main road with burning tyres."
    )
    assert country == "GH"
    assert haversine_km(lat, lon, 5.35, -0.62) < 25.0  # Winneba
