"""Options shared by commands, as decorators, and the per-invocation context."""

from __future__ import annotations

import errno
import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from graphkit.errors import GraphkitError, InvalidArgument
from graphkit.io.dates import parse_date
from graphkit.io.table import Problems
from graphkit.render.formats import one_line, terminal_safe
from graphkit.store import BACKENDS
from graphkit.workspace.locate import Located, locate_network

if TYPE_CHECKING:
    from graphkit.team import PointOfView

SHOWN_WARNINGS = 10


@dataclass
class Settings:
    """What the global options chose."""

    data: str | None = None
    backend: str = "memory"
    as_of: date | None = None
    strict: bool = False
    infer: bool = False
    #: --as: the team member whose point of view the answers take (None: the owner's)
    member: str | None = None

    def located(self) -> Located:
        """The network folder; says on stderr when it is the bundled sample."""
        found = locate_network(self.data)
        if found.is_sample:
            click.echo("note: using the bundled sample network; point graphkit at your own "
                       "with --data DIR or GRAPHKIT_DATA (create one: graphkit init DIR --me "
                       "NAME)", err=True)
        return found

    def open(self) -> PointOfView:
        """Open the store as --as's member sees it (default: the owner), reporting any
        problems in the network files on stderr."""
        problems = Problems(strict=self.strict)
        from graphkit.team import point_of_view
        from graphkit.workspace import open_store  # loads the stores: only when a command runs

        store = open_store(self.located().path, self.backend, self.as_of, problems,
                           infer=self.infer, prompt=password_prompt())
        report_problems(problems)
        # Always a point of view: without --as, the owner's (their targets, no teammate's).
        return point_of_view(store, self.member)


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Echo human-readable text with every control character escaped
    (:func:`~graphkit.render.formats.terminal_safe`): names and file contents reach the
    terminal as text, never as terminal commands. JSON and CSV are echoed as they are."""
    click.echo(terminal_safe(text), err=err, nl=nl)


def report_problems(problems: Problems) -> None:
    """Print warnings (the first few in full) and the count of skipped rows to stderr."""
    items = list(problems)
    if not items:
        return
    skipped = problems.skipped_rows
    for problem in items[:SHOWN_WARNINGS]:
        say(f"warning: {one_line(str(problem))}", err=True)
    more = len(items) - SHOWN_WARNINGS
    click.echo(f"warning: {len(items)} problem{'s' if len(items) != 1 else ''} in the input, "
               f"{skipped} row{'s' if skipped != 1 else ''} skipped"
               + (f" ({more} more not shown; --strict stops at the first)" if more > 0 else ""),
               err=True)


def parse_as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError:
        raise click.BadParameter(f"'{terminal_safe(value)}' is not a date; use YYYY-MM-DD"
                                 ) from None


def global_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--data, --backend, --as-of, --as, --strict, --verbose, --infer on the top-level
    group."""
    f = click.option("--as", "member", metavar="MEMBER",
                     help="Answer from this team member's point of view: their targets, "
                     "paths from them (see graphkit team list).")(f)
    f = click.option("--infer", is_flag=True,
                     help="Add ties inferred from shared employers and small groups "
                     "(labelled [inferred]).")(f)
    f = click.option("-v", "--verbose", is_flag=True, help="Log what graphkit reads and "
                     "computes to stderr (counts and timings, never names or notes).")(f)
    f = click.option("--strict", is_flag=True,
                     help="Treat every warning about the input as an error.")(f)
    f = click.option("--as-of", "as_of", metavar="DATE", callback=parse_as_of,
                     help="Measure recency from this date (default today), for reproducible "
                     "output.")(f)
    f = click.option("--backend", type=click.Choice(BACKENDS), default="memory",
                     envvar="GRAPHKIT_BACKEND", show_default=True,
                     help="Where the graph lives.")(f)
    f = click.option("--data", metavar="DIR", envvar="GRAPHKIT_DATA",
                     help="Network folder (default: GRAPHKIT_DATA, ./graphkit.toml, or the "
                     "bundled sample).")(f)
    return f


