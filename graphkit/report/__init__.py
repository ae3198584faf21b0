"""The weekly report: where I stand with each target, and what changed since the last snapshot.

- :mod:`graphkit.report.snapshot`: a :class:`~graphkit.report.snapshot.Snapshot` records, per
  target organization, who works there, who of them I can reach and how, and whom I would ask
  first (measured with :func:`graphkit.analysis.reach.staff_reach`); its JSON round-trip.
- :mod:`graphkit.report.compare`: two snapshots turned into
  :class:`~graphkit.report.compare.Changes`, and the :class:`~graphkit.report.compare.Report`.
- :mod:`graphkit.report.render`: the report as Markdown, HTML or JSON, and its e-mail subject.
- :mod:`graphkit.report.run`: one report run (compute, write, record the snapshot, e-mail).

Snapshots are stored by :mod:`graphkit.snapshots`.
"""
