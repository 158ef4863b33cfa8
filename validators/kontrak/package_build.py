"""Writing exchange packages: describe the files of a folder in a ``datapackage.json``.

Agencies run this just before delivery; the descriptor records each resource's contract
version, record count, size and sha256, which the receiving side then verifies.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kontrak.catalog import Catalog
from kontrak.contract import load_contract
from kontrak.exceptions import KontrakError
from kontrak.package import DESCRIPTOR, unsafe_path_reason
from kontrak.readers import LocatedRecord, UnreadableInputError, detect_format, read_input

__all__ = ["build_descriptor", "refresh_descriptor", "write_descriptor"]

_MEDIA_TYPES = {"json": "application/json", "jsonl": "application/x-ndjson", "csv": "text/csv"}


def _resource(root: Path, relative: str, spec: str, catalog: Catalog) -> dict[str, Any]:
    reason = unsafe_path_reason(relative, root)
    if reason:
        msg = f"{relative}: {reason}"
        raise KontrakError(msg)
    path = root / relative
    contract = load_contract(spec, catalog)
    try:
        fmt = detect_format(path)
        if fmt not in _MEDIA_TYPES:
            msg = (
                f"{relative}: format {fmt} bukan format paket pertukaran (hanya "
                f"{', '.join(_MEDIA_TYPES)}); simpan sebagai CSV UTF-8 / {fmt} is not an "
                "exchange-package format: save it as UTF-8 CSV"
            )
            raise KontrakError(msg)
        records = sum(
            isinstance(item, LocatedRecord) for item in read_input(path, contract, fmt).items
        )
    except UnreadableInputError as exc:
        msg = f"{relative}: {exc.problem.code}"
        raise KontrakError(msg) from None
    data = path.read_bytes()
    name = relative.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower().replace("_", "-")
    return {
        "name": name,
        "path": relative,
        "format": fmt,
        "mediatype": _MEDIA_TYPES[fmt],
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": contract.uri.rsplit("/", 1)[0] + "/table-schema.json",
        "x-kontrak": {"dataset": contract.dataset, "version": contract.version, "records": records},
    }


def build_descriptor(
    root: Path,
    *,
    name: str,
    title: str,
    provider: str,
    consumer: str,
    period: tuple[str, str],
    resources: Sequence[tuple[str, str]],
    catalog: Catalog,
    kind: str = "berkala",
    created: str | None = None,
) -> dict[str, Any]:
    """Describe ``resources`` (``(relative path, DATASET@VERSION)``) of the package at ``root``.

    Raises:
        KontrakError: a path is unsafe, a file unreadable or a contract unknown.
    """
    return {
        "profile": "data-package",
        "name": name,
        "title": title,
        "created": created or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "x-kontrak": {
            "provider": provider,
            "consumer": consumer,
            "period": {"start": period[0], "end": period[1]},
            "kind": kind,
        },
        "resources": [_resource(root, rel, spec, catalog) for rel, spec in resources],
    }


def refresh_descriptor(root: Path, catalog: Catalog) -> dict[str, Any]:
    """Recompute size, hash and record count of every resource of an existing descriptor."""
    descriptor = json.loads((root / DESCRIPTOR).read_text(encoding="utf-8"))
    refreshed = []
    for old in descriptor["resources"]:
        spec = f"{old['x-kontrak']['dataset']}@{old['x-kontrak']['version']}"
        new = _resource(root, old["path"], spec, catalog)
        refreshed.append({**old, **{k: new[k] for k in ("bytes", "hash", "x-kontrak")}})
    descriptor["resources"] = refreshed
    return dict(descriptor)


def write_descriptor(root: Path, descriptor: dict[str, Any]) -> Path:
    """Write ``datapackage.json`` atomically."""
    target = root / DESCRIPTOR
    temporary = target.with_name(DESCRIPTOR + ".tmp")
    temporary.write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    temporary.replace(target)
    return target
