"""The one exception tree of graphkit.

Every error a user can cause is a :class:`GraphkitError`; its message names the bad value and
says how to fix it. Anything else escaping graphkit is a bug.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class GraphkitError(Exception):
    """Base class of every error graphkit raises on purpose."""


class InputError(GraphkitError):
    """A file graphkit was asked to read is wrong.

    Parameters
    ----------
    message : what is wrong and how to fix it.
    path : the file.
    line : 1-based line number where the bad record starts, if known.
    column : the 1-based column number or the column name, if known.
    """

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.reason = message
        super().__init__(format_location(self.path, line, column) + message)


def format_location(path: str | None, line: int | None, column: int | str | None) -> str:
    """Return ``"file:line: column 3 (name): "`` style prefix, omitting unknown parts.

    >>> format_location("people.csv", 4, "name")
    'people.csv:4: column name: '
    >>> format_location(None, None, None)
    ''
    """
    parts = []
    if path:
        parts.append(path if line is None else f"{path}:{line}")
    if column is not None:
        parts.append(f"column {column}")
    return ": ".join(parts) + (": " if parts else "")


class UnknownOrganization(GraphkitError):
    """An organization name matches nothing in the network."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        hint = (
            "did you mean " + ", ".join(f'"{s}"' for s in self.suggestions) + "?"
            if self.suggestions
            else "add it to organizations.csv (or as an alias of an existing one)."
        )
        super().__init__(f'no organization matches "{name}": {hint}')


class UnknownPerson(GraphkitError):
    """A person id or name matches nobody in the network."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        hint = (
            "did you mean " + ", ".join(f'"{s}"' for s in self.suggestions) + "?"
            if self.suggestions
            else "check people.csv."
        )
        super().__init__(f'no person matches "{name}": {hint}')


class NoPath(GraphkitError):
    """No path joins the two people within the hop limit."""


class BackendUnavailable(GraphkitError):
    """A storage backend cannot be reached or is not installed."""


class ConfigError(GraphkitError):
    """graphkit.toml or an option is invalid."""
