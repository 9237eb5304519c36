"""Places with dense layers (issue 17, helper h17av): a layer village read by a loose
spelling far from the town the text puts it at is a namesake, and the town places the
event. The layer rows are written by the tests themselves (invented
places); the sentences are our own.
"""

from __future__ import annotations

from pathlib import Path

from conftest import PlaceOf, geonames_row, layer_place_of

# an invented province of Cameroon, a town of it and, 90 km east of the town, a hamlet
# whose alternate name is "Tikaikom"; and a hamlet 12 km from the town
PROVINCE = (
    "990100\tTestland Hills\tTestland Hills\t\t6.2\t10.6\tA\tADM1\tCM\t\t07\t\t\t\t0"
    "\t\t100\tUTC\t2020-01-01\n"
)
ROWS = (
    PROVINCE
    + geonames_row(990101, "Bafumenko", 6.10, 10.20, "CM", "07", 25000)
    + geonames_row(990102, "Kekekuma", 6.12, 11.01, "CM", "07", 0, alt="Tikaikom")
    + geonames_row(990103, "Ndunglo", 6.15, 10.30, "CM", "07", 0, alt="Ndunglaw")
)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 * 111.0


def _not_far(place_of: PlaceOf, text: str, name: str, town: tuple[float, float]) -> None:
    """The place ``name`` is not read, or read within 60 km of ``town``
    (``namesakes.NEAR_TOWN_KM``)."""
    try:
        village = place_of(text, name)
    except AssertionError:
        return  # not read at all: the town places the event
    assert _km(village, town) < 60.0


def test_a_loose_spelling_far_from_the_town_is_no_reading(data_dir: Path, tmp_path: Path) -> None:
    # "Kikaikom" shares its spelling skeleton with the hamlet Kekekuma, 90 km away
    place_of = layer_place_of(ROWS, tmp_path)
    text = "Gunmen burnt houses in Kikaikom, Bafumenko, overnight."
    _not_far(place_of, text, "Kikaikom", place_of(text, "Bafumenko"))
    # the guards: the files know the hamlet by the text's very name, or by an alternate
    # name (curated, not a spelling skeleton); a hamlet 12 km from the town is the one meant
    text = "Separatists abducted two teachers from Kekekuma, Bafumenko, on Sunday."
    assert _km(place_of(text, "Kekekuma"), (6.12, 11.01)) < 2.0
    text = "Separatists abducted two teachers from Tikaikom, Bafumenko, on Sunday."
    assert _km(place_of(text, "Tikaikom"), (6.12, 11.01)) < 2.0
    text = "Separatists abducted two teachers from Ndunglaw, Bafumenko, on Sunday."
    assert _km(place_of(text, "Ndunglaw"), (6.15, 10.30)) < 2.0
