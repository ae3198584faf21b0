"""Running the report on a schedule: crontab entries, or a foreground loop for hosts without cron.

graphkit's crontab entries carry the comment ``graphkit:<n>``; listing and removing touch only
those. The foreground loop (:func:`run_forever`) computes each fire time from the same cron
expression with croniter, in local time.
"""

from __future__ import annotations

import re
import shlex
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from graphkit.errors import GraphkitError, InvalidArgument

TAG = "graphkit"
_COMMENT = re.compile(rf"^{TAG}:(\d+)$")
CRON_HELP = ('five fields "minute hour day-of-month month day-of-week", e.g. "0 8 * * MON" '
             "for Mondays at 08:00")


#: Characters that must never reach a crontab line: a newline (or CR, NUL, any C0 or C1 control,
#: or a Unicode line separator) would end graphkit's entry and start a second, arbitrary job.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def check_crontab_value(value: str, what: str) -> str:
    """Return ``value`` if it can go into a crontab line, else raise naming it.

    >>> check_crontab_value("/home/dana/reports", "out")
    '/home/dana/reports'
    >>> try:
    ...     check_crontab_value("/tmp/o\\n* * * * * touch /tmp/pwned", "out")
    ... except InvalidArgument as exc:
    ...     print(exc.parameter, exc.value)
    out '/tmp/o\\n* * * * * touch /tmp/pwned'
    """
    if _CONTROL.search(value):
        raise InvalidArgument(what, repr(value), "free of control characters (newline, "
                              "carriage return, NUL, ...)")
    return value


def check_cron(expression: str) -> str:
    """The expression, whitespace-normalized, if cron and croniter both accept it.

    Raises
    ------
    GraphkitError
        naming the expression and the expected form.

    Examples
    --------
    >>> check_cron(" 0  8 * * MON ")
    '0 8 * * MON'
    >>> try:
    ...     check_cron("0 8 * *")
    ... except GraphkitError as exc:
    ...     print(str(exc).split(":")[0])
    invalid cron expression "0 8 * *"
    """
    from croniter import croniter
    from crontab import CronSlices

    check_crontab_value(expression, "cron")
    text = " ".join(expression.split())
    if len(text.split()) != 5:
        raise GraphkitError(f'invalid cron expression "{expression}": expected {CRON_HELP}')
    if not croniter.is_valid(text) or not CronSlices.is_valid(text):
        raise GraphkitError(f'invalid cron expression "{expression}": a field is out of range '
                            f"or misspelled; expected {CRON_HELP}")
    return text


@dataclass(frozen=True)
class Entry:
    """One of graphkit's crontab entries."""

    id: int
    cron: str
    command: str
    enabled: bool = True

    @property
    def line(self) -> str:
        """The entry as it reads in the crontab (``%`` escaped: cron reads it as a newline)."""
        prefix = "" if self.enabled else "# "
        command = self.command.replace("%", "\\%")
        return f"{prefix}{self.cron} {command} # {TAG}:{self.id}"


def graphkit_executable() -> str:
    """The absolute path of the ``graphkit`` command to put in a crontab (cron's PATH is short).

    Raises
    ------
    GraphkitError
        when it cannot be found.
    """
    beside = Path(sys.executable).parent / "graphkit"
    if beside.is_file():
        return str(beside)
    found = shutil.which("graphkit")
    if found:
        return str(Path(found).resolve())
    raise GraphkitError("cannot find the graphkit command to schedule; install graphkit so "
                        "that `graphkit` is on your PATH")


def report_command(executable: str, global_args: Sequence[str], report_args: Sequence[str],
                   log: str | Path | None = None) -> str:
    """The shell command a crontab entry runs: the report, with output appended to ``log``.

    >>> report_command("/usr/bin/graphkit", ["--data", "/home/dana/net"], ["--out", "/tmp/r"])
    '/usr/bin/graphkit --data /home/dana/net report --out /tmp/r'
    """
    words = [executable, *global_args, "report", *report_args]
    for word in words:
        check_crontab_value(word, "a value of the scheduled command")
    command = shlex.join(words)
    if log is not None:
        command += f" >> {shlex.quote(check_crontab_value(str(log), 'state'))} 2>&1"
    return command


def open_crontab(tabfile: str | Path | None = None, missing_ok: bool = False) -> Any:
    """The current user's crontab, or the crontab file ``tabfile`` (created empty if missing).
    With ``missing_ok``, an unreadable user crontab reads as empty (for dry runs).

    Raises
    ------
    GraphkitError
        when the crontab cannot be read (no cron on this host).
    """
    from crontab import CronTab

    if tabfile is not None:
        path = Path(tabfile)
        if not path.exists():
            cron = CronTab(tab="")
            cron.filen = str(path)
            return cron
        try:
            return CronTab(tabfile=str(path))
        except OSError as exc:
            raise GraphkitError(f"cannot read the crontab file {path}: {exc.strerror or exc}")\
                from None
    try:
        return CronTab(user=True)
    except (OSError, ValueError) as exc:
        if missing_ok:
            return CronTab(tab="")
        raise GraphkitError(f"cannot read your crontab ({exc}); is cron installed? On hosts "
                            "without cron, run `graphkit schedule run` instead") from None


