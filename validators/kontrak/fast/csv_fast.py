r"""CSV the fast way: whole columns of cells checked by polars, a chunk of lines at a time.

The file is read in plain chunks of about 6 MB of whole lines, split into cells inside polars
(:mod:`kontrak.fast.csv_chunks`; the next chunk is read while one is checked). Each column gets
the checks compiled from the contract (:mod:`kontrak.fast.cell_checks`), the rows the rule
screens. A row that fails any of them is turned into a record the reference way and checked
exactly, leaving out what its checks settled: the structure layer when every cell passed (the
structure findings of failing cells are remembered by field and cell text), and each rule (or
the reference layer) whose own screen passed on cells that passed.

From the first chunk that is not plain (quoted cells, another line end, bytes that are not
UTF-8) to the end of the file, the reference CSV reader takes over the reading, with the fast
per-record checks behind it. A header that is not plain sends the whole file that way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import polars as pl

from kontrak.engine.findings import Finding
from kontrak.fast.batch import Outcome, RecordScreen
from kontrak.fast.cell_checks import CellCheck, compile_cell_check, record_schema_is_per_column
from kontrak.fast.csv_chunks import Chunk, Header, iter_chunks, plain_header, split_cells
from kontrak.fast.items_fast import check_items
from kontrak.fast.keys import KeyTable
from kontrak.fast.lines_at import lines_at
from kontrak.readers.base import InputProblem, LocatedRecord
from kontrak.readers.csv_reader import (
    ABSENT,
    cell_to_value,
    continue_csv_records,
    csv_row_items,
    header_problems,
    iter_csv_records,
    iter_text_lines,
)

__all__ = ["CHUNK_BYTES", "REMEMBERED_CELLS", "check_csv_file", "csv_records_at"]

CHUNK_BYTES = 6 << 20
"""Bytes of whole lines checked at a time (one more chunk is read meanwhile)."""
REMEMBERED_CELLS = 4096
"""How many failing cells' structure findings a file's check remembers at most."""
_OK = "__ok__"

Progress = Callable[[int], None]


class _Columns:
    """The compiled checks of the contract columns of one header."""

    def __init__(self, screen: RecordScreen, header: list[str]) -> None:
        contract = screen.contract
        self.header = header
        self.positions = {name: i for i, name in enumerate(header) if name in contract.fields}
        compiled = {name: compile_cell_check(contract, name) for name in self.positions}
        self.complete = record_schema_is_per_column(contract) and all(
            check is not None for check in compiled.values()
        )
        self.checks: dict[str, CellCheck] = {n: c for n, c in compiled.items() if c is not None}
        self.absent = frozenset(name for name in contract.fields if name not in header)
        # each column's field, whether a non-empty cell is the value itself, an empty cell's value
        self.cells = [
            (name, "string" in spec.json_types or not spec.json_types, cell_to_value("", spec))
            for name in self.positions
            for spec in (contract.fields[name],)
        ]
        needed = list(screen.columns)
        self.values = [
            self.checks[name].value().alias(name)
            if name in self.checks
            else pl.lit(None, dtype=pl.String).alias(name)
            for name in needed
        ]
        # One lazy query per chunk: every column check as its own (parallel) expression, then
        # the values the records would hold, then the rule screens and the key over those, then
        # the verdict on the row. The checks and screens of a flagged row tell which layers of
        # its exact check can find something.
        self.passes = [_OK + name for name in self.checks]
        parts = screen.rules.parts if screen.rules is not None else ()
        self.first = [pl.col("index"), *(c.passes().alias(_OK + n) for n, c in self.checks.items())]
        self.first += self.values
        self.second = [
            pl.col("index"),
            *(pl.col(name) for name in self.passes),
            *(part.expression.alias(part.label) for part in parts),
            screen.keys.key_expression().alias("key"),
            *(plan.expression() for plan in screen.observed),
        ]
        # a rule or coded field without screen: every row goes to the exact check
        screens = [pl.col(label) for label in screen.labels]
        if screen.rules is None:
            screens = [pl.lit(value=False)]
        checked = [pl.col(name) for name in self.passes]
        self.verdict = pl.all_horizontal([*checked, *screens, pl.lit(value=True)]).alias(_OK)
        self.flags = [*self.passes, *screen.labels]
        self.findings = _CellFindings(screen)


class _CellFindings:
    """The structure findings of flagged rows, remembered by field and cell text.

    The record schema checks each field on its own (:func:`record_schema_is_per_column`), so
    what the structure layer finds about a field depends on its cell alone, and a row's
    findings are those of its failing cells. A row whose failing cells are all remembered gets
    their findings without a structure check; any other row is checked and its findings are
    remembered by field. A finding about no failing cell leaves the row's findings unremembered.
    """

    def __init__(self, screen: RecordScreen) -> None:
        self._checker = screen.checker
        self._bulk = screen.bulk
        self._known: dict[tuple[str, str], list[Finding]] = {}

    def of(self, item: LocatedRecord, row: dict[str, Any], failing: list[str]) -> list[Finding]:
        """The structure findings of the row's record, ``failing`` being its failing cells."""
        keys = [(name, str(row[name])) for name in failing]
        known = [self._known.get(key) for key in keys]
        if all(found is not None for found in known):
            return [finding for found in known if found is not None for finding in found]
        findings = self._checker.structure_findings(item, bulk=self._bulk)
        by_field: dict[str | None, list[Finding]] = {name: [] for name in failing}
        for finding in findings:
            group = by_field.get(finding.field)
            if group is None:
                return findings
            group.append(finding)
        if len(self._known) + len(keys) > REMEMBERED_CELLS:
            self._known.clear()
        for key in keys:
            self._known[key] = by_field[key[0]]
        return findings


