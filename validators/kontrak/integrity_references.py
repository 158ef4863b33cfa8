"""Integrity of reference tables, ``x-reference`` pointers and foreign keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kontrak.catalog import Catalog
from kontrak.contract import Contract, load_contract
from kontrak.exceptions import KontrakError
from kontrak.references import DATA_FILE, load_reference_table
from kontrak.validation import validate_with_contract

__all__ = ["check_references"]


def _contracts(catalog: Catalog) -> Iterator[Contract]:
    for entry in catalog.datasets.values():
        for version in entry.versions:
            try:
                yield load_contract(f"{entry.id}@{version.version}", catalog)
            except KontrakError:
                continue  # reported by the contract checks


def _check_table_data(contract: Contract, repo: Path) -> Iterator[tuple[str, str, str]]:
    data = contract.path.parent / DATA_FILE
    rel = str(data.relative_to(repo)) if data.is_relative_to(repo) else str(data)
    if not data.is_file():
        yield "reference-data", rel, "a reference table needs its data.csv"
        return
    report = validate_with_contract(contract, [data])
    for violation in report.violations:
        where = f"row {violation.row}" if violation.row else violation.pointer or ""
        yield "reference-data", rel, f"{where}: {violation.code} {violation.field or ''}".strip()


def _check_pointers(contract: Contract, catalog: Catalog) -> Iterator[tuple[str, str, str]]:
    rel = f"contracts/{contract.dataset}/{contract.version}/schema.json"
    for name, spec in contract.fields.items():
        reference = spec.reference
        if reference is None:
            continue
        try:
            entry, _ = catalog.resolve(reference.spec)
            table = load_reference_table(reference.table, reference.version, catalog.root)
        except KontrakError as exc:
            yield "x-reference", rel, f"{name}: {exc}"
            continue
        if load_contract(reference.spec, catalog).kind != "reference":
            yield "x-reference", rel, f"{name}: {entry.id} is not a reference table"
        columns = [reference.column, *(column for _, column in reference.match)]
        for column in columns:
            if column not in table.columns:
                yield "x-reference", rel, f"{name}: {reference.spec} has no column '{column}'"
        for other, _ in reference.match:
            if other not in contract.fields:
                yield "x-reference", rel, f"{name}: match names unknown field '{other}'"
        enum = spec.schema.get("enum")
        if isinstance(enum, list) and reference.column in table.columns:
            missing = {str(v) for v in enum if v != ""} - table.codes(reference.column)
            if missing:
                yield (
                    "x-reference",
                    rel,
                    f"{name}: enum values {sorted(missing)} not in {reference.spec}",
                )


def _check_foreign_keys(contract: Contract, catalog: Catalog) -> Iterator[tuple[str, str, str]]:
    rel = f"contracts/{contract.dataset}/{contract.version}/schema.json"
    for key in contract.foreign_keys:
        for name in key["fields"]:
            if name not in contract.fields:
                yield "foreign-keys", rel, f"unknown field '{name}'"
        for dataset in key["reference"]["datasets"]:
            if dataset not in catalog.datasets:
                yield "foreign-keys", rel, f"unknown dataset '{dataset}'"
                continue
            target = load_contract(dataset, catalog)
            for name in key["reference"]["fields"]:
                if name not in target.fields:
                    yield "foreign-keys", rel, f"{dataset} has no field '{name}'"


def check_references(catalog: Catalog, repo: Path) -> Iterator[tuple[str, str, str]]:
    """Yield ``(check, path, message)`` for every reference-table or foreign-key problem."""
    for contract in _contracts(catalog):
        if contract.kind == "reference":
            yield from _check_table_data(contract, repo)
        yield from _check_pointers(contract, catalog)
        yield from _check_foreign_keys(contract, catalog)
