"""``graphkit team``: the job search work team's members, its board, and a member leaving."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from graphkit.cli.options import Settings, pass_settings, report_problems, say
from graphkit.model import Network
from graphkit.store.base import MAX_HOPS


@click.group(name="team")
def team_group() -> None:
    """The job search work team: its members, their board of introductions, and a member
    leaving.

    \b
    Example:
      graphkit team add "Priya Raman"
      graphkit team board --format html --out board.html
    """


def _change(settings: Settings, change: Callable[[Network], Any]) -> str:
    from graphkit import record

    if settings.member is not None:
        raise click.UsageError("--as does not apply here: the team is changed by the "
                               "network's owner (run it without --as)")
    result, problems = record.change_network(settings.located().path, change,
                                             settings.strict)
    report_problems(problems)
    return str(result.message)


@team_group.command(name="add")
@click.argument("person")
@pass_settings
def team_add(settings: Settings, person: str) -> None:
    """Put PERSON (a name or an id) on the team; they get their own target list.

    \b
    Example:
      graphkit team add "Priya Raman"
    """
    from graphkit.team import add_member

    say(_change(settings, lambda n: add_member(n, person)))


@team_group.command(name="remove")
@click.argument("name", metavar="MEMBER")
@pass_settings
def team_remove(settings: Settings, name: str) -> None:
    """Take MEMBER off the team and remove everything that came only from their exports.

    \b
    Example:
      graphkit team remove "Marcus Bell"
    """
    from graphkit.team import remove_member

    say(_change(settings, lambda n: remove_member(n, name)))


@team_group.command(name="list")
@pass_settings
def team_list(settings: Settings) -> None:
    """The team: each member, their targets and the rows their exports brought.

    \b
    Example:
      graphkit team list
    """
    from graphkit import record
    from graphkit.team import team_list as members

    network, problems = record.read_folder(settings.located().path, settings.strict)
    report_problems(problems)
    for m in members(network):
        private = f", {m.private_targets} private" if m.private_targets else ""
        who = " (owner)" if m.owner else ""
        rows = ("every row without provenance is theirs" if m.owner else
                f"{m.rows} rows from their exports, {m.rows_only_theirs} only from theirs")
        say(f"{m.person.name} ({m.person.id}){who}: {m.targets} target"
            f"{'s' if m.targets != 1 else ''}{private}; {rows}")


@team_group.command(name="board")
@click.option("--max-hops", type=click.IntRange(1, MAX_HOPS), default=2, show_default=True,
              help="Longest path from a member: 1 = people they know there.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "html"]),
              default="table", show_default=True, help="Output format.")
@click.option("--out", metavar="FILE", help="Write to FILE (private, 0600) instead of stdout.")
@pass_settings
def team_board(settings: Settings, max_hops: int, fmt: str, out: str | None) -> None:
    """Each member's targets with the teammates holding the best doors, the asks for this
    week, and the gaps.

    \b
    Example:
      graphkit team board
      graphkit --as "Priya Raman" team board --format html --out board.html
    """
    from graphkit.render import board as answer
    from graphkit.team import board
    from graphkit.workspace.transaction import write_private

    text = answer.render(board(settings.open(), max_hops), fmt)
    if out:
        write_private(out, text)
        say(f"wrote {out}")
    elif fmt in ("json", "csv"):
        click.echo(text, nl=False)
    else:
        say(text, nl=False)
