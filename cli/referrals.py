"""``graphkit referrals``: referral chains, follow-ups due, and plans of asks."""

from __future__ import annotations

import click

from graphkit.analysis.referrals import (
    FOLLOW_UP_DAYS,
    Ask,
    ChainStep,
    ReferralPlan,
    ReferralsResult,
    referral_chains,
    referral_plan,
)
from graphkit.cli.options import Settings, format_option, pass_settings
from graphkit.render.formats import csv_text, json_text, person_json, text_table
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
        plan = referral_plan(store, plan_for, max_hops)
        if fmt == "json":
            click.echo(json_text(plan_json(plan)), nl=False)
        elif fmt == "csv":
            click.echo(csv_text(["route", "score", "step", "ask", "introduction_to", "role",
                       "relationship", "open_with", "they_know_each_other", "inferred",
                       "logged"],
                      ([r, round(route.path.score, 6), a.number, a.ask.name,
                        a.to.name if a.to else "", a.role, "; ".join(a.relationship),
                        "; ".join(a.opener), "; ".join(a.knows),
                        a.inferred, a.logged]
                       for r, route in enumerate(plan.routes, 1) for a in route.asks)), nl=False)
        else:
            click.echo(render_plan(plan), nl=False)
        return
    result = referral_chains(store, days)
    for problem in result.problems:
        click.echo(f"warning: {problem}", err=True)
    if fmt == "json":
        click.echo(json_text(result_json(result)), nl=False)
    elif fmt == "csv":
        follow = {id(f.introduction): f for f in result.follow_ups}
        click.echo(csv_text(["chain", "step", "introducer", "introduced_to", "organization", "at_target",
                   "date", "status", "follow_up", "due", "action"],
                  ([c, k, s.introducer.name, s.introduced_to.name,
                    s.organization.name if s.organization else "", s.at_target,
                    s.introduction.date or "", s.introduction.status,
                    *_follow_cells(follow.get(id(s.introduction)))]
                   for c, chain in enumerate(result.chains, 1)
                   for k, s in enumerate(chain.steps, 1))), nl=False)
    else:
        click.echo(render_table(result), nl=False)


def _follow_cells(f) -> list[object]:  # type: ignore[no-untyped-def]
    return [f.kind, f.due, f.action] if f is not None else ["", "", ""]


def _step_json(s: ChainStep) -> dict[str, object]:
    i = s.introduction
    return {"introducer": person_json(s.introducer), "introduced_to": person_json(s.introduced_to),
            "date": i.date.isoformat() if i.date else None, "status": i.status,
            "organization": s.organization.name if s.organization else None,
            "at_target": s.at_target}


def result_json(result: ReferralsResult) -> dict[str, object]:
    """The documented JSON shape of ``referrals``."""
    return {
        "as_of": result.as_of_date, "follow_up_days": result.days,
        "introductions_of_you": result.introductions, "introductions_of_others": result.others,
        "chains": [{"start": person_json(c.start), "depth": c.depth,
                    "steps": [_step_json(s) for s in c.steps],
                    "reached_targets": [o.name for o in c.reached], "cut": c.cut or None}
                   for c in result.chains],
        "follow_ups": [{"kind": f.kind, "due": f.due, "days": f.days, "action": f.action,
                        "introducer": person_json(f.introducer),
                        "introduced_to": person_json(f.introduced_to)}
                       for f in result.follow_ups],
        "connectors": [{"person": person_json(c.person), "introductions": c.introductions,
                        "met": c.met, "requested": c.requested, "to_targets": c.to_targets}
                       for c in result.connectors],
        "problems": list(result.problems)}


def _where(s: ChainStep) -> str:
    title = s.introduced_to.title
    if s.organization is None:
        return f" ({title})" if title else ""
    role = f"{title} at {s.organization.name}" if title else s.organization.name
    return f" ({role}{', a target' if s.at_target else ''})"


