"""Write a synthetic network folder for benchmarks: seeded, clustered, realistic.

    python benchmarks/generate.py --people 1000000 --seed 1 /tmp/net-1m/

People are laid out on a ring ordered by employer, so most ties join colleagues and people of
neighbouring organizations (a clustered, small-world network), and the rest join random
people. Organizations have Zipf sizes (a few large employers, a long tail of small ones).
"me" has about 500 contacts. About 7 ties per person; strengths come from stages, contact
dates, interactions and sources, with a few set by hand. Same seed, same files.

    python benchmarks/generate.py --star --people 8001 /tmp/star-8k/

writes one person's own export instead: "me" and 8,000 contacts who know no one else here
(the star case of ``weak-ties``).
"""

from __future__ import annotations

import argparse
import csv
from datetime import date, timedelta
from pathlib import Path

import numpy as np

AS_OF = date(2026, 11, 22)
FIRST = ("Ann Bo Cy Di Ed Flo Gus Hal Ivy Jo Kai Lea Max Noa Oli Pia Quinn Ray Sam Tess Uma Vic "
         "Wen Xia Yara Zoe Amir Bea Chen Dara Emil Fay Gil Hana Ines Jamal Kofi Lina Mia Nils "
         "Omar Pri Rosa Sven Tomas Ugo Vera Will Yusuf").split()
LAST = ("Lee Diaz Ng Oh Fox Reyes Patel Kim Novak Silva Okafor Berg Rossi Haddad Tanaka Moreau "
        "Ivanova Costa Nair Murphy Schmidt Kowalski Larsen Mendes Sato Ahmed Brown Garcia Wong "
        "Muller Jensen Lopez Cohen Dubois Ali Santos Fischer Hughes Park Singh").split()
TITLES = ("Analyst", "Engineer", "Senior Engineer", "Product Manager", "Designer", "Director",
          "VP Engineering", "Recruiter", "Data Scientist", "Account Executive", "CFO", "Nurse",
          "Teacher", "Consultant", "Operations Lead")
INDUSTRIES = ("software", "finance", "healthcare", "education", "non-profit", "retail",
              "manufacturing", "media")
STAGES = ("", "acquaintance", "initiated", "advice", "referral")
SOURCES = ("own-export", "teammate-export", "manual", "introduction")
ME = "me"
CONTACTS = 500
TIES_PER_PERSON = 7


def _write(path: Path, header: list[str], rows) -> None:  # type: ignore[no-untyped-def]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _date(days_ago: int) -> str:
    return (AS_OF - timedelta(days=int(days_ago))).isoformat()


