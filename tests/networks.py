"""Networks for tests: small hand-made ones and seeded random ones."""

from __future__ import annotations

import random
from datetime import date, timedelta

from graphkit.model import Employment, Membership, Network, Organization, Person, Tie

AS_OF = date(2026, 11, 22)


def random_network(seed: int, people: int = 40, orgs: int = 6, ties: int = 120,
                   explicit: float = 0.5) -> Network:
    """A seeded random network: ``me`` is ``p00``; strengths partly explicit, partly modelled.

    Explicit strengths are drawn from a few round values so that equal scores (and the
    tie-breaking rules) really occur.
    """
    rng = random.Random(seed)
    ids = [f"p{i:02d}" for i in range(people)]
    net = Network(me="p00", people={p: Person(p, f"Person {p}") for p in ids})
    for i in range(orgs):
        net.organizations[f"o{i}"] = Organization(f"o{i}", f"Org {i}")
    for p in ids[1:]:
        net.employment.append(Employment(p, f"o{rng.randrange(orgs)}", "Analyst"))
        if rng.random() < 0.2:
            net.employment.append(Employment(p, f"o{rng.randrange(orgs)}", "Intern",
                                             date(2015, 1, 1), date(2017, 1, 1)))
    seen: set[tuple[str, str]] = set()
    stages = ["", "acquaintance", "initiated", "advice", "referral"]
    while len(seen) < ties:
        a, b = rng.sample(ids, 2)
        key = (a, b) if a <= b else (b, a)
        if key in seen:
            continue
        seen.add(key)
        if rng.random() < explicit:
            net.ties.append(Tie(a, b, strength=rng.choice([0.25, 0.5, 0.75, 1.0, 0.3, 0.9])))
        else:
            net.ties.append(Tie(a, b, stage=rng.choice(stages),
                                last_contact=AS_OF - timedelta(days=rng.randrange(0, 900)),
                                interactions=rng.randrange(0, 12)))
    for p in rng.sample(ids, people // 3):
        net.memberships.append(Membership(p, f"Group {rng.randrange(3)}"))
    return net
