"""Rules on fields that name a contract (``dataset@version``) and, in corrections, a field of it.

The contracts are looked up in the catalog the tool runs with (see
:func:`kontrak.paths.contracts_root`), so a correction list is checked against the same contract
versions as the data it corrects.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema.protocols import Validator

from kontrak.catalog import DatasetEntry, load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.engine.findings import Finding
from kontrak.engine.structure import finding_from_error
from kontrak.exceptions import UnknownDatasetError, UnknownVersionError
from kontrak.readers.csv_reader import cell_to_value
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["CONTRACT_IN_CATALOG", "CORRECTION_TARGET", "resolve_contract", "value_problem"]


def resolve_contract(spec: str) -> tuple[DatasetEntry, Contract] | None:
    """The catalog entry and contract of ``dataset@version``; None when the catalog lacks it."""
    catalog = load_catalog()
    try:
        entry, version = catalog.resolve(spec)
    except (UnknownDatasetError, UnknownVersionError):
        return None
    return entry, load_contract(f"{entry.id}@{version.version}", catalog)


@cache
def _validator(root: Path, spec: str) -> Validator:
    return load_contract(spec, load_catalog(root)).new_validator()


def value_problem(contract: Contract, name: str, text: str) -> str | None:
    """The violation code ``text`` gets as the value of field ``name``; None when it is valid.

    ``text`` is read like a CSV cell: converted to the field's JSON type, ``""`` meaning "no
    value" (valid where the field accepts ``""`` or is optional).
    """
    spec = contract.fields[name]
    if text == "":
        return None if spec.accepts_empty_string or not spec.required else "missing-field"
    value = cell_to_value(text, spec)
    for error in _validator(contract.root, contract.spec).iter_errors({name: value}):
        if list(error.absolute_path)[:1] == [name]:
            return finding_from_error(error).code
    return None


def _specs(
    record: Mapping[str, Any], name: str, each: str | None
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Yield (pointer parts, value) of every ``dataset@version`` value the rule reads."""
    if each is None:
        value = record.get(name)
        if isinstance(value, str) and "@" in value:
            yield (name,), value
        return
    items = record.get(each)
    for index, item in enumerate(items if isinstance(items, list) else []):
        value = item.get(name) if isinstance(item, dict) else None
        if isinstance(value, str) and "@" in value:
            yield (each, index, name), value


def _check_known(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    name = str(args["field"])
    each = str(args["each"]) if "each" in args else None
    expected = args.get("provider")
    for parts, spec in _specs(record, name, each):
        found = resolve_contract(spec)
        if found is None:
            yield Finding(
                code="contract-not-in-catalog",
                parts=parts,
                field=each or name,
                ctx={"contract": spec},
                engine="contract-in-catalog",
            )
        elif expected is not None and found[0].provider != expected:
            yield Finding(
                code="contract-provider-mismatch",
                parts=parts,
                field=each or name,
                ctx={"contract": spec, "actual": found[0].provider, "expected": expected},
                engine="contract-in-catalog",
            )


def _check_target(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    contract_field, field_field = str(args["contract"]), str(args["field"])
    spec = record.get(contract_field)
    if not isinstance(spec, str) or "@" not in spec:
        return
    found = resolve_contract(spec)
    if found is None:
        yield Finding(
            code="contract-not-in-catalog",
            parts=(contract_field,),
            field=contract_field,
            ctx={"contract": spec},
            engine="correction-target",
        )
        return
    entry, contract = found
    party_field = args.get("party")
    party = record.get(str(party_field)) if party_field else None
    if party_field and party in ("LAN", "BKN") and party != entry.provider:
        yield Finding(
            code="contract-provider-mismatch",
            parts=(str(party_field),),
            field=str(party_field),
            ctx={"contract": spec, "actual": entry.provider, "expected": party},
            engine="correction-target",
        )
    target = record.get(field_field)
    if not isinstance(target, str) or not target:
        return
    if target not in contract.fields:
        yield Finding(
            code="field-not-in-contract",
            parts=(field_field,),
            field=field_field,
            ctx={"contract": spec, "target": target},
            engine="correction-target",
        )
        return
    value_field = str(args["value"])
    value = record.get(value_field)
    if not isinstance(value, str):
        return
    reason = value_problem(contract, target, value)
    if reason is not None:
        yield Finding(
            code="value-invalid-for-field",
            parts=(value_field,),
            field=value_field,
            ctx={"contract": spec, "target": target, "reason": reason},
            engine="correction-target",
        )


CONTRACT_IN_CATALOG = DomainRule(
    id="contract-in-catalog",
    codes=("contract-not-in-catalog", "contract-provider-mismatch"),
    summary=LocalText(
        id="Nilai `dataset@versi` menunjuk kontrak yang ada di katalog (dan, bila `provider` "
        "disebut, yang disediakan pihak itu); nilai lain dilewati.",
        en="A `dataset@version` value names a contract in the catalog (and, when `provider` is "
        "given, one that party provides); other values are skipped.",
    ),
    args_schema={
        "type": "object",
        "required": ["field"],
        "additionalProperties": False,
        "properties": {
            "field": {"type": "string"},
            "each": {"type": "string"},
            "provider": {"enum": ["LAN", "BKN"]},
        },
    },
    fields_of=lambda args: (str(args.get("each", args["field"])),),
    check=_check_known,
)

CORRECTION_TARGET = DomainRule(
    id="correction-target",
    codes=(
        "contract-not-in-catalog",
        "contract-provider-mismatch",
        "field-not-in-contract",
        "value-invalid-for-field",
    ),
    summary=LocalText(
        id="Perbaikan menunjuk kontrak yang ada, yang disediakan pihak yang dituju, dan kolom "
        "yang ada di kontrak itu; nilai barunya sah untuk kolom tersebut.",
        en="A correction names an existing contract, provided by the addressed party, and a "
        "field of that contract; its new value is valid for that field.",
    ),
    args_schema={
        "type": "object",
        "required": ["contract", "field", "value"],
        "additionalProperties": False,
        "properties": {
            "contract": {"type": "string"},
            "field": {"type": "string"},
            "value": {"type": "string"},
            "party": {"type": "string"},
        },
    },
    fields_of=lambda args: tuple(
        str(args[k]) for k in ("contract", "field", "value", "party") if k in args
    ),
    check=_check_target,
)
