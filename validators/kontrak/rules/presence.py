"""Presence rules: a field filled because of another field, one of several fields, every party."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["ANY_FILLED", "FILLED_WHEN", "PARTIES_COVERED", "is_filled"]


def is_filled(record: Mapping[str, Any], name: str) -> bool:
    """Whether ``name`` is present with a value other than ``""`` and null."""
    return record.get(name) not in (None, "")


def _check_filled_when(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    name, when = str(args["field"]), str(args["when"])
    values = [str(v) for v in args["in"]]
    trigger = record.get(when)
    if trigger is None or str(trigger) not in values or is_filled(record, name):
        return
    yield Finding(
        code="conditional-field-empty",
        parts=(name,),
        field=name,
        ctx={"when_field": when, "when_values": ", ".join(f'"{v}"' for v in values)},
        engine="filled-when",
    )


def _check_any_filled(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    names = [str(n) for n in args["fields"]]
    if any(is_filled(record, name) for name in names):
        return
    yield Finding(
        code="all-fields-empty",
        parts=(names[0],),
        field=names[0],
        ctx={"fields": ", ".join(names)},
        engine="any-filled",
    )


def _check_parties(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    array, key = str(args["array"]), str(args["key"])
    items = record.get(array)
    if not isinstance(items, list):
        return
    present = {str(item.get(key)) for item in items if isinstance(item, dict)}
    for party in (str(v) for v in args["values"]):
        if party not in present:
            yield Finding(
                code="party-missing",
                parts=(array,),
                field=array,
                ctx={"party": party},
                engine="parties-covered",
            )


FILLED_WHEN = DomainRule(
    id="filled-when",
    codes=("conditional-field-empty",),
    summary=LocalText(
        id='Kolom diisi (bukan "" dan bukan null) bila kolom penentunya bernilai salah satu '
        "nilai yang disebut.",
        en='The field is filled (neither "" nor null) when the field it depends on has one of '
        "the named values.",
    ),
    args_schema={
        "type": "object",
        "required": ["field", "when", "in"],
        "additionalProperties": False,
        "properties": {
            "field": {"type": "string"},
            "when": {"type": "string"},
            "in": {"type": "array", "minItems": 1, "items": {"type": ["string", "integer"]}},
        },
    },
    fields_of=lambda args: (str(args["field"]), str(args["when"])),
    check=_check_filled_when,
)

ANY_FILLED = DomainRule(
    id="any-filled",
    codes=("all-fields-empty",),
    summary=LocalText(
        id="Paling sedikit satu dari kolom yang disebut diisi.",
        en="At least one of the named fields is filled.",
    ),
    args_schema={
        "type": "object",
        "required": ["fields"],
        "additionalProperties": False,
        "properties": {"fields": {"type": "array", "minItems": 2, "items": {"type": "string"}}},
    },
    fields_of=lambda args: tuple(str(n) for n in args["fields"]),
    check=_check_any_filled,
)

PARTIES_COVERED = DomainRule(
    id="parties-covered",
    codes=("party-missing",),
    summary=LocalText(
        id="Daftar objek memuat setiap nilai yang disebut pada kuncinya (misalnya penanda tangan "
        "dari LAN dan dari BKN).",
        en="A list of objects holds every named value under its key (e.g. signatories from LAN "
        "and from BKN).",
    ),
    args_schema={
        "type": "object",
        "required": ["array", "key", "values"],
        "additionalProperties": False,
        "properties": {
            "array": {"type": "string"},
            "key": {"type": "string"},
            "values": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        },
    },
    fields_of=lambda args: (str(args["array"]),),
    check=_check_parties,
)
