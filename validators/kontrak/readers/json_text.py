"""JSON parsing that keeps what plain ``json.loads`` hides: repeated keys and error positions."""

from __future__ import annotations

import json
import re
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


class _NonFiniteConstantError(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity``: Python's JSON extension, not JSON (RFC 8259)."""


def _refuse_constant(name: str) -> Any:
    raise _NonFiniteConstantError(name)


# A JSON string (skipped) or a bare non-finite constant outside strings.
_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)')


def _constant_position(text: str) -> int:
    for match in _CONSTANT.finditer(text):
        if match.group(1):
            return match.start(1)
    return 0  # pragma: no cover - the decoder met a constant, so there is one


def loads_json(text: str) -> Any:
    """Parse JSON, marking objects with repeated keys (:class:`ObjectWithDuplicates`).

    ``NaN`` and ``Infinity`` are refused like any other text that is not JSON: Python's decoder
    accepts them, and a ``NaN`` passes every ``minimum`` of a contract.

    Raises:
        json.JSONDecodeError: when ``text`` is not JSON, or nests too deeply to be a record.
    """
    try:
        return json.loads(text, object_pairs_hook=_object_hook, parse_constant=_refuse_constant)
    except RecursionError:
        msg = "nesting too deep / susunan terlalu dalam"
        raise json.JSONDecodeError(msg, text, 0) from None
    except _NonFiniteConstantError as exc:
        msg = f"{exc} is not a JSON number / bukan bilangan JSON"
        raise json.JSONDecodeError(msg, text, _constant_position(text)) from None


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
