"""A change to a network folder is all-or-nothing across its files.

SQLite's atomic commit, for a folder of CSV files: every new file of a change is first written
in full into a staging folder inside ``.graphkit/`` (fsynced), with a manifest naming the files;
renaming that staging folder to ``.graphkit/commit`` is the one atomic step that commits the
change; then each file is renamed into place and the commit folder removed. A crash (``kill
-9``, a full disk, a power cut) before the commit step leaves the old network and a staging
folder that the next run deletes; after it, the next run finishes the renames (roll forward).
Readers never see a mix: :func:`recover` runs before a network is read or written.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from graphkit.errors import GraphkitError

STATE_DIR = ".graphkit"
COMMIT = "commit"
MANIFEST = "MANIFEST.json"
STAGING_PREFIX = "staging-"


class WriteError(GraphkitError):
    """The operating system refused a write: a read-only folder, a full disk, a permission."""


def os_error_message(exc: OSError, path: str | Path) -> str:
    """One line naming the file and what to do about the operating system's refusal.

    >>> os_error_message(OSError(errno.ENOSPC, "No space left"), "t.csv")[:39]
    'cannot write t.csv: the disk is full; f'
    """
    what = {
        errno.ENOSPC: "the disk is full; free some space and run the command again",
        errno.EDQUOT: "the disk quota is exceeded; free some space and run the command again",
        errno.EROFS: "the file system is read-only; copy the network to a writable folder",
        errno.EACCES: "permission denied; check the folder's permissions (or copy the network "
                      "to a folder you own)",
        errno.EPERM: "operation not permitted; check the folder's permissions",
        errno.ENOENT: "the folder does not exist; check the path",
        errno.ENOTDIR: "a part of the path is a file, not a folder; check the path",
    }.get(exc.errno or 0, f"{exc.strerror or exc}")
    return f"cannot write {path}: {what} (nothing was changed)"


def make_private_dir(path: str | Path) -> Path:
    """Create a folder (and its missing parents) readable only by its owner, whatever the
    umask; an existing folder is left as it is."""
    target = Path(path)
    missing = []
    p = target
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        except OSError as exc:
            raise WriteError(os_error_message(exc, folder)) from None
        os.chmod(folder, 0o700)
    return target


def write_private(path: str | Path, data: str | bytes) -> Path:
    """Write one file atomically (a temp file in the same folder, fsynced, renamed), mode 0600
    whatever the umask. OS errors become a :class:`WriteError` naming the file."""
    target = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise WriteError(os_error_message(exc, target)) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return target


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def commit_files(folder: str | Path, files: Mapping[str, str | bytes]) -> list[str]:
    """Replace ``files`` (name -> new content) in ``folder`` as one all-or-nothing change.

    The caller holds the network lock. Returns the names written (in order).

    Raises
    ------
    WriteError
        when the operating system refuses (read-only folder, full disk): the network is left
        exactly as it was.
    """
    root = Path(folder)
    if not files:
        return []
    recover(root)
    state = make_private_dir(root / STATE_DIR)
    names = sorted(files)
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=state))
    except OSError as exc:
        raise WriteError(os_error_message(exc, state)) from None
    try:
        for name in names:
            write_private(staging / name, files[name])
        write_private(staging / MANIFEST, json.dumps({"files": names}))
        _fsync_dir(staging)
        try:
            os.rename(staging, state / COMMIT)  # the commit point
        except OSError as exc:
            raise WriteError(os_error_message(exc, state / COMMIT)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _fsync_dir(state)
    _roll_forward(root, state / COMMIT)
    return names


def _roll_forward(root: Path, commit: Path) -> None:
    try:
        names = json.loads((commit / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        # a commit folder always has its manifest (it is written before the rename); without
        # one it is not a commit: nothing of it was applied.
        shutil.rmtree(commit, ignore_errors=True)
        return
    for name in names:
        staged = commit / name
        if staged.exists():
            try:
                os.replace(staged, root / name)
            except OSError as exc:
                raise WriteError(os_error_message(exc, root / name).replace(
                    "(nothing was changed)", "(the change is kept in "
                    f"{commit} and completed by the next graphkit command)")) from None
    _fsync_dir(root)
    shutil.rmtree(commit, ignore_errors=True)


def pending(folder: str | Path) -> list[str]:
    """What an interrupted change left in ``folder``: a committed change not yet in place,
    staging folders and temp files (empty when the folder is clean)."""
    root = Path(folder)
    state = root / STATE_DIR
    found = []
    if (state / COMMIT).is_dir():
        found.append(f"{STATE_DIR}/{COMMIT} (a committed change not yet in place)")
    if state.is_dir():
        found += [f"{STATE_DIR}/{p.name} (an unfinished change)"
                  for p in sorted(state.glob(STAGING_PREFIX + "*"))]
    if root.is_dir():
        found += [f"{p.name} (a temp file of an interrupted write)"
                  for p in sorted(root.glob(".*.tmp"))]
    return found


def recover(folder: str | Path) -> bool:
    """Finish a committed change or discard an unfinished one; remove stray temp files.

    Returns True when something was recovered. Harmless when nothing is pending; a folder the
    user cannot write is left as it is (reads still see the old network).
    """
    root = Path(folder)
    state = root / STATE_DIR
    if not pending(root):
        return False
    try:
        if (state / COMMIT).is_dir():
            _roll_forward(root, state / COMMIT)
        for staging in state.glob(STAGING_PREFIX + "*"):
            shutil.rmtree(staging, ignore_errors=True)
        for tmp in root.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
    except (OSError, WriteError):
        return False
    return True
