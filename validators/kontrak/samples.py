"""The bundled sample exchanges: valid payloads that must pass, invalid ones with a sidecar.

Layout::

    samples/<dataset>/<version>/valid/<agency>/<case>.<json|jsonl|csv|xlsx>
    samples/<dataset>/<version>/invalid/<agency>/<where>.<what>.<ext>
    samples/<dataset>/<version>/invalid/<agency>/<where>.<what>.expect.yaml

A sidecar lists the exact violations (code and location; info notices are ignored) that the
invalid file must produce; see ``samples/expect.schema.json``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kontrak.catalog import Catalog
from kontrak.contract import load_contract
from kontrak.report import Report
from kontrak.validation import ValidateOptions, validate_package, validate_with_contract
from kontrak.violation import Violation
from kontrak.yaml_io import load_yaml

__all__ = [
    "PACKAGE_CASE_SUFFIX",
    "SIDECAR_SUFFIX",
    "CaseResult",
    "ExpectedViolation",
    "PackageCase",
    "SampleCase",
    "iter_package_cases",
    "iter_sample_cases",
    "run_case",
    "run_package_case",
    "sidecar_for",
]

SIDECAR_SUFFIX = ".expect.yaml"
PACKAGE_CASE_SUFFIX = ".case.yaml"
DATA_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".xlsx"})
_LOCATION_KEYS = ("pointer", "field", "row", "line", "severity")


@dataclass(frozen=True, slots=True)
class ExpectedViolation:
    """One violation a sidecar expects; unset keys match anything."""

    code: str
    pointer: str | None = None
    field: str | None = None
    row: int | None = None
    line: int | None = None
    severity: str | None = None

    def matches(self, violation: Violation) -> bool:
        """Whether ``violation`` has this code and every location key given here."""
        if violation.code != self.code:
            return False
        return all(
            getattr(self, key) is None or getattr(self, key) == getattr(violation, key)
            for key in _LOCATION_KEYS
        )

    def describe(self) -> str:
        """Short text for mismatch messages."""
        where = ", ".join(
            f"{k}={getattr(self, k)}" for k in _LOCATION_KEYS if getattr(self, k) is not None
        )
        return f"{self.code} ({where})"


@dataclass(frozen=True, slots=True)
class SampleCase:
    """One sample file and what it must produce."""

    dataset: str
    version: str
    kind: str
    agency: str
    path: Path
    description: str = ""
    expected: tuple[ExpectedViolation, ...] = ()
    exit_code: int | None = None

    @property
    def spec(self) -> str:
        """``dataset@version``."""
        return f"{self.dataset}@{self.version}"


@dataclass(frozen=True, slots=True)
class CaseResult:
    """The outcome of running one sample case."""

    case: SampleCase
    report: Report
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether the sample behaved as declared."""
        return not self.problems


def sidecar_for(path: Path) -> Path:
    """The sidecar path of a sample file: ``x.json`` → ``x.expect.yaml``."""
    return path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)


def _expected(data: Mapping[str, Any]) -> tuple[ExpectedViolation, ...]:
    return tuple(
        ExpectedViolation(**{k: v for k, v in item.items() if k in ("code", *_LOCATION_KEYS)})
        for item in data.get("errors", [])
    )


def iter_sample_cases(samples_root: Path, catalog: Catalog) -> Iterator[SampleCase]:
    """Yield every sample case under ``samples_root`` for the datasets in ``catalog``."""
    for entry in catalog.datasets.values():
        for version in entry.versions:
            base = samples_root / entry.id / version.version
            for kind in ("valid", "invalid"):
                for path in sorted((base / kind).glob("*/*")):
                    if path.suffix.lower() not in DATA_SUFFIXES:
                        continue
                    data: Mapping[str, Any] = {}
                    if kind == "invalid":
                        sidecar = sidecar_for(path)
                        data = load_yaml(sidecar) if sidecar.is_file() else {}
                    yield SampleCase(
                        dataset=entry.id,
                        version=version.version,
                        kind=kind,
                        agency=path.parent.name,
                        path=path,
                        description=str(data.get("description", "")),
                        expected=_expected(data),
                        exit_code=data.get("exit"),
                    )


@dataclass(frozen=True, slots=True)
class PackageCase:
    """One sample exchange package and what validating it must produce."""

    kind: str
    path: Path
    description: str
    against: tuple[Path, ...]
    expected: tuple[ExpectedViolation, ...]
    exit_code: int | None = None

    @property
    def name(self) -> str:
        """``<kind>/<folder>``."""
        return f"{self.kind}/{self.path.name}"


def iter_package_cases(samples_root: Path) -> Iterator[PackageCase]:
    """Yield every sample package under ``samples_root/packages/{valid,invalid}``."""
    base = samples_root / "packages"
    for kind in ("valid", "invalid"):
        for folder in sorted(p for p in (base / kind).glob("*") if p.is_dir()):
            case_file = folder.with_name(folder.name + PACKAGE_CASE_SUFFIX)
            data: Mapping[str, Any] = load_yaml(case_file) if case_file.is_file() else {}
            yield PackageCase(
                kind=kind,
                path=folder,
                description=str(data.get("description", "")),
                against=tuple(base / a for a in data.get("against", [])),
                expected=_expected(data),
                exit_code=data.get("exit"),
            )


def run_package_case(case: PackageCase) -> CaseResult:
    """Validate one sample package and compare the result with its case file."""
    report = validate_package(case.path, ValidateOptions(against=case.against))
    sample = SampleCase(
        dataset="(paket)",
        version="",
        kind=case.kind,
        agency="",
        path=case.path,
        description=case.description,
        expected=case.expected,
        exit_code=case.exit_code,
    )
    problems = _problems(sample, report)
    if case.kind == "invalid" and not case.expected:
        problems = [f"no errors listed in {case.path.name}{PACKAGE_CASE_SUFFIX}"]
    return CaseResult(case=sample, report=report, problems=tuple(problems))


def _problems(case: SampleCase, report: Report) -> list[str]:
    actual = [v for v in report.violations if v.severity != "info"]
    if case.kind == "valid":
        return [f"unexpected {v.code} at {v.pointer or v.row or v.line}" for v in actual]
    if not case.expected:
        return [f"no sidecar {sidecar_for(case.path).name} (or it lists no errors)"]
    problems: list[str] = []
    remaining = list(actual)
    for expected in case.expected:
        match = next((v for v in remaining if expected.matches(v)), None)
        if match is None:
            problems.append(f"expected {expected.describe()} not reported")
        else:
            remaining.remove(match)
    problems += [
        f"unexpected {v.code} at {v.pointer or ''} row={v.row} line={v.line}" for v in remaining
    ]
    wanted_exit = case.exit_code
    if wanted_exit is not None and report.exit_code != wanted_exit:
        problems.append(f"exit code {report.exit_code}, expected {wanted_exit}")
    return problems


def run_case(case: SampleCase, catalog: Catalog | None = None) -> CaseResult:
    """Validate one sample and compare the result with what it declares."""
    contract = load_contract(case.spec, catalog)
    report = validate_with_contract(contract, [case.path])
    return CaseResult(case=case, report=report, problems=tuple(_problems(case, report)))
