"""Pictures of the network: my ego network, and the best paths to an organization.

Choosing what to draw (:mod:`graphkit.plot.view`: :func:`ego_view`, :func:`path_view`,
:func:`layout`, with the picture's rules) is kept apart from drawing it
(:mod:`graphkit.plot.drawing`: :func:`draw`, :func:`save_plot`), so the choice is testable
without matplotlib and matplotlib is imported only inside the drawing functions, with the
headless Agg backend.
"""

from graphkit.plot.drawing import (
    DEFAULT_DPI,
    DEFAULT_SIZE,
    FADED,
    FORMATS,
    HIGHLIGHT,
    OTHER_COLOUR,
    Drawing,
    SavedPlot,
    draw,
    parse_size,
    plot_png,
    save_plot,
    summary,
    write_plot,
)
from graphkit.plot.view import (
    DEFAULT_LABELS,
    DEFAULT_LIMIT,
    LAYOUT_SEED,
    PALETTE,
    NetworkView,
    ego_view,
    layout,
    path_view,
)

__all__ = [
    "DEFAULT_DPI",
    "DEFAULT_LABELS",
    "DEFAULT_LIMIT",
    "DEFAULT_SIZE",
    "Drawing",
    "FADED",
    "FORMATS",
    "HIGHLIGHT",
    "LAYOUT_SEED",
    "OTHER_COLOUR",
    "PALETTE",
    "NetworkView",
    "SavedPlot",
    "draw",
    "ego_view",
    "layout",
    "parse_size",
    "path_view",
    "plot_png",
    "save_plot",
    "summary",
    "write_plot",
]
