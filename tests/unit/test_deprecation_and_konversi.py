"""The validator warns on deprecated fields; the 2023 conversion rule checks its tables."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import SAMPLES

from kontrak.contract import load_contract
from kontrak.evolution.deprecation import deprecation_note, field_deprecation
from kontrak.rules.konversi import KONVERSI_PLAUSIBLE, KONVERSI_PREDIKAT, konversi_credit
from kontrak.validation import validate

SIASN_2 = "siasn-rw-angkakredit@2.0.0"
LAN_11 = "riwayat-angka-kredit@1.1.0"


def _record() -> dict[str, Any]:
    path = SAMPLES / "siasn-rw-angkakredit/2.0.0/valid/bkn/rw-angkakredit-198403142009122987.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["data"][0]
    return data


def test_deprecated_field_warns_once_per_file_at_its_first_use(tmp_path: Path) -> None:
    records = [
        dict(_record(), bulanMulaiPenailan="1", nipBaru="198403142009122987") for _ in range(3)
    ]
    records[1]["id"] = "5d3c2a10-9b1e-11ed-8f5a-0242ac120002"
    records[2]["id"] = "c3f1e2d4-aa4b-4c8e-9d21-7e5f60b1a2c3"
    path = tmp_path / "peralihan.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = validate(SIASN_2, [path, path])
    warnings = [v for v in report.violations if v.code == "deprecated-field"]
    assert [(v.line, v.severity, v.field) for v in warnings] == [
        (1, "warning", "bulanMulaiPenailan"),
        (1, "warning", "bulanMulaiPenailan"),
    ]
    assert report.exit_code == 0
    assert "bulanMulaiPenilaian" in warnings[0].message("en")
    assert "2027-06-30" in warnings[0].message("id")


def test_deprecation_is_read_from_the_contract_and_rendered_for_docs() -> None:
    spec = load_contract(SIASN_2).fields["tahunSelesaiPenailan"]
    deprecation = field_deprecation(spec)
    assert deprecation is not None
    assert (deprecation.since, deprecation.replaced_by) == ("2.0.0", "tahunSelesaiPenilaian")
    assert deprecation_note(spec, "en").startswith(
        "Deprecated since 2.0.0; removed after 2027-06-30."
    )
    assert "Pengganti: `tahunSelesaiPenilaian`" in deprecation_note(spec, "id")
    assert deprecation_note(load_contract(SIASN_2).fields["id"], "id") == ""


@pytest.mark.parametrize(
    ("months", "rating", "level", "expected"),
    [
        (12, "Baik", "MU", "25"),
        (12, "Sangat Baik", "MU", "37.5"),
        (6, "Baik", "MA", "18.75"),
        (2, "Baik", "PT", "2.0833"),
        (12, "Sangat Kurang", "UT", "12.5"),
    ],
)
def test_konversi_credit_follows_permenpanrb_1_2023(
    months: int, rating: str, level: str, expected: str
) -> None:
    from kontrak.rules.konversi import COEFFICIENT_BY_LEVEL, PERCENTAGE_BY_RATING

    credit = konversi_credit(months, PERCENTAGE_BY_RATING[rating], COEFFICIENT_BY_LEVEL[level])
    assert abs(credit - Decimal(expected)) < Decimal("0.0001")


def _konversi(**changes: str) -> dict[str, str]:
    record = {
        "isKonversi": "1",
        "predikatKinerja": "Baik",
        "persentasePredikat": "100",
        "koefisienJenjang": "25",
        "jenjangJabatan": "MU",
        "kreditBaruTotal": "25",
        "bulanMulaiPenailan": "1",
        "tahunMulaiPenailan": "2024",
        "bulanSelesaiPenailan": "12",
        "tahunSelesaiPenailan": "2024",
    }
    return {**record, **changes}


ARGS = next(r.args for r in load_contract(LAN_11).rules if r.rule == "konversi-predikat")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"isKonversi": "0", "kreditBaruTotal": "99"}, []),
        ({"predikatKinerja": "Kurang"}, [("konversi-table-mismatch", "persentasePredikat")]),
        ({"koefisienJenjang": "50"}, [("konversi-table-mismatch", "koefisienJenjang")]),
        ({"kreditBaruTotal": "24"}, [("konversi-credit-mismatch", "kreditBaruTotal")]),
        ({"kreditBaruTotal": "25.009"}, []),
        ({"bulanSelesaiPenailan": "6", "kreditBaruTotal": "12.5"}, []),
        ({"persentasePredikat": "", "koefisienJenjang": "", "kreditBaruTotal": "25"}, []),
    ],
)
def test_konversi_rule(changes: dict[str, str], expected: list[tuple[str, str]]) -> None:
    findings = list(KONVERSI_PREDIKAT.check(_konversi(**changes), ARGS))
    assert [(f.code, f.field) for f in findings] == expected


PLAUSIBLE_ARGS = next(
    r.args for r in load_contract(SIASN_2).rules if r.rule == "konversi-plausible"
)


def _siasn_konversi(**changes: str) -> dict[str, str]:
    record = {
        "isKonversi": "1",
        "namaJabatan": "Widyaiswara Ahli Muda",
        "kreditBaruTotal": "25",
        "bulanMulaiPenilaian": "1",
        "tahunMulaiPenilaian": "2023",
        "bulanSelesaiPenilaian": "12",
        "tahunSelesaiPenilaian": "2023",
    }
    return {**record, **changes}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"kreditBaruTotal": "37.5"}, []),  # Sangat Baik
        ({"kreditBaruTotal": "6.25"}, []),  # Sangat Kurang
        ({"kreditBaruTotal": "26"}, ["konversi-implausible"]),
        ({"kreditBaruTotal": "50"}, ["konversi-implausible"]),  # Ahli Utama's, not Muda's
        ({"namaJabatan": "Analis Kebijakan Ahli Utama", "kreditBaruTotal": "50"}, []),
        ({"namaJabatan": "Widyaiswara Ahli Pertama", "kreditBaruTotal": "18.75"}, []),
        (
            {"namaJabatan": "Widyaiswara Ahli Pertama", "kreditBaruTotal": "25.5"},
            ["konversi-implausible"],
        ),
        # part of a year: 2/12 × 100 % × 12.5 = 2.083…, written rounded
        (
            {
                "namaJabatan": "Widyaiswara Ahli Pertama",
                "bulanSelesaiPenilaian": "2",
                "kreditBaruTotal": "2.08",
            },
            [],
        ),
        ({"isKonversi": "0", "kreditBaruTotal": "26"}, []),
        ({"namaJabatan": "Pranata Komputer Terampil", "kreditBaruTotal": "26"}, []),
        ({"bulanSelesaiPenilaian": "", "kreditBaruTotal": "26"}, []),
    ],
)
def test_konversi_plausible_rule(changes: dict[str, str], expected: list[str]) -> None:
    findings = list(KONVERSI_PLAUSIBLE.check(_siasn_konversi(**changes), PLAUSIBLE_ARGS))
    assert [f.code for f in findings] == expected
    assert all(f.field == "kreditBaruTotal" for f in findings)


def test_konversi_plausible_reads_a_level_code() -> None:
    args = {**PLAUSIBLE_ARGS, "level": "jenjangJabatan"}
    del args["position-name"]
    record = _siasn_konversi(jenjangJabatan="UT", kreditBaruTotal="25")
    assert list(KONVERSI_PLAUSIBLE.check(record, args)) == []
    record["jenjangJabatan"] = "PT"
    assert [f.code for f in KONVERSI_PLAUSIBLE.check(record, args)] == ["konversi-implausible"]


def test_1_0_0_deliveries_validate_under_1_1_0() -> None:
    files = sorted((SAMPLES / "riwayat-angka-kredit/1.0.0/valid/lan").iterdir())
    report = validate(LAN_11, files)
    assert [v for v in report.violations if v.severity != "info"] == []
