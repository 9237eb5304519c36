"""The index file's storage: named numpy arrays at 64-byte-aligned offsets, memory-mapped.

``np.savez`` puts each member after a zip header of its own length, so its data starts at
an arbitrary byte offset; mapping such a member gives unaligned arrays, which numpy reads
through slow paths (the places stage ran 5× slower). Here each array starts at a multiple
of ``ALIGN`` bytes, so ``load_arrays`` maps the file once and every array is a zero-copy
view: opening costs well under a millisecond, only the pages a lookup touches become
resident, and processes that map the same file share those pages.

Layout: ``MAGIC`` (8 bytes), the header's length (8 bytes, little-endian), the header
(JSON: ``{name: [dtype, shape, offset]}``, in the order the arrays were given), then the
arrays' bytes, each at its offset (a multiple of ``ALIGN``).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "x.idx"
>>> save_arrays(path, {"a": np.arange(3, dtype=np.int32), "v": np.array("one")})
>>> got = load_arrays(path)
>>> got["a"].tolist(), str(got["v"])
([0, 1, 2], 'one')
"""

from __future__ import annotations

import json
import math
import mmap
from pathlib import Path

import numpy as np

MAGIC = b"EWGZIDX\x01"
ALIGN = 64
STORE_VERSION = 1  # part of the index file's name: a new layout is a new file


def _aligned(n: int) -> int:
    return -(-n // ALIGN) * ALIGN


def save_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write ``arrays`` to ``path`` (the caller writes a temporary name and renames it)."""
    values = {k: np.asarray(v).copy(order="C") for k, v in arrays.items()}  # keeps 0-d
    for key, value in values.items():
        if value.dtype.hasobject:
            raise ValueError(f"array {key!r} holds Python objects")
    start = ALIGN  # where the first array goes: grown until the header fits before it
    while True:
        offsets: dict[str, int] = {}
        offset = start
        for key, value in values.items():
            offsets[key] = offset
            offset = _aligned(offset + value.nbytes)
        header = {k: [v.dtype.str, list(v.shape), offsets[k]] for k, v in values.items()}
        raw = json.dumps(header).encode()
        if 16 + len(raw) <= start:
            break
        start = _aligned(16 + len(raw))
    with path.open("wb") as fh:
        fh.write(MAGIC + len(raw).to_bytes(8, "little") + raw)
        for key, value in values.items():
            fh.seek(offsets[key])
            fh.write(value.tobytes())
        fh.truncate(max(offset, start))


def is_store(path: Path) -> bool:
    """Whether ``path`` starts like a file written by ``save_arrays``."""
    with path.open("rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def load_arrays(path: Path) -> dict[str, np.ndarray]:
    """Map a file written by ``save_arrays``: read-only arrays backed by the file's pages.

    Raises ``ValueError`` for a file that is not such a file or is cut short."""
    with path.open("rb") as fh:
        size = fh.seek(0, 2)
        if size < 16:
            raise ValueError("not a gazetteer index file (too short)")
        buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    if buf[: len(MAGIC)] != MAGIC:
        raise ValueError("not a gazetteer index file (bad magic)")
    length = int.from_bytes(buf[8:16], "little")
    header = json.loads(bytes(buf[16 : 16 + length]))
    arrays: dict[str, np.ndarray] = {}
    for key, (dtype_str, shape, offset) in header.items():
        dtype = np.dtype(dtype_str)
        count = math.prod(shape)
        if offset % ALIGN or offset + count * dtype.itemsize > size:
            raise ValueError(f"array {key!r} lies outside the file or off alignment")
        if count == 0:
            arrays[key] = np.zeros(tuple(shape), dtype=dtype)
            continue
        arrays[key] = np.frombuffer(buf, dtype=dtype, count=count, offset=offset).reshape(
            tuple(shape)
        )
    return arrays
