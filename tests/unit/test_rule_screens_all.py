"""Every rule screen and the reference screen are sound on generated values of every contract.

Sound: where a screen passes a row, the per-record check finds nothing. Useful: most rows the
check accepts pass the screen. Values are drawn from pools of real-looking and broken wire
values, and half the records are made consistent (dates taken from the NIP, ...) so that the
accepting branch of each screen is exercised.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import Any

import polars as pl
import pytest

from kontrak.catalog import load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.fast.reference_screens import compile_reference_screen
from kontrak.fast.rule_screens import RECORD_BY_RECORD, SCREENS, compile_rule_screen
from kontrak.fast.screen_values import wire_date, wire_int
from kontrak.normalize import parse_date, parse_int
from kontrak.reference_checks import ReferenceChecker
from kontrak.rules import RULES

TODAY = dt.date.today()

DATES = [
    "14-03-1984", "29-02-2024", "29-02-2023", "31-04-2020", "01-01-0001", "00-01-2020",
    "15-13-2020", "1984-03-14", "2024-02-29T00:00:00Z", "2024-02-29T00:00:00+07:00",
    "2023-02-29", "", "x", "14/03/1984", "1-3-1984", "14-03-0000", "31-12-9999", "01-01-1000",
    "31-12-0999", "01-12-2009", "28-02-1900", "29-02-1900", "29-02-2000", "0001-01-01",
    "2020-01-01T00:00:00.000Z", " 14-03-1984", "14-03-1984\n", None,
]  # fmt: skip
INTS = ["2024", "1984", "0", "-1", "32", "120", "007", " 32", "x", "", "2024.0", "99999999999999999999", None]  # fmt: skip
NIPS = [
    "198403142009122987", "197811022003031014", "199005302015042001", "20000229202401100",
    "1.98403E+17", "", "١٩٨٤٠٣١٤٢٠٠٩١٢٢٩٨٧", "198403142009122987\n", "09990314200912298x",
]  # fmt: skip
NIKS = [
    "3174055403840001", "3174051403840001", "3174052902000001", "3174056902010001",
    "3174054002000001", "9974051403840001", "3100051403840001", "3174001403840001",
    "3174051403840000", "317405140384000", "", "317405140384000x", "3174053102240001",
    "3174057102240001", "3174052902240001", "3174051313840001",
]  # fmt: skip
SEXES = ["M", "F", "", "X", "m", None]
NAMES = [
    "Widyaiswara Ahli Muda", "Analis Kebijakan Ahli Pertama", "WIDYAISWARA AHLI UTAMA",
    "Widyaiswara Ahli Madya", "Widyaiswara", "", "Ahli Muda İ", "ahli  muda", None,
]  # fmt: skip
RANKS = ["31", "32", "33", "34", "41", "42", "43", "44", "45", "", "21", None]
TEXTS = ["", "1", "2", "0", "kursus", "diklat", "x", None]


def _dmy(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def _pool(rule: str, arg: str) -> list[Any]:
    if arg in ("nip",) or (rule == "nip-matches-person" and arg == "nip"):
        return NIPS
    if arg in ("field", "nik") and rule.startswith("nik"):
        return NIKS
    if arg in ("birth-date", "appointment", "start", "end", "date"):
        return DATES
    if arg in ("year", "hours"):
        return INTS
    if arg == "sex":
        return SEXES
    if arg == "position-name":
        return NAMES
    if arg == "rank":
        return RANKS
    return TEXTS


def _consistent(
    rule: str, args: Mapping[str, Any], record: dict[str, Any], rng: random.Random
) -> None:
    """Make the record agree with itself (the accepting branch of the screens)."""
    if rule == "nip-matches-person":
        born = dt.date(1984, 3, 14) + dt.timedelta(days=rng.randint(0, 9000))
        record[args["nip"]] = f"{born:%Y%m%d}200912{rng.choice('12')}987"
        if "birth-date" in args:
            record[args["birth-date"]] = _dmy(born)
        if "appointment" in args:
            record[args["appointment"]] = "01-12-2009"
        if "sex" in args:
            record[args["sex"]] = "M" if record[args["nip"]][14] == "1" else "F"
    elif rule in ("date-order", "jp-plausible"):
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
        record[args["start"]] = _dmy(start)
        record[args["end"]] = _dmy(start + dt.timedelta(days=rng.randint(0, 20)))
        if rule == "jp-plausible":
            record[args["hours"]] = str(rng.randint(1, 8))
    elif rule == "year-of-date":
        record[args["year"]] = "2024"
        record[args["date"]] = "05-06-2024"
    elif rule == "nik-matches-person":
        record[args["nik"]] = "3174051403840001"
        if "birth-date" in args:
            record[args["birth-date"]] = "14-03-1984"
        if "sex" in args:
            record[args["sex"]] = "M"


def _screened_rules() -> list[tuple[Contract, Any]]:
    catalog = load_catalog()
    found: dict[str, tuple[Contract, Any]] = {}
    for entry in catalog.datasets.values():
        for version in entry.versions:
            contract = load_contract(f"{entry.id}@{version.version}", catalog)
            for spec in contract.rules:
                if spec.rule in SCREENS:
                    found.setdefault(f"{spec.rule}:{sorted(spec.args.items())}", (contract, spec))
    return list(found.values())


CASES = _screened_rules()


def test_every_rule_has_a_screen_or_is_named_record_by_record() -> None:
    assert set(RULES) == set(SCREENS) | RECORD_BY_RECORD
    assert not set(SCREENS) & RECORD_BY_RECORD


@pytest.mark.parametrize(
    ("contract", "spec"), CASES, ids=lambda c: getattr(c, "rule", getattr(c, "spec", ""))
)
def test_screen_never_passes_a_row_its_rule_rejects(contract: Contract, spec: Any) -> None:
    rng = random.Random(11)
    fields = RULES[spec.rule].fields_of(spec.args)
    by_field = {str(spec.args[a]): a for a in spec.args if isinstance(spec.args[a], str)}
    records: list[dict[str, Any]] = []
    for _ in range(6000):
        record = {name: rng.choice(_pool(spec.rule, by_field.get(name, ""))) for name in fields}
        if rng.random() < 0.5:
            _consistent(spec.rule, spec.args, record, rng)
        records.append({k: v for k, v in record.items() if v is not None or rng.random() < 0.5})
    frame = pl.from_dicts(records, schema=dict.fromkeys(fields, pl.String))
    passed = frame.select(SCREENS[spec.rule](spec.args, TODAY)).to_series().to_list()
    fired = [any(True for _ in RULES[spec.rule].check(r, spec.args)) for r in records]
    unsound = [r for r, ok, bad in zip(records, passed, fired, strict=True) if ok and bad]
    assert not unsound, f"{spec.rule} passes {unsound[:3]}"
    useful = sum(ok for ok, bad in zip(passed, fired, strict=True) if not bad)
    assert useful > 0.4 * fired.count(False), f"{spec.rule} flags most sound rows"


def _coded_contracts() -> list[Contract]:
    catalog = load_catalog()
    return [
        load_contract(f"{entry.id}@{version.version}", catalog)
        for entry in catalog.datasets.values()
        for version in entry.versions
        if any(
            f.reference
            for f in load_contract(f"{entry.id}@{version.version}", catalog).fields.values()
        )
    ]


@pytest.mark.parametrize("contract", _coded_contracts(), ids=lambda c: c.spec)
def test_reference_screen_never_passes_a_row_the_reference_layer_rejects(
    contract: Contract,
) -> None:
    screen = compile_reference_screen(contract)
    assert screen is not None, "every coded field of the catalog is text"
    checker = ReferenceChecker(contract)
    rng = random.Random(5)
    pools: dict[str, list[Any]] = {}
    for name, field in contract.fields.items():
        if field.reference is None:
            continue
        table = checker._fields[[f[0] for f in checker._fields].index(name)][2]
        codes = [row[field.reference.column] for row in table.rows]
        pools[name] = [*codes, "", None, "99999", codes[0] + " "]
        for other, column in field.reference.match:
            pools[other] = [*(row[column] for row in table.rows), "", None, "lain"]
    records = []
    for _ in range(4000):
        record = {name: rng.choice(pool) for name, pool in pools.items()}
        records.append({k: v for k, v in record.items() if v is not None or rng.random() < 0.5})
    frame = pl.from_dicts(records, schema=dict.fromkeys(screen.columns, pl.String))
    passed = frame.select(screen.expression).to_series().to_list()
    fired = [any(True for _ in checker.check(r, set())) for r in records]
    assert not [r for r, ok, bad in zip(records, passed, fired, strict=True) if ok and bad]
    assert sum(passed) > 0


@pytest.mark.parametrize("text", [*DATES, "29-02-2100", "2000-02-29", "31-01-2024"])
def test_wire_date_reads_what_parse_date_reads(text: str | None) -> None:
    date = wire_date(pl.col("d"))
    row = (
        pl.DataFrame({"d": [text]}, schema={"d": pl.String})
        .select(
            date.year.alias("y"),
            date.month.alias("m"),
            date.day.alias("d"),
            date.sure_absent.alias("a"),
            date.parsed.alias("p"),
        )
        .row(0)
    )
    expected = parse_date(text)
    year, month, day, sure_absent, parsed = row
    if parsed:
        assert expected == dt.date(year, month, day)
    if sure_absent:
        assert expected is None
    assert parsed or sure_absent or expected is None


def test_wire_date_days_differ_as_python_dates_do() -> None:
    rng = random.Random(3)
    days = [dt.date(1, 1, 1) + dt.timedelta(days=rng.randint(0, 3_600_000)) for _ in range(2000)]
    texts = [_dmy(d) if d.year >= 1000 else f"{d.day:02d}-{d.month:02d}-{d.year:04d}" for d in days]
    counted = pl.DataFrame({"d": texts}).select(wire_date(pl.col("d")).days).to_series().to_list()
    for a, b, ca, cb in zip(days, days[1:], counted, counted[1:], strict=False):
        assert (b - a).days == cb - ca


@pytest.mark.parametrize("text", INTS)
def test_wire_int_reads_what_parse_int_reads(text: str | None) -> None:
    value, absent = wire_int(pl.col("i"))
    got, sure_absent = (
        pl.DataFrame({"i": [text]}, schema={"i": pl.String})
        .select(value.alias("v"), absent.alias("a"))
        .row(0)
    )
    if got is not None:
        assert parse_int(text) == got
    if sure_absent:
        assert parse_int(text) is None


def test_every_big_dataset_is_screened() -> None:
    """The datasets delivered at national scale take the fast path (no rule left unscreened)."""
    big = [
        "siasn-data-utama@1.0.0", "siasn-rw-jabatan@1.0.0", "siasn-rw-diklat@1.0.0",
        "siasn-rw-kursus@1.0.0", "siasn-rw-golongan@1.0.0", "siasn-rw-pendidikan@1.0.0",
        "data-widyaiswara@1.0.0", "data-analis-kebijakan@1.0.0", "pengembangan-kompetensi@1.0.0",
        "riwayat-pelatihan-jf@1.0.0", "riwayat-jabatan@1.0.0", "riwayat-angka-kredit@1.0.0",
    ]  # fmt: skip
    unscreened = [spec for spec in big if compile_rule_screen(load_contract(spec), TODAY) is None]
    assert not unscreened
