"""``graphkit init`` and ``graphkit import``: creating and filling a network folder."""

from __future__ import annotations

import click

from graphkit.cli.options import Settings, pass_settings, report_problems, say
from graphkit.importing import import_file
from graphkit.workspace.init import init_network


@click.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--me", "me_name", required=True, metavar="NAME", help="Your name as it appears "
              "in your contacts' exports.")
def init(folder: str, me_name: str) -> None:
    """Create an empty network folder that knows who you are.

    \b
    Example:
      graphkit init mynet/ --me "Dana Whitfield"
    """
    done = init_network(folder, me_name)
    who = (f"you are {done.me.id}, found in people.csv" if done.found
           else f"you are {done.me.id}")
    say(f"{folder}: {who}; created {', '.join(done.created)}")
    if done.kept:
        say(f"  left alone: {', '.join(done.kept)}"
                   + (" (you were added to people.csv)" if "people.csv" in done.kept
                      and not done.found else ""))
    say(f"next: graphkit import linkedin Connections.csv --into {folder}")


@click.group(name="import")
def import_group() -> None:
    """Import an export (LinkedIn, Google Contacts, vCard) into a network folder.

    \b
    Example:
      graphkit import linkedin Connections.csv --into mynet/
      graphkit import linkedin teammate.csv --owner "Sam Ortiz" --into mynet/
    """


def _import_command(kind: str, what: str, example: str) -> click.Command:
    @click.command(name=kind, help=f"Import {what}.\n\n\b\nExample:\n  {example}")
    @click.argument("file", type=click.Path(dir_okay=False))
    @click.option("--into", "folder", metavar="DIR", help="Network folder (default: --data).")
    @click.option("--owner", metavar="NAME", help="Whose export this is (default: you). A "
                  "teammate's export adds the teammate's ties.")
    @pass_settings
    def command(settings: Settings, file: str, folder: str | None, owner: str | None) -> None:
        target = folder or settings.data
        if not target:
            raise click.UsageError("say which network folder to import into: --into DIR")
        summary, problems = import_file(target, kind, file, owner=owner, as_of=settings.as_of,
                                        strict=settings.strict, progress=True)
        report_problems(problems)
        for note in summary.notes:
            say(note)
        say(f"{file}: {summary.line()}")
        say(f"  {summary.ties_added} ties added, {summary.jobs_added} current jobs "
                   f"recorded, {summary.jobs_changed} jobs updated or ended, "
                   f"{summary.organizations_added} organizations added")

    return command


import_group.add_command(_import_command(
    "linkedin", "a LinkedIn Connections.csv (current or 2018 format)",
    "graphkit import linkedin Connections.csv --into mynet/"))
import_group.add_command(_import_command(
    "google", "a Google Contacts CSV (current or legacy export)",
    "graphkit import google contacts.csv --into mynet/"))
import_group.add_command(_import_command(
    "vcard", "a vCard 3.0/4.0 file (.vcf, many cards)",
    "graphkit import vcard contacts.vcf --into mynet/"))
