"""Which of the places of one sentence an event takes, eleventh pass (issue 17, h17o): a
province or country that holds a town of the same clause gives way to the town; a district
read far from the town it is said to lie in is a homonym; a place that only says where the
one before it lies ("X in the southern countryside of Y", "X south of Y") is a reference.
Our own sentences and places; each rule has a twin that keeps the old reading."""

from __future__ import annotations

import itertools

from conftest import TopEvent
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.pipeline.places.within import far_subdivisions, holds, locators, wide_areas
from eventwire.records import Place


def _placed(
    text: str,
    name: str,
    lat: float,
    lon: float,
    feature: str = "city",
    admin1: str | None = "East Java",
    country: str = "ID",
    hint: str | None = None,
    near: bool = False,
) -> tuple[Resolution, Place]:
    start = text.index(name)
    mention = Mention(start, start + len(name), name, 0, hint_word=hint, near=near)
    place = Place(name, start, start + len(name), name, None, lat, lon, admin1, country, 1, feature)
    return Resolution(mention, 0, 0.0, 0.0), place


def _chain(*placed: tuple[Resolution, Place]) -> list[tuple[Resolution, Place]]:
    for (child, _), (parent, _) in itertools.pairwise(placed):
        child.mention.parent = parent.mention
    return list(placed)


# -- a province or country that holds a town of the clause ----------------------------------


def test_a_province_holds_its_own_towns_only() -> None:
    text = "Lamongan Gresik East Java Bali"
    _, town = _placed(text, "Lamongan", -7.1, 112.4)
    _, other = _placed(text, "Gresik", -7.2, 112.6, admin1="Bali")
    _, province = _placed(text, "East Java", -7.3, 112.7, feature="admin1")
    assert holds(province, town)
    assert not holds(province, other)


def test_an_area_of_the_clause_that_holds_a_town_of_the_clause_is_wide() -> None:
    text = "In East Java province, Lamongan town traders marched."
    area = _placed(text, "East Java", -7.3, 112.7, feature="admin1")
    town = _placed(text, "Lamongan", -7.1, 112.4)
    assert wide_areas([area, town], 0, len(text)) == {id(area[0].mention)}
    # twin: the town lies outside the clause, so the province stays a candidate as before
    assert wide_areas([area, town], 0, text.index("Lamongan")) == set()


def test_a_province_before_a_town_gives_way_to_the_town(top_event: TopEvent) -> None:
    text = "On 4 March 2021, in Tigray region, Adigrat town traders protested against new taxes."
    event = top_event(text)
    assert event is not None and event.location is not None
    assert (event.location.text, event.location.feature) == ("Adigrat", "city")


def test_twin_a_province_with_no_town_keeps_the_province(top_event: TopEvent) -> None:
    text = "On 4 March 2021, in Tigray region, traders protested against new taxes."
    event = top_event(text)
    assert event is not None and event.location is not None
    assert event.location.feature == "admin1"


def test_a_country_across_which_a_town_is_named_gives_way(top_event: TopEvent) -> None:
    text = (
        "On 9 June 2021, nurses held rallies in several towns across Kenya, including "
        "Kisumu city, over unpaid allowances."
    )
    event = top_event(text)
    assert event is not None and event.location is not None
    assert event.location.text == "Kisumu"


# -- a district read far from the town it lies in --------------------------------------------


def test_a_district_read_far_from_its_city_is_dropped() -> None:
    text = "Wonokromo district, Surabaya city, East Java province"
    head = _placed(text, "Wonokromo", -8.2, 113.7, hint="district")  # some 150 km off
    city = _placed(text, "Surabaya", -7.25, 112.75, hint="city")
    area = _placed(text, "East Java", -7.3, 112.7, feature="admin1")
    assert far_subdivisions(_chain(head, city, area)) == {id(head[0].mention)}


def test_twin_a_district_near_its_city_is_kept() -> None:
    text = "Wonokromo district, Surabaya city, East Java province"
    head = _placed(text, "Wonokromo", -7.3, 112.73, hint="district")  # 6 km off
    city = _placed(text, "Surabaya", -7.25, 112.75, hint="city")
    area = _placed(text, "East Java", -7.3, 112.7, feature="admin1")
    assert far_subdivisions(_chain(head, city, area)) == set()