def _columnar_chunk(
    screen: RecordScreen,
    columns: _Columns,
    delimiter: str,
    chunk: Chunk,
    first_index: int,
    outcome: Outcome,
) -> int | None:
    """Check a plain chunk in polars; return its number of lines, or None if not UTF-8."""
    width = len(columns.header)
    if chunk.cells is not None:
        frame = chunk.cells.with_row_index("index", offset=first_index)
        count = frame.height
    else:
        split = split_cells(chunk.data, delimiter, width, first_index)
        if split is None:
            return None
        frame, count = split
        sized = pl.col("fields") == width
        for index, fields in frame.filter(~sized).select("index", "fields").iter_rows():
            problem = InputProblem(
                code="row-length-mismatch",
                row=index + 2,
                ctx={"actual": fields, "expected": width},
            )
            screen.problem(problem, outcome)
        frame = frame.filter(sized)
    frame = frame.select(
        "index", *(pl.col(f"c{i}").alias(name) for name, i in columns.positions.items())
    )
    outcome.records += frame.height
    screened = (
        frame.lazy()
        .select(columns.first)
        .select(columns.second)
        .with_columns(columns.verdict)
        .collect()
    )
    flagged = ~screened.get_column(_OK)
    verdicts = screened.select(columns.flags).filter(flagged).iter_rows()
    for row, flags in zip(frame.filter(flagged).iter_rows(named=True), verdicts, strict=True):
        _exact(screen, columns, row, flags, outcome)
    indexes = screened.get_column("index")
    outcome.keys.add(screened.get_column("key"), indexes, indexes + 2)
    for plan in screen.observed:
        outcome.found[plan.label].add(screened.get_column(plan.label), indexes, indexes + 2)
    return count


def _record(screen: RecordScreen, columns: _Columns, row: dict[str, object]) -> LocatedRecord:
    index = int(str(row["index"]))
    record: dict[str, object] = {}
    fields = screen.contract.fields
    for name, text, empty in columns.cells:
        cell = str(row[name])
        if not cell:
            if empty is not ABSENT:
                record[name] = empty
        elif text:
            record[name] = cell  # what the reader makes of a non-empty cell of a text field
        else:
            record[name] = cell_to_value(cell, fields[name])
    return LocatedRecord(value=record, index=index, row=index + 2, absent_columns=columns.absent)


