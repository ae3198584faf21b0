"""``graphkit check``: validate a network folder."""

from __future__ import annotations

import click

from graphkit.check import check_network
from graphkit.cli.options import Settings, pass_settings, say
from graphkit.render.formats import one_line


@click.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@pass_settings
def check(settings: Settings, folder: str | None) -> None:
    """Check every file of a network folder without changing anything.

    Prints each problem with file, line and column, then a summary. Exit status: 0 clean,
    1 warnings only, 2 errors.

    \b
    Example:
      graphkit check mynet/
    """
    result = check_network(folder or settings.located().path, settings.as_of)
    for error in result.errors:
        say(f"error: {one_line(str(error))}")
    for warning in result.warnings:
        say(f"warning: {one_line(str(warning))}")
    click.echo(f"{result.folder}: {len(result.errors)} error{'s' * (len(result.errors) != 1)}, "
               f"{len(result.warnings)} warning{'s' * (len(result.warnings) != 1)} "
               f"({result.skipped} row{'s' * (result.skipped != 1)} would be skipped)")
    raise SystemExit(result.exit_status)