def render_table(result: ReferralsResult) -> str:
    """The human-readable ``referrals`` answer."""
    deepest = max((c.depth for c in result.chains), default=0)
    lines = [f"{result.introductions} introductions of you in {len(result.chains)} chain"
             f"{'s' if len(result.chains) != 1 else ''} (longest: {deepest}); follow up after "
             f"{result.days} days (as of {result.as_of_date})"]
    due = [f for f in result.follow_ups if f.due]
    waiting = [f for f in result.follow_ups if not f.due and f.kind in ("ask-again", "write")]
    tidy = [f for f in result.follow_ups if f.kind in ("update", "close")]
    lines += ["", f"Follow-ups due ({len(due)}):"]
    lines += [f"  {i}. {f.action}" for i, f in enumerate(due, 1)] or ["  none"]
    if waiting:
        lines += ["", "Waiting (not yet due):"]
        for f in waiting:
            left = f"; due in {result.days - f.days} days" if f.days is not None and \
                f.days >= 0 else ""
            lines.append(f"  - {f.action}{left}")
    if tidy:
        lines += ["", "To tidy in introductions.csv:"]
        lines += [f"  - {f.action}" for f in tidy]
    lines += ["", "Chains:"]
    for n, chain in enumerate(result.chains, 1):
        route = " -> ".join(["you", chain.start.name, *(s.introduced_to.name
                                                         for s in chain.steps)])
        reached = chain.reached
        lines.append(f"  {n}. {route}" + (f"  [reached {', '.join(o.name for o in reached)}]"
                                           if reached else ""))
        for s in chain.steps:
            i = s.introduction
            lines.append(f"       {s.introducer.name} introduced you to {s.introduced_to.name}"
                         f"{_where(s)}: {i.status or 'no status'}, "
                         f"{i.date.isoformat() if i.date else 'undated'}")
        if chain.cut:
            lines.append(f"       stopped: {chain.cut}")
    if not result.chains:
        lines.append("  none: record introductions in introductions.csv")
    lines += ["", "Connectors (most meetings first):"]
    rows = [[c.person.name, c.introductions, c.met, c.requested, c.to_targets]
            for c in result.connectors]
    lines += ["  " + line for line in text_table(
        ["connector", "introductions", "met", "requested", "to targets"], rows, ".rrrr")]
    if result.others:
        lines.append(f"  ({result.others} of the introductions are of other people: counted "
                     "here, not in your chains)")
    if result.problems:
        lines += ["", "Problems in introductions.csv:"]
        lines += [f"  - {p}" for p in result.problems]
    return "\n".join(lines) + "\n"


def _ask_json(a: Ask) -> dict[str, object]:
    return {"step": a.number, "ask": person_json(a.ask),
            "introduction_to": person_json(a.to) if a.to else None, "role": a.role,
            "relationship": list(a.relationship),
            "open_with": list(a.opener), "they_know_each_other": list(a.knows),
            "inferred": a.inferred, "logged": a.logged or None}


def plan_json(plan: ReferralPlan) -> dict[str, object]:
    """The documented JSON shape of ``referrals --plan``."""
    return {"organization": {"id": plan.organization.id, "name": plan.organization.name},
            "as_of": plan.as_of_date, "max_hops": plan.max_hops,
            "routes": [{"score": r.path.score, "people": [person_json(p) for p in r.path.people],
                        "asks": [_ask_json(a) for a in r.asks]} for r in plan.routes],
            "suggestions": [{"kind": s.kind, "text": s.text} for s in plan.suggestions],
            "under_way": [_step_json(s) for s in plan.under_way]}


def render_plan(plan: ReferralPlan) -> str:
    """The human-readable ``referrals --plan`` answer."""
    org = plan.organization.name
    under_way = []
    if plan.under_way:
        under_way = ["", "Already under way (introductions.csv):"]
        under_way += [f"  - {s.introducer.name} introduced you to {s.introduced_to.name}"
                      f"{_where(s)}: {s.introduction.status or 'no status'}, "
                      f"{s.introduction.date or 'undated'}" for s in plan.under_way]
    if not plan.routes:
        lines = [f"No path to anyone at {org} within {plan.max_hops} hops (as of "
                 f"{plan.as_of_date}); what could open one:"]
        lines += [f"  - {s.text}" for s in plan.suggestions]
        return "\n".join(lines + under_way) + "\n"
    lines = [f"Plan for {org} (as of {plan.as_of_date}): {len(plan.routes)} route"
             f"{'s' if len(plan.routes) != 1 else ''}, best first; ask for advice, not a job."]
    for r, route in enumerate(plan.routes, 1):
        path = route.path
        lines += ["", f"Route {r} (score {path.score:.3f}): "
                  + " -> ".join(["you", *(p.name for p in path.people[1:])])]
        for a in route.asks:
            knew = f" ({'; '.join(a.relationship)})" if a.relationship else ""
            role = f", {a.role}" if a.role else ""
            if a.to is None:
                verb = "Then talk to" if a.number > 1 else "Talk to"
                lines.append(f"  {a.number}. {verb} {a.ask.name}{knew}{role}.")
            else:
                verb = "Then ask" if a.number > 1 else "Ask"
                lines.append(f"  {a.number}. {verb} {a.ask.name}{knew} for an introduction to "
                             f"{a.to.name}{role}.")
            if a.opener:
                lines.append(f"     Open with: {'; '.join(a.opener)}")
            if a.to is not None:
                lines.append(f"     {a.ask.name} knows {a.to.name}: "
                             f"{'; '.join(a.knows) or 'connected'}"
                             + ("  [inferred]" if a.inferred else ""))
            if a.logged:
                lines.append(f"     In your log: {a.logged}")
    return "\n".join(lines + under_way) + "\n"
