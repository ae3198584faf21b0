"""Writing a change to a network folder: only what changed, all files or none.

Every command that changes the network (imports, ``init``, the weekly loop's commands) ends in
:func:`write_network`. It compares the network it is given with the one in the folder, file by
file; a file with no change is not touched at all, and a changed file is patched row by row
(:mod:`graphkit.io.patch`): rows graphkit could not read, columns it does not know and the way
every untouched row was written stay byte for byte. The changed files are then committed in one
step (:mod:`graphkit.workspace.transaction`). ``graphkit.toml`` is edited with tomlkit, which
keeps comments, order and inline tables.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graphkit.io.network import FILES, network_rows, read_network
from graphkit.io.patch import Key, patch_table
from graphkit.io.settings import CONFIG_FILE
from graphkit.io.table import Problems, sniff_delimiter
from graphkit.io.text import decode
from graphkit.model import Network
from graphkit.workspace.transaction import WriteError, commit_files, os_error_message, recover

UTF8_BOM = b"\xef\xbb\xbf"


def _pair(a: str, b: str) -> Key:
    return (a, b) if a <= b else (b, a)


#: The identity of a row in each file: what says "this is the same record".
KEYS: dict[str, Callable[[dict[str, str]], Key]] = {
    "people.csv": lambda r: (r.get("id", ""),),
    "organizations.csv": lambda r: (r.get("id", ""),),
    "employment.csv": lambda r: (r.get("person_id", ""), r.get("org_id", "")),
    "ties.csv": lambda r: _pair(r.get("person_a", ""), r.get("person_b", "")),
    "introductions.csv": lambda r: (r.get("introducer_id", ""), r.get("person_id", ""),
                                    r.get("introduced_to_id", "")),
    "groups.csv": lambda r: (r.get("person_id", ""), r.get("group", "")),
    "targets.csv": lambda r: (r.get("organization", ""),),
}


def fresh_table(columns: list[str] | tuple[str, ...], rows: list[dict[str, str]]) -> str:
    """A new CSV file: the header, then the rows (formulas are data here, not neutralized:
    this is the user's own file, read back by graphkit)."""
    return patch_table("", ",", [], rows, lambda r: ("",), columns)


def config_text(folder: Path, network: Network) -> str | None:
    """The new graphkit.toml, or None when the one in ``folder`` already says the same.

    An existing file is edited in place (tomlkit): comments, order and inline tables stay.
    """
    import tomlkit

    path = folder / CONFIG_FILE
    if not path.is_file():
        doc = tomlkit.document()
        doc["me"] = network.me
        for key, value in network.settings.items():
            doc[key] = value
        return tomlkit.dumps(doc)
    try:
        text = decode(path.read_bytes(), path)
    except OSError as exc:
        raise WriteError(os_error_message(exc, path)) from None
    doc = tomlkit.parse(text)
    changed = False
    if doc.get("me") != network.me:
        doc["me"] = network.me
        changed = True
    return tomlkit.dumps(doc) if changed else None


def changed_files(folder: str | Path, network: Network,
                  before: Network | None = None) -> dict[str, str | bytes]:
    """The new text of every file of ``folder`` that writing ``network`` would change.

    ``before`` is the network as read from ``folder`` (read here when not given).
    """
    root = Path(folder)
    if before is None and (root / CONFIG_FILE).is_file():
        before = read_network(root, Problems())
    old = network_rows(before) if before is not None else {}
    new = network_rows(network)
    files: dict[str, str | bytes] = {}
    for spec in FILES:
        path = root / spec.name
        rows, was = new[spec.name], old.get(spec.name, [])
        if path.exists():
            if rows == was:
                continue
            try:
                raw = path.read_bytes()
            except OSError as exc:
                raise WriteError(os_error_message(exc, path)) from None
            text = decode(raw, path)
            patched = patch_table(text, sniff_delimiter(text), was, rows, KEYS[spec.name],
                                  spec.columns)
            files[spec.name] = (UTF8_BOM if raw.startswith(UTF8_BOM) else b"") + \
                patched.encode("utf-8")
        elif rows or spec.name == "people.csv":
            files[spec.name] = fresh_table(spec.columns, rows)
    config = config_text(root, network)
    if config is not None:
        files[CONFIG_FILE] = config
    return files


def write_network(folder: str | Path, network: Network,
                  before: Network | None = None) -> list[str]:
    """Write ``network`` into ``folder``: only the files that change, all of them or none.

    The caller holds the network lock (:func:`graphkit.workspace.lock.network_lock`). Returns
    the names of the files written.

    Raises
    ------
    WriteError
        when the operating system refuses (read-only folder, full disk); the folder is then
        exactly as it was.
    """
    from graphkit.workspace.transaction import make_private_dir

    root = make_private_dir(folder)
    recover(root)
    return commit_files(root, changed_files(root, network, before))

