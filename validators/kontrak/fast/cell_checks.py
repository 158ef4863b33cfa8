"""Checks of CSV cells compiled from a contract into polars expressions over text columns.

A CSV cell is text; the CSV reader turns it into the field's JSON value
(:func:`kontrak.readers.csv_reader.cell_to_value`). For a text field that value is the cell
itself, and the field's JSON Schema reduces to string keywords (``type``, ``pattern``,
``enum``, ``const``, ``minLength``, ``maxLength``, ``format``), which translate exactly into
column expressions. An integer field (``type: integer`` with bounds) is checked on the cells the
reader turns into integers. An empty cell gets its verdict from the reference validator once,
when the plan is compiled. A field with any other keyword, or a pattern with a construct whose
meaning differs between Python and Rust regular expressions, has no compiled check: the fast CSV
path is then not used for files with that column.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

from kontrak.contract import Contract, FieldSpec
from kontrak.fast.rs_validators import FORMAT_PATTERNS
from kontrak.readers.csv_reader import ABSENT, cell_to_value

__all__ = ["CellCheck", "compile_cell_check", "record_schema_is_per_column", "rust_pattern"]

_ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "examples",
        "default",
        "deprecated",
        "readOnly",
        "writeOnly",
        "$comment",
        "$schema",
        "$id",
        "$anchor",
        "$defs",
    }
)
_STRING_KEYWORDS = frozenset(
    {"type", "pattern", "enum", "const", "minLength", "maxLength", "format", "$ref"}
)
# ASCII classes, as the reference compiles patterns (re.ASCII); Rust's are Unicode.
_CLASS_OUTSIDE = {
    "d": "[0-9]",
    "D": "[^0-9]",
    "w": "[A-Za-z0-9_]",
    "W": "[^A-Za-z0-9_]",
    "s": "[\\t\\n\\x0B\\f\\r ]",
    "S": "[^\\t\\n\\x0B\\f\\r ]",
}
_CLASS_INSIDE = {"d": "0-9", "w": "A-Za-z0-9_", "s": "\\t\\n\\x0B\\f\\r "}
_UNSUPPORTED_ESCAPES = frozenset("bBAZzGpPkc0123456789")


class _UnsupportedError(Exception):
    """The field's schema has no exact column expression."""


def rust_pattern(pattern: str) -> str:
    """Translate a contract pattern to a Rust regex with the reference's (Python ASCII) meaning.

    Raises:
        ValueError: the pattern uses a construct whose meaning is not translated.
    """
    out: list[str] = []
    in_class = False
    chars = iter(pattern)
    for char in chars:
        if char == "\\":
            escaped = next(chars, "")
            if escaped in _UNSUPPORTED_ESCAPES:
                msg = f"escape \\{escaped} is not translated"
                raise ValueError(msg)
            if in_class and escaped in _CLASS_INSIDE:
                out.append(_CLASS_INSIDE[escaped])
            elif in_class and escaped in "DWS":
                msg = f"negated class \\{escaped} inside [] is not translated"
                raise ValueError(msg)
            elif not in_class and escaped in _CLASS_OUTSIDE:
                out.append(_CLASS_OUTSIDE[escaped])
            else:
                out.append("\\" + escaped)
        elif char == "[" and not in_class:
            in_class = True
            out.append(char)
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        else:
            out.append(char)
    text = "".join(out)
    if "(?" in text.replace("(?:", ""):
        msg = "group flags and lookarounds are not translated"
        raise ValueError(msg)
    return text


def _schema_chain(contract: Contract, name: str) -> Iterator[Mapping[str, Any]]:
    """The field's property schema, then each ``$ref`` target in turn."""
    schema: Mapping[str, Any] = contract.schema["properties"][name]
    resolver = contract.registry.resolver(base_uri=contract.uri)
    while True:
        yield schema
        ref = schema.get("$ref")
        if not isinstance(ref, str):
            return
        resolved = resolver.lookup(ref)
        schema, resolver = resolved.contents, resolved.resolver


def _string_check(schema: Mapping[str, Any], cell: pl.Expr) -> pl.Expr:
    """True where a text value passes the keywords of one schema object."""
    for key in schema:
        if key not in _STRING_KEYWORDS and key not in _ANNOTATIONS and not key.startswith("x-"):
            raise _UnsupportedError(key)
    check = pl.lit(value=True)
    declared = schema.get("type")
    if declared is not None:
        types = [declared] if isinstance(declared, str) else list(declared)
        if "string" not in types:
            return pl.lit(value=False)
    if "pattern" in schema:
        try:
            check = check & cell.str.contains(rust_pattern(str(schema["pattern"])))
        except ValueError as exc:
            raise _UnsupportedError(str(exc)) from None
    if "enum" in schema:
        allowed = [v for v in schema["enum"] if isinstance(v, str)]
        check = check & cell.is_in(allowed)
    if "const" in schema:
        const = schema["const"]
        check = check & (cell == const) if isinstance(const, str) else pl.lit(value=False)
    if "minLength" in schema:
        check = check & (cell.str.len_chars() >= int(schema["minLength"]))
    if "maxLength" in schema:
        check = check & (cell.str.len_chars() <= int(schema["maxLength"]))
    if "format" in schema:
        fmt = schema["format"]
        if fmt not in FORMAT_PATTERNS:
            raise _UnsupportedError(f"format {fmt}")
        check = check & cell.str.contains(FORMAT_PATTERNS[fmt])
    return check


