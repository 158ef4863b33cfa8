"""Shared fixtures: paths anchored on this file, never on the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from kontrak.catalog import Catalog, load_catalog

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


@pytest.fixture(scope="session")
def repo() -> Path:
    """The repository root."""
    return REPO


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The repository's catalog."""
    return load_catalog(REPO / "contracts")
