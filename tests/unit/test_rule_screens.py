"""Every vectorised rule screen is sound: where it passes a row, the per-record rule finds nothing.

It is also useful: on ordinary valid records it passes (so they skip the per-record path).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import Any

import polars as pl
import pytest

from kontrak.contract import load_contract
from kontrak.fast.rule_screens import SCREENS, compile_rule_screen
from kontrak.rules import RULES

TODAY = dt.date.today()
CONTRACTS = [
    load_contract("riwayat-angka-kredit@1.0.0"),
    load_contract("siasn-rw-angkakredit@1.0.0"),
]

NIPS = [
    "198403142009122987", "197811022003031014", "199005302015042001", "200002292024011001",
    "190002292024011001", "198402302009122987", "198413142009122987", "198403142009132987",
    "198403142021132987", "198403142009123987", "198403142009122000", "201001012009011001",
    f"{TODAY:%Y%m%d}2024011001", f"{TODAY + dt.timedelta(days=1):%Y%m%d}2024011001",
    f"19800101{TODAY.year + 1}011001", f"19800101{TODAY.year + 2}011001", "189912312009011001",
    "19840314200912298", "1.98403E+17", "", "١٩٨٤٠٣١٤٢٠٠٩١٢٢٩٨٧", "198403142009122987\n",
    "198403142019992987", "198403142018992987",
]  # fmt: skip
MONTHS = ["1", "01", "07", "12", "13", "0", "", " 7", "-1", "x", "2023", "٣", None]
YEARS = ["2023", "2024", "2022", "", "0", "10000", " 2023", "x", None]
DECIMALS = ["25", "20", "5", "5.0", "25.001", "24.999", "25.0009", "0", "", "1e3", "-5", " 25",
            "99999.999", "0.001", "x", "123456789012", None]  # fmt: skip
FLAGS = ["1", "0", "", None, "true"]


def _value(rng: random.Random, name: str) -> Any:
    if name == "nipBaru":
        return rng.choice(NIPS)
    if name.startswith("bulan"):
        return rng.choice(MONTHS)
    if name.startswith("tahun"):
        return rng.choice(YEARS)
    if name.startswith("kredit"):
        return rng.choice(DECIMALS)
    return rng.choice(FLAGS)


def _records(columns: tuple[str, ...], n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    records = []
    for _ in range(n):
        record = {name: _value(rng, name) for name in columns}
        if rng.random() < 0.3:  # a consistent credit total, the common case
            record["kreditBaruTotal"] = str(rng.randint(0, 200))
            record["kreditUtamaBaru"] = record["kreditBaruTotal"]
            record["kreditPenunjangBaru"] = "0"
        records.append({k: v for k, v in record.items() if v is not None or rng.random() < 0.5})
    return records


def _rule_fires(record: Mapping[str, Any], rule_id: str, args: Mapping[str, Any]) -> bool:
    return any(True for _ in RULES[rule_id].check(record, args))


@pytest.mark.parametrize("contract", CONTRACTS, ids=lambda c: c.spec)
def test_screens_never_pass_a_row_the_rule_rejects(contract: Any) -> None:
    screen = compile_rule_screen(contract, TODAY)
    assert screen is not None
    records = _records(screen.columns, 20_000, seed=7)
    frame = pl.from_dicts(records, schema=dict.fromkeys(screen.columns, pl.String))
    for spec in contract.rules:
        passed = frame.select(SCREENS[spec.rule](spec.args, TODAY)).to_series().to_list()
        fired = [_rule_fires(r, spec.rule, spec.args) for r in records]
        unsound = [r for r, ok, bad in zip(records, passed, fired, strict=True) if ok and bad]
        assert not unsound, f"{spec.rule} passes {unsound[:3]}"
        useful = sum(ok for ok, bad in zip(passed, fired, strict=True) if not bad)
        assert useful > 0.5 * fired.count(False), f"{spec.rule} flags most sound rows"


def test_valid_records_pass_every_screen() -> None:
    contract = CONTRACTS[0]
    screen = compile_rule_screen(contract, TODAY)
    assert screen is not None
    record = {
        "nipBaru": "198403142009122987", "bulanMulaiPenailan": "1", "tahunMulaiPenailan": "2023",
        "bulanSelesaiPenailan": "12", "tahunSelesaiPenailan": "2023", "kreditUtamaBaru": "20",
        "kreditPenunjangBaru": "5.5", "kreditBaruTotal": "25.5", "isAngkaKreditPertama": "0",
        "isIntegrasi": "0", "isKonversi": "1",
    }  # fmt: skip
    frame = pl.from_dicts([record], schema=dict.fromkeys(screen.columns, pl.String))
    assert frame.select(screen.expression).item() is True


def test_a_rule_without_screen_switches_the_screen_off() -> None:
    contract = CONTRACTS[0]
    saved = SCREENS.pop("credit-sum")
    try:
        assert compile_rule_screen(contract, TODAY) is None
    finally:
        SCREENS["credit-sum"] = saved
