"""The raw result of an engine or rule, before the file and masking are applied."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["Finding", "StructureChecker"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A code at a place inside one record.

    Attributes:
        code: catalog code.
        parts: JSON Pointer reference tokens relative to the record.
        field: top-level contract field concerned, if any.
        ctx: template values (no personal values).
        value: the offending value, if one is worth showing (masked later when personal).
        has_value: whether ``value`` is meaningful (``None`` can be a real JSON null).
        severity: severity override; None takes the code's or the contract's default.
        engine: who found it.
    """

    code: str
    parts: tuple[str | int, ...] = ()
    field: str | None = None
    ctx: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    value: Any = None
    has_value: bool = False
    severity: str | None = None
    engine: str = "jsonschema"


class StructureChecker(Protocol):
    """An engine that checks one record against a contract's JSON Schema."""

    name: str

    def check(self, record: Any) -> Iterator[Finding]:
        """Yield the structure findings of one record."""
        ...
