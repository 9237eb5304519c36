"""Pickles of slow-to-build data, under ``data_home()/cache``, named by what they came from.

A cold start spends most of its own time (beyond loading spaCy) turning data files into
lookup structures: the actor dictionary, the pre-filter automaton. :func:`cached` keeps
the built object as a pickle whose file name is a hash of everything it was built from
(the caller's key: file bytes, code, versions), so a changed input simply misses the cache.
A missing, damaged or foreign file is rebuilt; a cache that cannot be written only costs
the build next time. Files are written atomically (temporary file, then rename), so
processes that start together never read half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from eventwire.config import VERSION, data_home

__all__ = ["cache_file", "cached", "cached_at", "file_bytes"]

T = TypeVar("T")


def file_bytes(path: str | Path) -> bytes:
    """A file's bytes for a cache key (a marker when it cannot be read: building says why)."""
    try:
        return Path(path).read_bytes()
    except OSError:
        return b"<unreadable:" + str(path).encode() + b">"


def cache_file(name: str, key: Iterable[str | bytes]) -> Path:
    """The cache file of ``name`` for ``key`` (this package's version always counts)."""
    digest = hashlib.sha256(VERSION.encode() + b"\0")
    for part in key:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return data_home() / "cache" / f"{name}-{digest.hexdigest()[:20]}.pickle"


def cached(name: str, key: Iterable[str | bytes], build: Callable[[], T], kind: type[T]) -> T:
    """The object ``build()`` makes, from the cache when a pickle for ``key`` is there."""
    return cached_at(cache_file(name, key), build, kind)


def cached_at(path: Path, build: Callable[[], T], kind: type[T]) -> T:
    """The object ``build()`` makes, from the pickle at ``path`` when it holds a ``kind``.

    A missing, damaged or foreign file is rebuilt and rewritten atomically; a cache
    directory that cannot be written only costs the rebuild next time.
    """
    if path.is_file():
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
            if isinstance(value, kind):
                return value
        except Exception:  # any damage to a cache file means: build again
            pass
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
