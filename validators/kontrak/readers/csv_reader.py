"""CSV bulk files: header row of contract keys, one record per row, typed by the contract."""

from __future__ import annotations

import csv
import itertools
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from kontrak.contract import Contract, FieldSpec
from kontrak.readers.base import InputProblem, LocatedRecord, UnreadableInputError
from kontrak.readers.decoding import decode_utf8

__all__ = [
    "ABSENT",
    "cell_to_value",
    "continue_csv_records",
    "csv_row_items",
    "header_problems",
    "iter_csv_records",
    "iter_text_lines",
    "sniff_delimiter",
    "split_universal_newlines",
]

DELIMITERS = (",", ";", "\t")
# A cell longer than this is not a value of any contract; the csv module's default is 128 KiB.
MAX_CELL_CHARS = 8 * 1024 * 1024
csv.field_size_limit(MAX_CELL_CHARS)
_INTEGER = re.compile(r"-?[0-9]+")
_LINE_ENDS = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def sniff_delimiter(header_line: str) -> str:
    """Pick the delimiter (``,``, ``;`` or tab) that splits the header line the most."""
    counts = {d: len(next(csv.reader([header_line], delimiter=d), [])) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 1 else ","


def _coerce(cell: str, types: tuple[str, ...]) -> Any:
    """Turn a non-empty cell into the JSON value the contract's type expects, when it can."""
    if "string" in types or not types:
        return cell
    if "integer" in types and _INTEGER.fullmatch(cell):
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
ABSENT = _ABSENT  # what :func:`cell_to_value` returns for an empty cell that means "no key"


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
    if not any(name in fields for name in header):
        # Row 1 names no contract column: it is a data row (a file exported without its
        # header) or the header of another dataset. Its cells are not column names to list
        # one by one: they may be NIPs, names or birth dates (Pasal 9).
        yield InputProblem(code="missing-header", row=1)
        return
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


def header_problems(header: list[str], contract: Contract) -> Iterator[InputProblem]:
    """Problems of a tabular header row: repeated, unknown and missing columns (row 1).

    A row 1 without any contract column is one ``missing-header`` problem, not a list of its
    cells as unknown columns.
    """
    return _header_problems(header, contract.fields)


def split_universal_newlines(text: str) -> list[str]:
    r"""Split one decoded line further at lone ``\r`` line ends, as ``newline=""`` files do."""
    if "\r" not in text or (text.endswith("\r\n") and text.count("\r") == 1):
        return [text]
    return _LINE_ENDS.findall(text)


def iter_text_lines(lines: Iterable[bytes], first_number: int = 1) -> Iterator[str]:
    """Decode binary lines one by one, split as a ``newline=""`` text file would.

    ``first_number`` is the line number of the first line given; a byte-order mark is dropped
    from line 1 only.

    Raises:
        UnreadableInputError: ``not-utf8`` at the first line that is not UTF-8.
    """
    for number, raw in enumerate(lines, start=first_number):
        text = decode_utf8(raw, line=number) if number == 1 else _decode_line(raw, number)
        yield from split_universal_newlines(text)


def _decode_line(raw: bytes, number: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_utf8(raw, line=number)  # raises not-utf8 with this line's number


def _blank_prefix(texts: Iterator[str]) -> tuple[list[str], bool]:
    """Read lines until one holds more than white space; also say whether one was found."""
    prefix: list[str] = []
    for text in texts:
        prefix.append(text)
        if text.strip():
            return prefix, True
    return prefix, False


def iter_csv_records(
    lines: Iterable[bytes], contract: Contract
) -> Iterator[LocatedRecord | InputProblem]:
    """Yield the records of a CSV file (``,``, ``;`` or tab separated, UTF-8, BOM allowed).

    The file is read line by line, so memory does not grow with its size. Rows are numbered
    as a spreadsheet shows them: the header is row 1, the first record row 2.

    Raises:
        UnreadableInputError: not UTF-8 (at the first bad line; the rows before it are already
            yielded), empty, without a header row, or malformed for the csv module
            (``invalid-csv``, e.g. a cell over :data:`MAX_CELL_CHARS`).
    """
    texts = iter_text_lines(lines)
    prefix, found = _blank_prefix(texts)
    if not found:
        raise UnreadableInputError(InputProblem(code="empty-file"))
    first_line = prefix[0].split("\n", 1)[0].rstrip("\r")
    reader = csv.reader(itertools.chain(prefix, texts), delimiter=sniff_delimiter(first_line))
    yield from _guarded(reader, _rows(reader, contract), line_offset=0)


def continue_csv_records(
    texts: Iterable[str],
    *,
    delimiter: str,
    header: list[str],
    contract: Contract,
    start_index: int,
    line_offset: int,
) -> Iterator[LocatedRecord | InputProblem]:
    """Yield the records of a CSV file from a line that starts a row, after the header.

    Args:
        texts: the decoded lines from there (see :func:`iter_text_lines`).
        delimiter: the file's delimiter.
        header: the file's header cells.
        contract: the contract.
        start_index: the index of the first row given (its row number is ``start_index + 2``).
        line_offset: physical lines before the first line given.
    """
    reader = csv.reader(texts, delimiter=delimiter)
    items = csv_row_items(reader, header, contract, start_index)
    yield from _guarded(reader, items, line_offset)


def _guarded(
    reader: Any, items: Iterator[LocatedRecord | InputProblem], line_offset: int
) -> Iterator[LocatedRecord | InputProblem]:
    try:
        yield from items
    except csv.Error as exc:
        line = reader.line_num + line_offset
        problem = InputProblem(code="invalid-csv", line=line, ctx={"reason": str(exc)})
        raise UnreadableInputError(problem) from None


def _rows(
    reader: Iterator[list[str]], contract: Contract
) -> Iterator[LocatedRecord | InputProblem]:
    header = next(reader, [])
    if not any(name.strip() for name in header):
        raise UnreadableInputError(InputProblem(code="missing-header", row=1))
    yield from _header_problems(header, contract.fields)
    yield from csv_row_items(reader, header, contract, 0)


def csv_row_items(
    rows: Iterable[list[str]], header: list[str], contract: Contract, start_index: int
) -> Iterator[LocatedRecord | InputProblem]:
    """Turn the rows after the header into records (typed by the contract) or row problems."""
    fields = contract.fields
    columns = [(i, name, fields[name]) for i, name in enumerate(header) if name in fields]
    absent = frozenset(name for name in fields if name not in header)
    for index, cells in enumerate(rows, start=start_index):
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
