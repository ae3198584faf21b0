"""``graphkit load``: copy the network folder into a database backend (Neo4j)."""

from __future__ import annotations

import sys
from typing import Any

import click

from graphkit.cli.options import Settings, pass_settings, password_prompt, report_problems
from graphkit.io.table import Problems


@click.command()
@click.option("--replace", is_flag=True, help="Delete graphkit's own nodes in the database "
              "first (only its labels: Person, Organization, Group, Introduction, Target).")
@click.option("--batch-size", type=click.IntRange(1), default=5000, show_default=True,
              help="Rows per transaction.")
@pass_settings
def load(settings: Settings, replace: bool, batch_size: int) -> None:
    """Load the network folder into Neo4j, with tie strengths as of --as-of (default today).

    With --infer, the inferred ties are loaded too (then query with --infer).
    Re-running changes nothing; re-run an interrupted load to complete it. Connection:
    NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE or [neo4j] in graphkit.toml.

    \b
    Example:
      graphkit --data mynet/ load --backend neo4j
    """
    if settings.backend != "neo4j":
        raise click.UsageError("load copies the network into a database: add --backend neo4j")
    from graphkit.workspace.load import load_folder

    problems = Problems(strict=settings.strict)
    summary = load_folder(settings.located().path, settings.as_of, problems,
                          batch_size=batch_size, replace=replace, progress=progress_bar,
                          infer=settings.infer, prompt=password_prompt())
    report_problems(problems)
    click.echo("\n".join(summary.lines()))


def progress_bar(total: int) -> Any:
    """The progress bar of a load, on stderr (tqdm leaves it out when stderr is no terminal)."""
    from tqdm import tqdm

    return tqdm(total=total, desc="loading", unit=" rows", file=sys.stderr, leave=False,
                disable=None)
