"""Repository integrity: what ``kontrak check`` (and CI) verifies before anything lands."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from kontrak.catalog import Catalog
from kontrak.contract import SCHEMA_FILE, load_contract
from kontrak.derive import find_drift
from kontrak.evolution.checks import evolution_issues
from kontrak.exceptions import KontrakError
from kontrak.formats import FORMAT_CHECKER
from kontrak.integrity_references import check_references
from kontrak.rules import RULES
from kontrak.samples import (
    PACKAGE_CASE_SUFFIX,
    SIDECAR_SUFFIX,
    iter_package_cases,
    iter_sample_cases,
    sidecar_for,
)
from kontrak.schema_registry import build_registry, iter_schema_files, load_json_file
from kontrak.yaml_io import load_yaml

__all__ = ["Problem", "check_repository", "check_sources"]

_SEMVER_DIR = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")
META_DIR = "_meta"
SHARED_DIR = "_shared"


@dataclass(frozen=True, slots=True)
class Problem:
    """One integrity problem: which check, which file, what is wrong."""

    check: str
    path: str
    message: str


def _meta_validator(catalog: Catalog, name: str) -> Draft202012Validator:
    schema = load_json_file(catalog.root / META_DIR / name)
    return Draft202012Validator(
        schema, registry=build_registry(catalog.root), format_checker=FORMAT_CHECKER
    )


def _rel(path: Path, repo: Path) -> str:
    return str(path.relative_to(repo)) if path.is_relative_to(repo) else str(path)


def _check_metaschemas(catalog: Catalog, repo: Path) -> Iterator[Problem]:
    for path in iter_schema_files(catalog.root):
        document = load_json_file(path)
        try:
            Draft202012Validator.check_schema(document)
        except SchemaError as exc:
            yield Problem("metaschema", _rel(path, repo), exc.message)
        expected = catalog.base_uri + "contracts/" + path.relative_to(catalog.root).as_posix()
        if document.get("$id") != expected:
            yield Problem("id-path", _rel(path, repo), f"$id must be {expected}")


def _check_catalog(catalog: Catalog, _repo: Path) -> Iterator[Problem]:
    data = load_yaml(catalog.root / "catalog.yaml")
    for error in _meta_validator(catalog, "catalog.schema.json").iter_errors(data):
        yield Problem("catalog", "contracts/catalog.yaml", f"{error.json_path}: {error.message}")
    listed = {(d.id, v.version) for d in catalog.datasets.values() for v in d.versions}
    on_disk = {
        (p.parent.parent.relative_to(catalog.root).as_posix(), p.parent.name)
        for p in catalog.root.rglob(SCHEMA_FILE)
        if not p.relative_to(catalog.root).parts[0].startswith("_")
    }
    for dataset, version in sorted(listed - on_disk):
        yield Problem(
            "catalog-folders",
            f"contracts/{dataset}/{version}",
            "listed in catalog.yaml, no schema.json",
        )
    for dataset, version in sorted(on_disk - listed):
        yield Problem(
            "catalog-folders", f"contracts/{dataset}/{version}", "folder not listed in catalog.yaml"
        )


def _check_rules(
    contract_path: str, meta: dict[str, Any], properties: dict[str, Any]
) -> Iterator[Problem]:
    for rule_spec in meta.get("rules", []):
        rule = RULES.get(rule_spec["rule"])
        if rule is None:
            yield Problem("rules", contract_path, f"unknown rule '{rule_spec['rule']}'")
            continue
        for error in Draft202012Validator(dict(rule.args_schema)).iter_errors(rule_spec["args"]):
            yield Problem("rules", contract_path, f"{rule.id} args: {error.message}")
            break
        else:
            for name in rule.fields_of(rule_spec["args"]):
                if name not in properties:
                    yield Problem("rules", contract_path, f"{rule.id} reads unknown field '{name}'")


def _check_contracts(catalog: Catalog, repo: Path) -> Iterator[Problem]:
    extension = _meta_validator(catalog, "contract-extension.schema.json")
    for entry in catalog.datasets.values():
        for version in entry.versions:
            path = catalog.contract_dir(entry.id, version.version) / SCHEMA_FILE
            if not path.is_file():
                continue
            rel = _rel(path, repo)
            schema = load_json_file(path)
            errors = list(extension.iter_errors(schema))
            for error in errors:
                yield Problem("contract-metadata", rel, f"{error.json_path}: {error.message}")
            if errors:
                continue
            meta, properties = schema["x-kontrak"], schema["properties"]
            if (meta["dataset"], meta["version"]) != (entry.id, version.version):
                yield Problem(
                    "contract-metadata", rel, "x-kontrak dataset/version differ from the folder"
                )
            for key in ("provider", "consumer"):
                if meta[key] != getattr(entry, key):
                    yield Problem(
                        "contract-metadata", rel, f"x-kontrak.{key} differs from catalog.yaml"
                    )
            if list(meta["basis"]) != list(entry.basis):
                yield Problem("contract-metadata", rel, "x-kontrak.basis differs from catalog.yaml")
            named = [*meta["primary-key"], *meta.get("bulk", {}).get("required", [])]
            for name in named:
                if name not in properties:
                    yield Problem(
                        "contract-metadata", rel, f"unknown field '{name}' in primary-key/bulk"
                    )
            yield from _check_rules(rel, meta, properties)
            try:
                load_contract(f"{entry.id}@{version.version}", catalog)
            except KontrakError as exc:
                yield Problem("contract-load", rel, str(exc))


def _check_samples(catalog: Catalog, repo: Path) -> Iterator[Problem]:
    samples = repo / "samples"
    expect = Draft202012Validator(load_json_file(samples / "expect.schema.json"))
    cases = list(iter_sample_cases(samples, catalog))
    for entry in catalog.datasets.values():
        for version in entry.versions:
            mine = [c for c in cases if (c.dataset, c.version) == (entry.id, version.version)]
            provider = entry.provider.lower()
            for kind in ("valid", "invalid"):
                if not any(c.kind == kind and c.agency == provider for c in mine):
                    yield Problem(
                        "samples",
                        f"samples/{entry.id}/{version.version}/{kind}/{provider}",
                        f"no {kind} sample from the provider ({entry.provider})",
                    )
    known = {(c.dataset, c.version) for c in cases} | {
        (d.id, v.version) for d in catalog.datasets.values() for v in d.versions
    }
    for sidecar in sorted(samples.rglob("*" + SIDECAR_SUFFIX)):
        rel = _rel(sidecar, repo)
        for error in expect.iter_errors(load_yaml(sidecar)):
            yield Problem("sample-sidecar", rel, f"{error.json_path}: {error.message}")
        if not any(sidecar_for(c.path) == sidecar for c in cases):
            yield Problem("sample-sidecar", rel, "sidecar without a sample file")
    for folder in sorted(p for p in samples.rglob("*") if p.is_dir() and _SEMVER_DIR.match(p.name)):
        key = (folder.parent.relative_to(samples).as_posix(), folder.name)
        if key not in known:
            yield Problem("samples", _rel(folder, repo), "sample folder without a contract version")


def _check_package_cases(catalog: Catalog, repo: Path) -> Iterator[Problem]:
    samples = repo / "samples"
    schema = load_json_file(samples / "package-case.schema.json")
    expect = load_json_file(samples / "expect.schema.json")
    registry: Registry[Any] = Registry().with_resource(
        expect["$id"], DRAFT202012.create_resource(expect)
    )
    validator = Draft202012Validator(schema, registry=registry)
    for case in iter_package_cases(samples):
        case_file = case.path.with_name(case.path.name + PACKAGE_CASE_SUFFIX)
        rel = _rel(case_file, repo)
        if not case_file.is_file():
            yield Problem("package-samples", rel, "sample package without its case file")
            continue
        for error in validator.iter_errors(load_yaml(case_file)):
            yield Problem("package-samples", rel, f"{error.json_path}: {error.message}")
        for other in case.against:
            if not (other / "datapackage.json").is_file():
                yield Problem("package-samples", rel, f"against {other.name}: no such package")
    del catalog


def _check_table_schemas(catalog: Catalog, repo: Path) -> Iterator[Problem]:
    try:
        from frictionless import Schema  # noqa: PLC0415 - optional, heavy
    except ImportError:  # pragma: no cover - depends on installed extras
        return
    for path in sorted(catalog.root.rglob("table-schema.json")):
        report = Schema.validate_descriptor(str(path))
        for error in report.flatten(["message"]):
            yield Problem("table-schema", _rel(path, repo), str(error[0]))


def _check_reference_tables(catalog: Catalog, repo: Path) -> Iterator[Problem]:
    for check, path, message in check_references(catalog, repo):
        yield Problem(check, path, message)


def _check_drift(catalog: Catalog, repo: Path) -> Iterator[Problem]:
    try:
        drift = find_drift(catalog, repo)
    except Exception as exc:
        yield Problem("drift", "contracts", f"derived files cannot be rendered: {exc}")
        return
    for item in drift:
        yield Problem("drift", str(item.path), f"{item.kind}; fix with: kontrak generate")


_SOURCE_PROBLEMS = frozenset(
    {"metaschema", "contract-metadata", "contract-load", "rules", "x-reference", "foreign-keys"}
)
SOURCE_CHECKS = (_check_metaschemas, _check_catalog, _check_contracts)
CHECKS = (*SOURCE_CHECKS, _check_samples, _check_table_schemas, _check_drift)


def check_sources(catalog: Catalog, repo: Path) -> list[Problem]:
    """Check the hand-edited sources only (schemas, catalog, contract metadata)."""
    problems: list[Problem] = []
    for check in SOURCE_CHECKS:
        problems += list(check(catalog, repo))
    return problems


def check_repository(catalog: Catalog, repo: Path) -> list[Problem]:
    """Run every integrity check; an empty list means the repository is consistent.

    Derived files are only compared when the sources are sound: a broken contract cannot be
    rendered, and its own problem says more than a drift report would.
    """
    problems = check_sources(catalog, repo)
    sources_ok = not any(p.check in _SOURCE_PROBLEMS for p in problems)
    problems += [Problem(*issue) for issue in evolution_issues(catalog, sources_ok=sources_ok)]
    for check in (
        _check_reference_tables,
        _check_samples,
        _check_package_cases,
        _check_table_schemas,
    ):
        problems += list(check(catalog, repo))
    if not any(p.check in _SOURCE_PROBLEMS for p in problems):
        problems += list(_check_drift(catalog, repo))
    return problems
