"""Places, default install (issue 17, helper h17z): the country of a note that names no
place the index holds, told by a national body, and names cut out of a hyphenated compound.

* A national institution, party, university, prison, company or militia whose name holds in
  one country only ("Egerton University", "Kamiti" prison, "land guards" in Ghana,
  "SCACUF") is a cue word of that country (``country_cues`` in
  ``data/places/words.yaml``): a note that names no place still gets its country.
* A name cut out of a hyphenated compound ("Cali" of "Cali-Haidh village (Baki, Awdal)")
  is no reading of the compound, however large the city abroad that shares its first word,
  when the report's own places settle its country.

The example texts are our own writing.
"""

from __future__ import annotations

from conftest import TopEvent, located
from eventwire.pipeline.places.abroad import cut_from_compound
from eventwire.pipeline.places.country import cue_votes
from eventwire.pipeline.places.gazetteer.mentions import Mention


def _country(top_event: TopEvent, text: str) -> str | None:
    event = top_event(text)
    assert event is not None, text
    return None if event.location is None else event.location.country


def test_a_university_of_one_country_gives_the_country(top_event: TopEvent) -> None:
    text = "Students of Egerton University stoned cars after a classmate was hit by a lorry."
    assert _country(top_event, text) == "KE"


def test_a_national_prison_gives_the_country(top_event: TopEvent) -> None:
    text = "Inmates at Kamiti prison rioted over poor food, injuring two warders."
    assert _country(top_event, text) == "KE"


def test_land_guards_are_ghanaian(top_event: TopEvent) -> None:
    text = "Armed landguards fired shots at farmers who refused to leave their plots."
    assert _country(top_event, text) == "GH"


def test_an_anglophone_separatist_body_is_cameroonian(top_event: TopEvent) -> None:
    text = "Gunmen loyal to the SCACUF ambushed a gendarmerie patrol, killing two soldiers."
    assert _country(top_event, text) == "CM"


def test_a_cue_term_needs_its_whole_name() -> None:
    # "National Congress Party" is Sudan's; "Indian National Congress" is no such cue, nor
    # is the acronym of a space agency without the protesters of a Kenyan coalition
    assert cue_votes("Workers of the Indian National Congress marched.").get("SD") is None
    assert cue_votes("NASA launched a probe.").get("KE") is None
    assert cue_votes("NASA protesters blocked the road.").get("KE") == 0.5


def test_a_city_abroad_cut_out_of_a_compound_gives_way(top_event: TopEvent) -> None:
    country, _, _ = located(
        top_event,
        "Clan militias clashed over grazing land in Cali-Yare village (Baki, Awdal). "
        "Three people were killed.",
    )
    assert country == "SO"  # not Cali, Colombia


def test_cut_from_compound_reads_both_sides() -> None:
    text = "near Bali-Dhiddin town and in Samba-Boungou, not in Bali or on the Bali - road"
    first = Mention(5, 9, "Bali", 0)
    second = Mention(36, 43, "Boungou", 0)
    alone = Mention(52, 56, "Bali", 0)
    spaced = Mention(67, 71, "Bali", 0)
    assert text[first.start : first.end] == "Bali" and text[second.start : second.end] == "Boungou"
    assert cut_from_compound(text, first) and cut_from_compound(text, second)
    assert not cut_from_compound(text, alone) and not cut_from_compound(text, spaced)


def test_a_compound_of_the_reports_own_country_stays(top_event: TopEvent) -> None:
    country, _, _ = located(
        top_event, "Protesters blocked the Mombasa-Nairobi highway at Mariakani for hours."
    )
    assert country == "KE"
