"""Deliveries resampled from the valid samples: unique keys, valid records, faults on request."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SAMPLES

from kontrak.contract import load_contract
from kontrak.resampled import ResampledRecords, sample_records
from kontrak.synthetic import write_jsonl
from kontrak.validation import ValidateOptions, validate_with_contract


@pytest.mark.parametrize(
    "spec", ["siasn-rw-jabatan@1.0.0", "siasn-data-utama@1.0.0", "pengembangan-kompetensi@1.0.0"]
)
def test_resampled_records_are_valid_with_unique_keys(spec: str, tmp_path: Path) -> None:
    contract = load_contract(spec)
    samples = sample_records(SAMPLES, contract)
    records = list(ResampledRecords(contract, samples, invalid_rate=0.0).records(500))
    keys = [tuple(r[k] for k in contract.primary_key) for r in records]
    assert len(set(keys)) == len(keys)
    path = tmp_path / "data.jsonl"
    write_jsonl(path, iter(records))
    report = validate_with_contract(contract, [path], ValidateOptions())
    assert report.counts_by_severity.get("error", 0) == 0


def test_faults_make_records_invalid(tmp_path: Path) -> None:
    contract = load_contract("siasn-rw-jabatan@1.0.0")
    samples = sample_records(SAMPLES, contract)
    path = tmp_path / "data.jsonl"
    write_jsonl(path, ResampledRecords(contract, samples, invalid_rate=1.0).records(50))
    report = validate_with_contract(contract, [path], ValidateOptions())
    damaged = {v.record for v in report.violations if v.severity != "info"}
    assert len(damaged) >= 40
