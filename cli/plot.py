"""``graphkit plot``: a picture of my network, or of my best paths to an organization."""

from __future__ import annotations

import click

from graphkit.cli.options import Settings, pass_settings
from graphkit.store.base import MAX_HOPS


@click.command()
@click.option("--out", metavar="FILE", help="Picture to write; .png, .svg or .pdf "
              "[default: network.png, or path-to-ORG.png with --path-to].")
@click.option("--path-to", "organization", metavar="ORG", help="Highlight my best paths to the "
              "people at ORG and fade everything else.")
@click.option("--hops", "--max-hops", type=click.IntRange(1, MAX_HOPS), default=2,
              show_default=True,
              help="How far from you to draw (and the longest path with --path-to).")
@click.option("--paths", type=click.IntRange(1, 50), default=5, show_default=True,
              help="How many of the best paths to highlight with --path-to.")
@click.option("--limit", type=click.IntRange(2, 5000), default=300, show_default=True,
              help="Most people drawn; above it, those with the strongest paths are kept.")
@click.option("--labels", type=click.IntRange(0, 500), default=30, show_default=True,
              help="Most names written (people on highlighted paths are always named).")
@click.option("--color", "colour_by", type=click.Choice(["community", "organization"]),
              default="community", show_default=True, help="What the node colours show.")
@click.option("--dpi", type=click.IntRange(10, 1200), default=150, show_default=True)
@click.option("--size", default="12x9", show_default=True, metavar="WxH",
              help="Figure size in inches.")
@pass_settings
def plot(settings: Settings, out: str | None, organization: str | None, hops: int, paths: int,
         limit: int, labels: int, colour_by: str, dpi: int, size: str) -> None:
    """Draw your network (or the best paths to an organization) to a PNG, SVG or PDF file.

    \b
    Example:
      graphkit plot --out network.png
      graphkit plot --path-to "Acme Corp" --out acme.svg
    """
    from graphkit.plot import parse_size, summary, write_plot  # here: --help stays light

    store = settings.open()
    saved = write_plot(store, out, organization, hops, paths, limit, colour_by, labels, dpi,
                       parse_size(size))
    click.echo(summary(saved), nl=False)
