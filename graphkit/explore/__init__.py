"""The explorer: one self-contained, offline HTML page of my network to look at, search and
click through (``graphkit explore``).

- :mod:`~graphkit.explore.view`: what the page shows, decided in Python (layout, circles,
  targets, paths, each person's details and commands);
- :mod:`~graphkit.explore.page`: the HTML around it, written atomically and privately.
"""
