"""``graphkit groups``: which groups are worth your time."""

from __future__ import annotations

import click

from graphkit.cli.options import Settings, format_option, pass_settings, say


@click.command(name="groups")
@click.option("--target", metavar="ORG", help="Rank the groups for this one organization "
              "instead of your target list.")
@format_option
@pass_settings
def groups_command(settings: Settings, target: str | None, fmt: str) -> None:
    """Groups ranked by what they add: people at your targets, people new to you, overlap
    with the groups you attend, and what you share to open a conversation.

    \b
    Example:
      graphkit groups
      graphkit groups --target "Acme Corp" --format json
      graphkit --as "Priya Raman" groups
    """
    # Imported here, so that ``graphkit --help`` loads no networkx.
    from graphkit.analysis.groups import group_values
    from graphkit.render import groups as answer

    text = answer.render(group_values(settings.open(), target), fmt)
    if fmt == "table":
        say(text, nl=False)
    else:
        click.echo(text, nl=False)
