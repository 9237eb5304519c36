"""The curated gazetteer supplement: schema check, geographic sanity, merge into the index."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from eventwire.errors import DataFileError
from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.build import index_path
from eventwire.pipeline.places.gazetteer.index import Gazetteer, load_gazetteer
from eventwire.pipeline.places.gazetteer.sources import (
    SUPPLEMENT_COLUMNS,
    SUPPLEMENT_FEATURES,
    SupplementPlace,
    read_supplement,
)
from eventwire.pipeline.places.gazetteer.store import load_arrays
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN1, FEAT_PLACE
from eventwire.records import Document

HEADER = ",".join(SUPPLEMENT_COLUMNS)
GOOD = "Taji,Al-Taji|At Taji,IQ,Baghdad,33.520,44.270,district_seat,100000,"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def rows() -> list[SupplementPlace]:
    return read_supplement()


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "supplement.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- schema ----------------------------------------------------------------------------


def test_reads_a_good_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "# a comment", HEADER, "", GOOD)
    (place,) = read_supplement(path)
    assert place.name == "Taji"
    assert place.alt_names == ("Al-Taji", "At Taji")
    assert (place.country, place.admin1, place.feature) == ("IQ", "Baghdad", "district_seat")
    assert (place.lat, place.lon, place.population, place.line) == (33.52, 44.27, 100000, 4)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("Taji,,IQ,Baghdad,33.5,44.2,town,0", "fields"),
        (",,IQ,Baghdad,33.5,44.2,town,0,", "empty name"),
        ("Taji,,Iraq,Baghdad,33.5,44.2,town,0,", "ISO"),
        ("Taji,,iq,Baghdad,33.5,44.2,town,0,", "ISO"),
        ("Taji,,IQ,,33.5,44.2,town,0,", "admin1"),
        ("Taji,,IQ,Baghdad,north,44.2,town,0,", "not numbers"),
        ("Taji,,IQ,Baghdad,93.5,44.2,town,0,", "out of range"),
        ("Taji,,IQ,Baghdad,33.5,194.2,town,0,", "out of range"),
        ("Taji,,IQ,Baghdad,33.5,44.2,city,0,", "feature"),
        ("Taji,,IQ,Baghdad,33.5,44.2,town,-5,", "population"),
        ("Taji,,IQ,Baghdad,33.5,44.2,town,many,", "population"),
    ],
)
def test_schema_rejects_bad_row(tmp_path: Path, row: str, reason: str) -> None:
    path = _write(tmp_path, HEADER, GOOD, row)
    with pytest.raises(DataFileError, match=rf"supplement\.csv:3: .*{reason}") as info:
        read_supplement(path)
    assert info.value.code == "EW-GEO-020"


def test_schema_rejects_bad_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "name,country,lat,lon", GOOD)
    with pytest.raises(DataFileError, match=r"supplement\.csv:1: header"):
        read_supplement(path)


def test_schema_rejects_duplicate_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER, GOOD, GOOD)
    with pytest.raises(DataFileError, match=r"supplement\.csv:3: duplicate of line 2"):
        read_supplement(path)


def test_schema_rejects_empty_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="empty"):
        read_supplement(_write(tmp_path, "# only a comment"))


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=10))
def test_schema_never_crashes_on_garbage(
    tmp_path_factory: pytest.TempPathFactory, cells: list[str]
) -> None:
    path = tmp_path_factory.mktemp("garbage") / "supplement.csv"
    row = ",".join(c.replace("\n", " ").replace("\r", " ") for c in cells)
    path.write_text(HEADER + "\n" + row + "\n", encoding="utf-8")
    try:
        places = read_supplement(path)
    except DataFileError as exc:
        assert "supplement.csv:" in str(exc)
    else:
        assert all(p.feature in SUPPLEMENT_FEATURES for p in places)


# -- the shipped file ------------------------------------------------------------------


def test_shipped_file_is_large_and_well_formed(rows: list[SupplementPlace]) -> None:
    iraq = [r for r in rows if r.country == "IQ"]
    assert len(iraq) >= 200
    assert len({(r.source, r.name, r.country, r.admin1) for r in rows}) == len(rows)
    for r in rows:
        assert r.name not in r.alt_names, r.name


def _admin_row(gaz: Gazetteer, place: SupplementPlace) -> int | None:
    ccode = gaz.countries.index(place.country)
    found = [
        c.index
        for c in gaz.lookup(place.admin1, loose=False)
        if int(gaz.cc[c.index]) == ccode and int(gaz.feat[c.index]) == FEAT_ADMIN1
    ]
    return found[0] if found else None


def test_every_row_is_near_its_admin1_seat(gaz: Gazetteer, rows: list[SupplementPlace]) -> None:
    far = []
    for r in rows:
        adm = _admin_row(gaz, r)
        assert adm is not None, f"{r.source}:{r.line}: admin1 {r.admin1!r} unknown in {r.country}"
        seat = int(gaz.seat[adm]) if int(gaz.seat[adm]) >= 0 else adm
        km = haversine_km(r.lat, r.lon, float(gaz.lat[seat]), float(gaz.lon[seat]))
        # Anbar reaches 420 km from Ramadi, Oromia 490 km from Adama (Dembi Dolo),
        # Balochistan 606 km from Quetta (Turbat, at GeoNames' own point)
        if km > 650:
            far.append(f"{r.source}:{r.line} {r.name}: {km:.0f} km from {gaz.name(seat)}")
    assert not far, far


def test_every_row_reverse_geocodes_to_its_country(
    gaz: Gazetteer, rows: list[SupplementPlace]
) -> None:
    """Nearest GeoNames place (the supplement's own rows left out) is in the same country.

    A town on a border may have a foreign nearest place: its note must then name that
    neighbouring country ("border town (Turkey)").
    """
    lat = np.array([r.lat for r in rows])
    lon = np.array([r.lon for r in rows])
    pool = np.nonzero(
        (gaz.feat == FEAT_PLACE)
        & (gaz.gid > 0)
        & (gaz.lat > lat.min() - 3)
        & (gaz.lat < lat.max() + 3)
        & (gaz.lon > lon.min() - 3)
        & (gaz.lon < lon.max() + 3)
    )[0]
    plat = gaz.lat[pool].astype(np.float64)
    plon = gaz.lon[pool].astype(np.float64)
    wrong = []
    for r in rows:
        dx = (plon - r.lon) * np.cos(np.radians(r.lat))
        nearest = int(pool[int(np.argmin((plat - r.lat) ** 2 + dx**2))])
        cc = gaz.country_code(nearest)
        row = gaz.country_row(cc)
        neighbour = gaz.name(row) if row is not None else cc
        if cc != r.country and not ("border" in r.note and neighbour in r.note):
            wrong.append(f"{r.source}:{r.line} {r.name}: nearest {gaz.name(nearest)}, {neighbour}")
    assert not wrong, wrong


# -- merged into the index -------------------------------------------------------------


def test_index_records_merge_counts(gaz: Gazetteer, rows: list[SupplementPlace]) -> None:
    del gaz  # built
    new, dup, no_admin = (int(x) for x in load_arrays(index_path())["supplement"])
    assert new + dup == len(rows)
    assert new > 0 and no_admin == 0


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Taji", 33.52, 44.27),
        ("Salman Pak", 33.10, 44.58),
        ("Khan Bani Saad", 33.57, 44.54),
        ("Dhuluiyah", 33.99, 44.24),
        ("Tel Keppe", 36.49, 43.12),
    ],
)
def test_supplement_names_resolve_in_iraq(
    gaz: Gazetteer, name: str, lat: float, lon: float
) -> None:
    iraq = [c.index for c in gaz.lookup(name) if gaz.country_code(c.index) == "IQ"]
    assert iraq, name
    best = max(iraq, key=lambda i: int(gaz.pop[i]))
    assert haversine_km(lat, lon, float(gaz.lat[best]), float(gaz.lon[best])) < 5
    assert gaz.admin1_name(best) is not None


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        (
            "Gunmen killed two policemen in Khan Bani Saad, Diyala province, on Monday.",
            33.57,
            44.54,
        ),
        ("A car bomb killed five people in Salman Pak on Sunday, Iraqi police said.", 33.10, 44.58),
    ],
)
def test_pipeline_places_events_in_supplement_towns(
    run_text: Callable[..., Document], text: str, lat: float, lon: float
) -> None:
    doc = run_text(text, published="2013-05-06")
    located = [e.location for e in doc.events if e.location is not None]
    assert located, doc.events
    place = located[0]
    assert (place.country, place.precision) == ("IQ", 1)
    assert haversine_km(place.lat, place.lon, lat, lon) < 10


def test_user_files_join_the_supplement_and_the_index_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.pipeline.places.gazetteer.build import index_version
    from eventwire.pipeline.places.gazetteer.sources import EXTRA_ENV, supplement_paths

    before = index_version()
    mine = tmp_path / "my_places.csv"
    mine.write_text(f"{HEADER}\nCamp Nine,Camp 9,IQ,Anbar,33.100,42.900,landmark,0,\n")
    monkeypatch.setenv(EXTRA_ENV, str(mine))
    assert supplement_paths()[-1] == mine
    assert [p.name for p in read_supplement() if p.source == mine.name] == ["Camp Nine"]
    assert index_version() != before  # the cached index is rebuilt with the user's places


def test_missing_user_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.pipeline.places.gazetteer.build import index_version
    from eventwire.pipeline.places.gazetteer.sources import EXTRA_ENV

    monkeypatch.setenv(EXTRA_ENV, str(tmp_path / "gone.csv"))
    with pytest.raises(DataFileError, match=r"gone\.csv"):
        index_version()


def test_an_edit_to_a_lexicon_file_rebuilds_the_index_without_a_version_bump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index is keyed by the bytes of its versioned data files, not only by their
    "version" fields: a variants edit that keeps the old version must not read a stale index."""
    from eventwire.datafiles import data_path
    from eventwire.pipeline.places.gazetteer import build

    before = build.index_version()
    edited = tmp_path / "variants.yaml"
    edited.write_bytes(data_path("gazetteer", "variants.yaml").read_bytes() + b"\n# an edit\n")

    def patched(folder: str, name: str) -> Path:
        return edited if name == "variants.yaml" else data_path(folder, name)

    monkeypatch.setattr(build, "data_path", patched)
    after = build.index_version()
    assert after != before
    declared = [v.split(";")[1].rsplit("+", 1)[0] for v in (before, after)]
    assert declared[0] == declared[1]  # the declared versions are unchanged
