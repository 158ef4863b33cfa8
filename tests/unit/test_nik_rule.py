from __future__ import annotations

import datetime as dt

import pytest

from kontrak.formats import is_tanggal_dmy_atau_iso, parse_tanggal_iso
from kontrak.normalize import parse_date
from kontrak.rules import RULES
from kontrak.rules.nik import nik_birth, nik_problems

SEKAR = {"nik": "3273125403849871", "tglLahir": "14-03-1984", "jenisKelamin": "F"}
PERSON_ARGS = {"nik": "nik", "birth-date": "tglLahir", "sex": "jenisKelamin"}


@pytest.mark.parametrize(
    "nik",
    [
        "3273125403849871",  # woman born 14-03-1984 (day 14 + 40)
        "3578010211780003",  # man born 02-11-1978
        "9471022902000001",  # 29-02-2000: the century is not written, 2000 is a leap year
    ],
)
def test_sound_numbers_pass(nik: str) -> None:
    assert nik_problems(nik) == []


@pytest.mark.parametrize(
    ("nik", "part"),
    [
        ("327312540384987", "length"),
        ("32731254038498７1", "length"),  # a full-width digit
        ("3973125403849871", "province"),  # 39 is no province
        ("3200125403849871", "regency"),
        ("3273005403849871", "district"),
        ("3273127203849871", "birth-date"),  # day 72 - 40 = 32
        ("3273123102849871", "birth-date"),  # 31 February
        ("3273122902010001", "birth-date"),  # 29-02-01: neither 1901 nor 2001 is a leap year
        ("3273125403840000", "sequence"),
    ],
)
def test_each_broken_part_is_named(nik: str, part: str) -> None:
    assert part in nik_problems(nik)


def test_birth_data_of_a_woman_subtracts_forty() -> None:
    birth = nik_birth("3273125403849871")
    assert birth is not None
    assert (birth.day, birth.month, birth.year2, birth.female) == (14, 3, 84, True)
    assert birth.matches(dt.date(1984, 3, 14))
    assert not birth.matches(dt.date(1985, 3, 14))


def test_structure_rule_reports_each_part_on_the_field() -> None:
    rule = RULES["nik-structure"]
    assert list(rule.check(SEKAR, {"field": "nik"})) == []
    assert list(rule.check({"nik": ""}, {"field": "nik"})) == []  # absent NIK: nothing to check
    findings = list(rule.check({"nik": "3900005403840000"}, {"field": "nik"}))
    assert [f.code for f in findings] == ["nik-invalid"] * 4
    assert {f.field for f in findings} == {"nik"}


def test_person_rule_checks_birth_date_and_sex() -> None:
    rule = RULES["nik-matches-person"]
    assert list(rule.check(SEKAR, PERSON_ARGS)) == []
    (wrong_date,) = rule.check({**SEKAR, "tglLahir": "15-03-1984"}, PERSON_ARGS)
    assert (wrong_date.code, wrong_date.field) == ("nik-mismatch", "nik")
    assert "tglLahir" in wrong_date.ctx["part_en"]
    (wrong_sex,) = rule.check({**SEKAR, "jenisKelamin": "M"}, PERSON_ARGS)
    assert "jenisKelamin" in wrong_sex.ctx["part_en"]
    # an absent birth date and a NIK with no possible date are left to other checks
    assert list(rule.check({**SEKAR, "tglLahir": "01-01-0001"}, PERSON_ARGS)) == []
    assert list(rule.check({**SEKAR, "nik": "3273127203849871"}, PERSON_ARGS)) == []


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2021-04-01T00:00:00Z", True),
        ("2021-04-01", True),
        ("01-04-2021", True),
        ("", True),
        ("01-01-0001", True),
        ("2021-02-30T00:00:00Z", False),
        ("30-02-2021", False),
        ("2021-04-01T08:00:00Z", False),
    ],
)
def test_tanggal_dmy_atau_iso_format(value: str, valid: bool) -> None:
    assert is_tanggal_dmy_atau_iso(value) is valid


def test_iso_parser_is_shared_with_the_canonical_layer() -> None:
    assert parse_tanggal_iso("2021-04-01T00:00:00Z") == dt.date(2021, 4, 1)
    assert parse_date("2021-04-01T00:00:00Z") == dt.date(2021, 4, 1)
    assert parse_tanggal_iso("2021-13-01") is None


def test_invalid_date_names_the_shape_of_its_format() -> None:
    from kontrak.contract import load_contract
    from kontrak.engine.structure import StructureEngine

    engine = StructureEngine(load_contract("siasn-rw-golongan@1.0.0"))
    iso = [
        f for f in engine.check({"tmtGolongan": "2021-02-30T00:00:00Z"}) if f.code == "invalid-date"
    ]
    dmy = [f for f in engine.check({"skTanggal": "30-02-2021"}) if f.code == "invalid-date"]
    assert [f.ctx["expected"] for f in iso] == ["DD-MM-YYYY / YYYY-MM-DD"]
    assert [f.ctx["expected"] for f in dmy] == ["DD-MM-YYYY"]
