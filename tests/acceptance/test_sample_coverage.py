"""Every contract is exercised by its samples: each required field, enum, pattern, reference
match and domain rule has an invalid sample that reports it; each version has a valid sample."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import REPO, SAMPLES

from kontrak.catalog import load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.rules import RULES
from kontrak.samples import SampleCase, iter_sample_cases

CATALOG = load_catalog(REPO / "contracts")
CASES = list(iter_sample_cases(SAMPLES, CATALOG))
CONTRACTS = [
    load_contract(f"{entry.id}@{version.version}", CATALOG)
    for entry in CATALOG.datasets.values()
    for version in entry.versions
]
PATTERN_CODES = {"pattern-mismatch", "invalid-date"}


def _expected(contract: Contract) -> set[tuple[str, str]]:
    """(code, field) pairs the invalid samples of ``contract`` declare."""
    pairs: set[tuple[str, str]] = set()
    for case in CASES:
        if case.spec != contract.spec or case.kind != "invalid":
            continue
        for expected in case.expected:
            field = expected.field or (expected.pointer or "").rsplit("/", 1)[-1]
            pairs.add((expected.code, field))
    return pairs


def _requirements(contract: Contract) -> Iterator[tuple[str, set[str], str]]:
    """(what, acceptable codes, field) that some invalid sample must cover."""
    for name, spec in contract.fields.items():
        if spec.required:
            yield "required field", {"missing-field"}, name
        if "enum" in spec.schema:
            yield "enum", {"value-not-allowed"}, name
        if "pattern" in spec.schema:
            yield "pattern", PATTERN_CODES, name
        if spec.reference is not None and "enum" not in spec.schema:
            yield "reference code", {"unknown-code"}, name
        for other, _ in spec.reference.match if spec.reference else ():
            yield "reference match", {"reference-mismatch"}, other


@pytest.mark.parametrize("contract", CONTRACTS, ids=[c.spec for c in CONTRACTS])
def test_each_field_constraint_has_an_invalid_sample(contract: Contract) -> None:
    declared = _expected(contract)
    missing = [
        f"{what} {field}: one of {sorted(codes)}"
        for what, codes, field in _requirements(contract)
        if not any((code, field) in declared for code in codes)
    ]
    assert not missing, "uncovered:\n" + "\n".join(missing)


@pytest.mark.parametrize("contract", CONTRACTS, ids=[c.spec for c in CONTRACTS])
def test_each_domain_rule_has_an_invalid_sample(contract: Contract) -> None:
    codes = {code for code, _ in _expected(contract)}
    uncovered = [spec.rule for spec in contract.rules if not codes & set(RULES[spec.rule].codes)]
    assert not uncovered, f"rules without an invalid sample: {uncovered}"


@pytest.mark.parametrize("contract", CONTRACTS, ids=[c.spec for c in CONTRACTS])
def test_each_version_has_a_valid_sample(contract: Contract) -> None:
    cases: list[SampleCase] = [c for c in CASES if c.spec == contract.spec and c.kind == "valid"]
    assert cases, f"{contract.spec} has no valid sample"


@pytest.mark.parametrize("contract", CONTRACTS, ids=[c.spec for c in CONTRACTS])
def test_each_version_has_valid_bulk_files_from_its_provider(contract: Contract) -> None:
    """Both bulk forms of the issue (CSV and JSON Lines), from the agency that provides it."""
    provider = contract.meta["provider"].lower()
    cases = [c for c in CASES if c.spec == contract.spec and c.kind == "valid"]
    assert {c.agency for c in cases} == {provider}, (
        f"{contract.spec}: valid samples not from {provider}"
    )
    suffixes = {c.path.suffix for c in cases}
    assert {".csv", ".jsonl"} <= suffixes, f"{contract.spec}: valid bulk files {sorted(suffixes)}"
