"""Recording the job search as it happens: interactions, stages, introductions, targets, people.

Two kinds of functions live here. Pure ones change a :class:`~graphkit.model.Network` in
memory and return what they did (:func:`log_interaction`, :func:`set_stage`,
:func:`add_introduction`, :func:`update_introduction`, :func:`add_target`,
:func:`remove_target`, :func:`add_person`); :func:`find` and :func:`resolve_person` look
people and organizations up. :func:`change_network` runs one of them on a network folder: it
takes the folder's lock, reads the network, applies the change and writes it back with
:func:`graphkit.workspace.write.write_network` (only the rows that changed, every file or none,
0600), so no row graphkit did not mean to change is lost.

Notes given to :func:`log_interaction` go into the tie's ``notes`` column: they stay in the
user's own files and are never printed by shared outputs (reports, anonymized exports, JSON).

The modules, by command family: :mod:`~graphkit.record.people` (find, person add, resolving
names), :mod:`~graphkit.record.interactions` (log, stage), :mod:`~graphkit.record.introductions`
(intro), :mod:`~graphkit.record.targets` (target) and :mod:`~graphkit.record.folder` (one change
to a network folder).
"""

from graphkit.record.folder import change_network, read_folder
from graphkit.record.interactions import (
    KINDS,
    Logged,
    Staged,
    log_interaction,
    refuse_future,
    set_stage,
    tie_strength,
)
from graphkit.record.introductions import (
    INTRO_ALIASES,
    INTRO_STATUSES,
    Introduced,
    add_introduction,
    intro_status,
    update_introduction,
)
from graphkit.record.people import (
    Ambiguous,
    Match,
    PersonAdded,
    add_person,
    find,
    organization_for,
    resolve_organization,
    resolve_person,
)
from graphkit.record.targets import TargetChange, TargetLine, add_target, remove_target, target_list

__all__ = [
    "INTRO_ALIASES",
    "INTRO_STATUSES",
    "KINDS",
    "Ambiguous",
    "Introduced",
    "Logged",
    "Match",
    "PersonAdded",
    "Staged",
    "TargetChange",
    "TargetLine",
    "add_introduction",
    "add_person",
    "add_target",
    "change_network",
    "find",
    "intro_status",
    "log_interaction",
    "organization_for",
    "read_folder",
    "refuse_future",
    "remove_target",
    "resolve_organization",
    "resolve_person",
    "set_stage",
    "target_list",
    "tie_strength",
    "update_introduction",
]
