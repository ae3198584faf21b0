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


class BackendUnavailable(GraphkitError):
    """A storage backend cannot be reached or is not installed."""


class ConfigError(GraphkitError):
    """graphkit.toml or an option is invalid."""


class InvalidArgument(GraphkitError):
    """A function was called with a value outside what it accepts.

    The library names the *parameter* (``max_hops``); the command line translates it into the
    flag a user typed (``--max-hops``).

    Parameters
    ----------
    parameter : the name of the parameter, as the library spells it.
    value : the value given.
    expected : what would be accepted, e.g. ``"between 1 and 6"``.

    >>> str(InvalidArgument("max_hops", 9, "between 1 and 6"))
    'max_hops must be between 1 and 6, not 9'
    """

    def __init__(self, parameter: str, value: object, expected: str) -> None:
        self.parameter = parameter
        self.value = value
        self.expected = expected
        super().__init__(self.message(parameter))

    def message(self, name: str) -> str:
        """The message with the parameter called ``name`` (the CLI passes the flag)."""
        return f"{name} must be {self.expected}, not {self.value}"
