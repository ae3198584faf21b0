"""``graphkit weak-ties``: who bridges you into circles you cannot otherwise reach."""

from __future__ import annotations

import click

from graphkit.cli.options import Settings, format_option, pass_settings


@click.command(name="weak-ties")
@click.option("--depth", type=click.IntRange(1, 2), default=1, show_default=True,
              help="1 = your contacts and the ties among them; 2 = their contacts too.")
@format_option
@pass_settings
def weak_ties_command(settings: Settings, depth: int, fmt: str) -> None:
    """Brokers, local bridges, circles, and the dormant ties worth reviving.

    \b
    Example:
      graphkit weak-ties
      graphkit weak-ties --depth 2 --format json
    """
    # Imported here, so that ``graphkit --help`` loads no networkx.
    from graphkit.analysis.weak_ties import weak_ties
    from graphkit.render import weak_ties as answer

    result = weak_ties(settings.open(), depth)
    click.echo(answer.render(result, fmt), nl=False)
