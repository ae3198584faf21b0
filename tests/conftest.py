"""Shared fixtures. ``store`` is the contract-test fixture, parametrized over every backend."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graphkit.io.network import read_network
from graphkit.store.memory import MemoryStore
from graphkit.workspace.locate import sample_folder
from networks import AS_OF  # noqa: F401  (re-exported for tests)

pytest_plugins = ["neo4j_server"]  # the session's Bolt server (ArcadeDB) for the neo4j backend

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def sample_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled sample network."""
    target = tmp_path / "sample"
    shutil.copytree(sample_folder(), target, ignore=shutil.ignore_patterns("*.py", "exports",
                                                                            "__pycache__"))
    return target


@pytest.fixture(scope="session")
def sample_network():
    return read_network(sample_folder())


def make_store(backend: str, network, as_of=AS_OF):
    """A store of ``backend`` holding ``network``."""
    if backend == "memory":
        return MemoryStore(network, as_of)
    if backend == "array":
        from graphkit.model.columns import columns_of
        from graphkit.store.array import ArrayStore

        return ArrayStore(columns_of(network), as_of)
    raise ValueError(backend)


@pytest.fixture(params=["memory", "array", "neo4j"])
def backend(request) -> str:
    """Every backend the contract tests run against."""
    return request.param


@pytest.fixture
def store_of(backend, request):
    """Build a store of the current backend from a Network."""
    if backend == "neo4j":
        load = request.getfixturevalue("neo4j_store_of")
        return lambda network, as_of=AS_OF: load(network, as_of)
    return lambda network, as_of=AS_OF: make_store(backend, network, as_of)
