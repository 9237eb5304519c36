"""Write an export file or directory so that a reader never sees half of it.

Everything goes to a hidden temporary sibling of the target first (same directory, so the
same filesystem), is flushed to disk (``fsync``), and only then takes the target's name with
one ``os.replace``. A run that fails removes its temporary file; one that is killed leaves
only the hidden temporary (``.events.jsonl.<random>.part``), never a truncated file at the
target path, and a previous good export at that path stays as it was.

A directory (partitioned Parquet) cannot be swapped in one call, so the old one is renamed
aside, the new one renamed into place and the old one removed: a kill between the two renames
leaves no directory at the target and the previous export beside it (``.<name>.<random>.old``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from eventwire.errors import ConfigError

__all__ = ["atomic_dir", "atomic_file", "atomic_text"]

# What a previous partitioned export holds: hive folders (month=2024-03) of Parquet files.
_PARTITION = re.compile(r"^month=[^/]+$")


def _fsync(path: Path) -> None:
    """Flush a file or directory to disk (directories: where the rename is recorded)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mode(target: Path) -> int:
    """The permissions a plain ``open(target, "w")`` would give (the old file's, if any)."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


@contextlib.contextmanager
def atomic_file(target: str | Path) -> Iterator[Path]:
    """A temporary path to write; it becomes ``target`` when the block ends without error."""
    target = Path(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    try:
        os.chmod(tmp, _mode(target))
        yield tmp
        _fsync(tmp)
        os.replace(tmp, target)
    except BaseException:  # also KeyboardInterrupt: never leave the temporary behind
        _remove(tmp)
        raise
    _fsync(target.parent)


@contextlib.contextmanager
def atomic_text(target: str | Path) -> Iterator[IO[str]]:
    """A UTF-8 text handle (``newline=""``, as the csv module wants) for ``target``."""
    with atomic_file(target) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def _check_replaceable(target: Path) -> None:
    """Refuse to replace a directory that does not look like a previous partitioned export."""
    if not target.exists():
        return
    if not target.is_dir():
        raise ConfigError(
            f"{target} exists and is not a directory (use a .parquet name)", "EW-EXP-010"
        )
    strays = [p.name for p in target.iterdir() if not (p.is_dir() and _PARTITION.match(p.name))]
    if strays:
        raise ConfigError(
            f"{target} holds {', '.join(sorted(strays)[:3])}: not a partitioned export; "
            "choose a new or empty directory",
            "EW-EXP-011",
        )


def _swap(new: Path, target: Path) -> Path | None:
    """Rename ``new`` to ``target``, moving an existing ``target`` aside (returned) first."""
    if not target.exists():
        os.replace(new, target)
        return None
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
    os.replace(target, old)  # renaming onto an empty directory replaces it
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)  # put the previous export back
        raise
    return old


@contextlib.contextmanager
def atomic_dir(target: str | Path) -> Iterator[Path]:
    """A temporary directory to fill; it replaces ``target`` when the block ends without error.

    ``target`` must be missing, empty, or a previous partitioned export (``month=…`` folders
    only), since it is replaced as a whole.
    """
    target = Path(target)
    _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)  # as pyarrow's dataset writer does
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part"))
    try:
        os.chmod(tmp, (target.stat().st_mode & 0o777) if target.exists() else 0o777 & ~_umask())
        yield tmp
        for folder, _dirs, files in os.walk(tmp):
            for file in files:
                _fsync(Path(folder, file))
            _fsync(Path(folder))
        old = _swap(tmp, target)
    except BaseException:  # also KeyboardInterrupt: never leave the temporary behind
        _remove(tmp)
        raise
    _fsync(target.parent)
    if old is not None:
        _remove(old)
