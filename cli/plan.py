"""``graphkit next`` (the weekly plan) and ``graphkit what-if``."""

from __future__ import annotations

import click

from graphkit.cli.options import Settings, format_option, pass_settings
from graphkit.store.base import MAX_HOPS

MAX_HOPS_OPTION = click.option("--max-hops", type=click.IntRange(1, MAX_HOPS), default=2,
                               show_default=True, help="How long a path may be.")


@click.command(name="next")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="At most this many things to do.")
@click.option("--days", type=click.IntRange(min=0), default=7, show_default=True,
              help="Follow up on introductions open this many days.")
@MAX_HOPS_OPTION
@format_option
@pass_settings
def next_command(settings: Settings, limit: int, days: int, max_hops: int, fmt: str) -> None:
    """What to do this week: follow-ups due, the best asks, ties to revive, doors to open.

    \b
    Example:
      graphkit next
      graphkit next --limit 20 --format csv > week.csv
    """
    from graphkit.analysis.plan import weekly_plan
    from graphkit.render import plan as answer
    from graphkit.scenarios import strength_model

    store = settings.open()
    plan = weekly_plan(store, strength_model(settings.located().path), limit, days, max_hops)
    click.echo(answer.render(plan, fmt), nl=False)


@click.group(name="what-if")
def what_if_group() -> None:
    """Which targets open, or get a better path, if one tie changed.

    \b
    Example:
      graphkit what-if reconnect "Aisha Mahmoud"
      graphkit what-if reconnect            # every contact, ranked
      graphkit what-if meet "Jordan Lee" --org Netflix
    """


@what_if_group.command(name="reconnect")
@click.argument("person", required=False)
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="Without PERSON: how many contacts to rank.")
@MAX_HOPS_OPTION
@format_option
@pass_settings
def reconnect_command(settings: Settings, person: str | None, limit: int, max_hops: int,
                      fmt: str) -> None:
    """If you reconnected with PERSON today (advice stage): targets before and after.

    Without PERSON: which single reconnection opens the most targets, ranked.

    \b
    Example:
      graphkit what-if reconnect "Aisha Mahmoud"
      graphkit what-if reconnect --limit 5
    """
    from graphkit.render import what_if as answer
    from graphkit.scenarios import best_reconnections, reconnect, strength_model

    store = settings.open()
    model = strength_model(settings.located().path)
    if person is None:
        found = best_reconnections(store, model, max_hops, limit)
        click.echo(answer.render_ranking(found, store.as_of.isoformat(), fmt), nl=False)
        return
    click.echo(answer.render(reconnect(store, person, model, max_hops), fmt), nl=False)


@what_if_group.command(name="meet")
@click.argument("person")
@click.option("--org", metavar="ORG", help="Where they work (required for someone new).")
@MAX_HOPS_OPTION
@format_option
@pass_settings
def meet_command(settings: Settings, person: str, org: str | None, max_hops: int,
                 fmt: str) -> None:
    """If you met PERSON (someone in the network you have no tie with, or someone new at
    ORG): targets before and after.

    \b
    Example:
      graphkit what-if meet "Jordan Lee" --org Netflix
    """
    from graphkit.render import what_if as answer
    from graphkit.scenarios import meet, strength_model

    store = settings.open()
    result = meet(store, person, strength_model(settings.located().path), org, max_hops)
    click.echo(answer.render(result, fmt), nl=False)
