"""``graphkit export``: a copy of the network folder, optionally anonymized."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from graphkit.anonymize import anonymize
from graphkit.cli.options import Settings, pass_settings, report_problems
from graphkit.errors import GraphkitError
from graphkit.io.network import FILES, read_network
from graphkit.io.settings import CONFIG_FILE
from graphkit.io.table import Problems
from graphkit.workspace.lock import network_lock
from graphkit.workspace.transaction import pending, recover
from graphkit.workspace.write import write_network


@click.command()
@click.argument("out", type=click.Path(file_okay=False))
@click.option("--anonymize", "anon", is_flag=True, help="Pseudonymize people, organizations "
              "and groups, generalize titles, move every date by one secret offset, drop notes, "
              "locations, tags and unknown columns (the analyses give the same results).")
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
    source = settings.located().path
    if pending(source):  # a change a crash interrupted: complete (or discard) it first
        with network_lock(source):
            recover(source)
    problems = Problems(strict=settings.strict)
    network = read_network(source, problems)
    report_problems(problems)
    copy = anonymize(network) if anon else None
    write_network(out, copy.network if copy is not None else network)
    click.echo(f"wrote {len(network.people)} people, {len(network.ties)} ties to {out}"
               + (" (anonymized)" if anon else ""))
    if copy is not None:
        as_of = settings.as_of or date.today()
        click.echo("  kept: who knows, introduced and works with whom, stages, strengths, "
                   "interactions, priorities; pseudonyms for people, organizations, groups, "
                   "industries and places; titles as a level; every date moved by a secret "
                   "offset; notes, locations, tags and unknown columns dropped")
        click.echo(f"  the answers of {as_of} are the copy's answers of {copy.as_of(as_of)}: "
                   f"graphkit --data {out} --as-of {copy.as_of(as_of)} targets")
