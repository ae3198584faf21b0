"""The ``graphkit`` command: global options, then one subcommand per question."""

from __future__ import annotations

import logging
from datetime import date

import click

from graphkit.cli.check import check
from graphkit.cli.export import export
from graphkit.cli.load import load
from graphkit.cli.network import import_group, init
from graphkit.cli.options import GraphkitGroup, Settings, global_options, say
from graphkit.cli.paths import path_to
from graphkit.cli.plot import plot
from graphkit.cli.referrals import referrals
from graphkit.cli.report import report
from graphkit.cli.schedule import schedule
from graphkit.cli.targets import targets
from graphkit.cli.weak_ties import weak_ties_command
from graphkit.render.formats import one_line


class EchoHandler(logging.Handler):
    """Log records to the current stderr as ``graphkit: message``."""

    def emit(self, record: logging.LogRecord) -> None:
        say(f"graphkit: {one_line(record.getMessage())}", err=True)


@click.group(cls=GraphkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@global_options
@click.version_option(package_name="graphkit")
@click.pass_context
def main(ctx: click.Context, data: str | None, backend: str, as_of: date | None, strict: bool,
         verbose: bool, infer: bool) -> None:
    """graphkit: whom to ask, in your own professional network.

    \b
    Example:
      graphkit path-to "Acme Corp"
      graphkit --data mynet/ path-to "Acme Corp" --max-hops 3 --format json
    """
    if verbose:
        logger = logging.getLogger("graphkit")
        logger.setLevel(logging.INFO)
        handler = EchoHandler()
        logger.addHandler(handler)

        def stop_logging() -> None:
            logger.removeHandler(handler)
            logger.setLevel(logging.NOTSET)

        ctx.call_on_close(stop_logging)
    ctx.obj = Settings(data=data, backend=backend, as_of=as_of, strict=strict,
                       infer=infer)


main.add_command(init)
main.add_command(check)
main.add_command(export)
main.add_command(import_group)
main.add_command(path_to)
main.add_command(plot)
main.add_command(report)
main.add_command(schedule)
main.add_command(targets)
main.add_command(weak_ties_command)
main.add_command(referrals)
main.add_command(load)
