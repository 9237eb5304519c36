"""A store that a server owns: the discovery file beside it, and consistent snapshots of it.

DuckDB lets one process hold a store file read-write, and while it does no other process
can open the file at all, not even read-only. ``eventwire serve`` is that process while it
runs, so it becomes the single writer and publishes how to reach it in a small discovery
file beside the store (``events.duckdb`` -> ``events.duckdb.server.json``)::

    {"version": 1, "pid": 4242, "host": "laptop", "url": "http://127.0.0.1:8000",
     "token": "…", "read_only": false, "store": "/abs/events.duckdb",
     "snapshots": "/abs/events.duckdb.snapshots", "started": "2026-12-05T11:00:00Z"}

The file is written with mode 0600 (it holds an ephemeral write token, made at start-up,
that only the CLI of the same user reads) and removed at clean shutdown. A server killed
with SIGKILL leaves it behind: :func:`find_server` tells such a stale file by its pid (no
such process on this host) and callers then open the store directly.

Readers get a *snapshot*: the server checkpoints (every committed transaction goes into the
main file) and copies the file (and the WAL, should a commit land after the checkpoint)
into ``<store>.snapshots/``; the reader opens that private copy. Copying the file is some 60x
faster than ``COPY FROM DATABASE`` or ``EXPORT DATABASE`` (bench/live_snapshot.py).
No checkpoint may rewrite the main file while it is copied: ingests are held off by the
server's write lock and automatic checkpoints by a raised ``checkpoint_threshold``, and a
WAL commit that lands mid-copy is replayed or (when torn) dropped, as after a crash.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import StoreError

if TYPE_CHECKING:  # the CLI reads discovery files without loading DuckDB
    import duckdb

__all__ = [
    "Discovery",
    "Found",
    "discovery_path",
    "find_server",
    "make_snapshot",
    "publish",
    "remove_snapshot",
    "snapshot_dir",
    "withdraw",
]

FORMAT_VERSION = 1
SNAPSHOT_MAX_AGE_S = 3600.0  # a snapshot a reader never removed (it was killed) goes then


def discovery_path(db: str | Path) -> Path:
    """Where the server of store ``db`` says how to reach it."""
    return Path(str(Path(db).resolve()) + ".server.json")


def snapshot_dir(db: str | Path) -> Path:
    """The folder (beside the store: same filesystem) holding the server's snapshots."""
    return Path(str(Path(db).resolve()) + ".snapshots")


@dataclass(frozen=True)
class Discovery:
    """What a running server publishes about itself."""

    pid: int
    host: str
    url: str
    token: str
    read_only: bool
    store: str
    snapshots: str
    started: str
    version: int = FORMAT_VERSION


@dataclass(frozen=True)
class Found:
    """What :func:`find_server` learned: a live server, or why a file there was ignored."""

    discovery: Discovery | None  # a server that looks alive (its pid runs on this host)
    ignored: str | None = None  # why a discovery file was not believed (stale, foreign…)


def _serves(db: str | Path) -> bool:
    """Whether ``db`` is a file a server could publish for (not ``:memory:``)."""
    return str(db) != ":memory:" and not str(db).startswith(":")


def publish(db: str | Path, url: str, read_only: bool) -> Discovery | None:
    """Write the discovery file of a server now owning ``db`` (None where it cannot be
    written: an in-memory store or a folder the server may not write to)."""
    if not _serves(db):
        return None
    path = discovery_path(db)
    found = Discovery(
        pid=os.getpid(),
        host=socket.gethostname(),
        url=url,
        token=secrets.token_urlsafe(32),
        read_only=read_only,
        store=str(Path(db).resolve()),
        snapshots=str(snapshot_dir(db)),
        started=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(found), handle, indent=1)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return None
    _clear_snapshots(Path(found.snapshots), max_age_s=0.0)  # a killed server's leftovers
    return found


def withdraw(found: Discovery) -> None:
    """Remove the discovery file (when it is still this server's) and the snapshots."""
    path = discovery_path(found.store)
    with contextlib.suppress(OSError, ValueError):
        if json.loads(path.read_text(encoding="utf-8")).get("token") == found.token:
            path.unlink()
    shutil.rmtree(found.snapshots, ignore_errors=True)