def test_twin_a_village_read_far_from_its_district_town_is_kept() -> None:
    # a "village" head is right far more often than its district town: no rule
    text = "Wonokromo village, Surabaya city"
    head = _placed(text, "Wonokromo", -8.2, 113.7, hint="village")
    city = _placed(text, "Surabaya", -7.25, 112.75, hint="city")
    assert far_subdivisions(_chain(head, city)) == set()


def test_twin_a_town_named_like_its_province_is_no_district_town() -> None:
    # "Harib district, Marib": Marib is the governorate here, whose seat lies far off
    text = "Harib district, Marib"
    head = _placed(text, "Harib", 14.9, 45.5, admin1="Ma'rib", country="YE", hint="district")
    city = _placed(text, "Marib", 15.46, 44.1, admin1="Marib", country="YE")
    assert far_subdivisions(_chain(head, city)) == set()


# -- a place that only says where the one before it lies -------------------------------------


def test_a_place_south_of_a_city_is_the_place(top_event: TopEvent) -> None:
    text = "On 2 May 2021, gunmen fired mortars at Hammam al-Alil south of Mosul."
    event = top_event(text)
    assert event is not None and event.location is not None
    assert event.location.text == "Hammam al-Alil"


def test_locators_need_a_locating_gap_and_a_near_place() -> None:
    text = "Sarmin in the eastern countryside of Idleb"
    town = _placed(text, "Sarmin", 35.9, 36.72, admin1="Idlib", country="SY")
    city = _placed(text, "Idleb", 35.93, 36.63, admin1="Idlib", country="SY", near=True)
    assert locators(text, [town, city]) == {id(city[0].mention)}
    # twin: a far homonym does not make the city a mere reference
    far = _placed(text, "Sarmin", 33.5, 36.3, admin1="Damascus", country="SY")
    assert locators(text, [far, city]) == set()
    # twin: another verb between the two names is no locating gap
    text2 = "Sarmin fighters attacked near Idleb"
    town2 = _placed(text2, "Sarmin", 35.9, 36.72, admin1="Idlib", country="SY")
    city2 = _placed(text2, "Idleb", 35.93, 36.63, admin1="Idlib", country="SY", near=True)
    assert locators(text2, [town2, city2]) == set()


# -- a village read far from the town it is said to be near (h17m's rule) ------------------


def test_a_village_read_far_from_the_town_it_is_near_gives_way(top_event: TopEvent) -> None:
    # the town of Lodwar lies some 240 km from Kitale: this village is another Lodwar
    text = "On 7 May 2021, gunmen killed three herders in Lodwar village near Kitale (Trans-Nzoia)."
    event = top_event(text)
    assert event is not None and event.location is not None
    assert event.location.text == "Kitale"


def test_twin_a_distance_in_the_gap_keeps_the_far_town(top_event: TopEvent) -> None:
    text = "On 7 May 2021, gunmen killed three herders in Lodwar, 250 km north of Kitale."
    event = top_event(text)
    assert event is not None and event.location is not None
    assert event.location.text == "Lodwar"


# -- a feature word read as a place of its own -----------------------------------------------


def test_the_feature_word_after_a_name_is_no_mention() -> None:
    from eventwire.pipeline.places.gazetteer.toponyms import _no_feature_words

    text = "in Pauk Township, Gangaw District"
    name = Mention(3, 7, "Pauk", 0, hint_word="township")
    word = Mention(8, 16, "Township", 0)
    district = Mention(18, 24, "Gangaw", 0, hint_word="district")
    assert _no_feature_words([name, word, district], text) == [name, district]
    # twin: a "Township" that is not the feature word of the name before it stays
    alone = Mention(8, 16, "Township", 0)
    other = Mention(3, 7, "Pauk", 0, hint_word="village")
    assert _no_feature_words([other, alone], text) == [other, alone]
