"""Reference layer: coded fields hold codes of their reference table, and agree with its row."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from kontrak.contract import Contract
from kontrak.engine.findings import Finding
from kontrak.references import ReferenceSpec, ReferenceTable, load_reference_table

__all__ = ["ReferenceChecker"]


def _as_code(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | str):
        text = str(value)
        return text or None
    return None


class ReferenceChecker:
    """Checks the ``x-reference`` fields of one contract against their tables."""

    def __init__(self, contract: Contract) -> None:
        self._fields: list[tuple[str, ReferenceSpec, ReferenceTable]] = []
        for name, spec in contract.fields.items():
            if spec.reference is not None:
                table = load_reference_table(
                    spec.reference.table, spec.reference.version, contract.root
                )
                self._fields.append((name, spec.reference, table))

    @property
    def active(self) -> bool:
        """Whether the contract has any field checked against a reference table."""
        return bool(self._fields)

    def check(self, record: Mapping[str, Any], failed: set[str | None]) -> Iterator[Finding]:
        """Yield reference findings; fields that already failed the structure layer are skipped."""
        for name, reference, table in self._fields:
            code = _as_code(record.get(name))
            if code is None or name in failed:
                continue
            row = table.row_for(reference.column, code)
            ctx = {"table": table.spec, "column": reference.column}
            if row is None:
                yield Finding(
                    code="unknown-code",
                    parts=(name,),
                    field=name,
                    ctx=ctx,
                    value=record.get(name),
                    has_value=True,
                    engine="reference",
                )
                continue
            for other, column in reference.match:
                value = record.get(other)
                if other in failed or value in (None, "") or str(value) == row[column]:
                    continue
                yield Finding(
                    code="reference-mismatch",
                    parts=(other,),
                    field=other,
                    ctx={**ctx, "column": column, "key": name},
                    value=value,
                    has_value=True,
                    engine="reference",
                )
