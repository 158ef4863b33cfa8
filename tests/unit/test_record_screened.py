"""A record checked with what its screens settled runs only the layers left open."""

from __future__ import annotations

from typing import Any

from kontrak.contract import load_contract
from kontrak.readers.base import LocatedRecord
from kontrak.record_checks import RecordChecker, Screened

CONTRACT = load_contract("riwayat-angka-kredit@1.0.0")
RECORD: dict[str, Any] = {
    "idSipka": "AK-1", "nipBaru": "198403142009122987", "id": "", "pnsId": "", "rwJabatanId": "",
    "nomorSk": "SK 1", "tanggalSk": "2024-01-20", "bulanMulaiPenailan": "1",
    "tahunMulaiPenailan": "2023", "bulanSelesaiPenailan": "12", "tahunSelesaiPenailan": "2023",
    "kreditUtamaBaru": "20", "kreditPenunjangBaru": "5", "kreditBaruTotal": "26",
    "isAngkaKreditPertama": "0", "isIntegrasi": "1", "isKonversi": "1",
}  # fmt: skip
FLAGS = [spec.rule for spec in CONTRACT.rules].index("flags-exclusive")


def _codes(screened: Screened | None) -> list[str]:
    checker = RecordChecker(CONTRACT)
    item = LocatedRecord(value=dict(RECORD), index=0, line=1)
    violations = checker.check(item, "f.jsonl", bulk=True, dataset=False, screened=screened)
    return sorted(v.code for v in violations)


def test_nothing_known_is_the_full_check() -> None:
    assert _codes(Screened()) == _codes(None)
    assert _codes(None) == ["credit-sum-mismatch", "flags-conflict", "invalid-date"]


def test_a_rule_known_to_pass_is_not_run() -> None:
    passing = [number == FLAGS for number in range(len(CONTRACT.rules))]
    assert _codes(Screened(rules_pass=passing)) == ["credit-sum-mismatch", "invalid-date"]


def test_known_structure_findings_are_taken_as_they_are() -> None:
    assert _codes(Screened(structure=())) == ["credit-sum-mismatch", "flags-conflict"]


def test_structure_findings_are_those_of_the_check() -> None:
    checker = RecordChecker(CONTRACT)
    item = LocatedRecord(value=dict(RECORD), index=0, row=2)
    findings = checker.structure_findings(item, bulk=True)
    # a spreadsheet row: the date re-typed by a spreadsheet gets its hint
    assert [(f.code, f.field) for f in findings] == [("date-retyped", "tanggalSk")]
