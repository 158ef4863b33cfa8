"""Seeded synthetic records for the credit-point contracts, valid and damaged on purpose.

Used by the benchmark (``benchmarks/bench_validate.py``) and by the differential tests of the
fast engine. Every value is invented but follows the real formats: NIPs pass the NIP rules,
periods run forward, credit totals add up, at most one assessment-kind flag is set. A damaged
record carries one to three faults of the kinds bulk files really show (pattern, type, length,
impossible dates, spreadsheet damage, rule violations, repeated ids, extra fields).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kontrak.contract import Contract

__all__ = ["FAULTS", "SyntheticRecords", "write_csv", "write_json_array", "write_jsonl"]

_JABATAN = ("Widyaiswara Ahli Muda", "Widyaiswara Ahli Madya", "Analis Kebijakan Ahli Pertama")


def _hex(rng: random.Random, upper: bool) -> str:
    text = f"{rng.getrandbits(128):032x}"
    return text.upper() if upper else text


def _uuid(rng: random.Random) -> str:
    h = _hex(rng, upper=False)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _nip(rng: random.Random) -> str:
    born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(365 * 40))
    year = min(born.year + rng.randint(20, 30), 2024)
    month, sex, sequence = rng.randint(1, 12), rng.choice("12"), rng.randint(1, 999)
    return f"{born:%Y%m%d}{year:04d}{month:02d}{sex}{sequence:03d}"


def _credit(rng: random.Random, whole: int) -> str:
    if rng.random() < 0.5:
        return str(rng.randint(0, whole))
    return f"{rng.randint(0, whole)}.{rng.randint(1, 999):03d}".rstrip("0")


def _sum(a: str, b: str) -> str:
    thousandths = round(float(a) * 1000) + round(float(b) * 1000)
    whole, rest = divmod(thousandths, 1000)
    return str(whole) if not rest else f"{whole}.{rest:03d}".rstrip("0")


def _document(rng: random.Random, nip: str, year: int) -> dict[str, str]:
    uri = f"sipka/pak/{nip[:4]}{rng.randint(0, 99999):05d}_{year}.pdf"
    return {"dok_id": "880", "dok_nama": "SK PAK", "dok_uri": uri, "object": uri, "slug": "880"}


def _valid(rng: random.Random, index: int, contract: Contract) -> dict[str, Any]:
    year = rng.randint(2019, 2024)
    nip = _nip(rng)
    kind = rng.choice(("biasa", "biasa", "konversi", "pertama", "integrasi"))
    start_month = rng.randint(1, 12)
    end_month = rng.randint(start_month, 12)
    if kind in {"biasa", "pertama"}:
        utama, penunjang = _credit(rng, 150), _credit(rng, 30)
        total = _sum(utama, penunjang)
    else:
        utama = penunjang = ""
        total = _credit(rng, 200) or "0"
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    values: dict[str, Any] = {
        "idSipka": f"AK-{year}-{index:07d}",
        "nipBaru": nip,
        "id": rng.choice(("", _hex(rng, upper=False), _uuid(rng))),
        "pnsId": rng.choice(("", _hex(rng, upper=True))),
        "pns": _hex(rng, upper=True),
        "rwJabatanId": rng.choice(("", _uuid(rng))),
        "rwJabatan": rng.choice(("", _uuid(rng))),
        "nomorSk": f"800/{index % 10000:04d}/PAK-WI/{year}",
        "tanggalSk": f"{day:%d-%m-%Y}",
        "bulanMulaiPenailan": rng.choice((str(start_month), f"{start_month:02d}")),
        "tahunMulaiPenailan": str(year - 1),
        "bulanSelesaiPenailan": str(end_month),
        "tahunSelesaiPenailan": str(year - 1),
        "kreditUtamaBaru": utama,
        "kreditPenunjangBaru": penunjang,
        "kreditBaruTotal": total,
        "namaJabatan": rng.choice(_JABATAN),
        "isAngkaKreditPertama": "1" if kind == "pertama" else "0",
        "isIntegrasi": "1" if kind == "integrasi" else "0",
        "isKonversi": "1" if kind == "konversi" else "0",
        "Sumber": rng.choice(("", "SIASN", None)),
        "created_at": rng.choice((None, f"{day:%d-%m-%Y}")),
        "updated_at": rng.choice((None, f"{day:%d-%m-%Y}")),
    }
    if contract.dataset == "siasn-rw-angkakredit":
        values["id"] = rng.choice((_hex(rng, upper=False), _uuid(rng)))
    record = {name: values[name] for name in contract.fields if name in values}
    if "path" in contract.fields and rng.random() < 0.3:
        doc = _document(rng, nip, year)
        if "array" in contract.fields["path"].json_types:
            record["path"] = [doc] if rng.random() < 0.7 else [doc, _document(rng, nip, year)]
        else:
            record["path"] = {"880": doc} if rng.random() < 0.7 else None
    return record


Fault = Callable[[random.Random, dict[str, Any], Contract], None]


def _text_field(rng: random.Random, record: dict[str, Any], contract: Contract) -> str:
    names = [n for n, s in contract.fields.items() if "string" in s.json_types and n in record]
    return rng.choice(names)


def _wrong_type(rng: random.Random, record: dict[str, Any], contract: Contract) -> None:
    record[_text_field(rng, record, contract)] = rng.choice((5, 1.5, True, [], {"a": 1}))


def _bad_pattern(rng: random.Random, record: dict[str, Any], contract: Contract) -> None:
    name = _text_field(rng, record, contract)
    record[name] = rng.choice(("x", "1.98403E+17", "37,5", "١٢", str(record[name]) + "\n", "?"))


def _too_long(rng: random.Random, record: dict[str, Any], _contract: Contract) -> None:
    record[rng.choice(("nomorSk", "idSipka", "namaJabatan"))] = "A" * rng.choice((101, 256, 300))


def _missing(rng: random.Random, record: dict[str, Any], contract: Contract) -> None:
    record.pop(rng.choice([n for n in contract.fields if n in record]), None)


def _extra(rng: random.Random, record: dict[str, Any], _contract: Contract) -> None:
    record[rng.choice(("nilaiSkp", "bulanMulaiPenilaian", "catatan"))] = "90"


def _bad_flag(rng: random.Random, record: dict[str, Any], _contract: Contract) -> None:
    record[rng.choice(("isKonversi", "isIntegrasi"))] = rng.choice(("true", "2", "Y"))


def _bad_date(rng: random.Random, record: dict[str, Any], _contract: Contract) -> None:
    record["tanggalSk"] = rng.choice(
        ("31-02-2023", "29-02-2023", "2023-01-20", "1/20/2023", "20-13-2023", "", "45311")
    )


def _bad_nip(rng: random.Random, record: dict[str, Any], _contract: Contract) -> None:
    nip = str(record.get("nipBaru") or _nip(rng))
    record["nipBaru"] = rng.choice(
        (nip[:14] + "3" + nip[15:], nip[:6] + "32" + nip[8:], nip[:15] + "000", nip[:17])
    )


def _flags_conflict(_rng: random.Random, record: dict[str, Any], _contract: Contract) -> None:
    record["isIntegrasi"] = record["isKonversi"] = "1"


def _period_reversed(_rng: random.Random, record: dict[str, Any], _contract: Contract) -> None:
    record["tahunMulaiPenailan"], record["tahunSelesaiPenailan"] = "2024", "2023"


def _credit_mismatch(rng: random.Random, record: dict[str, Any], _contract: Contract) -> None:
    record["kreditUtamaBaru"], record["kreditPenunjangBaru"] = "10", "5"
    record["kreditBaruTotal"] = rng.choice(("16", "14.5", "15.002"))


def _null(rng: random.Random, record: dict[str, Any], contract: Contract) -> None:
    record[_text_field(rng, record, contract)] = None


FAULTS: dict[str, Fault] = {
    "wrong-type": _wrong_type,
    "bad-pattern": _bad_pattern,
    "too-long": _too_long,
    "missing": _missing,
    "extra": _extra,
    "bad-flag": _bad_flag,
    "bad-date": _bad_date,
    "bad-nip": _bad_nip,
    "flags-conflict": _flags_conflict,
    "period-reversed": _period_reversed,
    "credit-mismatch": _credit_mismatch,
    "null": _null,
}
"""Kinds of damage a synthetic record can carry."""


@dataclass
class SyntheticRecords:
    """A seeded stream of records for one contract.

    Attributes:
        contract: the contract the records are for.
        seed: the random seed (same seed, same records).
        invalid_rate: share of records with one to three faults.
        repeat_rate: share of records that reuse an earlier record's primary key.
    """

    contract: Contract
    seed: int = 20240601
    invalid_rate: float = 0.01
    repeat_rate: float = 0.0

    def records(self, count: int) -> Iterator[dict[str, Any]]:
        """Yield ``count`` records."""
        rng = random.Random(self.seed)  # noqa: S311 - synthetic data, not secrets
        faults = list(FAULTS.values())
        key = self.contract.primary_key[0]
        earlier: list[Any] = []
        for index in range(count):
            record = _valid(rng, index, self.contract)
            if rng.random() < self.invalid_rate:
                for fault in rng.sample(faults, rng.randint(1, 3)):
                    fault(rng, record, self.contract)
            if earlier and rng.random() < self.repeat_rate:
                record[key] = rng.choice(earlier)
            elif len(earlier) < 1000 and key in record:
                earlier.append(record[key])
            yield record


def write_jsonl(path: Path, records: Iterator[dict[str, Any]]) -> int:
    """Write records as JSON Lines; return the count."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_json_array(path: Path, records: Iterator[dict[str, Any]]) -> int:
    """Write records as one JSON array, one element per line; return the count."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[\n")
        for record in records:
            handle.write(("," if count else "") + json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        handle.write("]\n")
    return count


def _cell(value: Any, plain: str | None) -> str:
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = value
    else:
        text = json.dumps(value)
    if plain is not None:
        for char in (plain, '"', "\n", "\r"):
            text = text.replace(char, " ")
    return text


def write_csv(
    path: Path,
    records: Iterator[dict[str, Any]],
    columns: Sequence[str],
    *,
    delimiter: str = ",",
    plain: bool = False,
    line_end: str = "\n",
) -> int:
    """Write records as CSV with a header of ``columns``; return the count.

    ``plain`` replaces quotes, line breaks and delimiters inside values by spaces, so that no
    cell needs quoting (the common shape of bulk exports).
    """
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator=line_end)
        writer.writerow(columns)
        for record in records:
            writer.writerow(
                [_cell(record.get(name), delimiter if plain else None) for name in columns]
            )
            count += 1
    return count
