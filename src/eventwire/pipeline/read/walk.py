"""Walk inputs on disk: every filesystem entry met becomes a file to read or a reason why not.

``pathlib.Path.rglob`` silently drops symbolic-link loops, dangling links, FIFOs, sockets,
devices and directories it cannot list; :func:`walk` reports each of them instead, in the
same sorted order as before, and never opens anything that is not a regular file (opening
a FIFO would block the run).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputError

# codes for filesystem entries that cannot be read as documents
DANGLING = "EW-ING-011"
LOOP = "EW-ING-012"
LINKED_DIR = "EW-ING-013"
SPECIAL = "EW-ING-014"
UNLISTABLE = "EW-ING-015"
UNSTATABLE = "EW-ING-016"
HIDDEN = "EW-ING-017"


@dataclass(frozen=True, slots=True)
class Entry:
    """One filesystem entry: a regular file to read (``problem`` None) or why it is not read.

    ``status`` is the ledger status for a problem: ``rejected`` for entries that are
    broken or not files, ``skipped`` for directory links that are deliberately not followed.
    """

    path: Path
    problem: InputError | None = None
    status: str = "rejected"

    @property
    def code(self) -> str | None:
        """The problem's code, None for a file to read."""
        return None if self.problem is None else self.problem.code

    @property
    def name(self) -> str:
        """The path as ledger text (see :func:`display_name`)."""
        return display_name(self.path)


def display_name(path: Path | str) -> str:
    """A path as valid UTF-8 text for the ledger: undecodable bytes become ``\\xNN``.

    Names the file system holds as bytes that are not UTF-8 reach Python as lone
    surrogates, which no store column accepts.

    >>> display_name(os.fsdecode(b"bad\\xff.txt"))
    'bad\\\\xff.txt'
    """
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def classify(path: Path) -> Entry | None:
    """What one path is: None for a directory to descend into, else an :class:`Entry`.

    Uses ``lstat`` and ``stat`` only; nothing is opened.
    """
    name = display_name(path)
    try:
        link = path.lstat()
    except OSError as exc:
        return Entry(path, InputError(f"cannot inspect {name}: {exc.strerror}", UNSTATABLE))
    if stat.S_ISDIR(link.st_mode):
        return None
    is_link = stat.S_ISLNK(link.st_mode)
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Entry(path, InputError(f"{name} is a symbolic link loop", LOOP))
        if exc.errno == errno.ENOENT and is_link:
            target = display_name(os.readlink(path))
            return Entry(
                path,
                InputError(f"{name} is a dangling symbolic link (to {target!r})", DANGLING),
            )
        return Entry(path, InputError(f"cannot inspect {name}: {exc.strerror}", UNSTATABLE))
    if stat.S_ISREG(info.st_mode):
        return Entry(path)
    if stat.S_ISDIR(info.st_mode):  # only a link reaches here: real directories returned above
        return _linked_dir(path, name)
    what = _kind(info.st_mode)
    return Entry(path, InputError(f"{name} is {what}, not a file; it was not opened", SPECIAL))


def _linked_dir(path: Path, name: str) -> Entry:
    target = path.resolve()
    parent = path.parent.resolve()
    if parent == target or target in parent.parents:
        return Entry(
            path,
            InputError(f"{name} is a symbolic link loop (to {display_name(target)!r})", LOOP),
        )
    return Entry(
        path,
        InputError(
            f"{name} is a symbolic link to a directory; links are not followed "
            f"(pass {display_name(target)!r} itself to read it)",
            LINKED_DIR,
        ),
        status="skipped",
    )


def walk(root: Path) -> Iterator[Entry]:
    """Every entry below ``root`` (recursive, sorted as ``sorted(root.rglob("*"))`` was).

    Regular files (and links to them) come with ``problem`` None; everything else that is
    not a directory comes with the reason it is not read, and so does a directory that
    cannot be listed. Links to directories are not followed, as ``rglob`` did not follow them.
    Hidden entries (``.git/``, ``.DS_Store``) come ``skipped`` and are not entered.
    """
    found: list[Entry] = []
    pending = [root]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as listing:
                children = [directory / entry.name for entry in listing]
        except OSError as exc:
            if directory == root:
                raise
            found.append(
                Entry(
                    directory,
                    InputError(
                        f"cannot list directory {display_name(directory)}: {exc.strerror}",
                        UNLISTABLE,
                    ),
                )
            )
            continue
        for child in children:
            if child.name.startswith("."):  # .git/, .DS_Store: recorded, not read or entered
                name = display_name(child)
                reason = f"{name} is hidden (its name starts with a dot); it was not read"
                found.append(Entry(child, InputError(reason, HIDDEN), status="skipped"))
                continue
            entry = classify(child)
            if entry is None:
                pending.append(child)
            else:
                found.append(entry)
    found.sort(key=lambda e: e.path)
    yield from found
