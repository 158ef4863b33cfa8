"""What a domain rule is."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.text import LocalText

__all__ = ["DomainRule", "RuleCheck"]

RuleCheck = Callable[[Mapping[str, Any], Mapping[str, Any]], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class DomainRule:
    """A named check on one record.

    Attributes:
        id: the id contracts use in ``x-kontrak.rules``.
        codes: catalog codes the rule can report.
        summary: what the rule checks, for the docs.
        args_schema: JSON Schema of the rule's ``args`` (checked by ``kontrak check``).
        fields_of: the record fields a given ``args`` reads; the rule is skipped on a record
            where one of them already failed the structure layer.
        check: yields findings for one record (a mapping) and the contract's ``args``.
    """

    id: str
    codes: tuple[str, ...]
    summary: LocalText
    args_schema: Mapping[str, Any]
    fields_of: Callable[[Mapping[str, Any]], tuple[str, ...]]
    check: RuleCheck