def format_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """--format table|json|csv."""
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                        default="table", show_default=True, help="Output format.")(f)


def _setter(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value is None or value is False:
            return
        if name == "as_of":
            value = parse_as_of(ctx, param, value)
        settings = ctx.find_object(Settings)
        if settings is None:
            settings = ctx.ensure_object(Settings)
        setattr(settings, name, value)
    return store


def pass_settings(f: Callable[..., Any]) -> Callable[..., Any]:
    """Hand the command the :class:`Settings` of the invocation, and accept the global options
    after the command name too (``graphkit path-to X --as-of 2026-01-01``)."""
    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        settings = click.get_current_context().find_object(Settings) or Settings()
        return f(settings, *args, **kwargs)

    for name, decl, kwargs in (
        ("strict", "--strict", {"is_flag": True, "default": None}),
        ("infer", "--infer", {"is_flag": True, "default": None}),
        ("member", "--as", {"metavar": "MEMBER"}),
        ("as_of", "--as-of", {"metavar": "DATE"}),
        ("backend", "--backend", {"type": click.Choice(BACKENDS)}),
        ("data", "--data", {"metavar": "DIR"}),
    ):
        wrapper = click.option(decl, name, expose_value=False, is_eager=True,
                               callback=_setter(name), hidden=True, **kwargs)(wrapper)
    return wrapper


class GraphkitGroup(click.Group):
    """A group that turns graphkit's own errors into one clean line and a non-zero exit."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InvalidArgument as exc:
            raise click.ClickException(terminal_safe(exc.message(flag(exc.parameter)))
                                       ) from None
        except GraphkitError as exc:
            raise click.ClickException(terminal_safe(str(exc))) from None
        except OSError as exc:
            # The library maps the OS errors it expects where they happen; this is the net
            # for the rest (a folder that cannot be listed, a file that vanished), so that
            # the user still gets one line naming the file rather than a traceback.
            raise click.ClickException(terminal_safe(os_error_line(exc))) from None


#: What to do about an operating system's refusal, by errno.
_OS_ADVICE = {
    errno.EACCES: "permission denied; check the permissions of the file and of the folders "
                  "above it (ls -ld), or copy the network to a folder you own",
    errno.EPERM: "operation not permitted; check the permissions of the file and its folder",
    errno.ENOSPC: "the disk is full; free some space and run the command again",
    errno.EDQUOT: "the disk quota is exceeded; free some space and run the command again",
    errno.EROFS: "the file system is read-only; copy the network to a writable folder",
    errno.ENOENT: "not found; check the path",
    errno.ENOTDIR: "a part of the path is a file, not a folder; check the path",
    errno.EISDIR: "is a folder, not a file; check the path",
    errno.EIO: "input/output error; the disk may be failing: copy the network elsewhere",
}


def os_error_line(exc: OSError) -> str:
    """One line for an operating system error: the file, what is wrong, what to do.

    >>> os_error_line(PermissionError(13, "Permission denied", "net/people.csv"))[:42]
    'net/people.csv: permission denied; check t'
    >>> os_error_line(OSError(28, "No space left on device"))
    'the disk is full; free some space and run the command again'
    """
    what = _OS_ADVICE.get(exc.errno or 0) or str(exc.strerror or exc)
    names = [str(n) for n in (exc.filename, exc.filename2) if n is not None]
    return (" -> ".join(names) + ": " if names else "") + what


def flag(parameter: str) -> str:
    """The command-line flag for a library parameter name.

    >>> flag("max_hops")
    '--max-hops'
    """
    return "--" + parameter.replace("_", "-")


def password_prompt() -> Callable[[str], str] | None:
    """Ask for the Neo4j password without echoing it, when stdin is a terminal."""
    import getpass

    return getpass.getpass if sys.stdin is not None and sys.stdin.isatty() else None
