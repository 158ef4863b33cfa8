"""The fast engine's exact re-checks report what the reference reports, with every shortcut taken.

A record a screen flags is checked again exactly, leaving out what its screens settled: the
structure layer when its cells (CSV) or the gate (JSON) accepted it, each rule whose own screen
passed on accepted fields, the reference layer likewise; a CSV row's structure findings are
remembered by field and cell text. Records that repeat a primary key are read again by counting
newlines in blocks. Each file here is made to take those paths (rows failing a cell check and a
rule, one rule screen only, a screen that flags a row its rule accepts, the same bad cell on many
rows, repeated keys far apart across block borders, CRLF lines, blank lines) and is compared with
the reference engine violation by violation.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.acceptance.test_engine_differential import LAN, RECORD, _assert_same
from tests.conftest import SAMPLES

from kontrak.contract import load_contract
from kontrak.fast import csv_fast, lines_at
from kontrak.synthetic import write_csv, write_jsonl

JABATAN = load_contract("siasn-rw-jabatan@1.0.0")

# Changes to a valid record of riwayat-angka-kredit, each named by what it exercises.
LAN_CHANGES: dict[str, dict[str, str]] = {
    "valid": {},
    # one rule screen fails, the rule finds something
    "flags": {"isIntegrasi": "1"},
    "sum": {"kreditBaruTotal": "26"},
    "months": {"tahunMulaiPenailan": "2024"},
    "nip": {"nipBaru": "198403142009122000"},
    # two rules
    "flags-and-sum": {"isIntegrasi": "1", "kreditBaruTotal": "26"},
    # a screen fails, its rule accepts the row (0.001 is within the rule's tolerance)
    "sum-within-tolerance": {"kreditUtamaBaru": "20.001"},
    "sum-within-tolerance-and-flags": {"kreditUtamaBaru": "20.001", "isIntegrasi": "1"},
    # a cell check fails
    "date": {"tanggalSk": "2024-01-20"},
    "excel-nip": {"nipBaru": "1.98403E+17"},
    "empty-required": {"nomorSk": ""},
    "empty-nip": {"nipBaru": ""},
    "month-13": {"bulanMulaiPenailan": "13"},
    "flag-value": {"isKonversi": "Y"},
    # a cell check fails and a rule on other fields fails
    "date-and-flags": {"tanggalSk": "2024-01-20", "isIntegrasi": "1"},
    "excel-nip-and-sum": {"nipBaru": "1.98403E+17", "kreditBaruTotal": "26"},
    "date-and-nip": {"tanggalSk": "31-02-2023", "nipBaru": "198403142009122000"},
    # a cell of a rule's field fails: the rule is left out, another one fires
    "total-and-months": {"kreditBaruTotal": "x", "tahunMulaiPenailan": "2024"},
    "part-and-flags": {"kreditUtamaBaru": "2,5", "isIntegrasi": "1", "isKonversi": "1"},
    # several failing cells, some of them remembered from other rows
    "date-and-excel-nip": {"tanggalSk": "2024-01-20", "nipBaru": "1.98403E+17"},
    "three-cells": {"tanggalSk": "2024-01-20", "nomorSk": "", "isKonversi": "Y"},
}


def _lan_records(count: int, seed: int) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    names = sorted(LAN_CHANGES)
    for number in range(count):
        record = {**RECORD, "idSipka": f"AK-{number}", **LAN_CHANGES[rng.choice(names)]}
        if number % 97 == 5:
            record["idSipka"] = "AK-1"  # the same key, far apart
        yield record


def _lan_columns() -> list[str]:
    return [name for name in LAN.fields if name != "path"]


@pytest.mark.parametrize("line_end", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_csv_rows_that_take_every_shortcut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line_end: str
) -> None:
    monkeypatch.setattr(csv_fast, "CHUNK_BYTES", 8192)  # many chunks
    monkeypatch.setattr(lines_at, "BLOCK_BYTES", 500)  # repeated keys across block borders
    path = tmp_path / "data.csv"
    write_csv(path, _lan_records(1500, seed=1), _lan_columns(), plain=True, line_end=line_end)
    report = _assert_same(LAN, path)
    counts = report.counts_by_code
    for code in ("flags-conflict", "credit-sum-mismatch", "nip-invalid", "pattern-mismatch"):
        assert counts[code] > 0, code
    assert counts["duplicate-primary-key"] >= 14


def test_csv_with_few_remembered_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_fast, "REMEMBERED_CELLS", 2)  # forgotten again and again
    path = tmp_path / "data.csv"
    write_csv(path, _lan_records(600, seed=2), _lan_columns(), plain=True)
    _assert_same(LAN, path, show_values=True)
    _assert_same(LAN, path, max_errors=7)


def test_csv_without_some_columns(tmp_path: Path) -> None:
    """Absent columns: the screens read null there, the rules and the header report the rest."""
    columns = [n for n in _lan_columns() if n not in ("kreditPenunjangBaru", "isIntegrasi")]
    path = tmp_path / "data.csv"
    write_csv(path, _lan_records(400, seed=3), columns, plain=True)
    _assert_same(LAN, path)


@pytest.mark.parametrize("blank", ["\n", "\r\n", "  \n"], ids=["lf", "crlf", "spaces"])
def test_json_lines_with_blank_lines_and_repeated_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank: str
) -> None:
    monkeypatch.setattr(lines_at, "BLOCK_BYTES", 700)
    lines = [json.dumps(record) for record in _lan_records(900, seed=4)]
    text = "".join(line + ("\n" + blank if i % 13 == 0 else "\n") for i, line in enumerate(lines))
    path = tmp_path / "data.jsonl"
    path.write_text(text + lines[0], encoding="utf-8")  # the last line repeats the first, no \n
    report = _assert_same(LAN, path)
    assert report.counts_by_code["duplicate-primary-key"] >= 9
    assert report.counts_by_code["flags-conflict"] > 0


def _jabatan_records() -> list[dict[str, Any]]:
    sample = SAMPLES / "siasn-rw-jabatan/1.0.0/valid/bkn/rw-jabatan-2024s1.jsonl"
    base = json.loads(sample.read_text("utf-8").splitlines()[0])
    changes: list[dict[str, Any]] = [
        {},
        {"jenisJabatan": "1", "eselonId": "10", "eselon": "I.a"},
        {"jenisJabatan": "1", "eselonId": "10", "eselon": "II.b"},  # reference mismatch
        {"jenisJabatan": "1", "eselonId": "98"},  # unknown code
        {"jenisJabatan": "1", "eselonId": ""},  # a rule: filled-when
        {"jenisJabatan": "1", "eselonId": "", "nipBaru": "198403142009122000"},  # two rules
        {"eselonId": "10", "eselon": "II.b", "nipBaru": "198403142009122000"},  # reference, rule
        {"jenisJabatan": "9"},  # unknown code of the rule's 'when' field
        {"eselonId": "10", "eselon": "II.b", "tmtJabatan": "2020-06-01"},  # cell, reference
        {"eselonId": "98", "nipBaru": "1.98403E+17"},  # cell on a rule's field, unknown code
    ]
    rng = random.Random(6)
    return [
        {**base, "id": f"{number:032x}", **rng.choice(changes)} if number % 50 else {**base}
        for number in range(500)
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_coded_fields_and_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setattr(csv_fast, "CHUNK_BYTES", 8192)
    monkeypatch.setattr(lines_at, "BLOCK_BYTES", 300)
    path = tmp_path / f"data.{fmt}"
    if fmt == "jsonl":
        write_jsonl(path, iter(_jabatan_records()))
    else:
        columns = [n for n in JABATAN.fields if n != "path"]  # a document: not a CSV cell
        write_csv(path, iter(_jabatan_records()), columns, plain=True)
    report = _assert_same(JABATAN, path)
    counts = report.counts_by_code
    for code in ("reference-mismatch", "unknown-code", "duplicate-primary-key"):
        assert counts[code] > 0, code
