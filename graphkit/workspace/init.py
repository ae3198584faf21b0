"""``init``: make a folder a network folder, creating only what is missing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graphkit.errors import GraphkitError, InvalidArgument
from graphkit.io.network import FILES, PEOPLE, network_rows, parse_people
from graphkit.io.patch import patch_table
from graphkit.io.settings import CONFIG_FILE
from graphkit.io.table import Problems, sniff_delimiter
from graphkit.io.text import read_text
from graphkit.model import Network, Person
from graphkit.orgs import new_id, normalize
from graphkit.workspace.lock import network_lock
from graphkit.workspace.transaction import commit_files
from graphkit.workspace.write import (
    KEYS,
    config_text,
    encode_like,
    fresh_table,
    skipped_lines,
    unclosed_quote,
)


@dataclass(frozen=True)
class InitResult:
    """What ``init`` did: who "me" is, whether they were already in people.csv, and which
    files it created and which it left alone."""

    me: Person
    found: bool
    created: tuple[str, ...]
    kept: tuple[str, ...]


def init_network(folder: str | Path, me_name: str) -> InitResult:
    """Make ``folder`` a network folder whose owner is ``me_name``, never overwriting a file.

    Missing files are created (header only; people.csv with me). A folder that already has
    people.csv keeps it: if exactly one person there has the name (or the id) ``me_name``,
    that person is me; otherwise me is added to it.

    Raises
    ------
    GraphkitError
        when the folder already holds a network (graphkit.toml exists), or several people in
        people.csv have the name.
    InvalidArgument
        when ``me_name`` is empty.
    """
    root = Path(folder)
    if (root / CONFIG_FILE).exists():
        raise GraphkitError(f"{root} already holds a network ({CONFIG_FILE} exists); "
                            "use it with --data, or pick another folder")
    if not me_name.strip():
        raise InvalidArgument("me", repr(me_name), "your name")
    with network_lock(root):
        people_path = root / PEOPLE.name
        people: dict[str, Person] = {}
        text = ""
        problems = Problems()
        if people_path.exists():
            text = read_text(people_path)
            people = parse_people(text, people_path, problems)
            refusal = unclosed_quote(problems)
            if refusal is not None:  # the rows it swallows may hold me, or my new id
                raise refusal
        same = [p for p in people.values()
                if p.id == me_name.strip() or normalize(p.name) == normalize(me_name)]
        if len(same) > 1:
            raise GraphkitError(f"several people in {people_path} are named '{me_name}' ("
                                f"{', '.join(p.id for p in same)}); run init again with --me "
                                "and the id of the right one")
        me = same[0] if same else Person(new_id("p", me_name, people), me_name.strip())
        network = Network(me=me.id, people={**people, me.id: me})
        files: dict[str, str | bytes] = {}
        for spec in FILES:
            if (root / spec.name).exists():
                continue
            rows = network_rows(network)[spec.name] if spec is PEOPLE else []
            files[spec.name] = fresh_table(spec.columns, rows)
        if people_path.exists() and not same:
            rows = network_rows(network)[PEOPLE.name]
            files[PEOPLE.name] = encode_like(
                patch_table(text, sniff_delimiter(text), rows[:-1], rows, KEYS[PEOPLE.name],
                            PEOPLE.columns, skipped_lines(problems).get(PEOPLE.name, ())),
                text, people_path.read_bytes())
        files[CONFIG_FILE] = config_text(root, network) or ""
        commit_files(root, files)
    kept = tuple(spec.name for spec in FILES
                 if spec.name not in files or (spec is PEOPLE and text))
    created = tuple(name for name in files if name != PEOPLE.name or not text)
    return InitResult(me, bool(same), created, kept)
