"""``graphkit targets``: reach over the target list."""

from __future__ import annotations

import click

from graphkit.cli.options import Settings, format_option, pass_settings
from graphkit.store.base import MAX_HOPS


@click.command()
@click.option("--max-hops", type=click.IntRange(1, MAX_HOPS), default=2, show_default=True,
              help="1 = people you know there; 2 = through one contact; 3 = two contacts.")
@click.option("--all", "all_organizations", is_flag=True,
              help="Every organization in the network, not just targets.csv.")
@format_option
@pass_settings
def targets(settings: Settings, max_hops: int, all_organizations: bool, fmt: str) -> None:
    """Reach over your target list: degree, best score, doors in, and whom to ask first.

    \b
    Example:
      graphkit targets
      graphkit targets --max-hops 3 --format csv > reach.csv
    """
    # Imported here, so that ``graphkit --help`` loads no networkx.
    from graphkit.analysis.reach import reach
    from graphkit.render import reach as answer

    result = reach(settings.open(), max_hops, all_organizations)
    click.echo(answer.warnings(result), err=True, nl=False)
    click.echo(answer.render(result, fmt), nl=False)
