"""The Lampiran catalog (``contracts/catalog.yaml``): datasets, their versions and status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kontrak.exceptions import ContractError, UnknownDatasetError, UnknownVersionError
from kontrak.paths import contracts_root
from kontrak.text import LocalText
from kontrak.versions import version_key
from kontrak.yaml_io import load_yaml

__all__ = [
    "Catalog",
    "DatasetEntry",
    "VersionEntry",
    "forget_catalogs",
    "load_catalog",
    "split_dataset_spec",
]

CATALOG_FILE = "catalog.yaml"


@dataclass(frozen=True, slots=True)
class VersionEntry:
    """One released or planned version of a dataset contract."""

    version: str
    status: str
    since: str
    until: str | None
    introduced_by: str
    notes: LocalText | None = None
    migration: LocalText | None = None


@dataclass(frozen=True, slots=True)
class DatasetEntry:
    """One Lampiran dataset: who provides it, on what basis, and its versions (oldest first)."""

    id: str
    title: LocalText
    record: LocalText
    provider: str
    consumer: str
    channel: LocalText
    basis: tuple[str, ...]
    versions: tuple[VersionEntry, ...]
    compatibility: str = "BACKWARD_TRANSITIVE"

    @property
    def direction(self) -> str:
        """The direction of the data, e.g. ``BKN→LAN``."""
        return f"{self.provider}→{self.consumer}"

    def version(self, version: str) -> VersionEntry:
        """Return one version entry.

        Raises:
            UnknownVersionError: when the catalog does not list ``version``.
        """
        for entry in self.versions:
            if entry.version == version:
                return entry
        raise UnknownVersionError(self.id, version, [v.version for v in self.versions])

    @property
    def current(self) -> VersionEntry:
        """The newest active version, else the newest version of any status."""
        active = [v for v in self.versions if v.status == "active"]
        return (active or list(self.versions))[-1]


@dataclass(frozen=True, slots=True)
class Catalog:
    """The parsed catalog plus the folder it was read from."""

    root: Path
    base_uri: str
    agreement: str
    datasets: Mapping[str, DatasetEntry]

    def dataset(self, dataset_id: str) -> DatasetEntry:
        """Return one dataset entry.

        Raises:
            UnknownDatasetError: when ``dataset_id`` is not in the catalog.
        """
        try:
            return self.datasets[dataset_id]
        except KeyError:
            raise UnknownDatasetError(dataset_id, sorted(self.datasets)) from None

    def resolve(self, spec: str) -> tuple[DatasetEntry, VersionEntry]:
        """Resolve ``DATASET[@VERSION]``; without a version, the current one."""
        dataset_id, version = split_dataset_spec(spec)
        entry = self.dataset(dataset_id)
        return entry, (entry.version(version) if version else entry.current)

    def contract_dir(self, dataset_id: str, version: str) -> Path:
        """Folder of one contract version."""
        return self.root / dataset_id / version

    def schema_uri(self, dataset_id: str, version: str) -> str:
        """The ``$id`` a contract's JSON Schema must carry."""
        return f"{self.base_uri}contracts/{dataset_id}/{version}/schema.json"


def split_dataset_spec(spec: str) -> tuple[str, str | None]:
    """Split ``DATASET[@VERSION]`` into its parts."""
    dataset_id, _, version = spec.partition("@")
    return dataset_id, (version or None)


def _parse_dataset(dataset_id: str, data: Mapping[str, Any]) -> DatasetEntry:
    versions = tuple(
        VersionEntry(
            version=str(number),
            status=str(info["status"]),
            since=str(info["since"]),
            until=str(info["until"]) if info.get("until") else None,
            introduced_by=str(info["introduced-by"]),
            notes=LocalText.from_mapping(info["notes"]) if info.get("notes") else None,
            migration=LocalText.from_mapping(info["migration"]) if info.get("migration") else None,
        )
        for number, info in sorted(data["versions"].items(), key=lambda kv: version_key(kv[0]))
    )
    return DatasetEntry(
        id=dataset_id,
        title=LocalText.from_mapping(data["title"]),
        record=LocalText.from_mapping(data["record"]),
        provider=str(data["provider"]),
        consumer=str(data["consumer"]),
        channel=LocalText.from_mapping(data["channel"]),
        basis=tuple(str(b) for b in data["basis"]),
        versions=versions,
        compatibility=str(data.get("compatibility", "BACKWARD_TRANSITIVE")),
    )


def load_catalog(root: Path | None = None) -> Catalog:
    """Read ``catalog.yaml`` from ``root`` (default: :func:`kontrak.paths.contracts_root`).

    Read once per folder and process (``load_catalog()`` and ``load_catalog(contracts_root())``
    share it); :func:`forget_catalogs` makes the next call read the file again.

    Raises:
        ContractError: when the catalog is missing or malformed.
    """
    return _read_catalog(root or contracts_root())


def forget_catalogs() -> None:
    """Forget the catalogs read so far (for callers and tests that change ``catalog.yaml``)."""
    _read_catalog.cache_clear()


@cache
def _read_catalog(folder: Path) -> Catalog:
    path = folder / CATALOG_FILE
    try:
        data = load_yaml(path)
        datasets = {
            str(dataset_id): _parse_dataset(str(dataset_id), info)
            for dataset_id, info in data["datasets"].items()
        }
        return Catalog(
            root=folder,
            base_uri=str(data["base-uri"]),
            agreement=str(data["agreement"]),
            datasets=datasets,
        )
    except (OSError, KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as exc:
        msg = f"katalog tidak dapat dibaca / cannot read the catalog {path}: {exc!r}"
        raise ContractError(msg) from exc