def generate(people: int, seed: int, out: Path) -> dict[str, int]:
    """Write the network folder ``out``; returns counts of what was written."""
    rng = np.random.default_rng(seed)
    out.mkdir(parents=True, exist_ok=True)
    n = people
    width = len(str(n))
    ids = [ME] + [f"p{i:0{width}d}" for i in range(1, n)]
    orgs = max(n // 10, 20)

    # Employers of Zipf sizes; the ring of people is ordered by employer.
    weights = 1.0 / np.arange(1, orgs + 1) ** 1.1
    employer = rng.choice(orgs, size=n, p=weights / weights.sum())
    employed = rng.random(n) < 0.9
    employed[0] = True
    ring = np.argsort(employer, kind="stable")
    position = np.empty(n, dtype=np.int64)
    position[ring] = np.arange(n)

    # Ties: mostly to ring neighbours within a window (clustered), some to anyone.
    count = n * TIES_PER_PERSON
    a = rng.integers(1, n, size=count)
    local = rng.random(count) < 0.8
    offset = rng.integers(1, 60, size=count) * rng.choice([-1, 1], size=count)
    b = np.where(local, ring[(position[a] + offset) % n], rng.integers(1, n, size=count))
    contacts = rng.choice(np.arange(1, n), size=min(CONTACTS, n - 1), replace=False)
    a = np.concatenate([np.zeros(len(contacts), dtype=np.int64), a])
    b = np.concatenate([contacts, b])
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    _, first = np.unique(lo[keep] * n + hi[keep], return_index=True)
    first.sort()
    a, b = a[keep][first], b[keep][first]
    t = len(a)
    from_me = a == 0

    stage = rng.choice(len(STAGES), size=t, p=[0.55, 0.2, 0.13, 0.08, 0.04])
    dated = rng.random(t) < 0.7
    days = np.minimum(rng.exponential(400, size=t).astype(np.int64), 5000)
    interactions = np.where(rng.random(t) < 0.5, 0, rng.geometric(0.2, size=t))
    source = np.where(from_me, 0, rng.choice(len(SOURCES), size=t, p=[0.5, 0.3, 0.15, 0.05]))
    explicit = rng.random(t) < 0.05
    strength = np.round(rng.uniform(0.1, 1.0, size=t), 2)

    first_names = rng.integers(0, len(FIRST), size=n)
    last_names = rng.integers(0, len(LAST), size=n)
    titles = rng.integers(0, len(TITLES), size=n)

    (out / "graphkit.toml").write_text(f'me = "{ME}"\n', encoding="utf-8")
    _write(out / "people.csv", ["id", "name", "title"],
           ([ids[i], f"{FIRST[first_names[i]]} {LAST[last_names[i]]}",
             TITLES[titles[i]]] for i in range(n)))
    org_ids = [f"o{k:0{len(str(orgs))}d}" for k in range(orgs)]
    _write(out / "organizations.csv", ["id", "name", "industry"],
           ([org_ids[k], f"{LAST[k % len(LAST)]} {FIRST[(k // len(LAST)) % len(FIRST)]} "
             f"{k} Corp", INDUSTRIES[k % len(INDUSTRIES)]] for k in range(orgs)))
    past = rng.random(n) < 0.3
    past_org = rng.choice(orgs, size=n, p=weights / weights.sum())
    start = rng.integers(200, 4000, size=n)
    jobs = 0

    def job_rows():  # type: ignore[no-untyped-def]
        nonlocal jobs
        for i in range(n):
            if employed[i]:
                jobs += 1
                yield [ids[i], org_ids[employer[i]], TITLES[titles[i]], _date(start[i]), ""]
            if past[i] and past_org[i] != employer[i]:
                jobs += 1
                yield [ids[i], org_ids[past_org[i]], TITLES[(titles[i] + 1) % len(TITLES)],
                       _date(start[i] + 2000), _date(start[i] + 30)]

    _write(out / "employment.csv", ["person_id", "org_id", "title", "start", "end"], job_rows())
    _write(out / "ties.csv", ["person_a", "person_b", "strength", "stage", "last_contact",
                              "interactions", "source"],
           ([ids[a[i]], ids[b[i]], f"{strength[i]:g}" if explicit[i] else "",
             STAGES[stage[i]], _date(days[i]) if dated[i] else "",
             str(interactions[i]) if interactions[i] else "", SOURCES[source[i]]]
            for i in range(t)))

    groups = max(n // 200, 5)
    gweights = 1.0 / np.arange(1, groups + 1)
    members = rng.random(n) < 0.3
    members[0] = True
    group_rows = []
    for i in np.flatnonzero(members):
        for g in sorted(set(rng.choice(groups, size=rng.integers(1, 4),
                                       p=gweights / gweights.sum()).tolist())):
            group_rows.append([ids[i], f"Group {g:05d}"])
    _write(out / "groups.csv", ["person_id", "group"], group_rows)

    sizes = np.bincount(employer[employed], minlength=orgs)
    candidates = np.flatnonzero(sizes >= 2)
    targets = rng.choice(candidates, size=min(60, len(candidates)), replace=False)
    _write(out / "targets.csv", ["organization", "priority"],
           ([org_ids[k], str(1 + j % 3)] for j, k in enumerate(sorted(targets))))
    intro = rng.choice(np.flatnonzero(from_me), size=min(200, int(from_me.sum())),
                       replace=False)
    _write(out / "introductions.csv", ["introducer_id", "person_id", "introduced_to_id", "date",
                                       "status"],
           ([ids[b[i]], ME, ids[(b[i] * 7919) % (n - 1) + 1], _date(days[i] % 90), "met"]
            for i in intro if ids[(b[i] * 7919) % (n - 1) + 1] != ids[b[i]]))
    return {"people": n, "organizations": orgs, "ties": t, "jobs": jobs,
            "memberships": len(group_rows), "targets": len(targets)}


def generate_star(contacts: int, seed: int, out: Path) -> dict[str, int]:
    """One person's own export: "me" and ``contacts`` contacts, no tie among them (the star
    case of ``weak-ties``), each contact with a current employer. Returns the counts."""
    rng = np.random.default_rng(seed)
    out.mkdir(parents=True, exist_ok=True)
    width = len(str(contacts))
    ids = [f"c{i:0{width}d}" for i in range(1, contacts + 1)]
    orgs = max(contacts // 8, 5)
    org_ids = [f"o{k:0{len(str(orgs))}d}" for k in range(orgs)]
    weights = 1.0 / np.arange(1, orgs + 1) ** 1.1
    employer = rng.choice(orgs, size=contacts, p=weights / weights.sum())
    first_names = rng.integers(0, len(FIRST), size=contacts)
    last_names = rng.integers(0, len(LAST), size=contacts)
    days = np.minimum(rng.exponential(400, size=contacts).astype(np.int64), 5000)
    stage = rng.choice(len(STAGES), size=contacts, p=[0.55, 0.2, 0.13, 0.08, 0.04])
    (out / "graphkit.toml").write_text(f'me = "{ME}"\n', encoding="utf-8")
    _write(out / "people.csv", ["id", "name"],
           [[ME, "Me Myself"]] + [[ids[i], f"{FIRST[first_names[i]]} {LAST[last_names[i]]}"]
                                  for i in range(contacts)])
    _write(out / "organizations.csv", ["id", "name", "industry"],
           ([org_ids[k], f"{LAST[k % len(LAST)]} {k} Corp", INDUSTRIES[k % len(INDUSTRIES)]]
            for k in range(orgs)))
    _write(out / "employment.csv", ["person_id", "org_id", "title", "start", "end"],
           ([ids[i], org_ids[employer[i]], TITLES[i % len(TITLES)], _date(days[i] + 300), ""]
            for i in range(contacts)))
    _write(out / "ties.csv", ["person_a", "person_b", "stage", "last_contact", "source"],
           ([ME, ids[i], STAGES[stage[i]], _date(days[i]), "own-export"]
            for i in range(contacts)))
    _write(out / "targets.csv", ["organization", "priority"],
           ([org_ids[k], "1"] for k in range(min(10, orgs))))
    return {"people": contacts + 1, "organizations": orgs, "ties": contacts}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, required=True, help="how many people (>= 100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--star", action="store_true",
                        help="one person's export: me and people - 1 contacts, no other tie")
    parser.add_argument("out", type=Path, help="the network folder to write")
    args = parser.parse_args(argv)
    if args.star:
        counts = generate_star(args.people - 1, args.seed, args.out)
        print(", ".join(f"{v} {k}" for k, v in counts.items()), "->", args.out)
        return
    if args.people < 100:
        parser.error("--people must be at least 100")
    counts = generate(args.people, args.seed, args.out)
    print(", ".join(f"{v} {k}" for k, v in counts.items()), "->", args.out)


if __name__ == "__main__":
    main()
