"""Dense layers: `eventwire gazetteer add/info/remove` over GeoNames-format dump files.

The tiny file in tests/data holds rows written for these tests (invented villages and one
row reusing Baghdad's geonameid, so that it must merge with the index's own Baghdad).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import SHARED, layer_place_of
from conftest import geonames_row as _row
from eventwire.errors import DataFileError
from eventwire.pipeline.places.gazetteer import dense
from eventwire.pipeline.places.gazetteer.index import load_gazetteer, refresh_layers

TINY = Path(__file__).parent / "data" / "geonames_tiny.txt"
GEONAMES = SHARED / "gazetteer" / "geonames"


def _rows(name: str) -> list[tuple[str, str, str | None, str | None]]:
    gaz = load_gazetteer()
    return [
        (
            gaz.name(c.index),
            gaz.country_code(c.index),
            gaz.admin1_name(c.index),
            gaz.feature_code(c.index),
        )
        for c in gaz.lookup(name, loose=False)
    ]


def test_add_lookup_idempotent_remove(data_dir: Path) -> None:
    assert _rows("Zubaidat") == []
    info, changed = dense.add_file(TINY)
    assert changed and info.name == "geonames_tiny"
    assert info.rows == 4  # the stream (class H) is not a place events happen in
    refresh_layers()
    village = _rows("Zubaidat")
    assert village == [("Qaryat Zubaydāt", "IQ", _rows("Baghdad")[0][2], "PPL")]
    assert _rows("Old Tell Hamra")[0][3] == "PPLQ"  # a destroyed village keeps its code
    assert _rows("Zubaydat District")[0][3] == "ADM2"
    assert _rows("Wadi Testwater") == []
    # the row with Baghdad's geonameid is Baghdad: its alternate name points at the
    # index's entry, not at a second Baghdad
    gaz = load_gazetteer()
    renamed = [c.index for c in gaz.lookup("Madinat Testname", loose=False)]
    assert len(renamed) == 1 and renamed[0] < gaz.base_rows
    assert int(gaz.gid[renamed[0]]) == 98182
    # the same file again changes nothing
    before = (data_dir / "gazetteer" / "layers" / "geonames_tiny" / "meta.json").stat().st_mtime_ns
    again, changed = dense.add_file(TINY)
    assert not changed and again.rows == 4
    after = (data_dir / "gazetteer" / "layers" / "geonames_tiny" / "meta.json").stat().st_mtime_ns
    assert before == after
    assert [i.name for i in dense.list_layers()] == ["geonames_tiny"]
    dense.remove_layer("geonames_tiny")
    refresh_layers()
    assert dense.list_layers() == []
    assert _rows("Zubaidat") == []
    with pytest.raises(DataFileError) as err:
        dense.remove_layer("geonames_tiny")
    assert err.value.code == "EW-GEO-034"


def test_loose_spelling_finds_layer_rows(data_dir: Path) -> None:
    # another transliteration of an imported village's name finds it, as it finds the
    # base index's towns; the exact lookup does not
    assert _rows("Qaryet Zubeidaat") == []
    dense.add_file(TINY)
    refresh_layers()
    gaz = load_gazetteer()
    hits = gaz.lookup("Qaryet Zubeidaat")
    assert [(gaz.name(c.index), c.flag) for c in hits] == [("Qaryat Zubaydāt", -1)]
    # an exact name elsewhere wins: no loose reading is added beside it
    assert all(c.flag >= 0 for c in gaz.lookup("Zubaidat"))


def test_old_layer_format_is_read_and_reimported(data_dir: Path) -> None:
    info, _ = dense.add_file(TINY)
    meta_path = data_dir / "gazetteer" / "layers" / info.name / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["format"] = 1  # a layer imported before loose keys existed
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    old_signature = dense.layers_signature()
    assert [i.format for i in dense.list_layers()] == [1]  # still listed and loaded
    again, changed = dense.add_file(TINY)  # the same file is imported again, once
    assert changed and again.format == dense.LAYER_FORMAT
    assert dense.layers_signature() != old_signature  # the merged set is recompiled
    assert not dense.add_file(TINY)[1]


def test_layer_keyed_with_other_word_lists_is_imported_again(data_dir: Path) -> None:
    # a layer whose name keys were made with other "village of" words or articles (an
    # older eventwire) is out of date: listed and loaded, and the next add imports it again
    info, _ = dense.add_file(TINY)
    assert info.current
    meta_path = data_dir / "gazetteer" / "layers" / info.name / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["key_words"] = "0123456789"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    old_signature = dense.layers_signature()
    (listed,) = dense.list_layers()
    assert listed.format == dense.LAYER_FORMAT and not listed.current
    again, changed = dense.add_file(TINY)
    assert changed and again.current and again.key_words == dense.KEY_WORDS
    assert dense.layers_signature() != old_signature  # the merged set is compiled again
    assert not dense.add_file(TINY)[1]


def test_zip_with_readme_and_repeated_ids(data_dir: Path, tmp_path: Path) -> None:
    lines = TINY.read_text(encoding="utf-8").splitlines()
    moved = lines[0].replace("33.4101", "33.9999")  # the same geonameid again, moved
    archive = tmp_path / "XX.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "not\ta\tGeoNames\trow\n")
        z.writestr("XX.txt", "\n".join([*lines, moved]) + "\n")
    info, _ = dense.add_file(archive)
    assert info.name == "XX" and info.rows == 4  # one row per geonameid: the last one
    refresh_layers()
    gaz = load_gazetteer()
    (hit,) = gaz.lookup("Zubaidat", loose=False)
    assert round(float(gaz.lat[hit.index]), 4) == 33.9999


def test_malformed_file_names_line(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(TINY.read_text(encoding="utf-8") + "1\tonly three\tfields\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        dense.add_file(bad)
    assert err.value.code == "EW-GEO-030" and ":6:" in str(err.value)
    assert dense.list_layers() == []
    with pytest.raises(DataFileError) as err:
        dense.add_file(tmp_path / "missing.zip")
    assert err.value.code == "EW-GEO-033"
    with pytest.raises(DataFileError):
        dense.add_file(TINY, name="../escape")


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_cli_add_info_remove(data_dir: Path) -> None:
    env = dict(os.environ)
    first = _cli("gazetteer", "add", str(TINY), "--name", "tiny", env=env)
    assert first.returncode == 0, first.stderr
    assert "tiny: added 4 places" in first.stderr
    second = _cli("gazetteer", "add", str(TINY), "--name", "tiny", env=env)
    assert "tiny: unchanged" in second.stderr
    info = json.loads(_cli("gazetteer", "info", env=env).stdout)
    assert [(x["name"], x["rows"]) for x in info["layers"]] == [("tiny", 4)]
    assert info["rows"] == info["base_rows"] + 4
    found = _cli("gazetteer", "lookup", "Zubaidat", env=env)
    assert json.loads(found.stdout.splitlines()[0])["feature_code"] == "PPL"
    gone = _cli("gazetteer", "remove", "tiny", env=env)
    assert gone.returncode == 0 and "tiny: removed" in gone.stderr
    missing = _cli("gazetteer", "remove", "tiny", env=env)
    assert missing.returncode == 1 and "EW-GEO-034" in missing.stderr
    info = json.loads(_cli("gazetteer", "info", env=env).stdout)
    assert info["layers"] == [] and info["rows"] == info["base_rows"]


@pytest.mark.skipif(not (GEONAMES / "LB.zip").is_file(), reason="../shared GeoNames files absent")
def test_real_country_file(data_dir: Path) -> None:
    info, changed = dense.add_file(GEONAMES / "LB.zip")
    assert changed and info.rows > 3000 and info.countries == ("LB",)
    refresh_layers()
    gaz = load_gazetteer()
    layer_rows = [
        c.index
        for c in gaz.lookup("El Khiyam", loose=False)
        if c.index >= gaz.base_rows and gaz.country_code(c.index) == "LB"
    ]
    assert layer_rows and all(gaz.admin1_name(i) for i in layer_rows)


# Villages of a layer whose GeoNames code says Baghdad but which lie 40 km and 110 km from
# the point of Diyala (border villages the report places in Diyala), and Baghdad's own row,
# which ties the layer's code 07 to the index's Baghdad area.
_BORDER_ROWS = (
    "990000011\tTestabad\tTestabad\t\t33.80\t44.75\tP\tPPL\tIQ\t\t07\t\t\t\t0\t\t40\t"
    "Asia/Baghdad\t2020-01-01\n"
    "990000012\tFarabad\tFarabad\t\t34.20\t43.90\tP\tPPL\tIQ\t\t07\t\t\t\t0\t\t40\t"
    "Asia/Baghdad\t2020-01-01\n"
    "98182\tBaghdad\tBaghdad\t\t33.34058\t44.40088\tP\tPPLC\tIQ\t\t07\t\t\t\t7216000\t\t41\t"
    "Asia/Baghdad\t2020-01-01\n"
)


def test_layer_village_resolution_classes(data_dir: Path, tmp_path: Path) -> None:
    from eventwire.config import load_settings
    from eventwire.pipeline.places.geoparse import Geoparser

    path = tmp_path / "border.txt"
    path.write_text(_BORDER_ROWS, encoding="utf-8")
    dense.add_file(path)
    refresh_layers()
    parse = Geoparser(load_settings(config_file=None, keep_parses=True))
    # the report's province wins over the file's code for a village near its point
    found = {p.text: p for p in parse("Gunmen shelled Testabad village in Diyala on Monday.")}
    assert found["Testabad"].country == "IQ" and found["Testabad"].precision == 1
    # ... and, more weakly, for one 110 km away: reports and GeoNames draw borders apart
    found = {p.text: p for p in parse("A bomb went off in Farabad, Diyala governorate.")}
    assert found["Farabad"].country == "IQ"
    # a village far from every town of its sentence is a name we do not know there
    texts = [p.text for p in parse("Gunmen from Testabad attacked a checkpoint in Basra.")]
    assert "Basra" in texts and "Testabad" not in texts


# Invented villages for the homonym classes of the fourth pass. Each file also holds one
# real city's row (its geonameid and admin1 code) so that the layer's code joins the
# index's province: Mosul (Nineveh, code 15), Istanbul (34), Yalova (92), Donetsk (05),
# Kharkiv (07).

_HOMONYM_ROWS = (
    # two loose spellings of "Tal Fabis" in Nineveh: the nearer spelling wins
    _row(990000031, "Qaryat Tall Fabis", 36.10, 42.60, "IQ", "15", 0, alt="Tall Fabis")
    + _row(990000032, "Tall Fibsah", 36.45, 43.30, "IQ", "15", 0)
    + _row(99072, "Mosul", 36.34075, 43.12686, "IQ", "15", 1683000)
    # two villages "Kadiyeni" near Istanbul's point: the one GeoNames puts in Istanbul
    # wins over a larger one of the next province
    + _row(990000033, "Kadiyeni", 41.05, 28.75, "TR", "34", 1400)
    + _row(990000034, "Kadiyeni", 40.85, 28.75, "TR", "92", 2700)
    + _row(745044, "Istanbul", 41.00711, 28.97218, "TR", "34", 15701602)
    + _row(738025, "Yalova", 40.64995, 29.26867, "TR", "92", 71289)
    # "Zorianivka" in Donetsk (unknown population) and a town of 1,500 in Kharkiv: the
    # monitors' area (Donetsk, Luhansk) decides
    + _row(990000035, "Zorianivka", 48.10, 37.90, "UA", "05", 0)
    + _row(990000036, "Zorianivka", 49.60, 36.50, "UA", "07", 1500)
    + _row(709717, "Donetsk", 48.00281, 37.76348, "UA", "05", 1024700)
    + _row(706483, "Kharkiv", 49.97804, 36.23097, "UA", "07", 1430885)
)


def test_closeness_of_loose_spellings() -> None:
    from eventwire.pipeline.places.gazetteer.resolve import closeness

    # the "village of" word and the article are not part of the name
    assert closeness("Tal Fabis", "Qaryat Tall Fabis") > closeness("Tal Fabis", "Tall Fibsah")
    assert closeness("Hamdaniyah", "Al Hamdaniyah") == 1.0


def test_layer_homonym_classes(data_dir: Path, tmp_path: Path) -> None:
    place_of = layer_place_of(_HOMONYM_ROWS, tmp_path)
    lat, _ = place_of("A suicide bomber struck soldiers in Tal Fabis, Nineveh, Iraq.", "Tal Fabis")
    assert abs(lat - 36.10) < 0.01
    lat, _ = place_of(
        "On 3 March 2019, students marched in Kadiyeni town center, Istanbul.", "Kadiyeni"
    )
    assert abs(lat - 41.05) < 0.01
    lat, _ = place_of(
        "On 3 March 2019, the OSCE SMM recorded four explosions near Zorianivka.", "Zorianivka"
    )
    assert abs(lat - 48.10) < 0.01


def _area_row(gid: int, name: str, alt: str, lat: float, lon: float, cc: str, adm1: str) -> str:
    return (
        f"{gid}\t{name}\t{name}\t{alt}\t{lat}\t{lon}\tA\tADM2\t{cc}\t\t{adm1}\t\t\t\t0"
        "\t\t100\tUTC\t2020-01-01\n"
    )


# Invented villages for the ranking classes of the seventh pass (real cities' rows join
# the layer's codes to the index's provinces: Donetsk 05, Al Hudaydah 08, Lahore's Punjab 04).
_RANKING_ROWS = (
    # two "Verbivka" in Donetsk oblast, no population: the one near the province's biggest
    # town wins the tie (the far one is the later row, which a bare sort would keep)
    _row(990000041, "Verbivka", 48.06, 37.90, "UA", "05", 0)
    + _row(990000042, "Verbivka", 48.55, 37.40, "UA", "05", 0)
    + _row(709717, "Donetsk", 48.00281, 37.76348, "UA", "05", 1024700)
    # "Qarnas district (Al Hudaydah)": the village of that main name, not the alternate
    # name of one beside a district named like the province
    + _row(990000043, "Qarnas", 14.10, 43.45, "YE", "08", 0)
    + _row(990000044, "Bayt Qarnas", 14.55, 43.32, "YE", "08", 0, alt="Qarnas")
    + _area_row(990000045, "Mudiriyat Zawiyah", "Al Hudaydah", 14.50, 43.30, "YE", "08")
    + _row(79415, "Al Hudaydah", 14.80104, 42.94338, "YE", "08", 734699)
    # a Pakistani hamlet also called "Bathinda" does not make the "Punjab" of "Bathinda
    # (Punjab)" Pakistan's
    + _row(990000046, "Bathinda", 31.0, 72.9, "PK", "04", 0)
    + _row(1172451, "Lahore", 31.5297, 74.34729, "PK", "04", 11126285)
)


def test_layer_ranking_classes(data_dir: Path, tmp_path: Path) -> None:
    from eventwire.config import load_settings
    from eventwire.pipeline.base import Pipeline
    from eventwire.records import Document

    path = tmp_path / "ranking.txt"
    path.write_text(_RANKING_ROWS, encoding="utf-8")
    dense.add_file(path)
    refresh_layers()
    pipeline = Pipeline.from_settings(load_settings(config_file=None))

    def place_of(text: str, name: str) -> tuple[str | None, float]:
        doc = pipeline(Document(text=text, source_id="t", input="t"))
        found = [p for p in doc.places if p.text == name]
        assert found, [p.text for p in doc.places]
        return found[0].country, found[0].lat or 0.0

    _, lat = place_of(
        "On 3 March 2019, the OSCE SMM recorded four explosions near Verbivka, Donetsk.",
        "Verbivka",
    )
    assert abs(lat - 48.06) < 0.01
    _, lat = place_of(
        "On 3 March 2019, fighters shelled villages in Qarnas district (Al Hudaydah).", "Qarnas"
    )
    assert abs(lat - 14.10) < 0.01
    country, _ = place_of(
        "On 5 May 2020, a village head was beaten to death in Bathinda (Punjab) over land.",
        "Bathinda",
    )
    assert country == "IN"
