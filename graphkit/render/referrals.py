"""The ``referrals`` answers: the chains and follow-ups (:func:`render`) and the plan of asks
toward an organization (:func:`render_plan`), each as text, its documented JSON and its CSV."""

from __future__ import annotations

from graphkit.analysis.referral_plan import Ask, ReferralPlan
from graphkit.analysis.referrals import ChainStep, FollowUp, ReferralsResult
from graphkit.render.formats import (
    csv_text,
    in_format,
    person_json,
    text_lines,
    text_table,
)

#: The columns of the chains CSV, one row per introduction along a chain.
CSV_HEADER = ("chain", "step", "introducer", "introduced_to", "organization", "at_target",
              "date", "status", "follow_up", "due", "action")
#: The columns of the plan CSV, one row per ask.
PLAN_CSV_HEADER = ("route", "score", "step", "ask", "introduction_to", "role", "relationship",
                   "open_with", "they_know_each_other", "inferred", "logged")


# --- chains and follow-ups -------------------------------------------------------------------


def render(result: ReferralsResult, fmt: str = "table") -> str:
    """The chains answer in ``fmt``: ``table`` (:func:`text`), ``json`` or ``csv``.

    Raises
    ------
    InvalidArgument
        when ``fmt`` is none of these.
    """
    return in_format(fmt, lambda: text(result), lambda: json_data(result), lambda: csv(result))


def _step_json(s: ChainStep) -> dict[str, object]:
    i = s.introduction
    return {"introducer": person_json(s.introducer), "introduced_to": person_json(s.introduced_to),
            "date": i.date.isoformat() if i.date else None, "status": i.status,
            "organization": s.organization.name if s.organization else None,
            "at_target": s.at_target}


