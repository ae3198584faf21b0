"""Anonymized copies of a network, for sharing a bug report without sharing anyone's data."""

from __future__ import annotations

from dataclasses import replace

from graphkit.model import Network


def anonymize(network: Network) -> Network:
    """A copy with names, emails, URLs, group names and notes replaced by pseudonyms.

    Pseudonyms are numbered in the order of the original ids (``p0001`` for the smallest), so
    every analysis ranks and breaks ties exactly as on the original; the same network always
    gives the same pseudonyms. Organizations, titles, dates, stages and strengths are kept:
    they are what the analyses compute with.

    Examples
    --------
    >>> from graphkit.model import Person, Tie
    >>> net = Network("me", {"me": Person("me", "Dana", email="d@x.org"),
    ...                      "ann": Person("ann", "Ann Lee", notes="owes me lunch")},
    ...               ties=[Tie("me", "ann", notes="college")])
    >>> anon = anonymize(net)
    >>> anon.me, sorted((p.id, p.name, p.email) for p in anon.people.values())
    ('p0002', [('p0001', 'Person 0001', ''), ('p0002', 'Person 0002', 'p0002@example.invalid')])
    >>> [p.notes for p in anon.people.values()], anon.ties[0].notes
    (['', ''], '')
    """
    ids = {old: f"p{i:04d}" for i, old in enumerate(sorted(network.people), start=1)}
    groups = {old: f"Group {i:03d}" for i, old in enumerate(
        sorted({m.group for m in network.memberships}), start=1)}
    people = {}
    for old, person in network.people.items():
        new = ids[old]
        people[new] = replace(
            person, id=new, name=f"Person {new[1:]}",
            email=f"{new}@example.invalid" if person.email else "",
            linkedin_url=f"https://www.linkedin.com/in/{new}" if person.linkedin_url else "",
            notes="", extra=())
    return Network(
        me=ids[network.me],
        people=people,
        organizations=dict(network.organizations),
        employment=[replace(e, person_id=ids[e.person_id]) for e in network.employment],
        ties=[replace(t, person_a=ids[t.person_a], person_b=ids[t.person_b], notes="",
                      extra=()) for t in network.ties],
        introductions=[replace(i, introducer_id=ids[i.introducer_id],
                               person_id=ids[i.person_id],
                               introduced_to_id=ids[i.introduced_to_id], notes="", extra=())
                       for i in network.introductions],
        memberships=[replace(m, person_id=ids[m.person_id], group=groups[m.group], extra=())
                     for m in network.memberships],
        targets=[replace(t, notes="") for t in network.targets],
        settings={k: v for k, v in network.settings.items() if k == "strength"},
    )
