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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The specification site built from this checkout with ``mkdocs build --strict``."""
    import os
    import subprocess
    import sys

    target = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return target
