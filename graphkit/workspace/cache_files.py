"""The files of graphkit's array cache (:mod:`graphkit.workspace.cache`): the network files'
fingerprints and digests, the cache files' checksums and stats, lists of strings stored as
NUL-separated UTF-8, and reading one ``.npy`` array (mapped when large)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from graphkit.io.network import FILES
from graphkit.model.columns import LazyStrings

#: Per array file the stat (size, mtime, ctime, inode) it had when its checksum was verified.
STAT_FILE = "stat.json"
#: Arrays this small are read into memory rather than mapped (a map costs a file handle).
MAP_BYTES = 1 << 16


class CorruptCache(Exception):
    """The cache on disk is not what :func:`save` wrote: it is rebuilt."""


def fingerprint(root: Path) -> dict[str, list[int]]:
    """Size and mtime (ns) of each CSV file of the network that exists."""
    out = {}
    for spec in FILES:
        path = root / spec.name
        if path.exists():
            st = path.stat()
            out[spec.name] = [st.st_size, st.st_mtime_ns]
    return out


def digests(root: Path) -> dict[str, str]:
    """SHA-256 of each CSV file of the network that exists."""
    out = {}
    for spec in FILES:
        path = root / spec.name
        if path.exists():
            with open(path, "rb") as handle:
                out[spec.name] = hashlib.file_digest(handle, "sha256").hexdigest()
    return out


def checksum(path: Path) -> list[int]:
    """Size, XOR and wrapping sum of the 8-byte words of a file, and its last bytes: a flipped
    bit changes the XOR, a truncated file the size. Reads the file at memory speed (numpy)."""
    size = path.stat().st_size
    if size == 0:
        return [0, 0, 0, 0]
    data = np.memmap(path, dtype=np.uint8, mode="r")
    whole = size // 8 * 8
    words = data[:whole].view(np.uint64)
    tail = int.from_bytes(bytes(data[whole:]), "little")
    return [size, int(np.bitwise_xor.reduce(words)) if whole else 0,
            int(words.sum(dtype=np.uint64)) if whole else 0, tail]


def file_stat(path: Path) -> list[int]:
    """Size, modification and change time (ns) and inode of a file: any write to it, or a
    copy put in its place, changes one of them (the change time cannot be set back)."""
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def file_stats(folder: Path, names: Any) -> dict[str, list[int]]:
    return {name: file_stat(folder / f"{name}.npy") for name in names}


def trusted(folder: Path, sums: dict[str, list[int]]) -> bool:
    """Whether every array file is the very file whose checksum was verified (when written,
    or by the last full check): then the checksums need not be read again."""
    try:
        recorded = json.loads((folder / STAT_FILE).read_text(encoding="utf-8"))
        return isinstance(recorded, dict) and recorded == file_stats(folder, sums)
    except (OSError, ValueError):
        return False


def string_blob(values: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    # NUL never survives reading (the reader removes it), so it can separate the values.
    if isinstance(values, LazyStrings):  # already in that form: not decoded to be encoded
        return values.blob(), np.array([len(values)])
    blob = "\x00".join(values).encode("utf-8")
    return np.frombuffer(blob, dtype=np.uint8), np.array([len(values)])


def strings_of(blob: np.ndarray, count: np.ndarray) -> list[str]:
    try:
        return LazyStrings(blob, int(count[0])).values
    except ValueError:
        raise CorruptCache("string count") from None


def lazy_strings(blob: np.ndarray, count: np.ndarray, verify: bool) -> LazyStrings:
    """Strings decoded when first used (checked now when the cache is not trusted)."""
    values = LazyStrings(blob, int(count[0]))
    if verify:
        try:
            _ = values.values  # decoded now: a bad count is found while a rebuild is possible
        except ValueError:
            raise CorruptCache("string count") from None
    return values


def read_array(path: Path, expected: list[int], verify: bool) -> np.ndarray:
    """One ``.npy`` file, checked against its recorded checksum (with ``verify``), mapped if
    large."""
    if verify and checksum(path) != expected:
        raise CorruptCache(path.name)
    if expected[0] < MAP_BYTES:
        return np.load(path, allow_pickle=False)
    return np.load(path, mmap_mode="r", allow_pickle=False).view(np.ndarray)
