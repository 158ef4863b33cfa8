"""Write small .xlsx workbooks for tests and the bundled Excel samples.

``python -m tests.support.xlsx_files`` (from the repository root) rewrites the Excel samples
from the CSV samples they mirror; the cell types chosen here are what the samples demonstrate.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl

__all__ = ["write_samples", "write_xlsx"]

REPO = Path(__file__).resolve().parents[2]
FIXED_TIME = dt.datetime(2024, 6, 1, 8, 0, 0)
TEXT_FORMAT = "@"


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], *, sheet: str = "data") -> Path:
    """Write ``rows`` (the first is the header) to one sheet; ``str`` cells are stored as text."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet
    for row in rows:
        worksheet.append(list(row))
    for row_cells in worksheet.iter_rows():
        for cell in row_cells:
            if isinstance(cell.value, str):
                cell.number_format = TEXT_FORMAT
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.save(path)
    return path


def _csv_rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > 1 else ","
    return [row for row in csv.reader(text.splitlines(), delimiter=delimiter) if row]


def _as_numbers(header: list[str], names: set[str]) -> Callable[[list[str]], list[Any]]:
    """Turn the cells of ``names`` into numbers, as Excel does when it meets digits."""

    def convert(row: list[str]) -> list[Any]:
        out: list[Any] = []
        for name, cell in zip(header, row, strict=True):
            if name in names and cell:
                number = float(cell)
                out.append(int(number) if number.is_integer() and "." not in cell else number)
            else:
                out.append(cell)
        return out

    return convert


def _date_cells(header: list[str], names: set[str]) -> Callable[[list[str]], list[Any]]:
    def convert(row: list[str]) -> list[Any]:
        return [
            dt.datetime.strptime(cell, "%d-%m-%Y") if name in names and cell else cell
            for name, cell in zip(header, row, strict=True)
        ]

    return convert


NUMERIC = {
    "bulanMulaiPenailan",
    "tahunMulaiPenailan",
    "bulanSelesaiPenailan",
    "tahunSelesaiPenailan",
    "kreditUtamaBaru",
    "kreditPenunjangBaru",
    "kreditBaruTotal",
}


def write_samples(repo: Path = REPO) -> list[Path]:
    """Rewrite the Excel samples; return their paths."""
    lan = repo / "samples/riwayat-angka-kredit/1.0.0"
    bkn = repo / "samples/siasn-rw-angkakredit/1.0.0"
    written: list[Path] = []
    rows = _csv_rows(lan / "valid/lan/pak-2024s1.csv")
    header = rows[0]
    numbers = _as_numbers(header, NUMERIC)
    valid = [header, *(numbers(r) for r in rows[1:])]
    written.append(write_xlsx(lan / "valid/lan/pak-2024s1.xlsx", valid))
    scientific = [list(r) for r in valid]
    scientific[3][header.index("nipBaru")] = float(scientific[3][header.index("nipBaru")])
    written.append(
        write_xlsx(lan / "invalid/lan/row-4.nipBaru.number-as-scientific.xlsx", scientific)
    )
    dates = _date_cells(header, {"tanggalSk"})
    dated = [header, *(dates(r) for r in rows[1:])]
    written.append(write_xlsx(lan / "invalid/lan/row-2.tanggalSk.excel-date-cell.xlsx", dated))
    bkn_rows = _csv_rows(bkn / "valid/bkn/rw-angkakredit-2024s1.csv")
    bkn_numbers = _as_numbers(bkn_rows[0], NUMERIC)
    written.append(
        write_xlsx(
            bkn / "valid/bkn/rw-angkakredit-2024s1.xlsx",
            [bkn_rows[0], *(bkn_numbers(r) for r in bkn_rows[1:])],
        )
    )
    return written


if __name__ == "__main__":
    for path in write_samples():
        print(path.relative_to(REPO))
