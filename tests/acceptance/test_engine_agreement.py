"""The JSON Schema validator and the generated Pydantic model agree on every sample record.

Agreement is per record, on the structure layer (domain rules are not part of either engine).
Differences allowed are listed, with reasons, in samples/known-differences.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from jsonschema import ValidationError
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError
from tests.conftest import REPO, SAMPLES

from kontrak.catalog import load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.readers import LocatedRecord, UnreadableInputError, read_input
from kontrak.samples import SampleCase, iter_sample_cases
from kontrak.yaml_io import load_yaml
from kontrak_models import model_for

CATALOG = load_catalog(REPO / "contracts")
CASES = list(iter_sample_cases(SAMPLES, CATALOG))
DIFFERENCES: list[Mapping[str, Any]] = load_yaml(SAMPLES / "known-differences.yaml")["differences"]


def _matches(
    difference: Mapping[str, Any], error: ValidationError, contract: Contract, engine: str
) -> bool:
    """Whether one listed difference covers ``error`` for ``engine``.

    Selectors: ``keyword`` (always), ``format``, ``profile`` (codegen profile of the contract),
    ``within`` (a keyword on the error's schema path, e.g. ``then`` for if/then branches).
    """
    if difference["engine"] != engine or error.validator != difference["keyword"]:
        return False
    if "format" in difference and error.validator_value != difference["format"]:
        return False
    if "profile" in difference and contract.meta["codegen-profile"] != difference["profile"]:
        return False
    return "within" not in difference or difference["within"] in error.absolute_schema_path


def _excused(error: ValidationError, contract: Contract, engine: str) -> bool:
    return any(_matches(d, error, contract, engine) for d in DIFFERENCES)


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


@pytest.mark.parametrize("case", CASES, ids=[str(c.path.relative_to(SAMPLES)) for c in CASES])
def test_json_schema_and_model_give_the_same_verdict(case: SampleCase) -> None:
    contract = load_contract(case.spec, CATALOG)
    validator = contract.new_validator()
    model = model_for(case.spec)
    for item in _records(case, contract):
        errors = [
            e for e in validator.iter_errors(item.value) if not _excused(e, contract, "pydantic")
        ]
        schema_ok = not errors
        assert schema_ok == _model_accepts(model, item.value), (
            f"record {item.index}: JSON Schema {'accepts' if schema_ok else 'rejects'} "
            f"({[e.message for e in errors]}), the model does not agree"
        )


def test_known_differences_are_each_needed() -> None:
    """An entry that no sample exercises is stale documentation."""
    used: set[str] = set()
    for case in CASES:
        contract = load_contract(case.spec, CATALOG)
        validator = contract.new_validator()
        for item in _records(case, contract):
            for error in validator.iter_errors(item.value):
                for difference in DIFFERENCES:
                    if _matches(difference, error, contract, difference["engine"]):
                        used.add(difference["id"])
    assert used == {d["id"] for d in DIFFERENCES}
