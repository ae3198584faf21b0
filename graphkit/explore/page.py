"""The explorer page: one self-contained HTML file (our own script and style inline, the
network as inline JSON), written atomically and privately.

Nothing is fetched when the page opens (no CDN, no fonts, no server): it works from a
``file://`` URL, offline. Every string from the network reaches the page inside the JSON block
(with ``<``, ``>`` and ``&`` written as ``\\u`` escapes, so no name can close the script) and
the script puts it on screen as text, never as markup.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from graphkit.errors import GraphkitError
from graphkit.explore.view import DEFAULT_LIMIT, explorer_data
from graphkit.store.base import GraphStore

DEFAULT_OUT = "network.html"


def _asset(name: str) -> str:
    return resources.files("graphkit.explore").joinpath(name).read_text(encoding="utf-8")


def embed_json(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element.

    >>> embed_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_page(data: dict[str, Any]) -> str:
    """The page for ``data`` (:func:`graphkit.explore.view.explorer_data`) as HTML text."""
    title = html.escape(data["meta"]["title"])
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may be fetched: this page works offline and tells nobody it was opened.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="referrer" content="no-referrer">',
        f"<title>{title} - graphkit explorer</title>",
        f"<style>{_asset('explore.css')}</style></head><body>",
        _asset("explore.html"),
        f'<script type="application/json" id="graphkit-data">{embed_json(data)}</script>',
        f"<script>{_asset('explore.js')}</script>",
        "</body></html>", ""])


@dataclass(frozen=True)
class SavedExplorer:
    """An explorer page written to ``path``, and what it shows."""

    path: Path
    people: int
    ties: int
    targets: int
    star: bool
    neighbourhood: bool
    message: str


def write_explorer(store: GraphStore, out: str | Path = DEFAULT_OUT, depth: int = 2,
                   limit: int = DEFAULT_LIMIT, prefix: str = "graphkit",
                   anonymized: bool = False) -> SavedExplorer:
    """Build the page for ``store`` and write it to ``out`` (atomically, mode 0600; missing
    folders are created 0700).

    Raises
    ------
    GraphkitError
        when ``out`` does not end in .html or .htm, or cannot be written (one line naming
        the file).
    InvalidArgument
        as :func:`graphkit.explore.view.explorer_data`.
    """
    from graphkit.workspace.transaction import make_private_dir, write_private

    path = Path(out)
    if path.suffix.lower() not in (".html", ".htm"):
        raise GraphkitError(f"cannot write '{path}': the explorer is a web page; use a "
                            ".html file name")
    data = explorer_data(store, depth, limit, prefix, anonymized)
    text = render_page(data)
    make_private_dir(path.parent)
    write_private(path, text)
    meta = data["meta"]
    return SavedExplorer(path, meta["people"], meta["ties"], len(data["targets"]),
                         meta["star"], meta["neighbourhood"], meta["message"])


def summary(saved: SavedExplorer, as_of: date | None = None) -> str:
    """What was written, in one or two lines.

    >>> print(summary(SavedExplorer(Path("n.html"), 3, 2, 1, False, False, "")), end="")
    wrote n.html: 3 people (you included), 2 ties, 1 target; open it in a browser
    """
    lines = [f"wrote {saved.path}: {saved.people} people (you included), {saved.ties} "
             f"tie{'s' if saved.ties != 1 else ''}, {saved.targets} "
             f"target{'s' if saved.targets != 1 else ''}; open it in a browser"]
    if saved.neighbourhood:
        lines.append("  - a large network: the page draws the 2-hop neighbourhood of what you "
                     "select")
    if saved.message:
        lines.append(f"  - {saved.message}")
    return "\n".join(lines) + "\n"
