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
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so nothing is lost.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


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
