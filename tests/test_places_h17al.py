"""Place choice within the report's country (issue 17, helper h17al): an area list
("X sub-district, Y district, Z city, W province") whose middle link the gazetteer lacks
still places X in the next link it knows, so X is not read as a homonym of another
province.

A sub-prefecture told by its kind word ("X, Y subdivision (Birao, Vakaga)") and the first
half of a hyphenated one ("X (Y-Z, Haute-Kotto)") are placed in the area named after them,
so a far homonym of theirs does not reject the village they hold.

The villages are invented: one West Javanese name that the layer holds only in Central
Java, far from Bandung, one Riau name that the layer holds only in South Sumatra, and
Central African villages with far namesakes of their sub-prefectures.
"""

from __future__ import annotations

from pathlib import Path

from conftest import geonames_row as _row
from conftest import layer_place_of
from eventwire.config import load_settings
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
from eventwire.pipeline.places.gazetteer.marks import unknown_listed
from eventwire.pipeline.places.gazetteer.mentions import Mention
from eventwire.records import Document

_ROWS = (
    # a Central Javanese village named like a (missing) Bandung sub-district
    _row(990417301, "Cigondewah Wetan", -7.40, 110.20, "ID", "07", 0)
    # a South Sumatran village named like a (missing) Riau district
    + _row(990417302, "Pulau Merbau Tengah", -3.30, 104.00, "ID", "32", 0)
    # a Vakaga village near Birao, and a village far south named like its sub-prefecture
    + _row(990417303, "Ngoukpala", 10.35, 22.70, "CF", "", 0)
    + _row(990417304, "Bokandji", 7.00, 22.00, "CF", "", 0)
    # a village near Bria, and a far village named like the first half of its
    # hyphenated sub-prefecture
    + _row(990417305, "Yangoudrou", 6.60, 21.90, "CF", "", 0)
    + _row(990417306, "Kpokpo", 4.00, 18.00, "CF", "", 0)
)


def _next(hint: str | None) -> Mention:
    mention = Mention(0, 5, "Dummy", 0)
    mention.hint = hint
    return mention


def test_gaps_that_hold_an_unknown_link_of_an_area_list() -> None:
    lex = load_lexicon()
    feature = lex.admin | lex.part | lex.town | {"the"}
    # the direction word of the next city or district
    assert unknown_listed(" district, North ", lex, feature, _next("town"))
    # ... but a qualified province is another province ("North Sumatera" is no Sumatera)
    assert not unknown_listed(" city, North ", lex, feature, _next("admin"))
    # one more area told by its own kind word
    assert unknown_listed(" sub-district, Margahayu district, ", lex, feature, _next("town"))
    assert unknown_listed(" district, Kepulauan Meranti Regency, ", lex, feature, _next("admin"))
    # a list of names, or a name without its kind word, is no area list
    assert not unknown_listed(" village, Margahayu, ", lex, feature, _next(None))
    assert not unknown_listed(" village and Margahayu district, ", lex, feature, _next(None))


def _places(text: str) -> dict[str, tuple[float, float]]:
    pipeline = Pipeline.from_settings(load_settings(config_file=None))
    doc = pipeline(Document(text=text, source_id="t", input="t"))
    return {p.text: (p.lat or 0.0, p.lon or 0.0) for p in doc.places}


def test_a_sub_district_is_not_read_in_another_province(data_dir: Path) -> None:
    found = _places(
        "Police detained a dozen street vendors in Cilincing district, North Jakarta City, "
        "Jakarta province, on Monday morning."
    )
    assert "Jakarta" in found
    # Banten's Calincing, 80 km west, is no reading of a district of North Jakarta
    assert found.get("Cilincing", (0.0, 106.9))[1] > 106.7


def test_a_sub_district_after_an_unknown_district(data_dir: Path) -> None:
    pipeline = Pipeline.from_settings(load_settings(config_file=None))
    text = (
        "Dozens of farmers marched in Cibatu subdistrict, South Cikarang district, Bekasi "
        "city, West Java province, over a land dispute."
    )
    doc = pipeline(Document(text=text, source_id="t", input="t"))
    where = doc.events[0].location if doc.events else None
    assert where is not None and where.lon is not None
    # the index's Cibatus lie 130 km and more from Bekasi: the event is in Cikarang
    assert abs(where.lon - 107.1) < 0.3, where


def test_a_village_of_a_subdivision_named_after_it(data_dir: Path, tmp_path: Path) -> None:
    layer_place_of(_ROWS, tmp_path)
    found = _places(
        "Armed herders looted the market of Ngoukpala, Bokandji subdivision (Birao, Vakaga), "
        "and burned two granaries."
    )
    assert "Ngoukpala" in found
    assert "Bokandji" not in found


def test_a_village_of_a_hyphenated_subprefecture(data_dir: Path, tmp_path: Path) -> None:
    layer_place_of(_ROWS, tmp_path)
    found = _places(
        "Gunmen abducted two cattle traders in Yangoudrou (Kpokpo-Mbolo, Haute-Kotto) "
        "on the road to the mines."
    )
    assert "Yangoudrou" in found
    assert "Kpokpo" not in found
