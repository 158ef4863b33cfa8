"""Scaffold the invalid samples a contract still lacks, from one of its valid samples.

For every required field, enum, pattern, reference match and domain rule of a contract that no
invalid sample covers yet (see tests/acceptance/test_sample_coverage.py), this writes a
one-record JSON Lines file ``line-1.<field>.<code>.jsonl`` and its ``.expect.yaml`` sidecar under
``samples/<dataset>/<version>/invalid/<agency>/``. Each mutation is checked with the validator:
a file is only written when it produces exactly the intended violation, so a scaffolded sample
is never wrong; what cannot be scaffolded generically is listed for a hand-written case.

Usage: .venv/bin/python scripts/scaffold_invalid_samples.py DATASET@VERSION [--dry-run]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from kontrak.catalog import load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.formats import KONTRAK_FORMATS
from kontrak.readers import LocatedRecord, read_input
from kontrak.references import load_reference_table
from kontrak.samples import iter_sample_cases
from kontrak.validation import validate_with_contract

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
Mutation = Callable[[dict[str, Any]], None]


def _base_record(contract: Contract) -> dict[str, Any]:
    cases = [
        c
        for c in iter_sample_cases(SAMPLES, load_catalog())
        if c.spec == contract.spec
        and c.kind == "valid"
        and c.path.suffix in (".jsonl", ".csv", ".json")
    ]
    if not cases:
        sys.exit(f"{contract.spec}: needs a valid .jsonl or .csv sample to start from")
    read = read_input(cases[0].path, contract)
    record = next(i.value for i in read.items if isinstance(i, LocatedRecord))
    return dict(record)


def _covered(contract: Contract) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for case in iter_sample_cases(SAMPLES, load_catalog()):
        if case.spec == contract.spec and case.kind == "invalid":
            for e in case.expected:
                pairs.add((e.code, e.field or (e.pointer or "").rsplit("/", 1)[-1]))
    return pairs


def _bad_pattern_values(schema: dict[str, Any]) -> list[Any]:
    if schema.get("format") in KONTRAK_FORMATS:
        return ["31-02-2023", "2023-02-30"]
    return ["#", "0" * 61, "x"]


def _set(field: str, value: Any) -> Mutation:
    def mutate(record: dict[str, Any]) -> None:
        record[field] = value

    return mutate


def _drop(field: str) -> Mutation:
    def mutate(record: dict[str, Any]) -> None:
        record.pop(field, None)

    return mutate


def _wanted(
    contract: Contract, base: dict[str, Any]
) -> Iterator[tuple[str, str, list[Mutation], str]]:
    """(code, field, candidate mutations, description) for every uncovered requirement."""
    for name, spec in contract.fields.items():
        if spec.required:
            yield "missing-field", name, [_drop(name)], f"a record without {name} is invalid"
        if "enum" in spec.schema:
            yield (
                "value-not-allowed",
                name,
                [_set(name, "TIDAK-ADA")],
                f"{name} outside its code list is invalid",
            )
        if "pattern" in spec.schema:
            is_date = spec.schema.get("format") in KONTRAK_FORMATS
            code = "invalid-date" if is_date else "pattern-mismatch"
            values = _bad_pattern_values(dict(spec.schema))
            yield (
                code,
                name,
                [_set(name, v) for v in values],
                f"{name} in the wrong shape is invalid",
            )
        reference = spec.reference
        if reference is not None:
            table = load_reference_table(reference.table, reference.version, contract.root)
            for other, column in reference.match:
                current = str(base.get(other, ""))
                others = [row[column] for row in table.rows if row[column] != current]
                yield (
                    "reference-mismatch",
                    other,
                    [_set(other, value) for value in others[:5]],
                    f"{other} that is not the {column} of its {name} row is invalid",
                )


def _try(contract: Contract, record: dict[str, Any], code: str, field: str) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        report = validate_with_contract(contract, [path])
    found = [(v.code, v.field) for v in report.violations if v.severity != "info"]
    return found == [(code, field)]


def main() -> None:
    """Scaffold the uncovered invalid samples of one contract."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", metavar="DATASET@VERSION")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    contract = load_contract(args.spec)
    base = _base_record(contract)
    covered = _covered(contract)
    folder = SAMPLES / contract.dataset / contract.version / "invalid" / contract.provider.lower()
    left: list[str] = []
    for code, field, mutations, description in _wanted(contract, base):
        if (code, field) in covered:
            continue
        for mutate in mutations:
            record = copy.deepcopy(base)
            mutate(record)
            if _try(contract, record, code, field):
                break
        else:
            left.append(f"{code} {field}")
            continue
        name = f"line-1.{field}.{code}"
        print(f"write {folder.relative_to(REPO)}/{name}.jsonl")
        if args.dry_run:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.jsonl").write_text(
            json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        sidecar = {
            "description": description,
            "errors": [{"code": code, "line": 1, "pointer": f"/{field}"}],
        }
        (folder / f"{name}.expect.yaml").write_text(
            yaml.safe_dump(sidecar, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        covered.add((code, field))
    for item in left:
        print(f"write by hand: {item}")


if __name__ == "__main__":
    main()
