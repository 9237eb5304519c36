"""Places (issue 17, helper h17ab): the note's own context against a reading.

* A country read out of a border compound ("near the Kenya-Sudan border") is one side of
  the border, not the place: the side the sentence's own state forces or the report's
  focus settle (``places.borders``).
* A district or town read abroad although the note tells it as a county or district, or
  places it in a parent that lies in the report's country, gives way
  (``places.tied``): "in Madera county" in a note about Kenyan towns is no Mexican
  municipality.

The example texts are our own writing.
"""

from __future__ import annotations

from conftest import TopEvent, located
from eventwire.pipeline.places.borders import other_side
from eventwire.pipeline.places.gazetteer.index import load_gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
from eventwire.pipeline.places.gazetteer.mentions import Mention


def test_a_border_compound_takes_the_side_of_the_herders_country(top_event: TopEvent) -> None:
    country, _, _ = located(
        top_event,
        "Armed Pokot youths raided Toposa cattle camps close to the Kenya-Sudan border, "
        "killing four herders.",
    )
    assert country == "KE"  # the Pokot are Kenyan; the compound names no Sudanese place


def test_a_border_compound_takes_the_side_of_the_forces_posted_there(
    top_event: TopEvent,
) -> None:
    country, _, _ = located(
        top_event,
        "Kenyan police officers patrolling the Kenya-Somalia border were hit by a roadside bomb.",
    )
    assert country == "KE"


def test_other_side_reads_countries_not_provinces() -> None:
    gaz, lex = load_gazetteer(), load_lexicon()
    text = "near the Kenya-Ethiopia border and on the Isiolo-Garissa border, in Ethiopia"
    first = Mention(9, 14, "Kenya", 0)
    second = Mention(15, 23, "Ethiopia", 0)
    province = Mention(42, 48, "Isiolo", 0)
    alone = Mention(68, 76, "Ethiopia", 0)
    assert text[alone.start : alone.end] == "Ethiopia"
    found = other_side(text, first, gaz, lex)
    assert found is not None and found[0] == "ET"
    assert text[found[1] : found[2]] == "Kenya-Ethiopia border"
    back = other_side(text, second, gaz, lex)
    assert back is not None and back[0] == "KE"
    assert other_side(text, province, gaz, lex) is None
    assert other_side(text, alone, gaz, lex) is None


def test_a_county_abroad_gives_way_to_the_notes_own_towns(top_event: TopEvent) -> None:
    country, _, _ = located(
        top_event,
        "Al Shabaab gunmen ambushed a lorry between Takaba and Dandu in Madera county, "
        "killing the driver.",
    )
    assert country == "KE"  # not the Mexican municipality of Madera


def test_a_town_abroad_placed_by_its_own_province_stays(top_event: TopEvent) -> None:
    country, _, _ = located(
        top_event, "Police dispersed traders protesting new levies in Madera, Chihuahua."
    )
    assert country == "MX"
