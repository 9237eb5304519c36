"""Other spellings of a name (issue 17, helper h17ag): a Somali "x" written "h" by an
English-language note and a long vowel written double or single. A single vowel is not
swapped for another: that made English words and names villages ("Korea", "Ferrari").

The villages are invented; each name is spelt one way in the layer and another way in the
text, and is short enough that its loose key (a skeleton of two or three consonants) is no
key of the index, so only ``normalize.spellings`` can find it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import geonames_row as _row
from conftest import layer_place_of
from eventwire.pipeline.places.gazetteer.normalize import spellings

_ROWS = (
    # Somali orthography: "x" is the sound English notes write "h"
    _row(990417101, "Xadoow", 2.60, 45.10, "SO", "12", 0)
    # a long vowel written double in the layer, single in the note ... and the reverse
    + _row(990417102, "Baraax", 2.40, 44.90, "SO", "12", 0)
)


def test_spellings_of_a_somali_x_a_double_vowel_and_a_short_vowel() -> None:
    assert "xadow" in spellings("hadow")
    assert "xaraw" in spellings("haraw")
    assert "hadow" in spellings("haadow")
    assert "marow" in spellings("maroow")


def test_a_single_vowel_is_not_swapped_for_another() -> None:
    assert "koria" not in spellings("korea")
    assert "ferrara" not in spellings("ferrari")
    assert "teton" not in spellings("titan")


def test_too_short_a_key_takes_no_rewrite() -> None:
    assert spellings("bor") == set()


@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        ("Al Shabaab fighters attacked Hadoow village in Somalia.", "Hadoow", (2.6, 45.1)),
        ("Al Shabaab fighters attacked Baraaax village in Somalia.", "Baraaax", (2.4, 44.9)),
    ],
)
def test_a_note_spelling_the_village_otherwise_finds_it(
    data_dir: Path, tmp_path: Path, text: str, name: str, point: tuple[float, float]
) -> None:
    place_of = layer_place_of(_ROWS, tmp_path)
    assert place_of(text, name) == point
