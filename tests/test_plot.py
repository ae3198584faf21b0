"""Pictures: what is chosen, what is drawn and labelled, and the files written."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from matplotlib.colors import to_hex

from graphkit.analysis.weak_ties import weak_ties
from graphkit.cli.main import main
from graphkit.errors import GraphkitError, InvalidArgument
from graphkit.model import Employment, Network, Organization, Person, Target, Tie
from graphkit.plot import (
    OTHER_COLOUR,
    PALETTE,
    draw,
    ego_view,
    layout,
    parse_size,
    path_view,
    save_plot,
)
from networks import random_network

MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".svg": b"<?xml", ".pdf": b"%PDF-"}


def _acme():
    names = {"me": "Me Myself", "ann": "Ann Lee", "bo": "Bo Diaz", "cy": "Cy Ng", "di": "Di Oh",
             "ed": "Ed Fox", "fay": "Fay Wu"}
    people = {p: Person(p, n) for p, n in names.items()}
    orgs = {"acme": Organization("acme", "Acme Corp"), "ini": Organization("ini", "Initech")}
    jobs = [Employment("bo", "acme", "CFO"), Employment("ed", "acme", "Analyst"),
            Employment("fay", "ini", "CTO")]
    ties = [Tie("me", "ann", 0.9), Tie("ann", "bo", 0.8), Tie("me", "cy", 0.6),
            Tie("cy", "di", 0.5), Tie("di", "ed", 0.9), Tie("cy", "fay", 0.4),
            Tie("me", "di", 0.2)]
    return Network("me", people, orgs, jobs, ties, targets=[Target("Acme Corp")])


def _labels(drawing):
    return {t.get_gid()[len("label:"):]: t.get_text() for t in drawing.figure.axes[0].texts
            if (t.get_gid() or "").startswith("label:")}


def _style(drawing, item):
    """What the picture shows of one person or tie, read back from its collection."""
    collection, i = drawing.find(item)
    colours = (collection.get_colors() if item.startswith("tie:")
               else collection.get_facecolors())
    return collection.get_gid(), to_hex(colours[i % len(colours)], keep_alpha=True)


def test_ego_view_keeps_everyone_within_hops_and_marks_target_staff(store_of):
    view = ego_view(store_of(_acme()), hops=2)
    assert view.people == ["me", "ann", "bo", "cy", "di", "ed", "fay"]
    assert view.at_target == {"bo", "ed"}
    assert view.best["ed"].people == ("me", "di", "ed")
    assert "6 people, 7 ties within 2 hops - as of 2026-11-22" in view.title


def test_cap_keeps_the_strongest_paths_and_says_so(store_of):
    view = ego_view(store_of(_acme()), hops=2, limit=4)
    # me + the 3 strongest best paths: ann 0.9, bo 0.72, cy 0.6
    assert view.people == ["me", "ann", "bo", "cy"]
    assert "the 3 with the strongest paths of 6 within 2 hops" in view.title


@pytest.mark.parametrize("limit", [15, 300])
def test_drawn_ties_are_every_tie_among_the_drawn_people(store_of, limit):
    store = store_of(random_network(6, people=90, ties=300))
    view = ego_view(store, hops=2, limit=limit)
    drawn = set(view.people)
    every = tuple((v.tie.key[0], v.tie.key[1], v.strength) for v in store.ties()
                  if v.tie.person_a in drawn and v.tie.person_b in drawn)
    assert view.ties == every and len(every) > 10
    assert ("the 14 with the strongest paths" in view.title) == (limit == 15)


def test_path_view_highlights_best_paths_and_keeps_path_people_above_the_cap(store_of):
    view = path_view(store_of(_acme()), "acme", max_hops=3, paths=5, limit=3)
    assert view.paths == (("me", "ann", "bo"), ("me", "cy", "di", "ed"))
    assert set(view.people) >= {"me", "ann", "bo", "cy", "di", "ed"}
    assert view.title.startswith("Best 2 of 2 paths from Me Myself to Acme Corp")


def test_drawn_figure_shows_and_labels_the_highlighted_paths(store_of):
    view = path_view(store_of(_acme()), "Acme Corp", max_hops=3)
    drawing = draw(view)
    assert drawing.drawn() == set(view.people) | {f"tie:{a}:{b}" for a, b, _ in view.ties}
    assert _labels(drawing) == {"me": "Me Myself", "ann": "Ann Lee", "bo": "Bo Diaz",
                                "cy": "Cy Ng", "di": "Di Oh", "ed": "Ed Fox"}
    # path people only; Fay is not on a path
    assert _style(drawing, "tie:ann:bo") == ("ties:path", "#d62728f2")
    assert _style(drawing, "tie:cy:fay") == ("ties", "#8888881f")
    assert _style(drawing, "tie:di:me") == ("ties", "#8888881f")  # a tie, not a best path
    assert _style(drawing, "bo")[0] == "people:path" and _style(drawing, "fay") == (
        "people", "#d9d9d980")  # everyone off the paths fades
    assert _style(drawing, "me") == ("me", "#000000ff")


def test_each_person_drawn_where_the_layout_puts_them_in_their_colour_and_ring(store_of):
    net = random_network(4, people=80, ties=240)
    net.targets.append(Target("Org 2"))
    view = ego_view(store_of(net))
    drawing = draw(view)
    where = layout(view)
    ringed = 0
    for person in view.people[1:]:
        collection, i = drawing.find(person)
        assert collection.get_gid() == "people"
        assert tuple(collection.get_offsets()[i]) == pytest.approx(where[person])
        group = view.groups[person]
        assert to_hex(collection.get_facecolors()[i]) == (
            PALETTE[group] if group >= 0 else OTHER_COLOUR)
        assert collection.get_sizes()[i] == pytest.approx(12 + 180 * view.best[person].score)
        edge = to_hex(collection.get_edgecolors()[i])
        assert edge == ("#000000" if person in view.at_target else "#ffffff")
        ringed += person in view.at_target
    assert ringed == len(view.at_target) > 0
    for a, b, strength in view.ties:
        collection, i = drawing.find(f"tie:{a}:{b}")
        assert [tuple(p) for p in collection.get_segments()[i]] == [where[a], where[b]]
        assert collection.get_linewidths()[i] == pytest.approx(0.3 + 1.2 * strength)


def test_people_and_ties_are_a_few_collections_not_one_artist_each(store_of):
    view = ego_view(store_of(random_network(4, people=80, ties=240)))
    ax = draw(view).figure.axes[0]
    assert sorted(c.get_gid() for c in ax.collections) == ["me", "people", "ties"]
    assert len(ax.lines) == 0 and len(ax.texts) <= view.labels


def test_a_picture_of_me_alone_or_with_no_path_is_still_drawn(store_of, tmp_path):
    alone = ego_view(store_of(Network("me", {"me": Person("me", "Me Myself")})))
    assert draw(alone).items == {"me": ("me",)}
    assert "\n0 people, 0 ties within 2 hops" in alone.title
    net = _acme()
    net.ties = [Tie("me", "ann", 0.9)]
    lonely = path_view(store_of(net), "Acme Corp")
    assert lonely.title.startswith("No path from Me Myself to Acme Corp within 2 hops\n"
                                   "1 person, 1 tie within 2 hops")
    assert draw(lonely).items == {"ties": ("tie:ann:me",), "people": ("ann",), "me": ("me",)}
    out = save_plot(lonely, tmp_path / "lonely.svg", dpi=40, size=(4, 3))
    assert out.read_bytes().startswith(MAGIC[".svg"])


def test_labels_are_capped_and_never_overlap(store_of):
    view = ego_view(store_of(random_network(5, people=120, ties=400)), labels=25)
    fig = draw(view, size=(6, 5)).figure
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    assert 1 <= len(boxes) <= 25
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_layout_is_seeded_with_me_in_the_centre(store_of):
    view = ego_view(store_of(random_network(2)))
    first, again = layout(view), layout(view)
    assert first == again and first["p00"] == (0.0, 0.0)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_saves_by_extension(store_of, tmp_path, suffix):
    out = save_plot(ego_view(store_of(_acme())), tmp_path / f"net{suffix}", dpi=50,
                    size=(4, 3))
    data = out.read_bytes()
    assert data.startswith(MAGIC[suffix]) and len(data) > 2000


def test_png_size_follows_dpi_and_size(store_of, tmp_path):
    out = save_plot(ego_view(store_of(_acme())), tmp_path / "n.png", dpi=50, size=(4, 3))
    header = out.read_bytes()[16:24]
    assert (int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")) == (200, 150)


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_same_network_same_bytes(store_of, tmp_path, suffix):
    view = ego_view(store_of(_acme()))
    a = save_plot(view, tmp_path / f"a{suffix}", dpi=40, size=(4, 3)).read_bytes()
    b = save_plot(view, tmp_path / f"b{suffix}", dpi=40, size=(4, 3)).read_bytes()
    assert a == b


def test_bad_extension_size_and_folder(store_of, tmp_path):
    view = ego_view(store_of(_acme()))
    with pytest.raises(GraphkitError, match=r"use a \.png, \.svg or \.pdf"):
        save_plot(view, tmp_path / "n.gif")
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(GraphkitError, match="file/n.png: a part of the path is a file"):
        save_plot(view, tmp_path / "file" / "n.png", dpi=20, size=(4, 3))
    with pytest.raises(GraphkitError, match="WIDTHxHEIGHT"):
        parse_size("big")


def test_colours_are_the_circles_weak_ties_names(store_of):
    store = store_of(random_network(3, people=60, ties=200))
    view = ego_view(store, hops=2)
    coloured: dict[int, list[str]] = {}
    for person, group in view.groups.items():
        if group >= 0:
            coloured.setdefault(group, []).append(person)
    named = weak_ties(store, depth=2).communities
    assert sorted(sorted(c) for c in coloured.values()) == sorted(
        sorted(m.id for m in c.members) for c in named[:len(coloured)])


@pytest.mark.parametrize(("call", "parameter", "flag_message"), [
    (lambda s: ego_view(s, limit=1), "limit", "--limit must be at least 2 people, not 1"),
    (lambda s: path_view(s, "acme", paths=0), "paths", "--paths must be at least 1, not 0"),
    (lambda s: ego_view(s, colour_by="age"), "colour_by",
     "--colour-by must be community or organization, not 'age'"),
    (lambda s: parse_size("1x1"), "size",
     "--size must be between 4x3 and 100x100 inches (room for the legend), not '1x1'"),
    (lambda s: save_plot(ego_view(s), "n.png", dpi=5), "dpi",
     "--dpi must be between 10 and 1200, not 5"),
])
def test_bad_values_name_the_parameter(store_of, call, parameter, flag_message):
    with pytest.raises(InvalidArgument) as raised:
        call(store_of(_acme()))
    assert raised.value.parameter == parameter
    assert raised.value.message("--" + parameter.replace("_", "-")) == flag_message


def test_cli_plot_on_the_sample(sample_dir, tmp_path):
    out = tmp_path / "acme.png"
    result = CliRunner().invoke(main, ["--data", str(sample_dir), "--as-of", "2026-11-22",
                                       "plot", "--path-to", "ACME Corporation", "--out",
                                       str(out), "--dpi", "40", "--size", "6x4", "--limit",
                                       "60"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}: Best 5 of 17 paths from Dana Whitfield "
                                    "to Acme Corp; 59 people")
    assert out.read_bytes().startswith(MAGIC[".png"])


def test_help_does_not_import_matplotlib():
    import subprocess
    import sys

    code = ("import sys; from graphkit.cli.main import main\n"
            "try: main(['--help'])\nexcept SystemExit: pass\n"
            "heavy = [m for m in sys.modules if m.split('.')[0] in "
            "('matplotlib', 'scipy', 'neo4j', 'croniter', 'crontab', 'aiosmtpd')]\n"
            "print(heavy, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stderr.strip() == "[]"
