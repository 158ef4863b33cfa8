"""An offline registry of every JSON Schema under ``contracts/``: no ``$ref`` leaves the disk."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from kontrak.exceptions import ContractError

__all__ = ["build_registry", "iter_schema_files", "load_json_file"]


def load_json_file(path: Path) -> Any:
    """Read a UTF-8 JSON file of the repository.

    Raises:
        ContractError: when the file is missing or not JSON.
    """
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        msg = f"berkas JSON tidak dapat dibaca / cannot read JSON file {path}: {exc}"
        raise ContractError(msg) from exc


def iter_schema_files(root: Path) -> Iterator[Path]:
    """Yield every JSON Schema file below ``root`` (files that declare ``$schema`` and ``$id``)."""
    for path in sorted(root.rglob("*.json")):
        document = load_json_file(path)
        if isinstance(document, dict) and "$id" in document and "$schema" in document:
            yield path


def _refuse_retrieval(uri: str) -> Resource[Any]:
    """Never fetch: a ``$ref`` outside the local registry is a contract error."""
    raise NoSuchResource(uri)


@cache
def build_registry(root: Path) -> Registry[Any]:
    """Load every schema under ``root`` into one immutable registry keyed by ``$id``."""
    resources = []
    for path in iter_schema_files(root):
        document = load_json_file(path)
        resources.append((document["$id"], DRAFT202012.create_resource(document)))
    registry: Registry[Any] = Registry(retrieve=_refuse_retrieval)  # type: ignore[call-arg]
    return registry.with_resources(resources).crawl()
