"""JSON Lines: one record per line, read line by line so memory stays flat."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from kontrak.readers.base import InputProblem, LocatedRecord, UnreadableInputError
from kontrak.readers.decoding import decode_utf8
from kontrak.readers.json_text import find_duplicate_keys, json_error_problem, loads_json

__all__ = ["iter_json_lines"]


def iter_json_lines(lines: Iterable[bytes]) -> Iterator[LocatedRecord | InputProblem]:
    """Yield one record (or one problem) per non-blank line.

    Raises:
        UnreadableInputError: a line is not UTF-8 (the whole file is then suspect), or the file
            holds no line at all.
    """
    index = 0
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        text = decode_utf8(raw, line=number)
        if not text.strip():
            continue
        seen_any = True
        try:
            value = loads_json(text)
        except json.JSONDecodeError as exc:
            yield json_error_problem(exc, line=number)
            index += 1
            continue
        yield LocatedRecord(
            value=value,
            index=index,
            line=number,
            duplicate_keys=tuple(find_duplicate_keys(value)),
        )
        index += 1
    if not seen_any:
        raise UnreadableInputError(InputProblem(code="empty-file"))
