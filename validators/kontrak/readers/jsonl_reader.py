"""JSON Lines: one record per line, read line by line so memory stays flat."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from kontrak.readers.base import InputProblem, LocatedRecord, UnreadableInputError
from kontrak.readers.decoding import decode_utf8
from kontrak.readers.json_text import find_duplicate_keys, json_error_problem, loads_json

__all__ = ["iter_json_lines", "json_line_item"]


def json_line_item(raw: bytes, number: int, index: int) -> LocatedRecord | InputProblem | None:
    """Read line ``number`` of a JSON Lines file: a record, a problem, or None for a blank line.

    ``index`` is the position the record gets (blank lines are not counted).

    Raises:
        UnreadableInputError: the line is not UTF-8 (the whole file is then suspect).
    """
    text = decode_utf8(raw, line=number)
    if not text.strip():
        return None
    try:
        value = loads_json(text)
    except json.JSONDecodeError as exc:
        return json_error_problem(exc, line=number)
    return LocatedRecord(
        value=value,
        index=index,
        line=number,
        duplicate_keys=tuple(find_duplicate_keys(value)),
    )


def iter_json_lines(lines: Iterable[bytes]) -> Iterator[LocatedRecord | InputProblem]:
    """Yield one record (or one problem) per non-blank line.

    Raises:
        UnreadableInputError: a line is not UTF-8 (the whole file is then suspect), or the file
            holds no line at all.
    """
    index = 0
    for number, raw in enumerate(lines, start=1):
        item = json_line_item(raw, number, index)
        if item is None:
            continue
        yield item
        index += 1
    if index == 0:
        raise UnreadableInputError(InputProblem(code="empty-file"))
