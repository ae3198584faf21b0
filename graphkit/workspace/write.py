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

from graphkit.errors import InputError
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
    "targets.csv": lambda r: (r.get("organization", ""), r.get("member", "")),
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


def skipped_lines(problems: Problems) -> dict[str, set[int]]:
    """The lines (by file name) of the records reading left out: never matched, never changed."""
    out: dict[str, set[int]] = {}
    for problem in problems:
        if problem.skipped and problem.line is not None:
            out.setdefault(Path(problem.path).name, set()).add(problem.line)
    return out


def unclosed_quote(problems: Problems) -> InputError | None:
    """The refusal to write a network whose file has an unclosed quote, if one has.

    The rows a quote swallows are unread: their ids are unknown, so a write could give a new
    person the id of one of them. The user closes the quote first.
    """
    for problem in problems:
        if problem.message.startswith("unclosed quote"):
            return InputError(f"{problem.message.split(';')[0]}; fix this first: graphkit does "
                              "not write to a network it cannot fully read (nothing was changed)",
                              problem.path, problem.line)
    return None


#: Encodings a network file may have been saved in, tried in order: the first that gives back
#: the file's exact bytes is the one the patched file is written in.
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252")


def encode_like(patched: str, text: str, raw: bytes) -> bytes:
    """``patched`` encoded as the file ``raw`` (read as ``text``) was, so the rows the patch left
    alone keep their bytes; UTF-8 (the documented format) when that encoding cannot hold a new
    character or the file mixed encodings.

    >>> encode_like("Zoë,é", "Zoë", "Zoë".encode("cp1252")) == "Zoë,é".encode("cp1252")
    True
    >>> encode_like("Zoë,漢", "Zoë", "Zoë".encode("cp1252")) == "Zoë,漢".encode("utf-8")
    True
    """
    for encoding in ENCODINGS:
        try:
            if text.encode(encoding) == raw:
                return patched.encode(encoding)
        except UnicodeEncodeError:
            continue
    return (UTF8_BOM if raw.startswith(UTF8_BOM) else b"") + patched.encode("utf-8")


def changed_files(folder: str | Path, network: Network,
                  before: Network | None = None) -> dict[str, str | bytes]:
    """The new text of every file of ``folder`` that writing ``network`` would change.

    ``before`` is the network as read from ``folder`` (read here when not given).

    Raises
    ------
    InputError
        when a file of the folder has an unclosed quote (its swallowed rows are unread).
    """
    root = Path(folder)
    problems = Problems()
    if (root / CONFIG_FILE).is_file():
        read = read_network(root, problems)
        refusal = unclosed_quote(problems)
        if refusal is not None:
            raise refusal
        before = before if before is not None else read
    skipped = skipped_lines(problems)
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
                                  spec.columns, skipped.get(spec.name, ()))
            files[spec.name] = encode_like(patched, text, raw)
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

