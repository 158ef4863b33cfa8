"""Excel workbooks (.xlsx): the first sheet, header in row 1, one record per row, streamed.

The sheet is read in openpyxl's read-only mode, row by row, so memory does not grow with the
number of rows. Rows are located as a spreadsheet shows them (header = row 1), like CSV rows.

Excel keeps typed cells, so each cell is typed by the contract the way a CSV cell is:

* text cells go through the CSV rules (:func:`~kontrak.readers.csv_reader.cell_to_value`);
* a number in a text field becomes the text Excel shows for it: ``7`` → ``"7"``, ``46.5`` →
  ``"46.5"``. A number Excel cannot hold exactly (more than 15 digits, such as an 18-digit NIP
  typed as a number) becomes ``"1.98403142009123e+17"``, which the contract rejects and the
  spreadsheet hints report as ``number-as-scientific``; a code that lost its leading zeros
  (``401`` for ``"0401"``) is reported as ``leading-zeros-lost``;
* a date cell in a date field (Excel retyped ``20-01-2024`` into a date) is read in the
  contract's form (``DD-MM-YYYY``) and reported once per column as ``excel-date-cell`` (a
  warning); a date with a time of day, or a date cell in another text field, becomes ISO text.
"""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from kontrak.contract import Contract, FieldSpec
from kontrak.engine.structure import DATE_FORMATS
from kontrak.readers.base import InputProblem, LocatedRecord, UnreadableInputError
from kontrak.readers.csv_reader import ABSENT, cell_to_value, header_problems

__all__ = ["excel_cell_to_value", "excel_number_text", "iter_excel_records"]

_BATCH = 512
_EXACT_LIMIT = 1e15  # Excel keeps 15 significant digits
_DATE_TEXT = {"tanggal-dmy": "%d-%m-%Y", "tanggal-dmy-atau-iso": "%d-%m-%Y", "date": "%Y-%m-%d"}
_EXPECTED = {
    "tanggal-dmy": "DD-MM-YYYY",
    "tanggal-dmy-atau-iso": "DD-MM-YYYY",
    "date": "YYYY-MM-DD",
}
_BROKEN = (
    zipfile.BadZipFile,
    KeyError,
    ParseError,
    ValueError,
    TypeError,
    IndexError,
    EOFError,
)


def excel_number_text(value: int | float) -> str:
    """The text Excel shows for a number in a text column (15 significant digits at most)."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < _EXACT_LIMIT:
        return str(int(value))
    return format(value, ".15g")


def _date_format(spec: FieldSpec) -> str | None:
    fmt = spec.schema.get("format")
    return str(fmt) if fmt in DATE_FORMATS and fmt in _DATE_TEXT else None


def _date_text(value: dt.datetime | dt.date | dt.time, spec: FieldSpec) -> tuple[str, bool]:
    """Text for a date cell, and whether it was read in the field's own date form."""
    fmt = _date_format(spec)
    if isinstance(value, dt.datetime):
        if fmt is not None and value.time() == dt.time(0, 0):
            return value.strftime(_DATE_TEXT[fmt]), True
        return value.isoformat(sep=" "), False
    if isinstance(value, dt.date):
        if fmt is not None:
            return value.strftime(_DATE_TEXT[fmt]), True
        return value.isoformat(), False
    return value.isoformat(), False


def excel_cell_to_value(cell: Any, spec: FieldSpec) -> tuple[Any, bool]:
    """The JSON value an Excel cell stands for, and whether it was an Excel date cell read as text.

    Returns ``ABSENT`` (from :mod:`kontrak.readers.csv_reader`) for an empty cell that means "no
    key", exactly as an empty CSV cell.
    """
    types = spec.json_types
    if cell is None:
        return cell_to_value("", spec), False
    if isinstance(cell, str):
        return cell_to_value(cell, spec), False
    if isinstance(cell, bool):
        if "boolean" in types:
            return cell, False
        return ("TRUE" if cell else "FALSE") if "string" in types else cell, False
    if isinstance(cell, int | float):
        if "string" in types or not types:
            return excel_number_text(cell), False
        if "integer" in types and (isinstance(cell, int) or cell.is_integer()):
            return int(cell), False
        return cell, False
    if isinstance(cell, dt.datetime | dt.date | dt.time):
        return _date_text(cell, spec)
    return str(cell), False


_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls (Excel 97-2003)


