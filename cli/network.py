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
    """Import an export (LinkedIn, Google Contacts, vCard) or evidence of contact (a calendar,
    a mailbox) into a network folder.

    \b
    Example:
      graphkit import linkedin Connections.csv --into mynet/
      graphkit import linkedin teammate.csv --owner "Sam Ortiz" --into mynet/
    """


def _import_command(kind: str, what: str, example: str, folders: bool = False,
                    addresses: bool = False) -> click.Command:
    @click.command(name=kind, help=f"Import {what}.\n\n\b\nExample:\n  {example}")
    @click.argument("file", type=click.Path(dir_okay=folders))
    @click.option("--into", "folder", metavar="DIR", help="Network folder (default: --data).")
    @click.option("--owner", metavar="NAME", help="Whose export this is (default: you). A "
                  "teammate's export adds the teammate's ties.")
    @click.option("--explain", is_flag=True, help="List every merge (which row became which "
                  "person, and why) and every warning.")
    @pass_settings
    def command(settings: Settings, file: str, folder: str | None, owner: str | None,
                explain: bool, address: tuple[str, ...] = ()) -> None:
        target = folder or settings.data
        if not target:
            raise click.UsageError("say which network folder to import into: --into DIR")
        summary, problems = import_file(target, kind, file, owner=owner, as_of=settings.as_of,
                                        strict=settings.strict, progress=True,
                                        addresses=address)
        if explain:
            for problem in problems:
                say(f"warning: {problem}", err=True)
        else:
            report_problems(problems)
        for note in summary.notes:
            say(note)
        if summary.read:
            say(f"{file}: {summary.line()}")
            click.echo(f"  {summary.ties_added} ties added, {summary.jobs_added} current jobs "
                       f"recorded, {summary.jobs_changed} jobs updated or ended, "
                       f"{summary.organizations_added} organizations added")
        for channel, found in summary.evidence.items():
            click.echo(f"{_EVIDENCE_WORDS[channel]}: {found.line('interactions')}")
            click.echo(f"  {found.ties_changed} ties given evidence ({found.ties_added} new)")
        if explain:
            for merge in summary.merges:
                say(f"  merged {merge}")
        if summary.log is not None and (summary.merges or len(problems) or summary.evidence):
            say(f"every merge and warning: {summary.log}"
                       + ("" if explain else " (or --explain)"))

    if addresses:
        command = click.option("--address", multiple=True, metavar="EMAIL",
                               help="Your email address (repeat for several); default: the "
                               "owner's email in people.csv, else the most frequent one."
                               )(command)
    return command


_EVIDENCE_WORDS = {"linkedin": "LinkedIn activity (messages, invitations, recommendations, "
                   "endorsements)",
                   "calendar": "meetings", "mail": "mail"}

import_group.add_command(_import_command(
    "linkedin", "a LinkedIn Connections.csv (current or 2018 format), or LinkedIn's data "
    "archive (the zip or its folder: connections plus messages, invitations, recommendations "
    "and endorsements, counts and dates only)",
    "graphkit import linkedin Complete_LinkedInDataExport.zip --into mynet/", folders=True))
import_group.add_command(_import_command(
    "google", "a Google Contacts CSV (current or legacy export)",
    "graphkit import google contacts.csv --into mynet/"))
import_group.add_command(_import_command(
    "vcard", "a vCard 3.0/4.0 file (.vcf, many cards)",
    "graphkit import vcard contacts.vcf --into mynet/"))
import_group.add_command(_import_command(
    "calendar", "meetings from a calendar file (.ics): each attendee you know gains a meeting "
    "(who and when only; no titles or descriptions)",
    "graphkit import calendar calendar.ics --into mynet/", addresses=True))
import_group.add_command(_import_command(
    "mbox", "mail headers from a mailbox (.mbox: From, To, Cc, Date; bodies never read)",
    "graphkit import mbox All-mail.mbox --into mynet/ --address me@example.org",
    addresses=True))


@import_group.command(name="attendees")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--group", required=True, metavar="NAME", help="The group or event they "
              "attended (a new group, or one already in groups.csv).")
@click.option("--into", "folder", metavar="DIR", help="Network folder (default: --data).")
@click.option("--explain", is_flag=True, help="List every match (which row became which "
              "person, and why) and every warning.")
@pass_settings
def import_attendees_command(settings: Settings, file: str, group: str, folder: str | None,
                             explain: bool) -> None:
    """Import an event's attendee list (name, email, company, title) as members of a group.

    \b
    Example:
      graphkit import attendees meetup-rsvps.csv --group "Boston Analytics Meetup" --into mynet/
    """
    from graphkit.attendees import import_attendees

    target = folder or settings.data
    if not target:
        raise click.UsageError("say which network folder to import into: --into DIR")
    result, problems = import_attendees(target, file, group, settings.as_of, settings.strict)
    if explain:
        for problem in problems:
            say(f"warning: {problem}", err=True)
    else:
        report_problems(problems)
    for line in result.lines(file):
        say(line)
    if explain:
        for merge in result.merges:
            say(f"  matched {merge}")
