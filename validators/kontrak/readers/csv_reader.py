"""CSV bulk files: header row of contract keys, one record per row, typed by the contract."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator, Mapping
from typing import Any

from kontrak.contract import Contract, FieldSpec
from kontrak.readers.base import InputProblem, LocatedRecord, UnreadableInputError
from kontrak.readers.decoding import decode_utf8

__all__ = ["cell_to_value", "iter_csv_records", "sniff_delimiter"]

DELIMITERS = (",", ";", "\t")
# A cell longer than this is not a value of any contract; the csv module's default is 128 KiB.
MAX_CELL_CHARS = 8 * 1024 * 1024
csv.field_size_limit(MAX_CELL_CHARS)
_INTEGER_CHARS = frozenset("-0123456789")


def sniff_delimiter(header_line: str) -> str:
    """Pick the delimiter (``,``, ``;`` or tab) that splits the header line the most."""
    counts = {d: len(next(csv.reader([header_line], delimiter=d), [])) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 1 else ","


def _coerce(cell: str, types: tuple[str, ...]) -> Any:
    """Turn a non-empty cell into the JSON value the contract's type expects, when it can."""
    if "string" in types or not types:
        return cell
    if "integer" in types and cell and set(cell) <= _INTEGER_CHARS and cell.lstrip("-").isdigit():
        return int(cell)
    if "number" in types:
        try:
            number = float(cell)
        except ValueError:
            return cell
        if math.isfinite(number):  # NaN and infinity are not JSON numbers
            return int(number) if number.is_integer() and "." not in cell else number
        return cell
    if "boolean" in types and cell in ("true", "false"):
        return cell == "true"
    if ("object" in types or "array" in types) and cell[:1] in "{[":
        try:
            return json.loads(cell)
        except ValueError:
            return cell
    return cell


_ABSENT = object()


def cell_to_value(cell: str, spec: FieldSpec) -> Any:
    """The JSON value a CSV cell stands for; ``_ABSENT`` when an empty cell means "no value".

    An empty cell is ``""`` where the field accepts ``""`` on the wire, ``null`` where it accepts
    null, and otherwise an absent key (so a required field reports ``missing-field``).
    """
    if cell == "":
        if spec.accepts_empty_string:
            return ""
        if "null" in spec.json_types:
            return None
        return _ABSENT
    return _coerce(cell, spec.json_types)


def _header_problems(header: list[str], fields: Mapping[str, FieldSpec]) -> Iterator[InputProblem]:
    seen: set[str] = set()
    for name in header:
        if name in seen:
            yield InputProblem(code="duplicate-key", row=1, field=name)
        seen.add(name)
        if name not in fields:
            yield InputProblem(code="field-not-agreed", row=1, field=name)
    for name, spec in fields.items():
        if spec.bulk_required and name not in seen:
            yield InputProblem(code="missing-field", row=1, field=name)


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    """The rows of a csv reader; a malformed row ends the file with a located problem."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = getattr(reader, "line_num", None)
            problem = InputProblem(code="invalid-csv", line=line, ctx={"reason": str(exc)})
            raise UnreadableInputError(problem) from None
        yield row


def iter_csv_records(data: bytes, contract: Contract) -> Iterator[LocatedRecord | InputProblem]:
    """Yield the records of a CSV file (``,``, ``;`` or tab separated, UTF-8, BOM allowed).

    Raises:
        UnreadableInputError: not UTF-8, empty, or without a header row.
    """
    text = decode_utf8(data)
    if not text.strip():
        raise UnreadableInputError(InputProblem(code="empty-file"))
    first_line = text.split("\n", 1)[0].rstrip("\r")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    header = next(reader, [])
    if not any(name.strip() for name in header):
        raise UnreadableInputError(InputProblem(code="missing-header", row=1))
    fields = contract.fields
    yield from _header_problems(header, fields)
    columns = [(i, name, fields[name]) for i, name in enumerate(header) if name in fields]
    absent = frozenset(name for name in fields if name not in header)
    for index, cells in enumerate(_rows(reader)):
        row = index + 2
        if not cells or (all(cell == "" for cell in cells) and len(cells) <= 1):
            continue
        if len(cells) != len(header):
            yield InputProblem(
                code="row-length-mismatch",
                row=row,
                ctx={"actual": len(cells), "expected": len(header)},
            )
            continue
        record: dict[str, Any] = {}
        for position, name, spec in columns:
            value = cell_to_value(cells[position], spec)
            if value is not _ABSENT:
                record[name] = value
        yield LocatedRecord(value=record, index=index, row=row, absent_columns=absent)
