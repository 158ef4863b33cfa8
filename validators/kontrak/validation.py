"""The library entry point: validate files or exchange packages and return one report."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kontrak.catalog import Catalog, load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.exceptions import KontrakError
from kontrak.fast.key_observer import key_observer
from kontrak.fast.keys import KeyTable
from kontrak.fast.records_again import key_violations
from kontrak.fast.run import FastFile, Observer, fast_structure, validate_file_fast
from kontrak.foreign_keys import ForeignKeyIndex, Locate
from kontrak.package import Package, PackageResource, load_package
from kontrak.progress import ProgressSink
from kontrak.readers import InputProblem, LocatedRecord, UnreadableInputError, read_input
from kontrak.record_checks import RecordChecker
from kontrak.report import FileResult, PackageInfo, Report

__all__ = ["ValidateOptions", "validate", "validate_package", "validate_with_contract"]

_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class ValidateOptions:
    """How to validate.

    Attributes:
        show_values: print personal values instead of masking them (Pasal 9: only on request).
        max_errors: keep at most this many violations in the list (counts stay complete).
        fail_on: the lowest severity that makes the input invalid ("error" or "warning").
        input_format: force a format (json, jsonl, csv, xlsx) instead of guessing from the
            extension.
        against: packages whose records serve as foreign-key targets (e.g. BKN's rosters).
        engine: ``fast`` (default; :mod:`kontrak.fast`) or ``reference`` (python-jsonschema,
            record by record). Both report the same violations; the reference is the oracle.
        workers: processes for large JSON Lines files and JSON arrays (None: two when the file
            is large and the machine has two cores; 1: none).
        progress: receives the progress of each file (the CLI shows a bar on a terminal).
    """

    show_values: bool = False
    max_errors: int | None = None
    fail_on: str = "error"
    input_format: str | None = None
    against: tuple[Path, ...] = ()
    engine: str = "fast"
    workers: int | None = None
    progress: ProgressSink | None = None


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class _Run:
    """One validation run: the report, one checker per contract, the foreign-key index."""

    def __init__(
        self,
        report: Report,
        options: ValidateOptions,
        catalog: Catalog,
        *,
        keys_per_file: bool = True,
    ) -> None:
        self.report = report
        self.options = options
        self.catalog = catalog
        self.keys_per_file = keys_per_file
        self.shared_keys: set[str] = set()  # contracts with several files in one package
        self.datasets: set[str] = set()  # datasets validated in this run (possible targets)
        self.keys = ForeignKeyIndex(show_values=options.show_values)
        self._checkers: dict[str, RecordChecker] = {}
        # fast engine, primary keys across files: each file's key hashes, by contract
        self._spanning: dict[str, list[tuple[str, KeyTable, Locate]]] = {}

    def checker(self, contract: Contract) -> RecordChecker:
        if contract.spec not in self._checkers:
            structure = fast_structure(contract) if self.options.engine == "fast" else None
            self._checkers[contract.spec] = RecordChecker(
                contract, show_values=self.options.show_values, structure=structure
            )
            self.report.contracts[contract.spec] = (contract.uri, contract.sha256)
            self.keys.want_targets_of(contract)
        return self._checkers[contract.spec]

    def problem(self, problem: InputProblem, file: str, contract: Contract | None) -> None:
        if contract is not None:
            self.report.add(self.checker(contract).problem(problem, file))
        else:
            self.report.add(RecordChecker.bare_problem(problem, file))

    def validate_file(
        self, path: Path, shown: str, contract: Contract, input_format: str | None
    ) -> FileResult:
        result = FileResult(path=shown, dataset=contract.dataset, version=contract.version)
        self.report.files.append(result)
        checker = self.checker(contract)
        if self.keys.is_target(contract.dataset):
            self.keys.has_target_data(contract.dataset)
        if self.options.engine == "fast":
            spans = not self.keys_per_file and contract.spec in self.shared_keys
            fast = FastFile(
                checker=checker,
                report=self.report,
                result=result,
                input_format=input_format,
                observer=self._observer(checker, contract, shown),
                keys_later=partial(self._keep_keys, contract.spec, shown) if spans else None,
            )
            if validate_file_fast(path, shown, fast, self.options):
                return result
        try:
            read = read_input(path, contract, input_format)
            result.format = read.format
            result.sha256, result.size = _hash_file(path)
            for item in read.items:
                if isinstance(item, InputProblem):
                    self.problem(item, shown, contract)
                    continue
                result.records += 1
                self._check_record(checker, contract, item, shown, bulk=read.bulk)
        except UnreadableInputError as exc:
            result.readable = False
            self.problem(exc.problem, shown, contract)
        except OSError as exc:
            result.readable = False
            reason = exc.strerror or str(exc)
            self.problem(
                InputProblem(code="file-unreadable", ctx={"reason": reason}), shown, contract
            )
        return result

    def _check_record(
        self,
        checker: RecordChecker,
        contract: Contract,
        item: LocatedRecord,
        shown: str,
        *,
        bulk: bool,
    ) -> None:
        for violation in checker.check(item, shown, bulk=bulk):
            self.report.add(violation)
        self._observe(checker, contract, shown, item)

    def _observe(
        self, checker: RecordChecker, contract: Contract, shown: str, item: LocatedRecord
    ) -> None:
        """Index a record for the foreign keys of the run (as a target, as a source)."""
        if self.keys.is_target(contract.dataset):
            self.keys.add_target_record(contract.dataset, item.value)
        if contract.foreign_keys and isinstance(item.value, dict):
            self.keys.add_source_record(contract, shown, item, checker.subject_of(item.value))

    def _observer(self, checker: RecordChecker, contract: Contract, shown: str) -> Observer | None:
        """What the fast engine must show the foreign-key index (see `key_observer`)."""

        def observe(item: LocatedRecord) -> None:
            self._observe(checker, contract, shown, item)

        against = bool(self.options.against)
        return key_observer(
            self.keys, contract, shown, observe, checker.subject_of, against=against,
            datasets=self.datasets,
        )  # fmt: skip

    def load_against(self, paths: Sequence[Path]) -> None:
        """Index the foreign-key targets found in other packages (not validated here)."""
        for path in paths:
            shown = str(path)
            try:
                package, problems = load_package(path, self.catalog)
            except UnreadableInputError as exc:
                self.report.files.append(FileResult(path=shown, readable=False))
                self.problem(exc.problem, shown, None)
                continue
            if package is None:
                self.report.files.append(FileResult(path=shown, readable=False))
                for problem in problems:
                    self.problem(problem, str(path), None)
                continue
            for resource in package.resources:
                if resource.file is not None and self.keys.is_target(resource.dataset):
                    self._index_targets(resource)

    def _index_targets(self, resource: PackageResource) -> None:
        try:
            contract = load_contract(resource.spec, self.catalog)
            self.keys.has_target_data(resource.dataset)
            assert resource.file is not None
            for item in read_input(resource.file, contract, resource.format).items:
                if isinstance(item, LocatedRecord):
                    self.keys.add_target_record(resource.dataset, item.value)
        except (KontrakError, UnreadableInputError, OSError):
            return  # an unusable target leaves its keys out; its owner validates that package

    def _keep_keys(self, spec: str, shown: str, table: KeyTable, locate: Locate) -> None:
        """Keep a file's key hashes until every file of its dataset was checked."""
        self._spanning.setdefault(spec, []).append((shown, table, locate))

    def finish(self) -> Report:
        for spec, files in self._spanning.items():
            contract = self._checkers[spec].contract
            for violation in key_violations(contract, files, self.options.show_values):
                self.report.add(violation)
        for violation in self.keys.resolve():
            self.report.add(violation)
        self.report.sort()
        return self.report


def _new_report(options: ValidateOptions, dataset: str | None, version: str | None) -> Report:
    return Report(
        dataset=dataset,
        version=version,
        fail_on=options.fail_on,
        max_violations=options.max_errors,
    )


def validate_with_contract(
    contract: Contract,
    paths: Sequence[str | Path],
    options: ValidateOptions | None = None,
    catalog: Catalog | None = None,
) -> Report:
    """Validate ``paths`` against an already loaded contract (primary keys unique per file)."""
    options = options or ValidateOptions()
    run = _Run(
        _new_report(options, contract.dataset, contract.version),
        options,
        catalog or load_catalog(contract.root),
    )
    checker = run.checker(contract)
    run.datasets = {contract.dataset}
    for given in paths:
        checker.start_file()
        run.validate_file(Path(given), str(given), contract, options.input_format)
    run.load_against(options.against)
    return run.finish()


def validate(
    dataset: str, paths: Sequence[str | Path], options: ValidateOptions | None = None
) -> Report:
    """Validate files against the contract of ``dataset`` (``DATASET[@VERSION]``).

    Args:
        dataset: dataset id, optionally with ``@VERSION``; without it the current version.
        paths: JSON, JSON Lines or CSV files.
        options: see :class:`ValidateOptions`.

    Returns:
        The report; ``report.valid`` is the verdict and ``report.exit_code`` the CLI's exit code.

    Raises:
        KontrakError: the dataset or version is unknown, or the contract is broken.
    """
    return validate_with_contract(load_contract(dataset), paths, options)


def _check_resource(
    run: _Run, package: Package, resource: PackageResource, shown_root: str
) -> None:
    descriptor = str(Path(shown_root) / package.descriptor.name)
    try:
        contract = load_contract(resource.spec, run.catalog)
    except KontrakError:
        run.problem(
            InputProblem(
                code="unknown-contract", pointer=resource.pointer, ctx={"contract": resource.spec}
            ),
            descriptor,
            None,
        )
        return
    if contract.provider != package.provider:
        ctx = {
            "dataset": resource.dataset,
            "expected": contract.provider,
            "actual": package.provider,
        }
        run.problem(
            InputProblem(code="package-provider-mismatch", pointer=resource.pointer, ctx=ctx),
            descriptor,
            contract,
        )
    if resource.file is None:
        return
    shown = str(Path(shown_root) / resource.declared_path)
    result = run.validate_file(resource.file, shown, contract, resource.format)
    if not result.readable:
        return
    for problem in _integrity_problems(resource, result):
        run.problem(problem, descriptor, contract)


def _integrity_problems(resource: PackageResource, result: FileResult) -> list[InputProblem]:
    """Compare what the descriptor declares with what was read."""
    problems: list[InputProblem] = []
    if result.sha256 != resource.sha256:
        problems.append(InputProblem(code="hash-mismatch", pointer=f"{resource.pointer}/hash"))
    checks: list[tuple[str, str, object, object]] = [
        ("byte-count-mismatch", f"{resource.pointer}/bytes", result.size, resource.bytes),
        (
            "record-count-mismatch",
            f"{resource.pointer}/x-kontrak/records",
            result.records,
            resource.records,
        ),
    ]
    for code, pointer, actual, expected in checks:
        if actual != expected:
            ctx: dict[str, object] = {"actual": actual, "expected": expected}
            problems.append(InputProblem(code=code, pointer=pointer, ctx=ctx))
    return problems


def _resource_contract(
    package: Package | None, problem: InputProblem, catalog: Catalog
) -> Contract | None:
    """The contract of the resource a descriptor problem points at (``/resources/N/...``)."""
    parts = (problem.pointer or "").split("/")
    if package is None or len(parts) < 3 or parts[1] != "resources" or not parts[2].isdigit():
        return None
    index = int(parts[2])
    if index >= len(package.resources):
        return None
    try:
        return load_contract(package.resources[index].spec, catalog)
    except KontrakError:
        return None


def validate_package(path: str | Path, options: ValidateOptions | None = None) -> Report:
    """Validate an exchange package: its descriptor, every resource, and their integrity.

    Primary keys are unique per dataset across the whole package (one delivery); foreign keys
    resolve against the package itself and the packages in ``options.against``.
    """
    options = options or ValidateOptions()
    catalog = load_catalog()
    given = Path(path)
    shown_root = str(given.parent if given.name == "datapackage.json" else given)
    run = _Run(_new_report(options, None, None), options, catalog, keys_per_file=False)
    try:
        package, problems = load_package(given, catalog)
    except UnreadableInputError as exc:
        run.report.files.append(FileResult(path=str(given), readable=False))
        run.problem(exc.problem, str(given), None)
        return run.finish()
    descriptor = str(Path(shown_root) / "datapackage.json")
    for problem in problems:
        run.problem(problem, descriptor, _resource_contract(package, problem, catalog))
    if package is None:
        run.report.files.append(FileResult(path=descriptor, readable=False))
        return run.finish()
    run.report.package = PackageInfo(
        path=shown_root,
        name=package.name,
        provider=package.provider,
        consumer=package.consumer,
        period=f"{package.period_start}/{package.period_end}",
        sha256=package.sha256,
    )
    files_of: dict[str, int] = {}
    for resource in package.resources:
        try:
            run.checker(load_contract(resource.spec, catalog))
        except KontrakError:
            continue  # reported in _check_resource
        files_of[resource.spec] = files_of.get(resource.spec, 0) + 1
    run.shared_keys = {spec for spec, count in files_of.items() if count > 1}
    run.datasets = {resource.dataset for resource in package.resources}
    for resource in package.resources:
        _check_resource(run, package, resource, shown_root)
    run.load_against(options.against)
    return run.finish()
