"""The engines that read a contract give the same verdict on every sample.

* The JSON Schema validator and the generated Pydantic model agree on every sample record.
* On every CSV sample, Frictionless (with the derived Table Schema) agrees with kontrak's
  structure verdict: reader problems of severity error, JSON Schema errors of each record,
  bulk-required columns, and duplicate primary keys (Frictionless checks the Table Schema's
  ``primaryKey``).

Agreement is on the structure layer: domain rules and reference tables are part of neither
Pydantic nor Frictionless. Differences allowed are listed, with reasons, in
samples/known-differences.yaml; each entry names its engine and either a JSON Schema keyword
(optionally a format, or ``within``: a keyword on the error's schema path such as ``then``) or a
Frictionless error type, optionally limited to one codegen profile.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from frictionless import Dialect, Resource, Schema
from frictionless.formats import CsvControl
from jsonschema import ValidationError
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError
from tests.conftest import REPO, SAMPLES

from kontrak.catalog import load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.derive.table_schema import table_schema_for
from kontrak.readers import InputProblem, LocatedRecord, UnreadableInputError, read_input
from kontrak.readers.csv_reader import sniff_delimiter
from kontrak.samples import SampleCase, iter_sample_cases
from kontrak.validation import validate_with_contract
from kontrak.yaml_io import load_yaml
from kontrak_models import model_for

CATALOG = load_catalog(REPO / "contracts")
CASES = list(iter_sample_cases(SAMPLES, CATALOG))
CSV_CASES = [c for c in CASES if c.path.suffix == ".csv"]
DIFFERENCES: list[Mapping[str, Any]] = load_yaml(SAMPLES / "known-differences.yaml")["differences"]


def _case_id(case: SampleCase) -> str:
    return str(case.path.relative_to(SAMPLES))


def _profile_matches(difference: Mapping[str, Any], contract: Contract) -> bool:
    return "profile" not in difference or contract.meta["codegen-profile"] == difference["profile"]


def _excusing(error: ValidationError, contract: Contract, engine: str) -> str | None:
    """The id of the listed difference that excuses a JSON Schema error for ``engine``."""
    for difference in DIFFERENCES:
        if difference["engine"] != engine or error.validator != difference.get("keyword"):
            continue
        if "format" in difference and error.validator_value != difference["format"]:
            continue
        if "within" in difference and difference["within"] not in error.absolute_schema_path:
            continue
        if _profile_matches(difference, contract):
            return str(difference["id"])
    return None


def _excusing_frictionless(error_type: str, contract: Contract) -> str | None:
    """The id of the listed difference that excuses an error only Frictionless reports."""
    for difference in DIFFERENCES:
        if (
            difference["engine"] == "frictionless"
            and difference.get("frictionless") == error_type
            and _profile_matches(difference, contract)
        ):
            return str(difference["id"])
    return None


def _records(case: SampleCase, contract: Contract) -> list[LocatedRecord]:
    try:
        read = read_input(case.path, contract)
        return [item for item in read.items if isinstance(item, LocatedRecord)]
    except UnreadableInputError:
        return []


def _model_accepts(model: type[BaseModel], record: Any) -> bool:
    try:
        model.model_validate(record)
    except PydanticError:
        return False
    return True


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_json_schema_and_model_give_the_same_verdict(case: SampleCase) -> None:
    contract = load_contract(case.spec, CATALOG)
    validator = contract.new_validator()
    model = model_for(case.spec)
    for item in _records(case, contract):
        errors = [
            e
            for e in validator.iter_errors(item.value)
            if _excusing(e, contract, "pydantic") is None
        ]
        schema_ok = not errors
        assert schema_ok == _model_accepts(model, item.value), (
            f"record {item.index}: JSON Schema {'accepts' if schema_ok else 'rejects'} "
            f"({[e.message for e in errors]}), the model does not agree"
        )


# ----------------------------------------------------------------------------- Frictionless
@dataclass(frozen=True, slots=True)
class _Verdict:
    """What one engine finds wrong in one file: (kind, detail) pairs, and the differences used."""

    errors: tuple[tuple[str, str], ...]
    excused_by: frozenset[str]


def _kontrak_verdict(case: SampleCase, contract: Contract) -> _Verdict:
    errors: list[tuple[str, str]] = []
    excused: set[str] = set()

    def add(kind: str, detail: str, excuse: str | None) -> None:
        if excuse is None:
            errors.append((kind, detail))
        else:
            excused.add(excuse)

    try:
        items = list(read_input(case.path, contract).items)
    except UnreadableInputError as exc:
        return _Verdict((("reader", exc.problem.code),), frozenset())
    validator = contract.new_validator()
    for item in items:
        if isinstance(item, InputProblem):
            severity = item.severity
            if item.code == "field-not-agreed":
                severity = contract.extra_fields_severity
            if severity == "error":
                add("reader", item.code, None)
            continue
        for error in validator.iter_errors(item.value):
            add("jsonschema", str(error.validator), _excusing(error, contract, "frictionless"))
        for name in contract.bulk_required:
            if name not in item.value and name not in item.absent_columns:
                add("bulk", f"missing {name}", None)
    report = validate_with_contract(contract, [case.path])
    for violation in report.violations:
        if violation.code == "duplicate-primary-key":
            add("dataset", violation.code, None)
    return _Verdict(tuple(errors), frozenset(excused))


def _frictionless_verdict(case: SampleCase, contract: Contract) -> _Verdict:
    # Read the file as kontrak does: comma, semicolon or tab (sniffed from the header), BOM allowed.
    data = case.path.read_bytes()
    header = data.decode("utf-8-sig", errors="replace").split("\n", 1)[0].rstrip("\r")
    resource = Resource(
        path=case.path.name,
        basepath=str(case.path.parent),
        format="csv",
        encoding="utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8",
        dialect=Dialect(controls=[CsvControl(delimiter=sniff_delimiter(header))]),
        schema=Schema.from_descriptor(table_schema_for(contract)),
    )
    report = resource.validate()
    errors: list[tuple[str, str]] = []
    excused: set[str] = set()
    for (error_type,) in report.flatten(["type"]):
        excuse = _excusing_frictionless(str(error_type), contract)
        if excuse is None:
            errors.append(("frictionless", str(error_type)))
        else:
            excused.add(excuse)
    return _Verdict(tuple(errors), frozenset(excused))


@pytest.mark.parametrize("case", CSV_CASES, ids=_case_id)
def test_frictionless_gives_the_same_verdict_on_csv(case: SampleCase) -> None:
    contract = load_contract(case.spec, CATALOG)
    ours, theirs = _kontrak_verdict(case, contract), _frictionless_verdict(case, contract)
    assert bool(ours.errors) == bool(theirs.errors), (
        f"kontrak {'rejects' if ours.errors else 'accepts'} ({list(ours.errors)}), "
        f"Frictionless {'rejects' if theirs.errors else 'accepts'} ({list(theirs.errors)})"
    )


def test_frictionless_sees_the_samples_it_should() -> None:
    """The comparison is not vacuous: Frictionless rejects some CSV samples and accepts others."""
    verdicts = [
        bool(_frictionless_verdict(c, load_contract(c.spec, CATALOG)).errors) for c in CSV_CASES
    ]
    assert any(verdicts)
    assert not all(verdicts)


# ------------------------------------------------------------------------- the list itself
def _used_differences() -> Iterator[str]:
    for case in CASES:
        contract = load_contract(case.spec, CATALOG)
        validator = contract.new_validator()
        for item in _records(case, contract):
            for error in validator.iter_errors(item.value):
                excuse = _excusing(error, contract, "pydantic")
                if excuse is not None:
                    yield excuse
    for case in CSV_CASES:
        contract = load_contract(case.spec, CATALOG)
        yield from _kontrak_verdict(case, contract).excused_by
        yield from _frictionless_verdict(case, contract).excused_by


def test_known_differences_are_each_needed() -> None:
    """An entry that no sample exercises is stale documentation."""
    assert set(_used_differences()) == {d["id"] for d in DIFFERENCES}


def test_known_differences_each_name_one_kind_of_difference() -> None:
    for difference in DIFFERENCES:
        kinds = [k for k in ("keyword", "frictionless") if k in difference]
        assert len(kinds) == 1, difference["id"]
        assert difference["engine"] in ("pydantic", "frictionless"), difference["id"]
        assert len(str(difference["reason"])) > 40, difference["id"]
