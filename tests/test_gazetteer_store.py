"""The gazetteer index's storage: aligned, memory-mapped arrays; old ``.npz`` caches."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eventwire.errors import DataFileError
from eventwire.pipeline.places.gazetteer import build
from eventwire.pipeline.places.gazetteer.build import build_index, index_path
from eventwire.pipeline.places.gazetteer.index import read_index
from eventwire.pipeline.places.gazetteer.store import ALIGN, load_arrays, save_arrays


def _sample() -> dict[str, np.ndarray]:
    return {
        "odd": np.arange(7, dtype=np.uint8),  # 7 bytes: the next array must be realigned
        "big": np.arange(-5, 1000, dtype=np.int64),
        "coords": np.linspace(0, 1, 13, dtype=np.float32).reshape(13, 1),
        "codes": np.array(["IQ", "SY", "Y"]),
        "version": np.array("f99;test"),
        "none": np.zeros(0, dtype=np.int32),
    }


def test_round_trip_is_aligned_read_only_and_equal(tmp_path: Path) -> None:
    path = tmp_path / "a.idx"
    save_arrays(path, _sample())
    got = load_arrays(path)
    assert list(got) == list(_sample())
    for key, want in _sample().items():
        assert got[key].dtype == want.dtype and got[key].shape == want.shape
        assert np.array_equal(got[key], want)
        if want.size:
            assert got[key].ctypes.data % ALIGN == 0, key
            assert not got[key].flags.writeable
    assert str(got["version"]) == "f99;test"


@pytest.mark.parametrize("cut", [0, 10, 200])
def test_short_or_foreign_file_is_refused(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "a.idx"
    save_arrays(path, _sample())
    data = path.read_bytes()
    path.write_bytes(data[:cut] if cut else b"PK\x03\x04 not ours at all, a zip header")
    with pytest.raises(ValueError):
        load_arrays(path)
    with pytest.raises(DataFileError) as err:
        read_index(path)
    assert err.value.code == "EW-GEO-003"


def test_object_arrays_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="objects"):
        save_arrays(tmp_path / "a.idx", {"x": np.array([{"a": 1}], dtype=object)})


def test_npz_cache_of_an_earlier_version_is_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built, _ = build_index()
    monkeypatch.setenv("EVENTWIRE_DATA_DIR", str(tmp_path))
    legacy = index_path().with_name(index_path().name.split(".")[0] + ".npz")
    legacy.parent.mkdir(parents=True)
    arrays = load_arrays(built)
    np.savez(legacy, **arrays)  # type: ignore[arg-type]
    monkeypatch.setattr(build, "build_arrays", lambda: pytest.fail("converted, not rebuilt"))
    path, _ = build_index()
    assert path == index_path() and path.suffix == ".idx"
    assert not legacy.exists()  # the old cache is dropped
    got = load_arrays(path)
    assert list(got) == list(arrays)
    assert all(got[k].tobytes() == arrays[k].tobytes() for k in arrays)
    assert read_index(path).version == build.index_version()  # a 0-d array, not a list


def test_npz_of_another_version_is_not_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTWIRE_DATA_DIR", str(tmp_path))
    legacy = index_path().with_name(index_path().name.split(".")[0] + ".npz")
    legacy.parent.mkdir(parents=True)
    np.savez(legacy, version=np.array("f1;something else"), gid=np.zeros(1))
    assert build._converted(index_path()) is None


def test_npz_index_named_in_settings_reads_like_the_mapped_one(tmp_path: Path) -> None:
    built, _ = build_index()
    arrays = load_arrays(built)
    npz = tmp_path / "own.npz"
    np.savez(npz, **arrays)  # type: ignore[arg-type]
    mapped, whole = read_index(built), read_index(npz)
    assert len(mapped) == len(whole) and mapped.version == whole.version
    for name in ("Mosul", "Irbil", "Springfield", "Nord Kivu", "Kabul"):
        got = [(c.index, c.flag) for c in mapped.lookup(name)]
        assert got == [(c.index, c.flag) for c in whole.lookup(name)]
        assert [mapped.name(i) for i, _ in got] == [whole.name(i) for i, _ in got]
    assert mapped.reverse(36.34, 43.13) == whole.reverse(36.34, 43.13)


def test_index_version_parses_the_lexicon_once_per_content(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon

    want = load_lexicon().version
    build._lexicon_version.cache_clear()
    calls: list[int] = []

    def counted() -> object:
        calls.append(1)
        return load_lexicon()

    monkeypatch.setattr(build, "load_lexicon", counted)
    first = build.index_version()
    assert build.index_version() == first and f";{want}+" in first  # version + digest
    assert len(calls) == 1
    other = build._lexicon_version(b"other bytes")
    assert other.startswith(f"{want}+") and other not in first and len(calls) == 2


def test_a_conversion_finished_by_another_process_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workers start on an old cache: the second finds the .npz gone (the first dropped
    it after converting) and uses the first one's file instead of rebuilding."""
    built, _ = build_index()
    monkeypatch.setenv("EVENTWIRE_DATA_DIR", str(tmp_path))
    target = index_path()
    target.parent.mkdir(parents=True)

    def converted_elsewhere(path: Path) -> None:
        target.write_bytes(built.read_bytes())  # the other process's result
        return None

    monkeypatch.setattr(build, "_converted", converted_elsewhere)
    monkeypatch.setattr(build, "build_arrays", lambda: pytest.fail("rebuilt"))
    assert build_index() == (target, 0.0)
