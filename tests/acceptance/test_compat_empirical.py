"""The empirical check: real samples of each version, validated against every other version,
agree with what `kontrak compat` declares.

For each pair (older, newer) of a dataset's versions:

- BACKWARD: the valid samples of ``older`` are validated against ``newer``.
- FORWARD: the valid samples of ``newer`` are validated against ``older``.

When compat declares a direction compatible, every sample must pass (no error). When a sample
fails, compat must have declared that direction breaking. When compat declares it breaking
through a change that data can show (not only metadata such as a classification), at least one
sample must fail: otherwise the samples do not exercise the change, or the rule is wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import REPO, SAMPLES

from kontrak.catalog import load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.evolution.compare import compare_contracts
from kontrak.evolution.model import Comparison, Direction
from kontrak.evolution.rulebook import compat_rule
from kontrak.samples import iter_sample_cases
from kontrak.validation import validate_with_contract

CATALOG = load_catalog(REPO / "contracts")
CASES = list(iter_sample_cases(SAMPLES, CATALOG))
PAIRS = [
    (entry.id, older.version, newer.version)
    for entry in CATALOG.datasets.values()
    for index, older in enumerate(entry.versions)
    for newer in entry.versions[index + 1 :]
]


def _valid_files(dataset: str, version: str) -> list[Path]:
    return [c.path for c in CASES if (c.dataset, c.version, c.kind) == (dataset, version, "valid")]


def _failing(contract: Contract, files: list[Path]) -> list[str]:
    failing = []
    for path in files:
        report = validate_with_contract(contract, [path])
        if any(v.severity == "error" for v in report.violations):
            failing.append(path.name)
    return failing


def _observable(comparison: Comparison, direction: Direction) -> bool:
    return any(
        compat_rule(c.rule).category == "structure" and c.breaks_in(frozenset({direction}))
        for c in comparison.changes
    )


def test_there_are_pairs_to_check() -> None:
    assert ("riwayat-angka-kredit", "1.0.0", "1.1.0") in PAIRS
    assert ("siasn-rw-angkakredit", "1.0.0", "2.0.0") in PAIRS


@pytest.mark.parametrize(("dataset", "older", "newer"), PAIRS, ids=["@".join(p) for p in PAIRS])
@pytest.mark.parametrize("direction", list(Direction), ids=[d.value for d in Direction])
def test_samples_agree_with_compat(
    dataset: str, older: str, newer: str, direction: Direction
) -> None:
    old = load_contract(f"{dataset}@{older}", CATALOG)
    new = load_contract(f"{dataset}@{newer}", CATALOG)
    comparison = compare_contracts(old, new)
    if direction is Direction.BACKWARD:
        files, reader = _valid_files(dataset, older), new
    else:
        files, reader = _valid_files(dataset, newer), old
    assert files, f"no valid samples to check {direction.value}"
    failing = _failing(reader, files)
    declared_compatible = comparison.compatible(direction)
    if declared_compatible:
        assert failing == [], f"compat says {direction.value} compatible, but these fail: {failing}"
    elif _observable(comparison, direction):
        assert failing, f"compat says {direction.value} breaking, yet every sample passes"
