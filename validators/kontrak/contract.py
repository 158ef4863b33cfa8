"""A contract version: its JSON Schema plus the metadata under ``x-kontrak``, read once."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema.protocols import Validator
from referencing import Registry

from kontrak.catalog import Catalog, load_catalog
from kontrak.engine.keywords import ReferenceValidator
from kontrak.exceptions import ContractError
from kontrak.formats import FORMAT_CHECKER
from kontrak.references import ReferenceSpec
from kontrak.schema_registry import build_registry, load_json_file

__all__ = ["Contract", "FieldSpec", "RuleSpec", "load_contract"]

SCHEMA_FILE = "schema.json"
TABLE_SCHEMA_FILE = "table-schema.json"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One top-level field of a record, with its resolved schema and its classification."""

    name: str
    title: str
    description: str
    description_en: str
    classification: str
    personal: bool
    required: bool
    bulk_required: bool
    json_types: tuple[str, ...]
    accepts_empty_string: bool
    schema: Mapping[str, Any]
    reference: ReferenceSpec | None = None

    @property
    def is_text(self) -> bool:
        """Whether every value the schema allows is text or null (a column of strings)."""
        return bool(self.json_types) and set(self.json_types) <= {"string", "null"}

    @property
    def examples(self) -> list[Any]:
        """Synthetic example values declared in the contract."""
        return list(self.schema.get("examples", []))


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A domain rule the contract switches on, with its severity and arguments."""

    rule: str
    severity: str
    args: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Contract:
    """One dataset version's contract."""

    dataset: str
    version: str
    root: Path
    path: Path
    schema: Mapping[str, Any]
    sha256: str
    fields: Mapping[str, FieldSpec]
    rules: tuple[RuleSpec, ...]
    registry: Registry[Any]

    @property
    def meta(self) -> Mapping[str, Any]:
        """The ``x-kontrak`` block."""
        meta: Mapping[str, Any] = self.schema["x-kontrak"]
        return meta

    @property
    def uri(self) -> str:
        """The schema's ``$id``."""
        return str(self.schema["$id"])

    @property
    def spec(self) -> str:
        """``dataset@version``."""
        return f"{self.dataset}@{self.version}"

    @property
    def title(self) -> str:
        """Title in Bahasa Indonesia."""
        return str(self.schema["title"])

    @property
    def title_en(self) -> str:
        """Title in English."""
        return str(self.meta["title-en"])

    @property
    def provider(self) -> str:
        """The party that sends the data (LAN or BKN)."""
        return str(self.meta["provider"])

    @property
    def consumer(self) -> str:
        """The party that receives the data (LAN or BKN)."""
        return str(self.meta["consumer"])

    @property
    def primary_key(self) -> tuple[str, ...]:
        """Fields that identify a record."""
        return tuple(self.meta["primary-key"])

    @property
    def extra_fields_severity(self) -> str:
        """Severity of ``field-not-agreed``: error for LAN data, warning for SIASN responses."""
        return str(self.meta["extra-fields"])

    @property
    def personal_fields(self) -> frozenset[str]:
        """Fields whose values are personal data and are masked in every output."""
        return frozenset(name for name, spec in self.fields.items() if spec.personal)

    @property
    def kind(self) -> str:
        """``records`` for exchanged data, ``reference`` for a code list kept as data."""
        return str(self.meta.get("kind", "records"))

    @property
    def foreign_keys(self) -> tuple[Mapping[str, Any], ...]:
        """Foreign keys to other datasets, checked when those datasets are at hand."""
        return tuple(self.meta.get("foreign-keys", ()))

    @property
    def bulk_required(self) -> tuple[str, ...]:
        """Fields a bulk file (CSV, JSON Lines) must carry though the web service may omit them."""
        return tuple(self.meta.get("bulk", {}).get("required", ()))

    def new_validator(self) -> Validator:
        """A reference JSON Schema validator for one record, formats asserted, refs offline."""
        validator: Validator = ReferenceValidator(
            dict(self.schema), registry=self.registry, format_checker=FORMAT_CHECKER
        )
        return validator


