"""graphkit: turn a professional network into a graph and find out whom to ask.

The public API is what ``__all__`` lists; everything else may change between releases.

>>> from graphkit import open_store, path_to, sample_folder
>>> from datetime import date
>>> result = path_to(open_store(sample_folder(), as_of=date(2026, 11, 22)), "Acme Corp")
>>> result.organization.name, result.paths[0].first_contact.name
('Acme Corp', 'Sara Pereira')
"""

from graphkit.analysis.paths import PathToResult, RankedPath, Step, path_to
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
from graphkit.io.network import read_network, write_network
from graphkit.locate import locate_network, sample_folder
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
from graphkit.store import BACKENDS, GraphStore, open_store
from graphkit.strength import StrengthModel

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
    "Step",
    "StrengthModel",
    "Target",
    "Tie",
    "UnknownOrganization",
    "UnknownPerson",
    "import_file",
    "init_network",
    "locate_network",
    "open_store",
    "path_to",
    "read_network",
    "sample_folder",
    "write_network",
]
