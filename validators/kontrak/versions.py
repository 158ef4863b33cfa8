"""Semantic version numbers of contracts."""

from __future__ import annotations

import re

__all__ = ["parse_version", "version_key"]

_SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


def parse_version(text: str) -> tuple[int, int, int]:
    """Return (major, minor, patch) of a ``MAJOR.MINOR.PATCH`` version.

    Raises:
        ValueError: when ``text`` is not a full semantic version.
    """
    match = _SEMVER.match(text)
    if match is None:
        msg = f"not a MAJOR.MINOR.PATCH version: {text!r}"
        raise ValueError(msg)
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def version_key(text: str) -> tuple[int, int, int]:
    """Sort key for versions; alias of :func:`parse_version` for use with ``sorted``."""
    return parse_version(text)
