"""Stream a text file line by line, decoding each line, so record files never load whole.

JSONL and CSV files can be far larger than any one document; :class:`Lines` reads them a
line at a time from the binary file. Binary files are refused from their first 8 KB (magic
numbers, NUL bytes). Each line is decoded on its own: strict UTF-8, then cp1252, then
UTF-8 with replacement characters. A UTF-16/32 file (recognised by its byte-order mark)
is decoded whole, as before: it cannot be split on newline bytes.
"""

from __future__ import annotations

import codecs
import io
import os
from types import TracebackType
from typing import BinaryIO

from eventwire.errors import InputError

HEAD = 8192
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF file (convert it to text first)"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
NUL_MESSAGE = "looks binary (it contains NUL bytes), not text"


def refuse_magic(data: bytes, name: str) -> None:
    """Raise InputError when ``data`` starts like a known binary format."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name} is {what}, not text", "EW-ING-002")


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``; binary input raises InputError.

    Tries a byte-order mark, then strict UTF-8, then cp1252 (which also reads Latin-1
    text), and finally UTF-8 with replacement characters. A NUL byte anywhere (outside
    UTF-16/32) makes the input binary.

    >>> decode_bytes("café".encode("latin-1"))
    ('café', 'cp1252')
    """
    refuse_magic(data, name)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name} starts with a {encoding} byte-order mark "
                    f"but is not valid {encoding}: {exc}",
                    "EW-ING-004",
                ) from exc
    if b"\x00" in data:
        raise InputError(f"{name} {NUL_MESSAGE}", "EW-ING-002")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, "cp1252"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"


def decode_line(data: bytes) -> str:
    """Decode one line: strict UTF-8, else cp1252, else UTF-8 with replacement characters."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


class TooLong(Exception):
    """A line longer than the limit; it was skipped without being held in memory."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size:,} bytes")
        self.size = size


class Lines:
    """Lines of a text file, with their terminators; ``tell``/``seek`` to re-read from a line.

    ``check`` (run by :meth:`open`) raises InputError for binary input. ``readline``
    returns ``""`` at the end, or raises :class:`TooLong` for a line over ``limit`` bytes
    (after skipping it).
    """

    def __init__(self, handle: BinaryIO, name: str, limit: int) -> None:
        self.handle = handle
        self.name = name
        self.limit = limit
        self._wide: io.StringIO | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str], name: str, limit: int) -> Lines:
        """Open ``path`` for reading lines; raises InputError when it is not text."""
        lines = cls(open(path, "rb"), name, limit)  # noqa: SIM115 (closed by __exit__)
        try:
            lines.check()
        except BaseException:
            lines.close()
            raise
        return lines

    def check(self) -> None:
        """Refuse binary input from the first 8 KB; position after any byte-order mark."""
        head = self.handle.read(HEAD)
        refuse_magic(head, self.name)
        if head.startswith(_WIDE_BOMS):
            text, _ = decode_bytes(head + self.handle.read(), self.name)
            self._wide = io.StringIO(text, newline="\n")
            return
        if b"\x00" in head:
            raise InputError(f"{self.name} {NUL_MESSAGE}", "EW-ING-002")
        self.handle.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)

    def readline(self) -> str:
        """The next line with its ``\\n`` (split on ``\\n`` only), ``""`` at the end."""
        if self._wide is not None:
            return self._wide.readline()
        data = self.handle.readline(self.limit + 1)
        if len(data) > self.limit and not data.endswith(b"\n"):
            size = len(data)
            while data and not data.endswith(b"\n"):
                data = self.handle.readline(1 << 20)
                size += len(data)
            raise TooLong(size)
        return decode_line(data)

    def tell(self) -> int:
        """A position to :meth:`seek` back to (the start of the next line)."""
        return self._wide.tell() if self._wide is not None else self.handle.tell()

    def seek(self, position: int) -> None:
        """Go back to a position from :meth:`tell`."""
        if self._wide is not None:
            self._wide.seek(position)
        else:
            self.handle.seek(position)

    def close(self) -> None:
        """Close the file."""
        self.handle.close()

    def __enter__(self) -> Lines:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
