"""JSON parsing that keeps what plain ``json.loads`` hides: repeated keys and error positions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kontrak.pointer import join_pointer
from kontrak.readers.base import InputProblem

__all__ = ["ObjectWithDuplicates", "find_duplicate_keys", "json_error_problem", "loads_json"]


class ObjectWithDuplicates(dict[str, Any]):
    """A decoded JSON object that repeated a key (the last value wins, as in ``JSON.parse``)."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]], duplicates: list[str]) -> None:
        super().__init__(pairs)
        self.duplicates = duplicates


def _object_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    duplicates: list[str] = []
    for key, _ in pairs:
        if key in seen:
            duplicates.append(key)
        seen.add(key)
    if duplicates:
        return ObjectWithDuplicates(pairs, duplicates)
    return dict(pairs)


def loads_json(text: str) -> Any:
    """Parse JSON, marking objects with repeated keys (:class:`ObjectWithDuplicates`).

    Raises:
        json.JSONDecodeError: when ``text`` is not JSON, or nests too deeply to be a record.
    """
    try:
        return json.loads(text, object_pairs_hook=_object_hook)
    except RecursionError:
        msg = "nesting too deep / susunan terlalu dalam"
        raise json.JSONDecodeError(msg, text, 0) from None


def find_duplicate_keys(value: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Yield ``(pointer of the object, repeated key)`` for every object below ``value``."""
    if isinstance(value, dict):
        if isinstance(value, ObjectWithDuplicates):
            for key in value.duplicates:
                yield pointer, key
        for key, child in value.items():
            if isinstance(child, dict | list):
                yield from find_duplicate_keys(child, join_pointer(pointer, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            if isinstance(child, dict | list):
                yield from find_duplicate_keys(child, join_pointer(pointer, index))


def json_error_problem(exc: json.JSONDecodeError, *, line: int | None = None) -> InputProblem:
    """An ``invalid-json`` problem at the decoder's line and column (or at ``line``: JSON Lines)."""
    line = exc.lineno if line is None else line
    return InputProblem(
        code="invalid-json",
        line=line,
        ctx={"line": line, "column": exc.colno, "reason": exc.msg},
    )
