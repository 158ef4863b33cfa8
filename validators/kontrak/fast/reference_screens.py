"""The reference layer as a polars expression: coded fields hold codes of their tables.

True only where :class:`kontrak.reference_checks.ReferenceChecker` surely finds nothing: every
coded field is blank or one of its table's codes, and every field matched to the code's row is
blank or equal to that row's column. Text fields only; a contract with a coded (or matched)
field of another type gets no screen, and its records are then all checked exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from kontrak.contract import Contract
from kontrak.references import load_reference_table

__all__ = ["ReferenceScreen", "compile_reference_screen"]


@dataclass(frozen=True, slots=True)
class ReferenceScreen:
    """The reference screen of one contract.

    Attributes:
        columns: the text columns it reads.
        expression: true on a row where the reference layer finds nothing.
    """

    columns: tuple[str, ...]
    expression: pl.Expr


def _is_text(contract: Contract, name: str) -> bool:
    spec = contract.fields.get(name)
    return spec is not None and spec.is_text


def compile_reference_screen(contract: Contract) -> ReferenceScreen | None:
    """The screen of the contract's coded fields; None when one of them is not text."""
    columns: list[str] = []
    checks: list[pl.Expr] = []
    for name, spec in contract.fields.items():
        reference = spec.reference
        if reference is None:
            continue
        matched = [other for other, _ in reference.match]
        if not all(_is_text(contract, n) for n in (name, *matched)):
            return None
        table = load_reference_table(reference.table, reference.version, contract.root)
        rows: dict[str, dict[str, str]] = {}
        for row in table.rows:
            rows.setdefault(row[reference.column], dict(row))
        code = pl.col(name)
        check = code.is_in(sorted(rows))
        for other, column in reference.match:
            expected = code.replace_strict(
                list(rows), [row[column] for row in rows.values()], default=None
            )
            value = pl.col(other)
            check = check & (value.is_null() | (value == "") | (value == expected))
        checks.append(code.is_null() | (code == "") | check)
        columns.extend(n for n in (name, *matched) if n not in columns)
    expression = pl.all_horizontal(checks).fill_null(value=False) if checks else pl.lit(value=True)
    return ReferenceScreen(columns=tuple(columns), expression=expression)
