"""``graphkit load``: copy the network folder into a database backend (Neo4j)."""

from __future__ import annotations

import click

from graphkit.cli.options import Settings, pass_settings, report_problems
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
    from graphkit.store.neo4j import load_folder

    problems = Problems(strict=settings.strict)
    summary = load_folder(settings.located().path, settings.as_of, problems,
                          batch_size=batch_size, replace=replace, progress=True,
                          infer=settings.infer)
    report_problems(problems)
    click.echo("\n".join(summary.lines()))