def _exact(
    screen: RecordScreen,
    columns: _Columns,
    row: dict[str, Any],
    flags: tuple[object, ...],
    outcome: Outcome,
) -> None:
    """Check a flagged row exactly, leaving out what its cell checks and screens settled."""
    item = _record(screen, columns, row)
    failing = [
        name for name, passed in zip(columns.checks, flags, strict=False) if passed is not True
    ]
    structure = columns.findings.of(item, row, failing) if failing else []
    # a field without a cell is absent from the header: screens read it as null, as for the
    # rows that pass them all
    screened = screen.passing(flags[len(columns.passes) :], frozenset(failing), structure)
    screen.exact(item, outcome, keys=False, screened=screened)


def _rest_by_rows(
    screen: RecordScreen,
    path: Path,
    header: Header,
    offset: int,
    index: int,
    outcome: Outcome,
) -> None:
    """Check the file from ``offset`` (a row start, row index ``index``) with the CSV reader."""
    with path.open("rb") as handle:
        handle.seek(offset)
        line_number = index + 2
        texts = iter_text_lines(handle, first_number=line_number)
        items = continue_csv_records(
            texts,
            delimiter=header.delimiter,
            header=header.cells,
            contract=screen.contract,
            start_index=index,
            line_offset=line_number - 1,
        )
        check_items(screen, items, outcome)


def check_csv_file(screen: RecordScreen, path: Path, progress: Progress | None = None) -> Outcome:
    """Check a whole CSV file; the outcome holds file-wide positions."""
    outcome = screen.outcome()
    outcome.keys = KeyTable(row_offset=2)  # a row is its index + 2
    with path.open("rb") as handle:
        header = plain_header(handle)
        columns = _Columns(screen, header.cells) if header is not None else None
        if header is None or columns is None or not columns.complete or not screen.keys.text_only:
            check_items(screen, iter_csv_records(_lines(path), screen.contract), outcome)
            return outcome
        for problem in header_problems(header.cells, screen.contract):
            screen.problem(problem, outcome)
        offset, index = header.end, 0
        width = len(header.cells)
        with closing(iter_chunks(handle, header.delimiter, width, CHUNK_BYTES)) as chunks:
            for chunk in chunks:
                done = None
                if chunk.plain:
                    done = _columnar_chunk(screen, columns, header.delimiter, chunk, index, outcome)
                if done is None:
                    _rest_by_rows(screen, path, header, offset, index, outcome)
                    break
                offset += chunk.size
                index += done
                outcome.aligned = index
                if progress is not None:
                    progress(offset)
    return outcome


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        yield from handle


def csv_records_at(
    path: Path, screen: RecordScreen, indexes: set[int], aligned: int
) -> Iterator[LocatedRecord]:
    """Read the records at ``indexes`` again, exactly as the reference reader does.

    Records before ``aligned`` sit one per line without quotes: only their lines are split,
    found by counting newlines in blocks (:func:`~kontrak.fast.lines_at.lines_at`). Any other
    record is found by reading the whole file with the reference reader.
    """
    if indexes and max(indexes) < aligned:
        with path.open("rb") as handle:
            header = plain_header(handle)
            if header is None:  # pragma: no cover - aligned rows imply a plain header
                return
            for number, raw in lines_at(handle, (index + 2 for index in indexes), first=2):
                text = raw.decode("utf-8").removesuffix("\n").removesuffix("\r")
                row = text.split(header.delimiter) if text else []
                for item in csv_row_items([row], header.cells, screen.contract, number - 2):
                    if isinstance(item, LocatedRecord):
                        yield item
        return
    for item in iter_csv_records(_lines(path), screen.contract):
        if isinstance(item, LocatedRecord) and item.index in indexes:
            yield item
