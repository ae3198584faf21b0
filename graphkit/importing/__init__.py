"""Merging exported contacts into a network folder without duplicating anyone.

A contact matches an existing person by LinkedIn URL, then email, then name + current
organization, then name among the owner's existing contacts (the same export imported again).
Several candidates, or a same-named stranger with nothing else in common, is reported as
ambiguous and skipped rather than guessed.

The modules, one job each: :mod:`~graphkit.importing.run` (:func:`import_file`: the reader for
a kind, whose export it is, the lock, the import log), :mod:`~graphkit.importing.matching` (how
a contact finds its person), :mod:`~graphkit.importing.contacts` (:func:`import_contacts`: the
merge of people, jobs, ties and memberships), :mod:`~graphkit.importing.evidence`
(:func:`apply_evidence`: messages, meetings and mail as evidence on ties) and
:mod:`~graphkit.importing.summary` (the accounting).
"""

from graphkit.importing.contacts import import_contacts
from graphkit.importing.evidence import apply_evidence, mail_interactions, owner_addresses
from graphkit.importing.matching import (
    find_person,
    is_placeholder_person,
    normalize_url,
    usable_email,
)
from graphkit.importing.run import IMPORT_LOG, KINDS, READERS, import_file, owner_candidates
from graphkit.importing.summary import EvidenceSummary, ImportSummary, Merge

__all__ = [
    "IMPORT_LOG",
    "KINDS",
    "READERS",
    "EvidenceSummary",
    "ImportSummary",
    "Merge",
    "apply_evidence",
    "find_person",
    "import_contacts",
    "import_file",
    "is_placeholder_person",
    "mail_interactions",
    "normalize_url",
    "owner_addresses",
    "owner_candidates",
    "usable_email",
]
