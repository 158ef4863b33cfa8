"""Pick the reader for a path and open it safely."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kontrak.contract import Contract
from kontrak.readers.base import (
    FORMATS,
    InputProblem,
    LocatedRecord,
    ReadResult,
    UnreadableInputError,
)
from kontrak.readers.csv_reader import iter_csv_records
from kontrak.readers.excel_reader import iter_excel_records
from kontrak.readers.json_reader import iter_json_document
from kontrak.readers.jsonl_reader import iter_json_lines

__all__ = ["detect_format", "read_input"]

_EXTENSIONS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
}


def detect_format(path: Path) -> str:
    """Name the input format of ``path`` from its extension.

    Raises:
        UnreadableInputError: ``unsupported-format`` for an unknown extension.
    """
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        problem = InputProblem(
            code="unsupported-format", ctx={"extension": path.suffix or "(tanpa ekstensi)"}
        )
        raise UnreadableInputError(problem)
    return fmt


def _check_path(path: Path) -> None:
    if not path.exists():
        raise UnreadableInputError(InputProblem(code="file-not-found"))
    if not path.is_file():
        raise UnreadableInputError(InputProblem(code="not-a-file"))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        problem = InputProblem(code="file-unreadable", ctx={"reason": exc.strerror or str(exc)})
        raise UnreadableInputError(problem) from None


def _iter_lines(path: Path) -> Iterator[bytes]:
    try:
        with path.open("rb") as handle:
            yield from handle
    except OSError as exc:
        problem = InputProblem(code="file-unreadable", ctx={"reason": exc.strerror or str(exc)})
        raise UnreadableInputError(problem) from None


def read_input(path: Path, contract: Contract, input_format: str | None = None) -> ReadResult:
    """Open ``path`` and return its reader.

    Raises:
        UnreadableInputError: the path is missing, not a file, unreadable or of unknown format.
            Reading may raise it later too, while the items are consumed.
    """
    _check_path(path)
    fmt = input_format or detect_format(path)
    if fmt not in FORMATS:
        raise UnreadableInputError(InputProblem(code="unsupported-format", ctx={"extension": fmt}))
    items: Iterator[LocatedRecord | InputProblem]
    if fmt == "jsonl":
        items = iter_json_lines(_iter_lines(path))
    elif fmt == "csv":
        items = iter_csv_records(_iter_lines(path), contract)
    elif fmt == "xlsx":
        items = iter_excel_records(path, contract)
    else:
        items = iter_json_document(_read_bytes(path))
    return ReadResult(format=fmt, bulk=fmt != "json", items=items)
