"""The log of introductions: who introduces me to whom, and how far it got."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from graphkit.errors import GraphkitError, InvalidArgument
from graphkit.model import Introduction, Network, Person, Tie
from graphkit.record.interactions import _not_me, _tie_index

#: Statuses of an introduction, in the order it goes through them (``declined`` ends it).
INTRO_STATUSES = ("requested", "offered", "made", "met", "declined")
#: Other words people use for a status.
INTRO_ALIASES = {"done": "made"}


def intro_status(status: str) -> str:
    """The log's word for ``status`` (``done`` is ``made``).

    >>> intro_status("Done"), intro_status("met")
    ('made', 'met')
    """
    word = INTRO_ALIASES.get(status.strip().lower(), status.strip().lower())
    if word not in INTRO_STATUSES:
        raise InvalidArgument("status", status, "one of " + ", ".join(INTRO_STATUSES)
                              + " (done = made)")
    return word


@dataclass(frozen=True)
class Introduced:
    """What :func:`add_introduction` or :func:`update_introduction` did."""

    introducer: Person
    person: Person
    status: str
    when: date | None
    previous: str | None
    tie_created: bool

    @property
    def message(self) -> str:
        when = self.when.isoformat() if self.when else "undated"
        change = (f"{self.previous or 'no status'} -> {self.status}" if self.previous is not None
                  else self.status)
        text = (f"introduction by {self.introducer.name} to {self.person.name}: {change} "
                f"({when})")
        if self.tie_created:
            text += f"; you are now tied to {self.person.name} (source introduction)"
        return text


def _intro_index(network: Network, introducer: str, person: str) -> int | None:
    for i, intro in enumerate(network.introductions):
        if (intro.introducer_id, intro.person_id, intro.introduced_to_id) == (
                introducer, network.me, person):
            return i
    return None


def _tie_from_introduction(network: Network, person: Person, status: str,
                           when: date | None) -> bool:
    """An introduction made (or a meeting) connects me to the person: add the tie if absent."""
    if status not in ("made", "met") or _tie_index(network, network.me, person.id) is not None:
        return False
    network.ties.append(Tie(network.me, person.id,
                            stage="initiated" if status == "met" else "",
                            last_contact=when, source="introduction"))
    return True


def add_introduction(network: Network, introducer: Person, person: Person,
                     status: str = "requested", when: date | None = None) -> Introduced:
    """Log that ``introducer`` introduces me to ``person`` (asked for, offered, made ...).

    An introduction made or met connects me to ``person``: a tie (source ``introduction``) is
    added if there is none.

    Raises
    ------
    GraphkitError
        when the introduction is already in the log (update it instead) or names me.
    InvalidArgument
        for an unknown status.

    Examples
    --------
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")})
    >>> add_introduction(net, net.people["ann"], net.people["bo"], "done",
    ...                  date(2026, 1, 5)).message
    'introduction by Ann to Bo: made (2026-01-05); you are now tied to Bo (source introduction)'
    """
    word = intro_status(status)
    _not_me(network, introducer, "name as the introducer")
    _not_me(network, person, "name as the person to be introduced to")
    if introducer.id == person.id:
        raise GraphkitError(f"{person.name} cannot introduce you to themself")
    if _intro_index(network, introducer.id, person.id) is not None:
        raise GraphkitError(f"the introduction by {introducer.name} to {person.name} is "
                            "already in the log; change it with `graphkit intro update`")
    network.introductions.append(Introduction(introducer.id, network.me, person.id, when, word))
    tie = _tie_from_introduction(network, person, word, when)
    return Introduced(introducer, person, word, when, None, tie)


def update_introduction(network: Network, introducer: Person, person: Person,
                        status: str | None = None, when: date | None = None) -> Introduced:
    """Change the status (and date) of a logged introduction.

    Raises
    ------
    GraphkitError
        when the log has no such introduction (add it first).
    """
    index = _intro_index(network, introducer.id, person.id)
    if index is None:
        raise GraphkitError(f"no introduction by {introducer.name} to {person.name} in the "
                            "log; add it with `graphkit intro add`")
    old = network.introductions[index]
    word = intro_status(status) if status else old.status
    new = replace(old, status=word, date=when or old.date)
    network.introductions[index] = new
    tie = _tie_from_introduction(network, person, word, new.date)
    return Introduced(introducer, person, word, new.date, old.status, tie)
