"""Domain rules of the LAN datasets and correction lists, checked on small records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pytest

from kontrak.contract import load_contract
from kontrak.rules import RULES
from kontrak.rules.catalog_refs import resolve_contract, value_problem
from kontrak.rules.counts import verdict_for
from kontrak.rules.semester import semester_bounds
from kontrak.rules.training import jp_limit


def findings(
    rule: str, record: Mapping[str, Any], args: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """(code, pointer parts) of every finding of one rule on one record."""
    return [(f.code, f.parts) for f in RULES[rule].check(record, args)]


# ------------------------------------------------------------------ jp-plausible
JP_ARGS = {"hours": "jumlahJam", "start": "mulai", "end": "selesai", "max-per-day": 12}


def test_jp_limit_counts_both_end_days() -> None:
    assert jp_limit(1, 12) == 12
    assert jp_limit(5, 10) == 50


@pytest.mark.parametrize(
    ("hours", "start", "end", "flagged"),
    [
        (12, "22-05-2024", "22-05-2024", False),
        (13, "22-05-2024", "22-05-2024", True),
        (60, "13-05-2024", "17-05-2024", False),
        (61, "13-05-2024", "17-05-2024", True),
        (500, "17-05-2024", "13-05-2024", False),  # reversed: date-order's finding, not this one
        (500, "", "17-05-2024", False),  # a missing date: nothing to check
    ],
)
def test_jp_plausible(hours: int, start: str, end: str, flagged: bool) -> None:
    record = {"jumlahJam": hours, "mulai": start, "selesai": end}
    expected = [("jp-implausible", ("jumlahJam",))] if flagged else []
    assert findings("jp-plausible", record, JP_ARGS) == expected


# ------------------------------------------------------------------ presence rules
FILLED_ARGS = {"field": "tanggalTindakLanjut", "when": "status", "in": ["selesai", "ditolak"]}


@pytest.mark.parametrize(
    ("record", "flagged"),
    [
        ({"status": "selesai", "tanggalTindakLanjut": ""}, True),
        ({"status": "ditolak"}, True),
        ({"status": "ditolak", "tanggalTindakLanjut": None}, True),
        ({"status": "selesai", "tanggalTindakLanjut": "19-07-2024"}, False),
        ({"status": "diajukan", "tanggalTindakLanjut": ""}, False),
        ({"tanggalTindakLanjut": ""}, False),
    ],
)
def test_filled_when(record: dict[str, Any], flagged: bool) -> None:
    expected = [("conditional-field-empty", ("tanggalTindakLanjut",))] if flagged else []
    assert findings("filled-when", record, FILLED_ARGS) == expected


def test_filled_when_compares_numbers_as_text() -> None:
    args = {"field": "pembilang", "when": "semester", "in": [1]}
    assert findings("filled-when", {"semester": 1}, args) == [
        ("conditional-field-empty", ("pembilang",))
    ]


def test_any_filled_reports_at_the_first_field() -> None:
    args = {"fields": ["idRecordSipka", "idRecordSiasn"]}
    assert findings("any-filled", {"idRecordSipka": "", "idRecordSiasn": ""}, args) == [
        ("all-fields-empty", ("idRecordSipka",))
    ]
    assert findings("any-filled", {"idRecordSipka": "", "idRecordSiasn": "ab" * 16}, args) == []


def test_parties_covered_names_each_missing_party() -> None:
    args = {"array": "penandatangan", "key": "pihak", "values": ["LAN", "BKN"]}
    assert findings("parties-covered", {"penandatangan": [{"pihak": "LAN"}]}, args) == [
        ("party-missing", ("penandatangan",))
    ]
    assert len(findings("parties-covered", {"penandatangan": []}, args)) == 2
    both = {"penandatangan": [{"pihak": "BKN"}, {"pihak": "LAN"}]}
    assert findings("parties-covered", both, args) == []


# ------------------------------------------------------------------ counts
SUM_ARGS = {"each": "hasil", "total": "n", "parts": ["a", "b"]}


def test_count_sum_locates_the_item() -> None:
    record = {"hasil": [{"n": 3, "a": 1, "b": 2}, {"n": 4, "a": 1, "b": 2}, "not an object"]}
    assert findings("count-sum", record, SUM_ARGS) == [("count-sum-mismatch", ("hasil", 1, "n"))]


def test_count_sum_on_the_record_itself_and_with_missing_parts() -> None:
    args = {"total": "n", "parts": ["a", "b"]}
    assert findings("count-sum", {"n": 5, "a": 1, "b": 2}, args) == [("count-sum-mismatch", ("n",))]
    assert findings("count-sum", {"n": 5, "a": 1}, args) == []


RATIO_ARGS = {"value": "nilai", "numerator": "p", "denominator": "q", "scale": 100}


@pytest.mark.parametrize(
    ("value", "numerator", "denominator", "flagged"),
    [
        (98.59, 1187, 1204, False),  # 98.588… rounded to two decimals
        (98.6, 1187, 1204, True),
        (100, 4, 4, False),
        (0, 0, 10, False),
        (0, 0, 0, True),  # no denominator
        (100, 5, 4, True),  # numerator above denominator
    ],
)
def test_ratio_value(value: float, numerator: int, denominator: int, flagged: bool) -> None:
    record = {"nilai": value, "p": numerator, "q": denominator}
    expected = [("ratio-mismatch", ("nilai",))] if flagged else []
    assert findings("ratio-value", record, RATIO_ARGS) == expected


def test_ratio_value_skips_records_without_a_ratio() -> None:
    assert findings("ratio-value", {"nilai": 1.4}, RATIO_ARGS) == []


@pytest.mark.parametrize(
    ("value", "target", "direction", "verdict"),
    [
        ("98", "98", "naik", "tercapai"),
        ("97.9", "98", "naik", "tidak-tercapai"),
        ("1", "1", "turun", "tercapai"),
        ("1.01", "1", "turun", "tidak-tercapai"),
    ],
)
def test_verdict_for(value: str, target: str, direction: str, verdict: str) -> None:
    assert verdict_for(Decimal(value), Decimal(target), direction) == verdict


def test_target_met_reports_the_wrong_verdict_only() -> None:
    args = {"value": "nilai", "target": "target", "direction": "arah", "verdict": "capaian"}
    record = {"nilai": 50, "target": 90, "arah": "naik", "capaian": "tercapai"}
    assert findings("target-met", record, args) == [("verdict-mismatch", ("capaian",))]
    assert findings("target-met", {**record, "capaian": "tidak-tercapai"}, args) == []
    assert findings("target-met", {**record, "arah": "miring"}, args) == []


# ------------------------------------------------------------------ semester
SEMESTER_ARGS = {"year": "tahun", "semester": "semester", "start": "mulai", "end": "selesai"}


def test_semester_bounds() -> None:
    assert semester_bounds(2024, 1) == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    assert semester_bounds(2024, 2) == (dt.date(2024, 7, 1), dt.date(2024, 12, 31))
    assert semester_bounds(2024, 3) is None


def test_semester_period_flags_each_date_outside() -> None:
    record = {"tahun": 2024, "semester": 1, "mulai": "31-12-2023", "selesai": "01-07-2024"}
    assert findings("semester-period", record, SEMESTER_ARGS) == [
        ("period-outside-semester", ("mulai",)),
        ("period-outside-semester", ("selesai",)),
    ]
    inside = {**record, "mulai": "01-01-2024", "selesai": "30-06-2024"}
    assert findings("semester-period", inside, SEMESTER_ARGS) == []


# ------------------------------------------------------------------ catalog references
def test_resolve_contract_knows_the_catalog() -> None:
    found = resolve_contract("riwayat-angka-kredit@1.0.0")
    assert found is not None
    assert found[0].provider == "LAN"
    assert resolve_contract("riwayat-angka-kredit@9.0.0") is None
    assert resolve_contract("tidak-ada@1.0.0") is None


@pytest.mark.parametrize(
    ("spec", "field", "text", "problem"),
    [
        ("riwayat-angka-kredit@1.0.0", "tanggalSk", "14-03-2019", None),
        ("riwayat-angka-kredit@1.0.0", "tanggalSk", "31-02-2019", "invalid-date"),
        ("riwayat-angka-kredit@1.0.0", "kreditUtamaBaru", "", None),  # accepts ""
        ("riwayat-angka-kredit@1.0.0", "tanggalSk", "", "missing-field"),
        ("riwayat-angka-kredit@1.0.0", "path", "", None),  # optional
        ("data-analis-kebijakan@1.0.0", "golRuangAkhirId", "34", None),
        ("data-analis-kebijakan@1.0.0", "golRuangAkhirId", "35", "value-not-allowed"),
        ("riwayat-pelatihan-jf@1.0.0", "jumlahJam", "86", None),  # text read as an integer
        ("riwayat-pelatihan-jf@1.0.0", "jumlahJam", "86 JP", "wrong-type"),
        ("riwayat-pelatihan-jf@1.0.0", "jumlahJam", "0", "below-minimum"),
    ],
)
def test_value_problem(spec: str, field: str, text: str, problem: str | None) -> None:
    assert value_problem(load_contract(spec), field, text) == problem


TARGET_ARGS = {"contract": "kontrak", "field": "kolom", "value": "nilaiBaru", "party": "kepada"}
CORRECTION = {
    "kontrak": "siasn-rw-angkakredit@1.0.0",
    "kepada": "BKN",
    "kolom": "tanggalSk",
    "nilaiBaru": "14-03-2019",
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"kontrak": "siasn-rw-angkakredit@9.0.0"}, [("contract-not-in-catalog", ("kontrak",))]),
        ({"kepada": "LAN"}, [("contract-provider-mismatch", ("kepada",))]),
        ({"kolom": "tanggalSK"}, [("field-not-in-contract", ("kolom",))]),
        ({"nilaiBaru": "2019-03-14"}, [("value-invalid-for-field", ("nilaiBaru",))]),
        ({"kolom": "", "nilaiBaru": "x"}, []),  # whole-record action: no field, no value check
        ({"nilaiBaru": None}, []),  # the field is cleared
        ({"kontrak": "bukan spesifikasi"}, []),  # the pattern reports it, not this rule
    ],
)
def test_correction_target(changes: dict[str, Any], expected: list[tuple[Any, ...]]) -> None:
    assert findings("correction-target", {**CORRECTION, **changes}, TARGET_ARGS) == expected


def test_contract_in_catalog_checks_provider_per_item() -> None:
    args = {"each": "hasil", "field": "kontrakLan", "provider": "LAN"}
    record = {
        "hasil": [
            {"kontrakLan": "riwayat-angka-kredit@1.0.0"},
            {"kontrakLan": "siasn-rw-angkakredit@1.0.0"},
            {"kontrakLan": "riwayat-jabatan@3.0.0"},
        ]
    }
    assert findings("contract-in-catalog", record, args) == [
        ("contract-provider-mismatch", ("hasil", 1, "kontrakLan")),
        ("contract-not-in-catalog", ("hasil", 2, "kontrakLan")),
    ]


def test_contract_in_catalog_skips_values_that_name_no_contract() -> None:
    args = {"field": "objek"}
    assert findings("contract-in-catalog", {"objek": "layanan:SIPKA"}, args) == []
    assert findings("contract-in-catalog", {"objek": "pertukaran"}, args) == []
    assert findings("contract-in-catalog", {"objek": "x@1.0.0"}, args) == [
        ("contract-not-in-catalog", ("objek",))
    ]
