"""Recording the job search: ``find``, ``log``, ``stage``, ``intro``, ``target``, ``person``.

Every command that changes the network writes through :func:`graphkit.record.change_network`
(locked, only the changed rows, all files or none).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import click

from graphkit import record
from graphkit.cli.options import Settings, parse_as_of, pass_settings, report_problems
from graphkit.model import STAGES, Network
from graphkit.render.formats import terminal_safe


def _today(settings: Settings) -> date:
    return settings.as_of or date.today()


def _change(settings: Settings, change: Callable[[Network], Any],
            as_member: bool = False) -> Any:
    if settings.member is not None and not as_member:
        raise click.UsageError("--as applies to target lists and analyses; log, stage, intro "
                               "and person record your own relationships (run them without "
                               "--as)")
    result, problems = record.change_network(settings.located().path, change, settings.strict)
    report_problems(problems)
    return result


def _as(settings: Settings, network: Network) -> str:
    """The id of the team member --as names ("" without --as: the owner)."""
    from graphkit.team import resolve_member

    if settings.member is None:
        return ""
    return resolve_member(network.people.values(), network.me, settings.member).id


def _echo(text: str) -> None:
    click.echo(terminal_safe(text))


@click.command(name="find")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@pass_settings
def find_command(settings: Settings, text: str, limit: int) -> None:
    """People and organizations matching a name, email, URL fragment, alias or id.

    \b
    Example:
      graphkit find sara
      graphkit find linkedin.com/in/marcus
    """
    network, problems = record.read_folder(settings.located().path, settings.strict)
    report_problems(problems)
    found = record.find(network, text, limit + 1)
    if not found:
        _echo(f'nothing matches "{text}"')
        return
    for m in found[:limit]:
        detail = f" - {m.detail}" if m.detail else ""
        via = f"  [{m.matched}]" if m.matched != "name" else ""
        _echo(f"{m.kind:<12} {m.id:<28} {m.name}{detail}{via}")
    if len(found) > limit:
        _echo(f"(more than {limit}; narrow the search or raise --limit)")


@click.command(name="log")
@click.argument("person")
@click.option("--date", "when", metavar="DATE", callback=parse_as_of,
              help="When it happened (default: the as-of date, or today).")
@click.option("--kind", type=click.Choice(record.KINDS), default="message", show_default=True)
@click.option("--note", default="", metavar="TEXT",
              help="A private note (kept in ties.csv, never in reports or exports).")
@pass_settings
def log_command(settings: Settings, person: str, when: date | None, kind: str,
                note: str) -> None:
    """Record an interaction with PERSON (a name or an id).

    \b
    Example:
      graphkit log "Sara Pereira" --kind coffee --note "knows the Acme CFO"
      graphkit log p-marcus-bell --date 2026-11-20 --kind call
    """
    as_of = _today(settings)
    day = when or as_of

    def change(network: Network) -> record.Logged:
        who = record.resolve_person(network, person)
        return record.log_interaction(network, who, day, kind, note, as_of)

    _echo(_change(settings, change).message)


@click.command(name="stage")
@click.argument("person")
@click.argument("stage", type=click.Choice(STAGES[1:]), metavar="initiated|advice|referral")
@pass_settings
def stage_command(settings: Settings, person: str, stage: str) -> None:
    """Move your relationship with PERSON along: initiated, advice, referral.

    Prints the old and new strength of the tie.

    \b
    Example:
      graphkit stage "Sara Pereira" advice
    """
    as_of = _today(settings)

    def change(network: Network) -> record.Staged:
        return record.set_stage(network, record.resolve_person(network, person), stage, as_of)

    _echo(_change(settings, change).message)


STATUS_CHOICE = click.Choice([*record.INTRO_STATUSES, *record.INTRO_ALIASES],
                             case_sensitive=False)


@click.group(name="intro")
def intro_group() -> None:
    """The introductions log: who introduces you to whom (what `referrals` reads).

    \b
    Example:
      graphkit intro add "Marcus Bell" "Chloe Lee" --status requested
      graphkit intro update "Marcus Bell" "Chloe Lee" --status done
    """


@intro_group.command(name="add")
@click.argument("introducer")
@click.argument("person")
@click.option("--status", type=STATUS_CHOICE, default="requested", show_default=True,
              help="requested, offered, made (or done), met, declined.")
@click.option("--date", "when", metavar="DATE", callback=parse_as_of,
              help="When (default: the as-of date, or today).")
@pass_settings
def intro_add(settings: Settings, introducer: str, person: str, status: str,
              when: date | None) -> None:
    """Log that INTRODUCER introduces you to PERSON.

    \b
    Example:
      graphkit intro add "Marcus Bell" "Chloe Lee" --status requested
    """
    as_of = _today(settings)
    day = record.refuse_future(when or as_of, as_of)

    def change(network: Network) -> record.Introduced:
        return record.add_introduction(network, record.resolve_person(network, introducer,
                                                                      "introducer"),
                                       record.resolve_person(network, person), status, day)

    _echo(_change(settings, change).message)


@intro_group.command(name="update")
@click.argument("introducer")
@click.argument("person")
@click.option("--status", type=STATUS_CHOICE, help="The new status.")
@click.option("--date", "when", metavar="DATE", callback=parse_as_of,
              help="The new date (default: the as-of date when the status changes).")
@pass_settings
def intro_update(settings: Settings, introducer: str, person: str, status: str | None,
                 when: date | None) -> None:
    """Change the status or date of the introduction by INTRODUCER to PERSON.

    \b
    Example:
      graphkit intro update "Marcus Bell" "Chloe Lee" --status met
    """
    if status is None and when is None:
        raise click.UsageError("say what changed: --status or --date")
    as_of = _today(settings)
    day = record.refuse_future(when or as_of, as_of)

    def change(network: Network) -> record.Introduced:
        return record.update_introduction(network, record.resolve_person(network, introducer,
                                                                         "introducer"),
                                          record.resolve_person(network, person), status, day)

    _echo(_change(settings, change).message)


@click.group(name="target")
def target_group() -> None:
    """The target list: add, remove, list.

    \b
    Example:
      graphkit target add Netflix --priority 1
      graphkit target list
    """


@target_group.command(name="add")
@click.argument("organization")
@click.option("--priority", type=click.IntRange(min=1), help="1 = highest.")
@click.option("--notes", default="", metavar="TEXT", help="Private notes.")
@click.option("--industry", default="", help="For a new organization: its industry.")
@click.option("--location", default="", help="For a new organization: where it is.")
@click.option("--new", "create", is_flag=True,
              help="Create the organization even if its name is close to an existing one.")
@click.option("--role", default="", metavar="TEXT",
              help="The kind of role sought there (teammates after the same one are flagged).")
@click.option("--private/--shared", default=None,
              help="A private target is seen by you only, never by your teammates.")
@pass_settings
def target_add(settings: Settings, organization: str, priority: int | None, notes: str,
               industry: str, location: str, create: bool, role: str,
               private: bool | None) -> None:
    """Put ORGANIZATION on your target list (created if you know nobody there yet).

    \b
    Example:
      graphkit target add "Netflix" --priority 1 --industry media
      graphkit --as "Priya Raman" target add Hooli --role "FP&A Manager" --private
    """
    done = _change(settings, lambda n: record.add_target(
        n, organization, priority, notes, create, industry, location, _as(settings, n), role,
        private), as_member=True)
    _echo(done.message)


@target_group.command(name="remove")
@click.argument("organization")
@pass_settings
def target_remove(settings: Settings, organization: str) -> None:
    """Take ORGANIZATION off the target list (it stays in the network).

    \b
    Example:
      graphkit target remove Initech
    """
    _echo(_change(settings, lambda n: record.remove_target(n, organization, _as(settings, n)),
                  as_member=True).message)


@target_group.command(name="list")
@pass_settings
def target_list(settings: Settings) -> None:
    """The target list as it is in targets.csv, with the people there.

    \b
    Example:
      graphkit target list
    """
    network, problems = record.read_folder(settings.located().path, settings.strict)
    report_problems(problems)
    lines = record.target_list(network, _as(settings, network))
    if not lines:
        _echo("the target list is empty; add one: graphkit target add ORGANIZATION")
        return
    for t in lines:
        pri = str(t.priority) if t.priority is not None else "-"
        if t.organization is None:
            where = "matches no organization (graphkit target add it, or fix the name)"
        elif t.people_there:
            where = f"{t.people_there} {'person' if t.people_there == 1 else 'people'} there"
        else:
            where = "nobody there yet"
        name = t.organization.name if t.organization else t.listed_as
        status = f"  [{t.status}]" if t.status else ""
        role = f" ({t.role})" if t.role else ""
        private = "  [private]" if t.private else ""
        _echo(f"{pri:>3}  {name}{role}{status}{private}: {where}")


@click.group(name="person")
def person_group() -> None:
    """People you meet: add.

    \b
    Example:
      graphkit person add "Jordan Lee" --org Initech --title "Controller"
    """


@person_group.command(name="add")
@click.argument("name")
@click.option("--org", metavar="ORG", help="Where they work now (created if new).")
@click.option("--title", default="", help="Their job title.")
@click.option("--knows", multiple=True, metavar="PERSON",
              help="Someone in your network they know. Repeatable.")
@click.option("--email", default="", help="Their email address.")
@click.option("--date", "when", metavar="DATE", callback=parse_as_of,
              help="When you met (default: the as-of date, or today).")
@click.option("--new", "create", is_flag=True,
              help="Add them even if someone of that name (or an organization of a close "
              "name) exists.")
@click.option("--not-met", is_flag=True,
              help="Someone you heard of through --knows: no tie to you yet.")
@pass_settings
def person_add(settings: Settings, name: str, org: str | None, title: str,
               knows: tuple[str, ...], email: str, when: date | None, create: bool,
               not_met: bool) -> None:
    """Add NAME, someone you just met (tied to you), or heard of (--not-met).

    \b
    Example:
      graphkit person add "Jordan Lee" --org Initech --title Controller --knows "Marcus Bell"
      graphkit person add "Riley Chen" --org Netflix --knows "Jordan Lee" --not-met
    """
    as_of = _today(settings)
    day = record.refuse_future(when or as_of, as_of)
    if not_met and not knows:
        raise click.UsageError("--not-met needs --knows PERSON: who knows them?")
    done = _change(settings, lambda n: record.add_person(n, name, day, org, title, knows,
                                                         email, create, met=not not_met))
    _echo(done.message)
