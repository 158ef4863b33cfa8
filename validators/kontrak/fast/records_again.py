"""Records of a checked file read again, for the checks that need them after the whole file.

Repeated primary keys (records whose key hashes are shared, :mod:`kontrak.fast.keys`) and
foreign keys (:mod:`kontrak.foreign_keys`) are placed by reading their records again, exactly as
the reference readers read them, by record index and position (line, row or byte offset).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import polars as pl

from kontrak.contract import Contract
from kontrak.fast import csv_fast, json_fast, jsonl_fast
from kontrak.fast.batch import Outcome, RecordScreen
from kontrak.fast.keys import KeyTable, shared_candidates
from kontrak.foreign_keys import Locate
from kontrak.readers.base import InputProblem, LocatedRecord, UnreadableInputError
from kontrak.readers.excel_reader import iter_excel_records
from kontrak.readers.json_reader import iter_json_document
from kontrak.record_checks import RecordChecker
from kontrak.violation import Violation

__all__ = ["key_violations", "locator", "records_again"]


def records_again(
    fmt: str, path: Path, screen: RecordScreen, outcome: Outcome, lines: dict[int, int]
) -> Iterator[LocatedRecord]:
    """The records at the indexes of ``lines`` (index → line), read again, in file order."""
    indexes = set(lines)
    if fmt == "jsonl":
        yield from jsonl_fast.jsonl_items_at(path, {line: i for i, line in lines.items()})
    elif fmt == "csv":
        yield from csv_fast.csv_records_at(path, screen, indexes, outcome.aligned)
    elif fmt == "json" and outcome.offsets:
        yield from json_fast.elements_at(path, lines)
    elif fmt == "json":
        yield from _located(iter_json_document(path.read_bytes()), indexes)
    else:
        yield from _located(iter_excel_records(path, screen.contract), indexes)


def _located(
    items: Iterable[LocatedRecord | InputProblem], indexes: set[int]
) -> Iterator[LocatedRecord]:
    """The records among ``items`` at ``indexes``, reading no further than the last one."""
    last = max(indexes, default=-1)
    for item in items:
        if isinstance(item, LocatedRecord) and item.index in indexes:
            yield item
            if item.index >= last:
                return


def key_violations(
    contract: Contract, files: Sequence[tuple[str, KeyTable, Locate]], show_values: bool
) -> list[Violation]:
    """The primary-key violations of one dataset's files, whose key holds across all of them.

    Records whose key hash is shared (:func:`~kontrak.fast.keys.shared_candidates`) are read
    again, file by file in the order given, and put through the reference's own key check.

    Args:
        contract: the dataset's contract.
        files: each file's name as reported, its key hashes and how to read its records again.
        show_values: show personal values in the messages.
    """
    found = shared_candidates([table for _, table, _ in files])
    checker = RecordChecker(contract, show_values=show_values)
    violations: list[Violation] = []
    for (shown, _, locate), rows in zip(files, found, strict=True):
        if rows.height:
            for item in locate(rows):
                violations.extend(checker.dataset_violations(item, shown))
    return violations


def locator(fmt: str, path: Path, screen: RecordScreen, outcome: Outcome) -> Locate:
    """Read records of this file again by index and position (as for repeated keys)."""
    outcome = Outcome(aligned=outcome.aligned, offsets=outcome.offsets)  # only what it needs

    def locate(rows: pl.DataFrame) -> Iterator[LocatedRecord]:
        lines = dict(zip(rows["index"].to_list(), rows["position"].to_list(), strict=True))
        try:
            yield from records_again(fmt, path, screen, outcome, lines)
        except UnreadableInputError:
            return  # every key comes before the point where the file became unreadable

    return locate
