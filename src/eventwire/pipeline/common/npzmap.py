"""The arrays of an uncompressed ``.npz`` file, memory-mapped instead of read.

``numpy.load`` of an ``.npz`` reads every member into memory (``mmap_mode`` does not apply
to archives): the gazetteer index (35 MB, 23 arrays) cost a cold ``extract`` ~55 ms and
every worker its own copy. A member stored without compression (``np.savez``) is the
``.npy`` bytes themselves, so :func:`load_npz` maps the file once (copy-on-write: an
array written to in place changes this process's copy only, never the file) and
makes each array a view at its data offset. The values, dtypes, shapes and orders are
those ``numpy.load`` gives; an archive with a compressed member or an object array is
read by ``numpy.load`` as before.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "x.npz"
>>> np.savez(path, a=np.arange(3, dtype=np.int32), b=np.array(["x"]))
>>> arrays = load_npz(path)
>>> arrays["a"].tolist(), arrays["b"].tolist()
([0, 1, 2], ['x'])
"""

from __future__ import annotations

import mmap
import struct
import zipfile
from pathlib import Path
from typing import Any, Literal

import numpy as np

__all__ = ["load_npz"]

_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, (versions ... sizes), name, extra
_LOCAL_SIGNATURE = b"PK\x03\x04"


def load_npz(path: str | Path) -> dict[str, np.ndarray[Any, Any]]:
    """``{name: array}`` of an ``.npz`` archive, memory-mapped when every member is a
    stored (uncompressed) ``.npy`` without objects, else read by ``numpy.load``."""
    mapped = _mapped(Path(path))
    if mapped is not None:
        return mapped
    with np.load(path, allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


def _mapped(path: Path) -> dict[str, np.ndarray[Any, Any]] | None:
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
    if not members or any(
        m.compress_type != zipfile.ZIP_STORED or not m.filename.endswith(".npy") for m in members
    ):
        return None
    arrays: dict[str, np.ndarray[Any, Any]] = {}
    with path.open("rb") as handle:
        if path.stat().st_size == 0:
            return None
        whole = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_COPY)
        for member in members:
            array = _member(handle, whole, member)
            if array is None:
                return None
            arrays[member.filename[: -len(".npy")]] = array
    return arrays


def _member(handle: Any, whole: mmap.mmap, member: zipfile.ZipInfo) -> Any:
    """One member's array as a view of the mapped file (None: let numpy.load read it)."""
    handle.seek(member.header_offset)
    signature, name_len, extra_len = _LOCAL_HEADER.unpack(handle.read(_LOCAL_HEADER.size))
    if signature != _LOCAL_SIGNATURE:
        return None
    handle.seek(member.header_offset + _LOCAL_HEADER.size + name_len + extra_len)
    version = np.lib.format.read_magic(handle)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(handle)
    elif version == (2, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(handle)
    else:
        return None
    if dtype.hasobject:
        return None
    offset = handle.tell()
    count = int(np.prod(shape, dtype=np.int64))
    if offset + count * dtype.itemsize > len(whole):
        return None
    order: Literal["C", "F"] = "F" if fortran else "C"
    if count == 0:
        return np.empty(shape, dtype=dtype, order=order)
    return np.ndarray(shape, dtype=dtype, buffer=whole, offset=offset, order=order)
