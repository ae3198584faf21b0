"""graphkit: turn a professional network into a graph and find out whom to ask.

The public API is what ``__all__`` lists; everything else may change between releases. Names
are imported when first used (PEP 562), so ``import graphkit`` is instant and the command line
starts without loading networkx or numpy.

>>> from graphkit import open_store, path_to, sample_folder
>>> from datetime import date
>>> result = path_to(open_store(sample_folder(), as_of=date(2026, 11, 22)), "Acme Corp")
>>> result.organization.name, result.paths[0].first_contact.name
('Acme Corp', 'Sara Pereira')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Each public name and the module that defines it.
_WHERE = {
    "PathToResult": "graphkit.analysis.paths",
    "RankedPath": "graphkit.analysis.paths",
    "Step": "graphkit.analysis.paths",
    "path_to": "graphkit.analysis.paths",
    "ReachResult": "graphkit.analysis.reach",
    "reach": "graphkit.analysis.reach",
    "ReferralPlan": "graphkit.analysis.referral_plan",
    "ReferralsResult": "graphkit.analysis.referrals",
    "referral_chains": "graphkit.analysis.referrals",
    "referral_plan": "graphkit.analysis.referral_plan",
    "WeakTiesResult": "graphkit.analysis.weak_ties",
    "weak_ties": "graphkit.analysis.weak_ties",
    "BackendUnavailable": "graphkit.errors",
    "ConfigError": "graphkit.errors",
    "GraphkitError": "graphkit.errors",
    "InputError": "graphkit.errors",
    "InvalidArgument": "graphkit.errors",
    "UnknownOrganization": "graphkit.errors",
    "UnknownPerson": "graphkit.errors",
    "ImportSummary": "graphkit.importing",
    "import_file": "graphkit.importing",
    "init_network": "graphkit.workspace.init",
    "infer_ties": "graphkit.infer",
    "read_network": "graphkit.io.network",
    "write_network": "graphkit.workspace.write",
    "locate_network": "graphkit.workspace.locate",
    "sample_folder": "graphkit.workspace.locate",
    "Employment": "graphkit.model",
    "Introduction": "graphkit.model",
    "Membership": "graphkit.model",
    "Network": "graphkit.model",
    "Organization": "graphkit.model",
    "Person": "graphkit.model",
    "Target": "graphkit.model",
    "Tie": "graphkit.model",
    "BACKENDS": "graphkit.store",
    "GraphStore": "graphkit.store",
    "open_store": "graphkit.workspace",
    "StrengthModel": "graphkit.strength",
}

__all__ = [
    "BACKENDS",
    "BackendUnavailable",
    "ConfigError",
    "Employment",
    "GraphStore",
    "GraphkitError",
    "ImportSummary",
    "InputError",
    "Introduction",
    "InvalidArgument",
    "Membership",
    "Network",
    "Organization",
    "PathToResult",
    "Person",
    "RankedPath",
    "ReachResult",
    "ReferralPlan",
    "ReferralsResult",
    "Step",
    "StrengthModel",
    "Target",
    "Tie",
    "UnknownOrganization",
    "UnknownPerson",
    "WeakTiesResult",
    "import_file",
    "infer_ties",
    "init_network",
    "locate_network",
    "open_store",
    "path_to",
    "reach",
    "read_network",
    "referral_chains",
    "referral_plan",
    "sample_folder",
    "weak_ties",
    "write_network",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'graphkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # for type checkers and editors: the same names, imported eagerly
    from graphkit.analysis.paths import PathToResult, RankedPath, Step, path_to
    from graphkit.analysis.reach import ReachResult, reach
    from graphkit.analysis.referral_plan import ReferralPlan, referral_plan
    from graphkit.analysis.referrals import ReferralsResult, referral_chains
    from graphkit.analysis.weak_ties import WeakTiesResult, weak_ties
    from graphkit.errors import (
        BackendUnavailable,
        ConfigError,
        GraphkitError,
        InputError,
        InvalidArgument,
        UnknownOrganization,
        UnknownPerson,
    )
    from graphkit.importing import ImportSummary, import_file
    from graphkit.infer import infer_ties
    from graphkit.io.network import read_network
    from graphkit.model import (
        Employment,
        Introduction,
        Membership,
        Network,
        Organization,
        Person,
        Target,
        Tie,
    )
    from graphkit.store import BACKENDS, GraphStore
    from graphkit.strength import StrengthModel
    from graphkit.workspace import open_store
    from graphkit.workspace.init import init_network
    from graphkit.workspace.locate import locate_network, sample_folder
    from graphkit.workspace.write import write_network
