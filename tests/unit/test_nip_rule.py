from __future__ import annotations

import datetime as dt

import pytest

from kontrak.rules.nip import nip_problems

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    "nip",
    [
        "198403142009122987",  # PNS, woman
        "197811022003031014",  # PNS, man
        "199501012025242014",  # NI PPPK: 2025 + "24"
    ],
)
def test_sound_numbers_pass(nip: str) -> None:
    assert nip_problems(nip, today=TODAY) == []


@pytest.mark.parametrize(
    ("nip", "mode", "part"),
    [
        ("19840314200912298", "pns-or-pppk", "length"),
        ("1984031420091229８7", "pns-or-pppk", "length"),  # a full-width digit
        ("198402302009122987", "pns-or-pppk", "birth-date"),
        ("203001012009122987", "pns-or-pppk", "birth-date"),  # born in the future
        ("198403142009132987", "pns-or-pppk", "appointment"),  # month 13 before PPPK existed
        ("199501012025242014", "pns", "appointment"),  # PPPK code where PNS is required
        ("198403142009122987", "pppk", "appointment"),  # 2009 is before the first PPPK
        ("198403141980122987", "pns-or-pppk", "appointment-before-birth"),
        ("198403142009123987", "pns-or-pppk", "sex"),
        ("198403142009122000", "pns-or-pppk", "sequence"),
    ],
)
def test_each_broken_part_is_named(nip: str, mode: str, part: str) -> None:
    assert part in nip_problems(nip, mode, today=TODAY)


def test_date_order_and_year_of_date_rules() -> None:
    from kontrak.rules import RULES

    order = RULES["date-order"]
    args = {"start": "tanggalKursus", "end": "tanggalSelesaiKursus"}
    assert (
        list(
            order.check({"tanggalKursus": "08-02-2016", "tanggalSelesaiKursus": "12-02-2016"}, args)
        )
        == []
    )
    (finding,) = order.check(
        {"tanggalKursus": "13-02-2016", "tanggalSelesaiKursus": "12-02-2016"}, args
    )
    assert (finding.code, finding.field) == ("period-reversed", "tanggalSelesaiKursus")
    assert (
        list(order.check({"tanggalKursus": "13-02-2016", "tanggalSelesaiKursus": ""}, args)) == []
    )
    year = RULES["year-of-date"]
    args = {"year": "tahunKursus", "date": "tanggalKursus"}
    assert list(year.check({"tahunKursus": 2016, "tanggalKursus": "08-02-2016"}, args)) == []
    (finding,) = year.check({"tahunKursus": "2015", "tanggalKursus": "08-02-2016"}, args)
    assert (finding.code, finding.field) == ("year-date-mismatch", "tahunKursus")
