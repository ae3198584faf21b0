"""``graphkit referrals``: referral chains, follow-ups due, and plans of asks."""

from __future__ import annotations

import click

from graphkit.analysis.referral_plan import referral_plan
from graphkit.analysis.referrals import FOLLOW_UP_DAYS, referral_chains
from graphkit.cli.options import Settings, format_option, pass_settings, say
from graphkit.render import referrals as render
from graphkit.render.formats import one_line
from graphkit.store.base import MAX_HOPS


@click.command()
@click.option("--days", type=click.IntRange(min=0), default=FOLLOW_UP_DAYS, show_default=True,
              help="Follow up on introductions open for this many days.")
@click.option("--plan", "plan_for", metavar="ORG",
              help="Instead: an ordered plan of asks toward people at ORG.")
@click.option("--max-hops", type=click.IntRange(1, MAX_HOPS), default=2, show_default=True,
              help="With --plan: how long a path may be.")
@format_option
@pass_settings
def referrals(settings: Settings, days: int, plan_for: str | None, max_hops: int,
              fmt: str) -> None:
    """Your referral chains, the follow-ups due, and plans of whom to ask.

    \b
    Example:
      graphkit referrals
      graphkit referrals --days 10 --format csv
      graphkit referrals --plan "Acme Corp"
    """
    store = settings.open()
    if plan_for is not None:
        click.echo(render.render_plan(referral_plan(store, plan_for, max_hops), fmt), nl=False)
        return
    result = referral_chains(store, days)
    for problem in result.problems:
        say(f"warning: {one_line(str(problem))}", err=True)
    click.echo(render.render(result, fmt), nl=False)
