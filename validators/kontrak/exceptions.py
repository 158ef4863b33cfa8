"""Exceptions for when the tool itself cannot run; findings in data are violations, not these."""

from __future__ import annotations

__all__ = [
    "ContractError",
    "KontrakError",
    "UnknownDatasetError",
    "UnknownVersionError",
]


class KontrakError(Exception):
    """Base class: the tool cannot do what was asked (exit code 2)."""


class UnknownDatasetError(KontrakError):
    """A dataset id is not in the catalog."""

    def __init__(self, dataset: str, known: list[str]) -> None:
        self.dataset = dataset
        self.known = known
        super().__init__(
            f"dataset '{dataset}' tidak ada di katalog / is not in the catalog; "
            f"known: {', '.join(known)}"
        )


class UnknownVersionError(KontrakError):
    """A version is not listed for a dataset in the catalog."""

    def __init__(self, dataset: str, version: str, known: list[str]) -> None:
        self.dataset = dataset
        self.version = version
        self.known = known
        super().__init__(
            f"versi '{version}' dari '{dataset}' tidak ada / version '{version}' of '{dataset}' "
            f"does not exist; known: {', '.join(known)}"
        )


class ContractError(KontrakError):
    """A contract or the catalog is malformed (a repository problem, not a data problem)."""
