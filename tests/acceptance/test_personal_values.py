"""Pasal 9: no personal value of a sample appears in any report unless --show-values is given."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPO, SAMPLES
from typer.testing import CliRunner

from kontrak.catalog import load_catalog
from kontrak.cli import app
from kontrak.contract import load_contract
from kontrak.samples import iter_sample_cases

CATALOG = load_catalog(REPO / "contracts")
CASES = [
    c
    for c in iter_sample_cases(SAMPLES, CATALOG)
    if c.kind == "invalid" and c.path.suffix == ".json"
]
RUNNER = CliRunner()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)


def _personal_values(path: Path, spec: str) -> set[str]:
    contract = load_contract(spec, CATALOG)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return set()
    if isinstance(document, dict) and "data" in document:
        document = document["data"]
    elif isinstance(document, dict) and "results" in document:
        document = document["results"]
    records = document if isinstance(document, list) else [document]
    values: set[str] = set()
    for record in records:
        if not isinstance(record, dict):
            continue
        for name, value in record.items():
            spec_ = contract.fields.get(name)
            if spec_ is None or spec_.personal:
                values |= {v for v in _strings(value) if len(v) >= 6}
    return values


@pytest.mark.parametrize("case", CASES, ids=[c.path.name for c in CASES])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_reports_mask_personal_values(case: Any, fmt: str) -> None:
    secrets = _personal_values(case.path, case.spec)
    result = RUNNER.invoke(app, ["validate", case.spec, str(case.path), "-f", fmt])
    leaked = {s for s in secrets if s in result.output and s not in str(case.path)}
    assert not leaked


def test_show_values_prints_them() -> None:
    path = SAMPLES / "riwayat-angka-kredit/1.0.0/invalid/lan/0.nipBaru.pattern-mismatch.json"
    masked = RUNNER.invoke(app, ["validate", "riwayat-angka-kredit", str(path)]).output
    shown = RUNNER.invoke(
        app, ["validate", "riwayat-angka-kredit", str(path), "--show-values"]
    ).output
    assert "19840314200912298" not in masked
    assert "19840314200912298" in shown


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_a_csv_without_header_row_does_not_list_its_first_row(engine: str, tmp_path: Path) -> None:
    """Row 1 of a headerless export is data (NIP, name, birth date), not column names to list."""
    sample = SAMPLES / "data-widyaiswara/1.0.0/valid/bkn/widyaiswara-2024s1.csv"
    lines = sample.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    path = tmp_path / "tanpa-judul.csv"
    path.write_text("".join(lines[1:]), encoding="utf-8")
    first_row = next(csv.reader([lines[1]]))
    result = RUNNER.invoke(
        app, ["validate", "data-widyaiswara", str(path), "-f", "json", "--engine", engine]
    )
    report = json.loads(result.output)
    assert report["summary"]["by_code"] == {"missing-header": 1}
    leaked = {cell for cell in first_row if len(cell) >= 6 and cell in result.output}
    assert not leaked


@pytest.mark.parametrize("engine", ["fast", "reference"])
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_a_payload_keyed_by_nip_does_not_print_the_nip(
    engine: str, fmt: str, tmp_path: Path
) -> None:
    """Unknown keys that look like values (a NIP, NIK, e-mail) are masked like values."""
    nip = "198403142009122987"
    path = tmp_path / "berkunci-nip.json"
    path.write_text(json.dumps({nip: {"idSipka": "AK-2024-1"}, "a@b.id": "x"}), encoding="utf-8")
    args = ["validate", "riwayat-angka-kredit", str(path), "-f", fmt, "--engine", engine]
    result = RUNNER.invoke(app, args)
    assert result.exit_code == 1
    assert nip not in result.output
    assert "a@b.id" not in result.output
    assert "19**************87" in result.output
    shown = RUNNER.invoke(app, [*args, "--show-values"])
    assert nip in shown.output
