"""Structure layer on jsonschema-rs, with findings equal to the reference validator's.

A valid record costs one call into Rust. An invalid one has its jsonschema-rs errors mapped to
the reference's findings: the keyword's schema object is looked up from the error's absolute
keyword location, so codes and message values come from
:func:`kontrak.engine.structure.code_and_ctx` exactly as for python-jsonschema errors. Keywords
whose errors the reference reports differently (``anyOf``/``oneOf`` are narrowed to the branch
that was meant, for instance) are not mapped: the record is then checked by the reference
validator itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

from kontrak.contract import Contract
from kontrak.engine.findings import Finding
from kontrak.engine.structure import StructureEngine, code_and_ctx
from kontrak.fast.rs_validators import RsValidators, rs_validators

__all__ = ["RsStructureEngine", "orjson_exact", "plain_json"]

# Keywords whose python-jsonschema errors are one per failing value, at the value's location.
_VALUE_KEYWORDS = frozenset(
    {
        "type",
        "enum",
        "const",
        "pattern",
        "format",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
    }
)


class _UnmappedError(Exception):
    """An error the mapping does not reproduce exactly; the reference validator takes over."""


_INT_LIMIT = 1 << 63


def plain_json(value: Any) -> bool:
    """Whether jsonschema-rs sees ``value`` as Python does: no NaN or infinity, no huge integer.

    Python's ``json`` reads ``NaN``, ``Infinity`` and integers of any size; jsonschema-rs turns
    the first into null and cannot hold the last. Such records are checked by the reference.
    """
    kind = type(value)
    if kind is str or value is None or kind is bool:
        return True
    if kind is dict:
        return all(plain_json(item) for item in value.values())
    if kind is list:
        return all(plain_json(item) for item in value)
    if kind is float:
        return math.isfinite(float(value))
    if kind is int:
        return -_INT_LIMIT <= int(value) < _INT_LIMIT
    return False


_BIG = float(1 << 63)


def orjson_exact(value: Any) -> bool:
    """Whether ``orjson`` read ``value`` as Python's ``json`` would.

    orjson reads an integer beyond 64 bits as a float, ``json`` as an int; any float that large
    sends the record to the reference reader.
    """
    kind = type(value)
    if kind is dict:
        return all(orjson_exact(item) for item in value.values())
    if kind is list:
        return all(orjson_exact(item) for item in value)
    return kind is not float or abs(value) < _BIG


_MANY_VALUES = 10_000  # far above any real record (a few dozen values, a few documents)
_LONG_TEXT = 1 << 20  # characters; far above any real value (the longest allow a few hundred)


def _too_big_to_copy(value: Any, limit: int) -> bool:
    """Whether ``value`` holds more than ``limit`` values, or a text of over a million characters.

    Values are objects, arrays and scalars; keys count with their objects.
    """
    pending = [value]
    seen = 0
    while pending:
        node = pending.pop()
        seen += 1
        if seen > limit:
            return True
        kind = type(node)
        if kind is dict:
            pending.extend(node.values())
            if any(len(key) > _LONG_TEXT for key in node):
                return True
        elif kind is list:
            pending.extend(node)
        elif kind is str and len(node) > _LONG_TEXT:
            return True
    return False


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


class RsStructureEngine:
    """Validates records against one contract with jsonschema-rs, reporting like the reference."""

    name = "jsonschema"

    def __init__(self, contract: Contract, validators: RsValidators | None = None) -> None:
        self._validators = validators or rs_validators(contract)
        self._reference = StructureEngine(contract)
        self._keywords: dict[str, tuple[str, Mapping[str, Any]] | None] = {}

    # ---------------------------------------------------------------- lookup
    def _keyword(self, location: str | None) -> tuple[str, Mapping[str, Any]] | None:
        """``(keyword, schema object holding it)`` at an absolute keyword location.

        Returns None when the schema holds no such keyword (jsonschema-rs checks the type of an
        ``enum`` of strings itself and reports it as ``type``; python-jsonschema does not).

        Raises:
            _UnmappedError: the location cannot be resolved.
        """
        if location is None:
            raise _UnmappedError
        if location in self._keywords:
            return self._keywords[location]
        uri, _, fragment = location.partition("#")
        node: Any = self._validators.resources.get(uri)
        tokens = [_unescape(t) for t in fragment.split("/")[1:]] if fragment else []
        if node is None or not tokens:
            raise _UnmappedError
        for token in tokens[:-1]:
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise _UnmappedError
        keyword = tokens[-1]
        found = (keyword, node) if isinstance(node, dict) and keyword in node else None
        self._keywords[location] = found
        return found

    @staticmethod
    def _parts(record: Any, path: list[str | int]) -> tuple[str | int, ...]:
        """The error's instance path with object keys as text and array indexes as numbers."""
        parts: list[str | int] = []
        node = record
        for step in path:
            if isinstance(node, dict):
                key = str(step)
                parts.append(key)
                node = node.get(key)
            elif isinstance(node, list) and isinstance(step, int):
                parts.append(step)
                node = node[step] if step < len(node) else None
            else:
                raise _UnmappedError
        return tuple(parts)

    # --------------------------------------------------------------- mapping
    def _map(self, record: Any, error: Any) -> Iterator[Finding]:
        kind = error.kind.name
        parts = self._parts(record, list(error.instance_path))
        if kind == "required":
            name = str(error.kind.property)
            yield self._finding("missing-field", (*parts, name), {}, None, has_value=False)
            return
        if kind == "additionalProperties":
            located = self._keyword(error.absolute_keyword_location)
            if located is None or located[1].get("additionalProperties") is not False:
                raise _UnmappedError
            for name in error.kind.unexpected:
                yield self._finding("field-not-agreed", (*parts, str(name)), {}, None, False)
            return
        if kind not in _VALUE_KEYWORDS:
            raise _UnmappedError
        located = self._keyword(error.absolute_keyword_location)
        if located is None:
            return
        keyword, schema = located
        if keyword != kind:
            raise _UnmappedError
        instance = error.instance
        code, ctx = code_and_ctx(keyword, schema, schema[keyword], instance)
        has_value = not isinstance(instance, dict | list)
        yield self._finding(code, parts, ctx, instance if has_value else None, has_value)

    @staticmethod
    def _finding(
        code: str,
        parts: tuple[str | int, ...],
        ctx: dict[str, Any],
        value: Any,
        has_value: bool,
    ) -> Finding:
        top = next((p for p in parts if isinstance(p, str)), None)
        return Finding(
            code=code,
            parts=parts,
            field=top,
            ctx=ctx,
            value=value,
            has_value=has_value,
            engine="jsonschema",
        )

    # ----------------------------------------------------------------- check
    def is_valid(self, record: Any) -> bool:
        """Whether the record passes the contract's JSON Schema (formats asserted)."""
        return bool(self._validators.gate.is_valid(record))

    def check(self, record: Any) -> Iterator[Finding]:
        """Yield the structure findings of one record, as the reference validator would."""
        if not plain_json(record):
            yield from self._reference.check(record)
            return
        if _too_big_to_copy(record, _MANY_VALUES):
            # jsonschema-rs copies the record to check it and gathers all errors before the
            # first is read, each holding a copy of its value: a record of a million bad values
            # (or of a text of 50 MB) would take gigabytes (hundreds of megabytes) of memory
            yield from self._reference.check(record)
            return
        if self._validators.gate.is_valid(record):
            return
        findings: list[Finding] = []
        try:
            for error in self._validators.exact.iter_errors(record):
                findings.extend(self._map(record, error))
        except _UnmappedError:
            yield from self._reference.check(record)
            return
        yield from findings
