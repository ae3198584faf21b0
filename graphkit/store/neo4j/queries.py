"""Named Cypher queries: one ``queries/*.cypher`` file per query, checked when loaded.

Each file starts with header comments::

    // name: best_paths             (must equal the file name without .cypher)
    // params: source, targets      (every $param the query uses; may be empty)
    // literals: max_hops           (optional: integer slots written {{max_hops}} in the text)

Values always travel as ``$params``. Cypher cannot take a parameter as the bound of a
variable-length pattern, so a bound is a *literal slot*: :meth:`Query.text_for` fills it with
an ``int`` and nothing else. Labels and relationship types are written in the files themselves
and must come from the whitelist in :mod:`graphkit.store.neo4j.records`.

A query that can return many rows sends them in one record, as a list of maps in its one
column ``rows`` (``RETURN collect({id: p.id, ...}) AS rows``); the runner unpacks them, so
every caller sees one dict per row either way (a record per row costs a message each).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from graphkit.errors import InputError

_HEADER = re.compile(r"^//\s*(name|params|literals)\s*:(.*)$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_SLOT = re.compile(r"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: String literals, backquoted names and comments: a ``$word`` inside them is not a parameter.
_NOT_CODE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/",
                       re.DOTALL)


@dataclass(frozen=True)
class Query:
    """One checked query file.

    ``path`` is the file it came from, named in every error about it.
    """

    name: str
    params: tuple[str, ...]
    literals: tuple[str, ...]
    text: str
    path: str

    def text_for(self, literals: dict[str, int] | None = None) -> str:
        """The Cypher text with every literal slot filled by an ``int``.

        >>> q = parse_query("// name: q\\n// params: a\\n// literals: n\\n"
        ...                 "MATCH (x {id: $a})-[*1..{{n}}]-(y) RETURN y", "q.cypher")
        >>> q.text_for({"n": 3}).splitlines()[-1]
        'MATCH (x {id: $a})-[*1..3]-(y) RETURN y'
        """
        values = literals or {}
        if set(values) != set(self.literals):
            raise ValueError(f"{self.path}: literals {sorted(values)} given, "
                             f"{sorted(self.literals)} declared")
        for key, value in values.items():
            if type(value) is not int or value < 0:
                raise ValueError(f"{self.path}: literal {key} must be a whole number >= 0, "
                                 f"not {value!r}")
        return _SLOT.sub(lambda m: str(values[m.group(1)]), self.text)


def _names(raw: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def parse_query(text: str, path: str | Path) -> Query:
    """Parse and check one query file's text.

    Raises
    ------
    InputError
        naming ``path`` and the line: a missing or misplaced header, a name that is not the file
        name, a declared ``$param`` the query never uses, a used one not declared, or a literal
        slot not declared.

    Examples
    --------
    >>> parse_query("// name: q\\n// params: id\\nMATCH (p {id: $id}) RETURN p", "q.cypher").params
    ('id',)
    >>> parse_query("// name: q\\n// params:\\nMATCH (p {id: $id}) RETURN p", "q.cypher")
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: q.cypher:3: $id is used but not declared in `// params:` (line 2)
    """
    where = str(path)
    lines = text.splitlines()
    header: dict[str, tuple[int, str]] = {}
    for number, line in enumerate(lines, 1):
        match = _HEADER.match(line.strip())
        if not line.strip().startswith("//"):
            break
        if match:
            if match.group(1) in header:
                raise InputError(f"second `// {match.group(1)}:` line", where, number)
            header[match.group(1)] = (number, match.group(2).strip())
    for key, line_no in (("name", 1), ("params", 2)):
        if key not in header:
            raise InputError(f"the file must begin with `// name: ...` then `// params: ...`; "
                             f"`// {key}:` is missing", where, line_no)
    name_line, name = header["name"]
    stem = Path(where).name.removesuffix(".cypher")
    if name != stem:
        raise InputError(f"`// name: {name}` does not match the file name {stem}.cypher",
                         where, name_line)
    params_line, declared_raw = header["params"]
    declared = _names(declared_raw)
    literals = _names(header.get("literals", (0, ""))[1])
    for word in (*declared, *literals):
        if not _IDENT.match(word):
            raise InputError(f"'{word}' is not a parameter name", where,
                             params_line if word in declared else header["literals"][0])
    code = _NOT_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    used: dict[str, int] = {}
    slots: dict[str, int] = {}
    for number, line in enumerate(code.splitlines(), 1):
        for m in _PARAM.finditer(line):
            used.setdefault(m.group(1), number)
        for m in _SLOT.finditer(line):
            slots.setdefault(m.group(1), number)
    for param, number in used.items():
        if param not in declared:
            raise InputError(f"${param} is used but not declared in `// params:` "
                             f"(line {params_line})", where, number)
    for param in declared:
        if param not in used:
            raise InputError(f"${param} is declared but the query never uses it", where,
                             params_line)
    for slot, number in slots.items():
        if slot not in literals:
            raise InputError(f"{{{{{slot}}}}} is used but not declared in `// literals:`",
                             where, number)
    for slot in literals:
        if slot not in slots:
            raise InputError(f"literal {slot} is declared but never used", where,
                             header["literals"][0])
    return Query(name, declared, literals, text, where)


def queries_folder() -> Path:
    """The folder of the bundled query files."""
    return Path(str(resources.files("graphkit.queries")))


def load_queries(folder: str | Path | None = None) -> dict[str, Query]:
    """Every ``*.cypher`` file in ``folder`` (default: the bundled ones), checked, by name.

    >>> "strengths_of_people" in load_queries()
    True
    """
    root = Path(folder) if folder is not None else queries_folder()
    out: dict[str, Query] = {}
    for path in sorted(root.glob("*.cypher")):
        query = parse_query(path.read_text(encoding="utf-8"), path)
        out[query.name] = query
    return out


def labels_in(queries: Iterable[Query]) -> set[str]:
    """Every node label and relationship type the queries mention (for the whitelist check).

    >>> q = parse_query("// name: q\\n// params:\\nMATCH (a:Person)-[:KNOWS]->(b) RETURN b", "q")
    >>> sorted(labels_in([q]))
    ['KNOWS', 'Person']
    """
    found: set[str] = set()
    pattern = re.compile(r"[(\[]\s*[A-Za-z_0-9]*\s*((?::\s*[A-Za-z_][A-Za-z0-9_]*\s*)+)")
    label_test = re.compile(r"\b[a-z_][A-Za-z0-9_]*:([A-Z][A-Za-z0-9_]*)")
    for query in queries:
        code = _NOT_CODE.sub(" ", query.text)
        for m in pattern.finditer(code):
            found.update(x.strip() for x in m.group(1).split(":") if x.strip())
        found.update(m.group(1) for m in label_test.finditer(code))
    return found
