"""``graphkit report``: what changed with my targets since the last snapshot."""

from __future__ import annotations

from contextlib import ExitStack
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from graphkit.cli.options import Settings, parse_as_of, pass_settings, say
from graphkit.store.base import MAX_HOPS
from graphkit.workspace.locate import locate_network
from graphkit.workspace.lock import network_lock
from graphkit.workspace.snapshots import default_state
from graphkit.workspace.transaction import WriteError

if TYPE_CHECKING:  # the report pulls in the analyses (networkx); `graphkit --help` does not
    from graphkit.report.run import ReportRun

#: Exit statuses of a report run (documented in the command's help).
EXIT_QUIET = 0
EXIT_NEWS = 3
EXIT_NOT_DELIVERED = 4


@click.command()
@click.option("--format", "fmt", type=click.Choice(["markdown", "html", "json"]),
              default="markdown", show_default=True, help="Output format.")
@click.option("--out", metavar="DIR", help="Write graphkit-report-DATE.EXT into DIR "
              "(default: standard output).")
@click.option("--state", metavar="DIR", help="Snapshot folder [default: NETWORK/.graphkit/state].")
@click.option("--since", metavar="DATE", callback=parse_as_of,
              help="Compare with the newest snapshot on or before DATE (default: the last one).")
@click.option("--all", "all_orgs", is_flag=True, help="Every organization, not only targets.")
@click.option("--max-hops", type=click.IntRange(1, MAX_HOPS), default=2, show_default=True)
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.05, show_default=True,
              help="Smallest best-score change reported.")
@click.option("--email", multiple=True, metavar="ADDR", help="Also send it to ADDR over SMTP "
              "([smtp] in graphkit.toml; password in GRAPHKIT_SMTP_PASSWORD). Repeatable.")
@click.option("--no-plot", is_flag=True, help="Leave the network picture out of HTML reports.")
@pass_settings
def report(settings: Settings, **options: Any) -> None:
    """Report newly reachable targets, better and lost paths, and new people at targets.

    Exit status: 0 nothing new (or first run), 3 something new, 4 report written but the
    e-mail failed, 1 error (nothing recorded), 2 bad usage.

    \b
    Example:
      graphkit report
      graphkit report --format html --out reports/ --email me@example.org
    """
    run = report_once(settings, **options)
    if run.written is None:
        click.echo(run.text, nl=False)  # Markdown and HTML escape names; JSON is exact data
    else:
        say(f"wrote {run.written}", err=True)
    if run.delivery_error:
        say(f"Error: {run.delivery_error}", err=True)
    click.get_current_context().exit(exit_code(run))


def exit_code(run: ReportRun) -> int:
    """0 nothing new, 3 something new, 4 written but not delivered (documented)."""
    if run.delivery_failed:
        return EXIT_NOT_DELIVERED
    return EXIT_NEWS if run.has_news else EXIT_QUIET


def report_once(settings: Settings, fmt: str = "markdown", out: str | None = None,
                state: str | None = None, since: date | None = None, all_orgs: bool = False,
                max_hops: int = 2, threshold: float = 0.05, email: tuple[str, ...] = (),
                no_plot: bool = False) -> ReportRun:
    """One report run with the command's options (``graphkit schedule run`` repeats it)."""
    from graphkit.report.run import run_report

    located = locate_network(settings.data)
    smtp = None
    if email:  # refused before anything is computed or recorded
        from graphkit.mail import SmtpSettings, check_addresses

        check_addresses(email)
        smtp = SmtpSettings.from_network(located.path)
    with ExitStack() as stack:
        # The network's own lock (imports take it too), so no import changes it mid-report.
        # The bundled sample, or a network folder this user cannot write (a shared, read-only
        # copy), is read without it: nobody here can change it; the snapshots then go to
        # --state.
        if not located.is_sample:
            try:
                stack.enter_context(network_lock(located.path))
            except (WriteError, OSError):
                pass
        store = settings.open()
        targets = [org.id for org in store.organizations()] if all_orgs else None
        viewer = store.me().id
        member = viewer if viewer != store.owner else None
        return run_report(store, state or default_state(located.path, located.is_sample, member),
                          fmt,
                          out, since, targets, max_hops, threshold, not no_plot, email, smtp)
