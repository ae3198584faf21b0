"""One report run: compute the report, write it, record today's snapshot and e-mail it."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from graphkit.errors import GraphkitError, InvalidArgument
from graphkit.report.compare import SCORE_THRESHOLD, Report, build_report
from graphkit.report.render import EXTENSIONS, render, render_html, render_markdown, subject
from graphkit.report.snapshot import snapshot, snapshot_from_json, snapshot_json
from graphkit.store.base import GraphStore
from graphkit.workspace.transaction import WriteError, make_private_dir, write_private


@dataclass(frozen=True)
class ReportRun:
    """What :func:`run_report` did: the report and its text, where it was written, the
    snapshot recorded, and the delivery error if e-mail failed (the report is written anyway)."""

    report: Report
    text: str
    written: Path | None
    snapshot_file: Path
    delivery_error: str | None = None

    @property
    def has_news(self) -> bool:
        """True when something changed since the baseline."""
        return self.report.has_news

    @property
    def delivery_failed(self) -> bool:
        """True when the report was written but could not be e-mailed."""
        return self.delivery_error is not None


def follow_ups(store: GraphStore) -> tuple[str, ...]:
    """Follow-ups due, from the referrals analysis: what to do, one line each."""
    from graphkit.analysis.referrals import referral_chains

    return tuple(f.action for f in referral_chains(store).due)


def network_png(store: GraphStore) -> tuple[bytes | None, str | None]:
    """My ego network as PNG bytes for the HTML report, or None and why not."""
    # Only graphkit.plot imports matplotlib; here we only ask whether it is installed.
    if importlib.util.find_spec("matplotlib") is None:
        return None, ("The network picture is left out: matplotlib is not installed "
                      "(pip install 'graphkit[plot]').")
    from graphkit.plot import ego_view, plot_png

    return plot_png(ego_view(store, labels=20)), None


class UnwritableFolder(InvalidArgument):
    """The folder given as ``parameter`` cannot be created or written; ``reason`` is the one
    line that names the file and what the operating system refused.

    >>> error = UnwritableFolder("out", "/r", "cannot write /r/x.md: permission denied")
    >>> str(error)
    'cannot write /r/x.md: permission denied; or choose another out folder'
    >>> error.message("--out")
    'cannot write /r/x.md: permission denied; or choose another --out folder'
    """

    def __init__(self, parameter: str, folder: object, reason: str) -> None:
        self.reason = reason.removesuffix(" (nothing was changed)")
        super().__init__(parameter, folder, "a folder graphkit can write")

    def message(self, name: str) -> str:
        return f"{self.reason}; or choose another {name} folder"


def _explorer(store: GraphStore, out: str | Path, as_of: date, max_hops: int) -> str:
    """Write the explorer page beside the HTML report; its name, for the report's links."""
    from graphkit.explore.page import write_explorer

    path = Path(out) / f"graphkit-explorer-{as_of.isoformat()}.html"
    try:
        write_explorer(store, path, max_hops)
    except WriteError as exc:
        raise UnwritableFolder("out", out, str(exc)) from None
    return path.name


def write_report(out: str | Path, as_of: date, fmt: str, text: str) -> Path:
    """Write ``text`` to ``out/graphkit-report-<date>.<ext>`` atomically (0600 file, 0700
    folder, created if needed).

    Raises
    ------
    UnwritableFolder
        when the folder cannot be created or written.
    """
    folder = Path(out)
    path = folder / f"graphkit-report-{as_of.isoformat()}{EXTENSIONS[fmt]}"
    try:
        make_private_dir(folder)
        write_private(path, text)
    except WriteError as exc:
        raise UnwritableFolder("out", folder, str(exc)) from None
    return path


def run_report(store: GraphStore, state: str | Path, fmt: str = "markdown",
               out: str | Path | None = None, since: date | None = None,
               targets: Sequence[str] | None = None, max_hops: int = 2,
               threshold: float = SCORE_THRESHOLD, plot: bool = True,
               email: Sequence[str] = (), smtp: Any = None) -> ReportRun:
    """Compute the report, write it (to ``out`` if given), record today's snapshot and send it.

    Under the state folder's lock: read the baseline, compute the snapshot and report, write
    the report file, then record the snapshot (so a report that could not be written is not
    lost from the next comparison), then e-mail it to ``email`` with ``smtp``
    (:class:`graphkit.mail.SmtpSettings`); a delivery failure is returned, not raised.

    Raises
    ------
    GraphkitError
        for an unknown format, a ``since`` date with no snapshot, or an unwritable folder.
    """
    from graphkit.workspace.snapshots import StateFolder

    if fmt not in EXTENSIONS:
        raise InvalidArgument("fmt", fmt, "markdown, html or json")
    if email:
        from graphkit.mail import check_addresses

        email = check_addresses(email)
    folder = StateFolder(state)
    with folder.lock():
        found = folder.baseline(snapshot_from_json, before=store.as_of, since=since)
        current = snapshot(store, targets, max_hops)
        report = build_report(current, found.snapshot, threshold, follow_ups(store),
                              found.notes)
        png, plot_note = network_png(store) if plot and (fmt == "html" or email) else (None,
                                                                                        None)
        explorer = _explorer(store, out, current.as_of, max_hops) if (
            fmt == "html" and out is not None and report.changes.newly_reachable) else None
        text = render(report, fmt, png, plot_note, explorer)
        written = write_report(out, current.as_of, fmt, text) if out is not None else None
        saved = folder.save(current.as_of, snapshot_json(current))
    error = None
    if email:
        from graphkit.mail import DeliveryError, compose, send

        html_text = text if fmt == "html" else render_html(report, png, plot_note)
        try:
            if smtp is None:
                raise DeliveryError("no [smtp] settings to send with")
            send(smtp, compose(smtp.sender, email, subject(report), render_markdown(report),
                               html_text))
        except DeliveryError as exc:
            error = str(exc)
        except (GraphkitError, ValueError) as exc:  # a message the mail library refused
            error = f"could not compose the e-mail: {exc}"
    return ReportRun(report, text, written, saved, error)