_INTEGER_KEYWORDS = frozenset(
    {"type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "$ref"}
)
_INTEGER_CELL = r"^-?[0-9]{1,18}$"  # what the CSV reader turns into an int (and fits in 64 bits)


def _integer_check(schema: Mapping[str, Any], cell: pl.Expr) -> pl.Expr:
    """True where a cell the CSV reader turns into an integer passes one schema object."""
    for key in schema:
        if key not in _INTEGER_KEYWORDS and key not in _ANNOTATIONS and not key.startswith("x-"):
            raise _UnsupportedError(key)
    declared = schema.get("type")
    if declared is not None and declared != "integer":
        raise _UnsupportedError(f"type {declared}")
    number = pl.when(cell.str.contains(_INTEGER_CELL)).then(cell).cast(pl.Int64, strict=False)
    check = number.is_not_null()
    bounds = {
        "minimum": number.__ge__,
        "maximum": number.__le__,
        "exclusiveMinimum": number.__gt__,
        "exclusiveMaximum": number.__lt__,
    }
    for keyword, compare in bounds.items():
        if keyword in schema:
            limit = schema[keyword]
            if isinstance(limit, bool) or not isinstance(limit, int | float):
                raise _UnsupportedError(keyword)
            check = check & compare(limit)
    return check.fill_null(value=False)


_RECORD_KEYWORDS = frozenset({"type", "properties", "required", "additionalProperties"})


def record_schema_is_per_column(contract: Contract) -> bool:
    """Whether the record schema checks each field on its own (no ``allOf``, ``if``, ...).

    Only then do the column checks, the required columns and the header's unknown columns say
    all the structure layer says about a CSV row.
    """
    return all(
        key in _RECORD_KEYWORDS or key in _ANNOTATIONS or key.startswith("x-")
        for key in contract.schema
    )


@dataclass(frozen=True, slots=True)
class CellCheck:
    """The compiled check of one CSV column.

    Attributes:
        name: the field.
        empty_value: what an empty cell becomes: ``""``, None (JSON null) or None with
            ``empty_absent`` (no key at all).
        empty_absent: an empty cell means the key is absent.
        empty_ok: the reference finds nothing wrong with the field for an empty cell.
        expression: true where a non-empty cell passes every keyword of the field.
        expression_on_empty: the value of ``expression`` on an empty cell.
    """

    name: str
    empty_value: str | None
    empty_absent: bool
    empty_ok: bool
    expression: pl.Expr
    expression_on_empty: bool | None = None

    def value(self) -> pl.Expr:
        """The field's value as the record holds it (null for null or an absent key)."""
        cell = pl.col(self.name)
        if self.empty_value == "" and not self.empty_absent:
            return cell  # an empty cell is the empty string
        empty = pl.lit(self.empty_value, dtype=pl.String)
        return pl.when(cell == "").then(empty).otherwise(cell)

    def passes(self) -> pl.Expr:
        """True where the cell gives the field a value the reference accepts."""
        if self.expression_on_empty is self.empty_ok:
            return self.expression  # it already says of an empty cell what the reference says
        cell = pl.col(self.name)
        return pl.when(cell == "").then(pl.lit(self.empty_ok)).otherwise(self.expression)


def _empty_ok(contract: Contract, spec: FieldSpec, value: Any) -> bool:
    if value is ABSENT:
        return not (spec.required or spec.bulk_required)
    validator = contract.new_validator()
    errors = validator.iter_errors({spec.name: value})
    return not any(list(error.absolute_path)[:1] == [spec.name] for error in errors)


def compile_cell_check(contract: Contract, name: str) -> CellCheck | None:
    """Compile the check of field ``name`` over a text column of the same name; None if inexact."""
    spec = contract.fields[name]
    if "string" in spec.json_types:
        check = _string_check
    elif spec.json_types == ("integer",):
        check = _integer_check
    else:
        return None
    cell = pl.col(name)
    try:
        expression = pl.lit(value=True)
        for schema in _schema_chain(contract, name):
            expression = expression & check(schema, cell)
        on_empty = pl.DataFrame({name: [""]}).select(expression.alias("ok")).item()
    except _UnsupportedError:
        return None
    except pl.exceptions.PolarsError:
        return None
    empty = cell_to_value("", spec)
    return CellCheck(
        name=name,
        empty_value=None if empty is ABSENT else empty,
        empty_absent=empty is ABSENT,
        empty_ok=_empty_ok(contract, spec, empty),
        expression=expression,
        expression_on_empty=on_empty if isinstance(on_empty, bool) else None,
    )
