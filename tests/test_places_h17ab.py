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

from collections import Counter

from conftest import TopEvent, located
from eventwire.pipeline.places.borders import other_side
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.index import load_gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
from eventwire.pipeline.places.gazetteer.mentions import Mention
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN
from eventwire.pipeline.places.tied import drop_tied_abroad


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


def _reading(name: str, country: str, feat: int) -> int:
    gaz = load_gazetteer()
    rows = [
        c.index
        for c in gaz.lookup(name, loose=False)
        if gaz.country_code(c.index) == country and int(gaz.feat[c.index]) == feat
    ]
    assert rows, (name, country)
    return rows[0]


def test_a_district_abroad_told_by_its_kind_word_takes_the_home_reading() -> None:
    gaz = load_gazetteer()
    told = Mention(40, 43, "Bor", 0, hint="admin", hint_word="county")
    plain = Mention(60, 63, "Bor", 0)
    res = Resolution(told, _reading("Bor", "RS", FEAT_ADMIN), 2.0, 1.0)
    other = Resolution(plain, _reading("Bor", "RS", FEAT_ADMIN), 2.0, 1.0)
    drop_tied_abroad(gaz, [other], "SS", Counter(), Counter())
    assert other.accepted and gaz.country_code(other.row) == "RS"  # nothing ties it
    both = Resolution(told, res.row, 2.0, 1.0)
    drop_tied_abroad(gaz, [both, other], "SS", Counter(), Counter())
    assert both.accepted and gaz.country_code(both.row) == "RS"  # another place of Serbia
    drop_tied_abroad(gaz, [res], "SS", Counter(), Counter())
    assert res.accepted and gaz.country_code(res.row) == "SS"  # Bor, Jonglei


def test_a_district_abroad_with_no_home_reading_is_rejected_unless_voted_for() -> None:
    gaz = load_gazetteer()
    told = Mention(10, 16, "Madera", 0, hint="admin", hint_word="county")
    res = Resolution(told, _reading("Madera", "MX", FEAT_ADMIN), 2.0, 1.0)
    voted = Resolution(told, res.row, 2.0, 1.0)
    drop_tied_abroad(gaz, [res], "GH", Counter(), Counter())
    drop_tied_abroad(gaz, [voted], "GH", Counter({"MX": 1.0}), Counter())
    assert not res.accepted
    assert voted.accepted and gaz.country_code(voted.row) == "MX"