def _write(cron: Any) -> None:
    try:
        if cron.filen:  # a crontab file: written atomically, readable only by its owner
            from graphkit.workspace.transaction import write_private

            write_private(cron.filen, cron.render())
        else:
            cron.write()
    except (OSError, ValueError) as exc:
        raise GraphkitError(f"cannot write the crontab ({exc}); is cron installed? On hosts "
                            "without cron, run `graphkit schedule run` instead") from None


def entries(cron: Any) -> list[Entry]:
    """graphkit's own entries in ``cron``, by id; other entries are not touched.

    >>> from crontab import CronTab
    >>> cron = CronTab(tab="0 1 * * * backup\\n0 8 * * MON graphkit report # graphkit:1\\n")
    >>> [e.line for e in entries(cron)]
    ['0 8 * * MON graphkit report # graphkit:1']
    """
    found = []
    for job in cron:
        match = _COMMENT.match(job.comment or "")
        if match:
            found.append(Entry(int(match.group(1)), str(job.slices), job.command,
                               job.is_enabled()))
    return sorted(found, key=lambda e: e.id)


def add_entry(cron: Any, expression: str, command: str, dry_run: bool = False) -> Entry:
    """Add an entry running ``command`` on ``expression``; with ``dry_run``, only say what it
    would be. Returns the entry (with the next free id)."""
    text = check_cron(expression)
    check_crontab_value(command, "command")
    used = {e.id for e in entries(cron)}
    entry = Entry(next(i for i in range(1, len(used) + 2) if i not in used), text, command)
    if dry_run:
        return entry
    job = cron.new(command=command, comment=f"{TAG}:{entry.id}")
    job.setall(text)
    if len(str(job.render()).splitlines()) != 1:  # never more than graphkit's one line
        cron.remove(job)
        raise GraphkitError("refusing to write a crontab entry that is not exactly one line")
    _write(cron)
    return entry


def remove_entries(cron: Any, ids: Sequence[int] = (), everything: bool = False) -> list[Entry]:
    """Remove graphkit's entries with ``ids`` (or all of them); returns what was removed.

    Raises
    ------
    GraphkitError
        for an id that is not one of graphkit's entries (the message lists them).
    """
    mine = {e.id: e for e in entries(cron)}
    wanted = sorted(mine) if everything else sorted(set(ids))
    missing = [i for i in wanted if i not in mine]
    if missing:
        have = ", ".join(str(i) for i in sorted(mine)) or "none"
        raise GraphkitError(f"no graphkit schedule with id {', '.join(map(str, missing))}; "
                            f"graphkit's schedules: {have} (see `graphkit schedule list`)")
    for job in list(cron):
        match = _COMMENT.match(job.comment or "")
        if match and int(match.group(1)) in wanted:
            cron.remove(job)
    if wanted:
        _write(cron)
    return [mine[i] for i in wanted]


def next_fire(expression: str, after: datetime) -> datetime:
    """The first time strictly after ``after`` that ``expression`` fires.

    >>> next_fire("0 8 * * MON", datetime(2026, 11, 22, 9, 0))
    datetime.datetime(2026, 11, 23, 8, 0)
    """
    from croniter import croniter

    fire: datetime = croniter(check_cron(expression), after).get_next(datetime)
    return fire


def run_forever(expression: str, job: Callable[[], str],
                now: Callable[[], datetime] = datetime.now,
                sleep: Callable[[float], None] = time.sleep,
                log: Callable[[str], None] = print, runs: int | None = None,
                max_nap: float = 300.0) -> int:
    """Run ``job`` each time ``expression`` fires, until interrupted (or ``runs`` runs).

    Sleeps in naps of at most ``max_nap`` seconds so a changed clock (suspend, DST) is noticed.
    Each run is logged with its start time and ``job``'s one-line summary; a
    :class:`GraphkitError` from ``job`` is logged and the loop goes on. Returns the number of
    runs.
    """
    fire = next_fire(expression, now())
    log(f"{now():%Y-%m-%d %H:%M:%S} scheduled on \"{expression}\"; next run {fire:%Y-%m-%d %H:%M}")
    done = 0
    while runs is None or done < runs:
        wait = (fire - now()).total_seconds()
        if wait > 0:
            sleep(min(wait, max_nap))
            continue
        started = now()
        try:
            outcome = job()
        except GraphkitError as exc:
            outcome = f"failed: {exc}"
        done += 1
        fire = next_fire(expression, max(now(), fire))
        log(f"{started:%Y-%m-%d %H:%M:%S} run {done}: {outcome}; next run "
            f"{fire:%Y-%m-%d %H:%M}")
    return done
