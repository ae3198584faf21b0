"""``graphkit export``: a copy of the network folder, optionally anonymized."""

from __future__ import annotations

from pathlib import Path

import click

from graphkit.anonymize import anonymize
from graphkit.cli.options import Settings, pass_settings, report_problems
from graphkit.errors import GraphkitError
from graphkit.io.network import FILES, read_network
from graphkit.io.settings import CONFIG_FILE
from graphkit.io.table import Problems
from graphkit.workspace.write import write_network


@click.command()
@click.argument("out", type=click.Path(file_okay=False))
@click.option("--anonymize", "anon", is_flag=True, help="Replace names, emails, URLs, group "
              "names and notes with stable pseudonyms (the analyses give the same results).")
@pass_settings
def export(settings: Settings, out: str, anon: bool) -> None:
    """Write a copy of the network into the folder OUT.

    \b
    Example:
      graphkit --data mynet/ export --anonymize bug-report/
    """
    taken = [name for name in (CONFIG_FILE, *(spec.name for spec in FILES))
             if (Path(out) / name).exists()]
    if taken:
        raise GraphkitError(f"{out} already holds a network ({', '.join(taken)}); "
                            "export into a new or empty folder")
    problems = Problems(strict=settings.strict)
    network = read_network(settings.located().path, problems)
    report_problems(problems)
    write_network(out, anonymize(network) if anon else network)
    click.echo(f"wrote {len(network.people)} people, {len(network.ties)} ties to {out}"
               + (" (anonymized)" if anon else ""))
