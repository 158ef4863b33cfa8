"""JSON Lines the fast way: one byte range of the file at a time, in any process.

A line goes the fast way when ``orjson`` parses it into an object, the gate validator accepts
it, and the object (with the objects inside it) has as many keys as the line has colons. Every
key in the text is followed by a colon, so when the colons are no more than the keys that
survived parsing, no key was repeated (a repeated key leaves one key fewer than in the text).
Every other line is read exactly as the reference reader reads it (:func:`json_line_item`) and
checked exactly. Byte ranges start after a newline, so they can be checked in parallel; their
line and record numbers are local and shifted by the caller.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import orjson

from kontrak.contract import Contract
from kontrak.fast.batch import Outcome, RecordScreen, key_count
from kontrak.fast.lines_at import lines_at
from kontrak.fast.rs_structure import orjson_exact
from kontrak.readers.base import InputProblem, LocatedRecord, UnreadableInputError
from kontrak.readers.jsonl_reader import json_line_item

__all__ = ["check_jsonl_bytes", "iter_jsonl_items", "iter_line_ranges", "jsonl_items_at"]

_BATCH = 4096
_HUGE_LINE = 1 << 20
_SCAN = 1 << 16


def iter_line_ranges(path: Path, size: int, chunk: int) -> Iterator[tuple[int, int]]:
    """Split a file into byte ranges of about ``chunk`` bytes that start at line starts."""
    start = 0
    with path.open("rb") as handle:
        while start < size:
            end = min(start + chunk, size)
            if end < size:
                handle.seek(end)
                while True:
                    block = handle.read(_SCAN)
                    newline = block.find(b"\n")
                    if newline >= 0:
                        end += newline + 1
                        break
                    if not block:
                        end = size
                        break
                    end += len(block)
            yield start, end
            start = end


def check_jsonl_bytes(screen: RecordScreen, data: bytes) -> Outcome:
    """Check the lines of ``data`` (a byte range that starts at a line start).

    Line numbers and record indexes in the outcome count from 1 and 0 within the range; only
    the last range of a file can end without a newline. The garbage collector is paused: the
    records are trees without cycles.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_lines(screen, data)
    finally:
        if collecting:
            gc.enable()


def _check_lines(screen: RecordScreen, data: bytes) -> Outcome:
    outcome = screen.outcome()
    lines = data.split(b"\n")
    ends_with_newline = not lines[-1]
    if ends_with_newline:
        lines.pop()
    outcome.lines = last = len(lines)
    gate = screen.gate.is_valid
    containers = screen.containers
    numeric = screen.numeric
    loads = orjson.loads
    decode_error = orjson.JSONDecodeError
    records: list[dict[str, object]] = []
    indexes: list[int] = []
    numbers: list[int] = []
    index = clean = 0
    for number, raw in enumerate(lines, start=1):
        try:
            # a line of over a megabyte is no real record: it is read once, the reference way
            value = loads(raw) if len(raw) <= _HUGE_LINE else None
        except decode_error:
            value = None
        if type(value) is dict and gate(value) and (not numeric or orjson_exact(value)):
            keys = raw.count(b":")  # every key is followed by a colon: no repeated key
            if keys == len(value) if raw.count(b"{") == 1 else keys == key_count(value, containers):
                records.append(value)
                indexes.append(index)
                numbers.append(number)
                index += 1
                clean += 1
                if len(records) >= _BATCH:
                    _flush(screen, records, indexes, numbers, outcome)
                continue
        value = None  # a huge line is not kept twice while it is read again
        newline = number < last or ends_with_newline
        try:
            item = json_line_item(raw + b"\n" if newline else raw, number, index)
        except UnreadableInputError as exc:
            outcome.stopped = exc.problem
            break
        if item is None:
            continue
        index += 1
        if isinstance(item, InputProblem):
            screen.problem(item, outcome)
        else:
            outcome.records += 1
            screen.exact(item, outcome, position=number)
    _flush(screen, records, indexes, numbers, outcome)
    outcome.records += clean
    outcome.items = index
    return outcome


def _flush(
    screen: RecordScreen,
    records: list[dict[str, object]],
    indexes: list[int],
    numbers: list[int],
    outcome: Outcome,
) -> None:
    def item_of(i: int) -> LocatedRecord:
        return LocatedRecord(value=records[i], index=indexes[i], line=numbers[i])

    screen.clean(records, indexes, numbers, item_of, outcome)
    records.clear()
    indexes.clear()
    numbers.clear()


def jsonl_items_at(path: Path, lines: dict[int, int]) -> Iterator[LocatedRecord]:
    """Read the records on the given lines again, exactly as the reference reader does.

    Args:
        path: the JSON Lines file.
        lines: line number → record index, for the records wanted.
    """
    with path.open("rb") as handle:
        for number, raw in lines_at(handle, lines):
            item = json_line_item(raw, number, lines[number])
            if isinstance(item, LocatedRecord):
                yield item


def iter_jsonl_items(path: Path, contract: Contract) -> Iterator[LocatedRecord | InputProblem]:
    """Read a JSON Lines file as the reference reader does, parsing with orjson where exact.

    A line that orjson parses into an object whose colons match its keys is the reference's
    record (no repeated key); any other line is read by :func:`json_line_item` itself.

    Raises:
        UnreadableInputError: as the reference reader (not UTF-8, empty file).
    """
    del contract  # JSON Lines records do not depend on the contract
    containers = None
    index = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                value = orjson.loads(raw)
            except orjson.JSONDecodeError:
                value = None
            if (
                type(value) is dict
                and raw.count(b":") == key_count(value, containers)
                and orjson_exact(value)
            ):
                yield LocatedRecord(value=value, index=index, line=number)
                index += 1
                continue
            item = json_line_item(raw, number, index)
            if item is None:
                continue
            index += 1
            yield item
    if index == 0:
        raise UnreadableInputError(InputProblem(code="empty-file"))