def _read(path: Path) -> tuple[Discovery | None, str | None]:
    """The discovery file's content, or why it is not believed."""
    try:
        info = path.stat()
        mine = info.st_uid == os.getuid() if hasattr(os, "getuid") else True
        if not mine or info.st_mode & 0o077:
            return None, f"{path} is not private to this user (mode 0600): ignored"
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Discovery(**{k: raw[k] for k in Discovery.__dataclass_fields__ if k in raw}), None
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError, TypeError) as exc:
        return None, f"{path} is unreadable ({exc}): ignored"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True


def find_server(db: str | Path) -> Found:
    """The server owning ``db`` according to its discovery file (without asking it).

    A file whose pid no longer runs on this host (a server killed with SIGKILL) is stale:
    it is removed, and ``ignored`` says so. Callers check the server answers (``/health``).
    """
    if not _serves(db):
        return Found(None)
    path = discovery_path(db)
    found, problem = _read(path)
    if found is None:
        return Found(None, problem)
    if found.host == socket.gethostname() and not _alive(found.pid):
        with contextlib.suppress(OSError):  # only the file we read, not a newer server's
            if _read(path)[0] == found:
                path.unlink()
        return Found(None, f"stale {path.name}: server pid {found.pid} is not running")
    return Found(found)


# -- snapshots (server side) -------------------------------------------------------------
def _clear_snapshots(folder: Path, max_age_s: float) -> None:
    """Remove snapshots older than ``max_age_s`` (a reader that died left them)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime >= max_age_s:
                    entry.unlink()


@contextlib.contextmanager
def _no_auto_checkpoint(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Hold off DuckDB's automatic checkpoints (they rewrite the main file) for a while."""
    import duckdb

    rows = con.execute("SELECT current_setting('checkpoint_threshold')").fetchall()
    before = str(rows[0][0]) if rows else "16MiB"  # e.g. "16.0 MiB", which SET accepts
    con.execute("SET checkpoint_threshold = '1TB'")
    try:
        yield
    finally:
        try:
            con.execute(f"SET checkpoint_threshold = '{before}'")
        except duckdb.Error:
            con.execute("RESET checkpoint_threshold")


def make_snapshot(
    con: duckdb.DuckDBPyConnection, db: str | Path, lock: threading.Lock, writable: bool
) -> Path:
    """Copy the store ``con`` holds into its snapshot folder; return the copy's path.

    ``lock`` is the server's write lock (ingests wait while the file is copied); a
    ``writable`` connection checkpoints first so that the main file holds every commit.
    """
    import duckdb

    source = Path(db).resolve()
    folder = snapshot_dir(db)
    folder.mkdir(mode=0o700, exist_ok=True)
    _clear_snapshots(folder, SNAPSHOT_MAX_AGE_S)
    target = folder / f"snapshot-{uuid.uuid4().hex}.duckdb"
    try:
        with lock, _no_auto_checkpoint(con):
            if writable:
                con.execute("CHECKPOINT")
            _copy_private(source, target)
            wal = Path(str(source) + ".wal")
            if wal.exists() and wal.stat().st_size:
                _copy_private(wal, Path(str(target) + ".wal"))
    except (OSError, duckdb.Error) as exc:
        remove_snapshot(target)
        raise StoreError(f"cannot snapshot {str(db)!r}: {exc}", "EW-DB-042") from exc
    return target


def _copy_private(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        shutil.copyfileobj(src, out, 1 << 20)


def remove_snapshot(path: str | Path) -> None:
    """Remove a snapshot and its WAL (a reader calls this when it is done)."""
    for suffix in ("", ".wal"):
        with contextlib.suppress(OSError):
            Path(str(path) + suffix).unlink()


def describe(found: Discovery) -> dict[str, Any]:
    """The discovery without its token (for messages and logs)."""
    return {k: v for k, v in asdict(found).items() if k != "token"}
