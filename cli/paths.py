"""``graphkit path-to``: whom to ask for an introduction to people at an organization."""

from __future__ import annotations

import click

from graphkit.analysis.paths import path_to as find_paths
from graphkit.cli.options import Settings, format_option, pass_settings
from graphkit.render import paths as render
from graphkit.store.base import MAX_HOPS


@click.command(name="path-to")
@click.argument("organization")
@click.option("--max-hops", type=click.IntRange(1, MAX_HOPS), default=2, show_default=True,
              help="1 = people you know there; 2 = through one contact; 3 = two contacts.")
@format_option
@pass_settings
def path_to(settings: Settings, organization: str, max_hops: int, fmt: str) -> None:
    """Ranked, explained paths from you to the people at ORGANIZATION, grouped by whom to ask.

    \b
    Example:
      graphkit path-to "Acme Corp"
      graphkit path-to acme --max-hops 3 --format json
    """
    result = find_paths(settings.open(), organization, max_hops)
    click.echo(render.render(result, fmt), nl=False)
