"""``graphkit explore``: an interactive page of my network, for a browser."""

from __future__ import annotations

import shlex

import click

from graphkit.cli.options import Settings, pass_settings, report_problems, say
from graphkit.io.table import Problems
from graphkit.store.base import MAX_HOPS


@click.command()
@click.option("--out", metavar="FILE", default="network.html", show_default=True,
              help="The page to write (.html); private (0600), written atomically.")
@click.option("--depth", type=click.IntRange(1, MAX_HOPS), default=2, show_default=True,
              help="How far from you the page draws, and the longest path it shows.")
@click.option("--anonymize", "anon", is_flag=True,
              help="Write the page from an anonymized copy of the network (for a bug report).")
@pass_settings
def explore(settings: Settings, out: str, depth: int, anon: bool) -> None:
    """Write your network as one offline web page to look at, search and click through.

    Works from a file:// URL with no network access; notes are never put in the page.

    \b
    Example:
      graphkit explore --out network.html
      graphkit explore --depth 3 --anonymize --out bug-report.html
    """
    from graphkit.explore.page import summary, write_explorer  # here: --help stays light

    prefix = "graphkit" + (f" --data {shlex.quote(settings.data)}" if settings.data else "")
    if anon:
        from datetime import date

        from graphkit.anonymize import anonymize
        from graphkit.io.network import read_network
        from graphkit.store.memory import MemoryStore

        problems = Problems(strict=settings.strict)
        network = read_network(settings.located().path, problems)
        report_problems(problems)
        if settings.infer:
            from graphkit.infer import with_inferred_ties

            network = with_inferred_ties(network)
        copy = anonymize(network)
        store = MemoryStore(copy.network, copy.as_of(settings.as_of or date.today()))
    else:
        store = settings.open()
    saved = write_explorer(store, out, depth, prefix=prefix, anonymized=anon)
    say(summary(saved), nl=False)
