"""Types shared by the readers."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["FORMATS", "InputProblem", "LocatedRecord", "ReadResult", "UnreadableInputError"]

FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "xlsx")


@dataclass(frozen=True, slots=True)
class LocatedRecord:
    """One record and where it sits in its file.

    Attributes:
        value: the decoded record (normally an object; anything else is reported by the engine).
        index: 0-based position of the record in the file.
        pointer: JSON Pointer of the record in the file's JSON document (``""`` for JSON Lines
            and CSV, whose records are documents of their own).
        line: 1-based line of a JSON Lines record.
        row: 1-based spreadsheet row of a CSV or Excel record (the header is row 1).
        duplicate_keys: JSON Pointers (relative to the record) of objects that repeat a key,
            each with the repeated key.
        absent_columns: fields a tabular file has no column for (already reported once).
    """

    value: Any
    index: int
    pointer: str = ""
    line: int | None = None
    row: int | None = None
    duplicate_keys: tuple[tuple[str, str], ...] = ()
    absent_columns: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A problem found while reading, before any contract check."""

    code: str
    pointer: str | None = None
    field: str | None = None
    line: int | None = None
    row: int | None = None
    ctx: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    severity: str = "error"


class UnreadableInputError(Exception):
    """The file cannot be read at all; carries the problem that says why."""

    def __init__(self, problem: InputProblem) -> None:
        self.problem = problem
        super().__init__(problem.code)


@dataclass(slots=True)
class ReadResult:
    """What a reader yields for one file: records and problems, in file order.

    ``bulk`` is true for formats that carry many records of a bulk delivery (CSV, JSON Lines).
    """

    format: str
    bulk: bool
    items: Iterator[LocatedRecord | InputProblem]
