"""``graphkit schedule``: run the report every week (crontab), or in the foreground."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from graphkit.cli.options import Settings, format_option, pass_settings, say
from graphkit.cli.report import EXIT_NEWS, exit_code, report_once
from graphkit.render.formats import csv_text, json_text, one_line
from graphkit.schedule import (
    add_entry,
    check_cron,
    entries,
    graphkit_executable,
    open_crontab,
    remove_entries,
    report_command,
    run_forever,
)
from graphkit.store.base import MAX_HOPS
from graphkit.workspace.locate import locate_network
from graphkit.workspace.snapshots import StateFolder, default_state

crontab_option = click.option("--crontab", "tabfile", metavar="FILE", help="Edit this crontab "
                              "file instead of your user crontab (for testing or cron.d).")


def report_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The report options a schedule passes on."""
    for decorator in reversed((
        click.option("--cron", "expression", required=True, metavar="EXPR",
                     help='When, as a cron expression: "0 8 * * MON" is Mondays at 08:00.'),
        click.option("--out", metavar="DIR", help="Write each report into DIR."),
        click.option("--email", multiple=True, metavar="ADDR", help="Send each report to ADDR."),
        click.option("--format", "fmt", type=click.Choice(["markdown", "html", "json"]),
                     default="markdown", show_default=True),
        click.option("--state", metavar="DIR", help="Snapshot folder."),
        click.option("--all", "all_orgs", is_flag=True, help="Every organization."),
        click.option("--max-hops", type=click.IntRange(1, MAX_HOPS), default=2, show_default=True),
    )):
        f = decorator(f)
    return f


@click.group()
def schedule() -> None:
    """Run `graphkit report` on a schedule: a crontab entry, or a foreground loop.

    \b
    Example:
      graphkit schedule add --cron "0 8 * * MON" --out ~/reports
      graphkit schedule list
    """


@schedule.command()
@report_options
@click.option("--dry-run", is_flag=True, help="Print the entry without installing it.")
@crontab_option
@pass_settings
def add(settings: Settings, expression: str, out: str | None, email: tuple[str, ...], fmt: str,
        state: str | None, all_orgs: bool, max_hops: int, dry_run: bool,
        tabfile: str | None) -> None:
    """Install a crontab entry that runs the report (output appended to STATE/schedule.log).

    \b
    Example:
      graphkit schedule add --cron "0 8 * * MON" --out ~/reports --email me@example.org
      graphkit schedule add --cron "0 8 * * MON" --out ~/reports --dry-run
    """
    check_cron(expression)
    from graphkit.mail import check_addresses  # here: --help loads no smtplib

    check_addresses(email)
    if not out and not email:
        raise click.UsageError("a scheduled report needs somewhere to go: --out DIR and/or "
                               "--email ADDR")
    located = locate_network(settings.data)
    member = None
    if settings.member is not None:  # checked now, not at 8 a.m. every Monday
        store = settings.open()
        member = store.me().id if store.me().id != store.owner else None
    folder = Path(state).resolve() if state else default_state(located.path.resolve(),
                                                               located.is_sample, member)
    args = ["--format", fmt] + (["--out", str(Path(out).resolve())] if out else [])
    args += [w for a in email for w in ("--email", a)] + (["--state", str(folder)] if state
                                                          else [])
    args += (["--all"] if all_orgs else []) + (["--max-hops", str(max_hops)]
                                               if max_hops != 2 else [])
    globals_ = ["--data", str(located.path.resolve())] + (
        ["--backend", settings.backend] if settings.backend != "memory" else []) + (
        ["--as", member] if member is not None else [])
    command = report_command(graphkit_executable(), globals_, args, folder / "schedule.log")
    entry = add_entry(open_crontab(tabfile, missing_ok=dry_run), expression, command, dry_run)
    if not dry_run:
        StateFolder(folder).ensure()
    say(("would add: " if dry_run else f"added schedule {entry.id}: ") + entry.line)


@schedule.command(name="list")
@format_option
@crontab_option
def list_(fmt: str, tabfile: str | None) -> None:
    """List graphkit's crontab entries (and only those).

    \b
    Example:
      graphkit schedule list --format json
    """
    found = entries(open_crontab(tabfile))
    rows = [{"id": e.id, "cron": e.cron, "command": e.command, "enabled": e.enabled}
            for e in found]
    if fmt == "json":
        click.echo(json_text(rows), nl=False)
    elif fmt == "csv":
        click.echo(csv_text(["id", "cron", "command", "enabled"],
                            ([r[k] for k in r] for r in rows)), nl=False)
    elif not found:
        click.echo("no graphkit schedules; add one with graphkit schedule add --cron ...")
    else:
        for e in found:
            say(f"{e.id}  {e.cron}  {one_line(e.command)}" + ("" if e.enabled else "  (disabled)"))


@schedule.command()
@click.argument("ids", nargs=-1, type=int)
@click.option("--all", "everything", is_flag=True, help="Remove every graphkit entry.")
@crontab_option
def remove(ids: tuple[int, ...], everything: bool, tabfile: str | None) -> None:
    """Remove graphkit's crontab entries by id (see `graphkit schedule list`).

    \b
    Example:
      graphkit schedule remove 1
    """
    if not ids and not everything:
        raise click.UsageError("say which schedules to remove: graphkit schedule remove ID... "
                               "or --all")
    removed = remove_entries(open_crontab(tabfile), ids, everything)
    say(f"removed {len(removed)} schedule{'s' if len(removed) != 1 else ''}"
               + "".join(f"\n  {e.line}" for e in removed))


@schedule.command()
@report_options
@pass_settings
def run(settings: Settings, expression: str, **options: Any) -> None:
    """Stay in the foreground and run the report on the cron expression (for hosts without
    cron); each run is logged on stderr. Stop with Ctrl-C.

    \b
    Example:
      graphkit schedule run --cron "0 8 * * MON" --out ~/reports
    """
    check_cron(expression)

    def job() -> str:
        done = report_once(settings, **options)
        if done.written is None:
            click.echo(done.text, nl=False)
        where = f"wrote {done.written}" if done.written else "printed the report"
        news = "something new" if exit_code(done) == EXIT_NEWS else "nothing new"
        failed = f"; e-mail failed: {done.delivery_error}" if done.delivery_error else ""
        return f"{where}; {news}{failed}"

    try:
        run_forever(expression, job, log=lambda line: say(line, err=True))
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
