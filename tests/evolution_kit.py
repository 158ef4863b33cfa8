"""A scratch copy of the contracts where a test adds versions and compares them."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from tests.conftest import REPO

from kontrak.catalog import Catalog, forget_catalogs, load_catalog
from kontrak.contract import load_contract
from kontrak.evolution.compare import compat_result
from kontrak.evolution.model import CompatResult, Mode
from kontrak.yaml_io import load_yaml

Edit = Callable[[dict[str, Any]], None]


class ContractLab:
    """``contracts/`` copied to ``base``; versions added here never touch the repository."""

    def __init__(self, base: Path) -> None:
        self.root = base / "contracts"
        shutil.copytree(REPO / "contracts", self.root)

    def schema(self, dataset: str, version: str) -> dict[str, Any]:
        path = self.root / dataset / version / "schema.json"
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def add_version(
        self,
        dataset: str,
        base: str,
        version: str,
        edit: Edit,
        *,
        status: str = "draft",
        introduced_by: str = "pks-lan-bkn-2022",
        since: str = "2026-11-26",
    ) -> None:
        schema = self.schema(dataset, base)
        schema["$id"] = schema["$id"].replace(f"/{base}/", f"/{version}/")
        schema["x-kontrak"]["version"] = version
        edit(schema)
        folder = self.root / dataset / version
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "schema.json").write_text(
            json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        self.edit_catalog(
            lambda c: c["datasets"][dataset]["versions"].update(
                {version: {"status": status, "since": since, "introduced-by": introduced_by}}
            )
        )

    def edit_catalog(self, edit: Callable[[dict[str, Any]], None]) -> None:
        path = self.root / "catalog.yaml"
        data = load_yaml(path)
        edit(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        forget_catalogs()

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def catalog(self) -> Catalog:
        return load_catalog(self.root)

    def compare(self, dataset: str, old: str, new: str, mode: Mode | None = None) -> CompatResult:
        catalog = self.catalog()
        return compat_result(
            catalog,
            load_contract(f"{dataset}@{old}", catalog),
            load_contract(f"{dataset}@{new}", catalog),
            mode=mode,
        )


def rules_of(result: CompatResult) -> dict[str, set[str]]:
    """Rule id → the directions (as text) it breaks, over the primary comparison."""
    found: dict[str, set[str]] = {}
    for change in result.primary.changes:
        found.setdefault(change.rule, set()).update(d.value for d in change.breaks)
    return found
