"""Where the contracts live: a source checkout, an installed wheel, or ``$KONTRAK_CONTRACTS``."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

__all__ = ["contracts_root", "repository_root"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def repository_root() -> Path | None:
    """Return the source checkout to work on, or None when installed as a wheel.

    ``$KONTRAK_REPOSITORY`` names another checkout (used by tests and by agencies that keep a
    fork); otherwise the checkout this package runs from.
    """
    override = os.environ.get("KONTRAK_REPOSITORY")
    if override:
        return Path(override).resolve()
    return _own_checkout()


@cache
def _own_checkout() -> Path | None:
    for candidate in _PACKAGE_DIR.parents:
        if (candidate / "contracts" / "catalog.yaml").is_file() and (
            candidate / "pyproject.toml"
        ).is_file():
            return candidate
    return None


def contracts_root() -> Path:
    """Return the folder holding ``catalog.yaml`` and the contracts.

    Order: ``$KONTRAK_CONTRACTS``; the source checkout (see :func:`repository_root`); the copy
    packaged in the wheel.
    """
    override = os.environ.get("KONTRAK_CONTRACTS")
    if override:
        return Path(override).resolve()
    repo = repository_root()
    if repo is not None:
        return repo / "contracts"
    return _PACKAGE_DIR / "_data" / "contracts"
