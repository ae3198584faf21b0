"""The ``graphkit`` command: global options, then one subcommand per question."""

from __future__ import annotations

import importlib
import logging
from datetime import date

import click

from graphkit.cli.options import GraphkitGroup, Settings, global_options, say
from graphkit.render.formats import one_line

#: Every command: its module and object, imported only when the command runs (so ``graphkit
#: --help`` loads no command's dependencies), and the one-line help ``--help`` lists (kept equal
#: to the command's own docstring by tests/test_cli.py).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("check", "check",
              "Check every file of a network folder without changing anything."),
    "export": ("export", "export", "Write a copy of the network into the folder OUT."),
    "explore": ("explore", "explore", "Write your network as one offline web page to look at, "
                "search and click through."),
    "import": ("network", "import_group", "Import an export (LinkedIn, Google Contacts, vCard) "
               "or evidence of contact (a calendar, a mailbox) into a network folder."),
    "init": ("network", "init", "Create an empty network folder that knows who you are."),
    "load": ("load", "load",
             "Load the network folder into Neo4j, with tie strengths as of --as-of (default "
             "today)."),
    "path-to": ("paths", "path_to", "Ranked, explained paths from you to the people at "
                "ORGANIZATION, grouped by whom to ask."),
    "plot": ("plot", "plot", "Draw your network (or the best paths to an organization) to a "
             "PNG, SVG or PDF file."),
    "referrals": ("referrals", "referrals",
                  "Your referral chains, the follow-ups due, and plans of whom to ask."),
    "report": ("report", "report", "Report newly reachable targets, better and lost paths, and "
               "new people at targets."),
    "schedule": ("schedule", "schedule",
                 "Run `graphkit report` on a schedule: a crontab entry, or a foreground loop."),
    "targets": ("targets", "targets", "Reach over your target list: degree, best score, doors "
                "in, and whom to ask first."),
    "weak-ties": ("weak_ties", "weak_ties_command",
                  "Brokers, local bridges, circles, and the dormant ties worth reviving."),
    "find": ("record", "find_command", "People and organizations matching a name, email, URL "
             "fragment, alias or id."),
    "log": ("record", "log_command", "Record an interaction with PERSON (a name or an id)."),
    "stage": ("record", "stage_command", "Move your relationship with PERSON along: initiated, "
              "advice, referral."),
    "intro": ("record", "intro_group", "The introductions log: who introduces you to whom "
              "(what `referrals` reads)."),
    "target": ("record", "target_group", "The target list: add, remove, list."),
    "person": ("record", "person_group", "People you meet: add."),
    "next": ("plan", "next_command", "What to do this week: follow-ups due, the best asks, ties "
             "to revive, doors to open."),
    "what-if": ("plan", "what_if_group", "Which targets open, or get a better path, if one tie "
                "changed."),
    "ask": ("ask", "ask", "Draft a message to PERSON for the next step: advice, names, an "
            "introduction."),
    "groups": ("groups", "groups_command", "Groups ranked by what they add: people at your "
               "targets, people new to you, overlap with the groups you attend, and what you "
               "share to open a conversation."),
    "team": ("team", "team_group", "The job search work team: its members, their board of "
             "introductions, and a member leaving."),
}


class LazyGroup(GraphkitGroup):
    """A group whose commands are imported when they run, not when the group is built."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module, attr, _ = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f"graphkit.cli.{module}"), attr)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list, from :data:`COMMANDS`' one-line helps (nothing imported)."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max((len(n) for n in names), default=0)
        rows = []
        for name in names:
            if name in COMMANDS:
                short = click.Command(name, help=COMMANDS[name][2]).get_short_help_str(limit)
            else:
                command = self.get_command(ctx, name)
                short = command.get_short_help_str(limit) if command else ""
            rows.append((name, short))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class EchoHandler(logging.Handler):
    """Log records to the current stderr as ``graphkit: message``."""

    def emit(self, record: logging.LogRecord) -> None:
        say(f"graphkit: {one_line(record.getMessage())}", err=True)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@global_options
@click.version_option(package_name="graphkit")
@click.pass_context
def main(ctx: click.Context, data: str | None, backend: str, as_of: date | None, strict: bool,
         verbose: bool, infer: bool, member: str | None) -> None:
    """graphkit: whom to ask, in your own professional network.

    \b
    Example:
      graphkit path-to "Acme Corp"
      graphkit --data mynet/ path-to "Acme Corp" --max-hops 3 --format json
      graphkit --as "Priya Raman" path-to Initech
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
                       infer=infer, member=member)