def _disguise(path: Path) -> dict[str, str] | None:
    """Name the format of a file that is not a workbook, in each message language, if known."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(_OLE_SIGNATURE):
        return {
            "id": "ini buku kerja .xls lama; simpan ulang sebagai 'Excel Workbook (.xlsx)'",
            "en": "this is an old .xls workbook; save it again as 'Excel Workbook (.xlsx)'",
        }
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "\x00" in text or not text.strip():
        return None
    return {
        "id": "isinya teks (CSV?); ganti akhiran nama berkas menjadi .csv atau pakai "
        "--input-format csv",
        "en": "it holds text (a CSV?); rename it to .csv or use --input-format csv",
    }


def _open_sheet_rows(path: Path) -> tuple[Any, Iterator[tuple[Any, ...]]]:
    if path.stat().st_size == 0:
        raise UnreadableInputError(InputProblem(code="empty-file"))
    # openpyxl takes a tenth of a second to import: only runs that read a workbook pay it
    import openpyxl  # noqa: PLC0415
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (*_BROKEN, InvalidFileException) as exc:
        reason: object = _disguise(path) or str(exc) or type(exc).__name__
        raise UnreadableInputError(
            InputProblem(code="invalid-xlsx", ctx={"reason": reason})
        ) from None
    if not workbook.worksheets:
        workbook.close()
        raise UnreadableInputError(InputProblem(code="empty-file"))
    sheet = workbook.worksheets[0]
    return workbook, sheet.iter_rows(min_row=1, values_only=True)


def _iter_rows(path: Path) -> Iterator[tuple[Any, ...]]:
    """Yield the rows of the first sheet in batches read with openpyxl's warnings silenced."""
    workbook, rows = _open_sheet_rows(path)
    try:
        while True:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    batch = [row for _, row in zip(range(_BATCH), rows, strict=False)]
            except _BROKEN as exc:
                reason = str(exc) or type(exc).__name__
                problem = InputProblem(code="invalid-xlsx", ctx={"reason": reason})
                raise UnreadableInputError(problem) from None
            yield from batch
            if len(batch) < _BATCH:
                return
    finally:
        workbook.close()


def _trimmed(row: tuple[Any, ...]) -> tuple[Any, ...]:
    end = len(row)
    while end and (row[end - 1] is None or row[end - 1] == ""):
        end -= 1
    return row[:end]


def _header_name(cell: Any) -> str:
    if cell is None:
        return ""
    return excel_number_text(cell) if isinstance(cell, int | float) else str(cell)


def iter_excel_records(path: Path, contract: Contract) -> Iterator[LocatedRecord | InputProblem]:
    """Yield the records of the first sheet of an .xlsx workbook.

    Raises:
        UnreadableInputError: ``invalid-xlsx`` (not a workbook, broken), ``empty-file`` (no row
            with data), ``missing-header`` (row 1 is empty).
    """
    rows = _iter_rows(path)
    first = next(rows, None)
    header = [_header_name(cell) for cell in _trimmed(first or ())]
    if not any(name.strip() for name in header):
        has_data = any(_trimmed(row) for row in rows)
        code = "missing-header" if has_data else "empty-file"
        raise UnreadableInputError(InputProblem(code=code, row=1 if has_data else None))
    fields = contract.fields
    yield from header_problems(header, contract)
    columns = [(i, name, fields[name]) for i, name in enumerate(header) if name in fields]
    absent = frozenset(name for name in fields if name not in header)
    dated: set[str] = set()
    for row_number, row in enumerate(rows, start=2):
        cells = _trimmed(row)
        if not cells:
            continue
        if len(cells) > len(header):
            yield InputProblem(
                code="row-length-mismatch",
                row=row_number,
                ctx={"actual": len(cells), "expected": len(header)},
            )
            continue
        record: dict[str, Any] = {}
        for position, name, spec in columns:
            cell = cells[position] if position < len(cells) else None
            value, date_cell = excel_cell_to_value(cell, spec)
            if date_cell and name not in dated:
                dated.add(name)
                fmt = _date_format(spec) or "date"
                yield InputProblem(
                    code="excel-date-cell",
                    row=row_number,
                    field=name,
                    ctx={"expected": _EXPECTED.get(fmt, fmt)},
                    severity="warning",
                )
            if value is not ABSENT:
                record[name] = value
        yield LocatedRecord(
            value=record, index=row_number - 2, row=row_number, absent_columns=absent
        )
