"""Opening text files the way spreadsheets and address books save them."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from graphkit.errors import InputError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes, path: str | Path | None = None) -> str:
    """Decode file bytes: a BOM wins, then strict UTF-8, then cp1252 as Excel writes it.

    Parameters
    ----------
    data : the raw bytes of a file.
    path : the file, for error messages.

    Returns
    -------
    str, with any BOM removed.

    Raises
    ------
    InputError
        when a UTF-16 file is truncated mid-character.

    Examples
    --------
    >>> decode("Zoë".encode("cp1252"))
    'Zoë'
    >>> decode(b"\\xef\\xbb\\xbfid,name")
    'id,name'
    >>> decode("Zoë\\n".encode("utf-8") + "Zoë\\n".encode("cp1252"))
    'Zoë\\nZoë\\n'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"the file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start}); save it again as UTF-8 CSV",
                    path,
                ) from None
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8 as a whole: decode line by line, so a file that mixes UTF-8 lines with lines
    # Excel saved as cp1252 keeps every name readable.
    return "".join(_decode_line(line) for line in data.splitlines(keepends=True))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so nothing is lost.
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")


def _bomless_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a byte-order mark: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def read_text(path: str | Path) -> str:
    """Read and :func:`decode` a file; a missing or unreadable file is an :class:`InputError`."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found; check the path", p) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", p) from None
    except PermissionError:
        raise InputError("permission denied; check the file's permissions", p) from None
    return decode(data, p)


#: The first bytes of files people pick by mistake instead of an export.
_MAGIC = (
    (b"PK\x03\x04", "a zip archive"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old-style Excel or Word file (.xls/.doc)"),
    (b"\x1f\x8b", "a gzip archive"),
)


def read_export_text(path: str | Path, what: str) -> str:
    """Read an export like :func:`read_text`, refusing a binary file instead of reading its bytes
    as text.

    ``what`` names the expected file in the message ("a LinkedIn Connections.csv").

    Raises
    ------
    InputError
        for a missing or unreadable file, or one that is not text.
    """
    p = Path(path)
    text = read_text(p)
    try:
        head = p.read_bytes()[:16]
    except OSError:
        head = b""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"this is {kind}, not {what}; export the file again (or pick the "
                             "right one)", p)
    sample = text[:65536]
    control = sum(1 for c in sample if c < " " and c not in "\t\r\n")
    if sample and control > max(8, len(sample) // 100):
        raise InputError(f"this is a binary file ({control} control characters in the first "
                         f"{len(sample)}), not {what}; export the file again as CSV or text", p)
    return text


@contextmanager
def atomic_write(path: str | Path, mode: int = 0o600) -> Iterator[IO[str]]:
    """Write a text file through a temp file renamed over ``path``: all or nothing.

    A crash before the rename leaves the previous file untouched.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
