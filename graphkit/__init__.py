"""graphkit: turn a professional network into a graph and find out whom to ask.

The public API is what ``__all__`` lists; everything else may change between releases.

>>> from graphkit import open_store, path_to, sample_folder
>>> from datetime import date
>>> result = path_to(open_store(sample_folder(), as_of=date(2026, 11, 22)), "Acme Corp")
>>> result.organization.name, result.paths[0].first_contact.name
('Acme Corp', 'Sara Pereira')
"""

from graphkit.analysis.paths import PathToResult, RankedPath, Step, path_to
from graphkit.analysis.reach import ReachResult, reach
from graphkit.analysis.referrals import (
    ReferralPlan,
    ReferralsResult,
    referral_chains,
    referral_plan,
)
from graphkit.analysis.weak_ties import WeakTiesResult, weak_ties
from graphkit.errors import (
    BackendUnavailable,
    ConfigError,
    GraphkitError,
    InputError,
    NoPath,
    UnknownOrganization,
    UnknownPerson,
)
from graphkit.importing import ImportSummary, import_file, init_network
from graphkit.infer import infer_ties
from graphkit.io.network import read_network, write_network
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
from graphkit.workspace.locate import locate_network, sample_folder

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
    "Membership",
    "Network",
    "NoPath",
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
