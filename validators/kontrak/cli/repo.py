"""Commands that maintain the repository need a source checkout."""

from __future__ import annotations

from pathlib import Path

from kontrak.exceptions import KontrakError
from kontrak.paths import repository_root

__all__ = ["require_repository"]


def require_repository() -> Path:
    """Return the source checkout, or fail with a clear message (exit 2)."""
    repo = repository_root()
    if repo is None:
        msg = (
            "perintah ini perlu salinan sumber repositori kontrak / this command needs a source "
            "checkout of the kontrak repository (pip install -e .)"
        )
        raise KontrakError(msg)
    return repo
