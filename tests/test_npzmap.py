"""``load_npz`` gives what ``numpy.load`` gives, memory-mapped for stored archives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eventwire.pipeline.common.npzmap import load_npz


def _arrays() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(7)
    return {
        "ints": rng.integers(-5, 5, size=1000).astype(np.int64),
        "floats": np.array([1.5, np.nan, -0.0, 3e38], dtype=np.float32),
        "fortran": np.asfortranarray(rng.random((4, 3))),
        "bytes": np.frombuffer(b"Mosul\x00Kabul", dtype=np.uint8),
        "strings": np.array(["IQ", "AF", "SY"]),
        "empty": np.zeros(0, dtype=np.int32),
        "scalar": np.array(4, dtype=np.uint16),
    }


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return (
        a.dtype == b.dtype
        and a.shape == b.shape
        and a.flags.f_contiguous == b.flags.f_contiguous
        and a.tobytes(order="A") == b.tobytes(order="A")
    )


@pytest.mark.parametrize("save", [np.savez, np.savez_compressed])
def test_same_arrays_as_numpy_load(tmp_path: Path, save: object) -> None:
    path = tmp_path / "index.npz"
    save(path, **_arrays())  # type: ignore[operator]
    with np.load(path) as data:
        expected = {k: data[k] for k in data.files}
    got = load_npz(path)
    assert sorted(got) == sorted(expected)
    for name, array in expected.items():
        assert _same(got[name], array), name
        assert type(got[name]) is np.ndarray


def test_writes_stay_in_this_process(tmp_path: Path) -> None:
    path = tmp_path / "index.npz"
    np.savez(path, ints=np.arange(10))
    before = path.read_bytes()
    arrays = load_npz(path)
    arrays["ints"][0] = 99  # copy-on-write: this process's copy only
    assert arrays["ints"][0] == 99
    assert path.read_bytes() == before
    assert load_npz(path)["ints"][0] == 0


def test_damaged_archive_raises(tmp_path: Path) -> None:
    path = tmp_path / "index.npz"
    np.savez(path, ints=np.arange(1000))
    path.write_bytes(path.read_bytes()[:500])  # cut inside the data
    with pytest.raises(Exception):  # noqa: B017 - numpy's or zipfile's own error
        load_npz(path)