def _json_types(schema: Mapping[str, Any]) -> tuple[str, ...]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return (declared,)
    if isinstance(declared, list):
        return tuple(str(t) for t in declared)
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
        return ("string",)
    return ()


def _resolve_field_schema(
    prop: Mapping[str, Any], base_uri: str, registry: Registry[Any]
) -> dict[str, Any]:
    """Merge a property's ``$ref`` target (followed to the end) with its sibling keywords."""
    merged: dict[str, Any] = {k: v for k, v in prop.items() if k != "$ref"}
    resolver = registry.resolver(base_uri=base_uri)
    ref = prop.get("$ref")
    while isinstance(ref, str):
        resolved = resolver.lookup(ref)
        target = resolved.contents
        resolver = resolved.resolver
        merged = {**{k: v for k, v in target.items() if k != "$ref"}, **merged}
        ref = target.get("$ref")
    return merged


def _accepts_empty_string(validator: Validator, name: str) -> bool:
    """Whether ``""`` is a valid value for field ``name`` (errors elsewhere are ignored)."""
    return not any(
        list(error.absolute_path) == [name] for error in validator.iter_errors({name: ""})
    )


def _build_fields(
    schema: Mapping[str, Any], registry: Registry[Any], validator: Validator
) -> dict[str, FieldSpec]:
    required = set(schema.get("required", ()))
    bulk_required = set(schema["x-kontrak"].get("bulk", {}).get("required", ()))
    fields: dict[str, FieldSpec] = {}
    for name, prop in schema["properties"].items():
        resolved = _resolve_field_schema(prop, schema["$id"], registry)
        fields[name] = FieldSpec(
            name=name,
            title=str(prop.get("title", name)),
            description=str(prop.get("description", "")),
            description_en=str(prop.get("x-description-en", "")),
            classification=str(prop.get("x-classification", "restricted")),
            personal=bool(prop.get("x-personal", True)),
            required=name in required,
            bulk_required=name in required or name in bulk_required,
            json_types=_json_types(resolved),
            accepts_empty_string=_accepts_empty_string(validator, name),
            schema=resolved,
            reference=(
                ReferenceSpec.from_annotation(resolved["x-reference"])
                if "x-reference" in resolved
                else None
            ),
        )
    return fields


@cache
def _load(root: Path, dataset: str, version: str) -> Contract:
    path = root / dataset / version / SCHEMA_FILE
    if not path.is_file():
        msg = f"kontrak {dataset}@{version} tidak ada / contract file missing: {path}"
        raise ContractError(msg)
    raw = path.read_bytes()
    schema = load_json_file(path)
    registry = build_registry(root)
    validator: Validator = ReferenceValidator(
        schema, registry=registry, format_checker=FORMAT_CHECKER
    )
    fields = _build_fields(schema, registry, validator)
    rules = tuple(
        RuleSpec(rule=r["rule"], severity=r["severity"], args=r["args"])
        for r in schema["x-kontrak"].get("rules", ())
    )
    from kontrak.rules import RULES  # noqa: PLC0415 - rules import contract types

    unknown = [r.rule for r in rules if r.rule not in RULES]
    if unknown:
        msg = f"kontrak {dataset}@{version}: aturan tidak dikenal / unknown rules {unknown}"
        raise ContractError(msg)
    return Contract(
        dataset=dataset,
        version=version,
        root=root,
        path=path,
        schema=schema,
        sha256=hashlib.sha256(raw).hexdigest(),
        fields=fields,
        rules=rules,
        registry=registry,
    )


def load_contract(spec: str, catalog: Catalog | None = None) -> Contract:
    """Load the contract for ``DATASET[@VERSION]`` (the current version when none is given).

    Raises:
        UnknownDatasetError: the dataset is not in the catalog.
        UnknownVersionError: the version is not in the catalog.
        ContractError: the contract file is missing or malformed.
    """
    catalog = catalog or load_catalog()
    dataset, version = catalog.resolve(spec)
    try:
        return _load(catalog.root, dataset.id, version.version)
    except (KeyError, TypeError) as exc:
        msg = f"kontrak {dataset.id}@{version.version} rusak / malformed contract: {exc!r}"
        raise ContractError(msg) from exc
