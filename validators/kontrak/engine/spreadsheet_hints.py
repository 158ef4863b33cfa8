"""Spreadsheet damage: structure findings on CSV and Excel cells that a spreadsheet caused.

Agency staff open bulk files in Excel or LibreOffice before sending them. The spreadsheet then
retypes cells: an 18-digit NIP becomes ``1.98403E+17``, a code loses its leading zeros, a date
``20-01-2024`` comes back as ``2024-01-20`` or ``1/20/2024``, and ``37.5`` becomes ``37,5`` in an
Indonesian locale. Each of these fails the contract like any wrong value would, but the plain
structure code (``pattern-mismatch``, ``invalid-date``) does not tell the sender what happened.

:func:`refine_spreadsheet_finding` replaces such a structure finding by a code of its own
(``number-as-scientific``, ``leading-zeros-lost``, ``date-retyped``, ``decimal-comma``) when the
cell shows the damage's signature. The replacement keeps the location and the value, so counts
and verdicts do not change: only the code and the message become specific. It applies to tabular
inputs only (CSV and Excel), where a spreadsheet can have been involved, and to every engine alike.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from kontrak.contract import Contract, FieldSpec
from kontrak.engine.ecma_regex import compile_ecma
from kontrak.engine.findings import Finding
from kontrak.engine.structure import DATE_FORMATS

__all__ = ["HINT_CODES", "REFINABLE_CODES", "date_shape", "refine_spreadsheet_finding"]

HINT_CODES = ("number-as-scientific", "leading-zeros-lost", "date-retyped", "decimal-comma")

# Structure codes a damaged cell produces; other codes (missing-field, wrong-type) are left alone.
REFINABLE_CODES = frozenset(
    {
        "pattern-mismatch",
        "value-not-allowed",
        "too-short",
        "too-long",
        "invalid-date",
        "invalid-format",
    }
)

_SCIENTIFIC = re.compile(r"[+-]?[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+", re.ASCII)
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]{1,3}(\.[0-9]{3})*,[0-9]+|[+-]?[0-9]+,[0-9]+", re.ASCII)
_MAX_PADDED = 40  # longest code tried when restoring leading zeros

# Date shapes a spreadsheet writes back, with the name shown to the user (no value is shown).
_DATE_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", re.ASCII), "YYYY-MM-DD"),
    (
        re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"),
        "YYYY-MM-DD hh:mm:ss",
    ),
    (re.compile(r"[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}", re.ASCII), "YYYY/MM/DD"),
    (re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}", re.ASCII), "M/D/YYYY, D/M/YYYY"),
    (re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}", re.ASCII), "M/D/YY, D/M/YY"),
    (re.compile(r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2,4}", re.ASCII), "DD.MM.YYYY"),
    (re.compile(r"[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}", re.ASCII), "D-M-YYYY"),
    (re.compile(r"[0-9]{1,2}-[0-9]{1,2}-[0-9]{2}", re.ASCII), "DD-MM-YY"),
    (re.compile(r"[0-9]{1,2}[- ][A-Za-z]{3,9}[- ][0-9]{2,4}", re.ASCII), "DD-Mmm-YYYY"),
    (re.compile(r"[0-9]{5}(\.[0-9]+)?", re.ASCII), "nnnnn (serial Excel)"),
)

_EXPECTED_DATE_TEXT = {
    "tanggal-dmy": "DD-MM-YYYY",
    "date": "YYYY-MM-DD",
    "tanggal-dmy-atau-iso": "DD-MM-YYYY",
}
# A value already in an accepted shape is a wrong date (31-02-2024), not a retyped one.
_DMY_SHAPE = r"[0-9]{2}-[0-9]{2}-[0-9]{4}"
_ISO_SHAPE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9:]+)?)?"
_EXPECTED_DATE_SHAPE = {
    "tanggal-dmy": re.compile(_DMY_SHAPE, re.ASCII),
    "date": re.compile(_ISO_SHAPE, re.ASCII),
    "tanggal-dmy-atau-iso": re.compile(f"{_DMY_SHAPE}|{_ISO_SHAPE}", re.ASCII),
}


def date_shape(text: str) -> str | None:
    """Name the spreadsheet date shape of ``text`` (``"YYYY-MM-DD"``, ``"M/D/YYYY …"``), if any."""
    for pattern, name in _DATE_SHAPES:
        if pattern.fullmatch(text):
            return name
    return None


def _date_format(schema: Mapping[str, Any]) -> str | None:
    fmt = schema.get("format")
    return str(fmt) if fmt in DATE_FORMATS and fmt in _EXPECTED_DATE_SHAPE else None


def _fits(spec: FieldSpec, text: str) -> bool:
    """Whether ``text`` passes the field's own string checks (pattern, enum, length).

    A quick check on the field's resolved schema, enough to tell a repaired value from a wrong
    one; the full contract check has already run on the cell.
    """
    schema = spec.schema
    if "string" not in spec.json_types:
        return False
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and not compile_ecma(pattern).search(text):
        return False
    enum = schema.get("enum")
    if isinstance(enum, list) and text not in enum:
        return False
    if len(text) < int(schema.get("minLength", 0)):
        return False
    maximum = schema.get("maxLength")
    return maximum is None or len(text) <= int(maximum)


def _rules_accept(contract: Contract, name: str, value: str) -> bool:
    """Whether the domain rules that read field ``name`` find nothing wrong with ``value``."""
    from kontrak.rules import RULES  # noqa: PLC0415 - rules import the engine's Finding

    record = {name: value}
    for spec in contract.rules:
        rule = RULES[spec.rule]
        if name in rule.fields_of(spec.args) and any(True for _ in rule.check(record, spec.args)):
            return False
    return True


def _zero_padded_fits(contract: Contract, spec: FieldSpec, text: str) -> bool:
    """Whether leading zeros make ``text`` a value the field and its domain rules accept.

    One zero is tried (a code ``01`` that became ``1``); more only when the field lists its
    codes (``enum``), since a short number that fits after several zeros is more often a typo
    (a two-digit year) than a lost ``00``. The rules matter for codes with an inner structure:
    a 17-digit NIP becomes 18 digits with a leading zero, but no NIP starts with a zero.
    """
    most = _MAX_PADDED - len(text) if "enum" in spec.schema else 1
    for pad in range(1, most + 1):
        candidate = "0" * pad + text
        if _fits(spec, candidate):
            return _rules_accept(contract, spec.name, candidate)
    return False


def _decimal_point_fits(spec: FieldSpec, text: str) -> bool:
    unsigned = text.lstrip("+-")
    candidate = unsigned.replace(".", "").replace(",", ".")
    return _fits(spec, text[: len(text) - len(unsigned)] + candidate)


def _hint(finding: Finding, contract: Contract) -> tuple[str, dict[str, Any]] | None:
    name = finding.field
    text = finding.value
    spec = contract.fields.get(name) if name else None
    if spec is None or not isinstance(text, str) or not text:
        return None
    if _SCIENTIFIC.fullmatch(text):
        return "number-as-scientific", {}
    date_format = _date_format(spec.schema)
    if date_format is not None:
        shape = None if _EXPECTED_DATE_SHAPE[date_format].fullmatch(text) else date_shape(text)
        if shape is not None:
            return "date-retyped", {"seen": shape, "expected": _EXPECTED_DATE_TEXT[date_format]}
        return None
    if _DECIMAL_COMMA.fullmatch(text) and _decimal_point_fits(spec, text):
        return "decimal-comma", {}
    if _DIGITS.fullmatch(text) and _zero_padded_fits(contract, spec, text):
        return "leading-zeros-lost", {"expected": finding.ctx.get("expected", "?")}
    return None


def refine_spreadsheet_finding(finding: Finding, contract: Contract) -> Finding:
    """Replace a structure finding on a top-level cell by its spreadsheet-damage code, if any.

    Args:
        finding: a structure finding of a CSV or Excel record.
        contract: the contract the record is checked against.

    Returns:
        The same finding, or a copy with a spreadsheet-damage code and its message values.
    """
    if finding.code not in REFINABLE_CODES or len(finding.parts) != 1 or not finding.has_value:
        return finding
    hint = _hint(finding, contract)
    if hint is None:
        return finding
    code, ctx = hint
    return dataclasses.replace(finding, code=code, ctx=ctx)