def json_data(result: ReferralsResult) -> dict[str, object]:
    """The documented JSON shape of ``referrals``."""
    return {
        "as_of": result.as_of_date.isoformat(), "follow_up_days": result.days,
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


def _follow_cells(f: FollowUp | None) -> list[object]:
    return [f.kind, f.due, f.action] if f is not None else ["", "", ""]


def csv(result: ReferralsResult) -> str:
    """One row per introduction along each chain, with its follow-up (``CSV_HEADER``)."""
    follow = {id(f.introduction): f for f in result.follow_ups}
    return csv_text(CSV_HEADER,
                    ([c, k, s.introducer.name, s.introduced_to.name,
                      s.organization.name if s.organization else "", s.at_target,
                      s.introduction.date or "", s.introduction.status,
                      *_follow_cells(follow.get(id(s.introduction)))]
                     for c, chain in enumerate(result.chains, 1)
                     for k, s in enumerate(chain.steps, 1)))


def _where(s: ChainStep) -> str:
    title = s.introduced_to.title
    if s.organization is None:
        return f" ({title})" if title else ""
    role = f"{title} at {s.organization.name}" if title else s.organization.name
    return f" ({role}{', a target' if s.at_target else ''})"


def text(result: ReferralsResult) -> str:
    """The human-readable ``referrals`` answer."""
    deepest = max((c.depth for c in result.chains), default=0)
    lines = [f"{result.introductions} introductions of you in {len(result.chains)} chain"
             f"{'s' if len(result.chains) != 1 else ''} (longest: {deepest}); follow up after "
             f"{result.days} days (as of {result.as_of_date})"]
    lines += _follow_up_lines(result)
    lines += ["", "Chains:"]
    lines += _chain_lines(result)
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
    return text_lines(lines)


def _follow_up_lines(result: ReferralsResult) -> list[str]:
    """Follow-ups due, those waiting, and entries of the log to tidy."""
    due = [f for f in result.follow_ups if f.due]
    waiting = [f for f in result.follow_ups if not f.due and f.kind in ("ask-again", "write")]
    tidy = [f for f in result.follow_ups if f.kind in ("update", "close")]
    lines = ["", f"Follow-ups due ({len(due)}):"]
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
    return lines


def _chain_lines(result: ReferralsResult) -> list[str]:
    """Each chain from me, its introductions, and why it stopped."""
    lines = []
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
    return lines


# --- the plan (--plan) -----------------------------------------------------------------------


def render_plan(plan: ReferralPlan, fmt: str = "table") -> str:
    """The plan in ``fmt``: ``table`` (:func:`plan_text`), ``json`` or ``csv``.

    Raises
    ------
    InvalidArgument
        when ``fmt`` is none of these.
    """
    return in_format(fmt, lambda: plan_text(plan), lambda: plan_json_data(plan),
                     lambda: plan_csv(plan))


def _ask_json(a: Ask) -> dict[str, object]:
    return {"step": a.number, "ask": person_json(a.ask),
            "introduction_to": person_json(a.to) if a.to else None, "role": a.role,
            "relationship": list(a.relationship),
            "open_with": list(a.opener), "they_know_each_other": list(a.knows),
            "inferred": a.inferred, "logged": a.logged or None}


def plan_json_data(plan: ReferralPlan) -> dict[str, object]:
    """The documented JSON shape of ``referrals --plan``."""
    return {"organization": {"id": plan.organization.id, "name": plan.organization.name},
            "as_of": plan.as_of_date.isoformat(), "max_hops": plan.max_hops,
            "routes": [{"score": r.path.score, "people": [person_json(p) for p in r.path.people],
                        "asks": [_ask_json(a) for a in r.asks]} for r in plan.routes],
            "suggestions": [{"kind": s.kind, "text": s.text} for s in plan.suggestions],
            "under_way": [_step_json(s) for s in plan.under_way]}


def plan_csv(plan: ReferralPlan) -> str:
    """One row per ask, route by route (``PLAN_CSV_HEADER``)."""
    return csv_text(PLAN_CSV_HEADER,
                    ([r, round(route.path.score, 6), a.number, a.ask.name,
                      a.to.name if a.to else "", a.role, "; ".join(a.relationship),
                      "; ".join(a.opener), "; ".join(a.knows), a.inferred, a.logged]
                     for r, route in enumerate(plan.routes, 1) for a in route.asks))


def plan_text(plan: ReferralPlan) -> str:
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
        return text_lines(lines + under_way)
    lines = [f"Plan for {org} (as of {plan.as_of_date}): {len(plan.routes)} route"
             f"{'s' if len(plan.routes) != 1 else ''}, best first; ask for advice, not a job."]
    for r, route in enumerate(plan.routes, 1):
        path = route.path
        lines += ["", f"Route {r} (score {path.score:.3f}): "
                  + " -> ".join(["you", *(p.name for p in path.people[1:])])]
        for a in route.asks:
            lines += _ask_lines(a)
    return text_lines(lines + under_way)


def _ask_lines(a: Ask) -> list[str]:
    """One numbered ask, what to open with, and why the person asked knows the next."""
    knew = f" ({'; '.join(a.relationship)})" if a.relationship else ""
    role = f", {a.role}" if a.role else ""
    if a.to is None:
        verb = "Then talk to" if a.number > 1 else "Talk to"
        lines = [f"  {a.number}. {verb} {a.ask.name}{knew}{role}."]
    else:
        verb = "Then ask" if a.number > 1 else "Ask"
        lines = [f"  {a.number}. {verb} {a.ask.name}{knew} for an introduction to "
                 f"{a.to.name}{role}."]
    if a.opener:
        lines.append(f"     Open with: {'; '.join(a.opener)}")
    if a.to is not None:
        lines.append(f"     {a.ask.name} knows {a.to.name}: "
                     f"{'; '.join(a.knows) or 'connected'}"
                     + ("  [inferred]" if a.inferred else ""))
    if a.logged:
        lines.append(f"     In your log: {a.logged}")
    return lines
