"""The library entry point: validate inputs against a contract and return a report."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kontrak.contract import Contract, load_contract
from kontrak.fast.run import validate_file_fast
from kontrak.progress import ProgressSink
from kontrak.readers import InputProblem, UnreadableInputError, read_input
from kontrak.record_checks import RecordChecker
from kontrak.report import FileResult, Report

__all__ = ["ValidateOptions", "validate", "validate_with_contract"]

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
        engine: ``fast`` (default; :mod:`kontrak.fast`) or ``reference`` (python-jsonschema,
            record by record). Both report the same violations; the reference is the oracle.
        workers: processes for large JSON Lines files (None: two when the file is large and
            the machine has two cores; 1: none).
        progress: receives the progress of each file (the CLI shows a bar on a terminal).
    """

    show_values: bool = False
    max_errors: int | None = None
    fail_on: str = "error"
    input_format: str | None = None
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


def _validate_file(
    path: Path, shown: str, checker: RecordChecker, report: Report, options: ValidateOptions
) -> None:
    result = FileResult(path=shown)
    report.files.append(result)
    checker.start_file()
    if options.engine == "fast" and validate_file_fast(
        path, shown, checker.contract, report, result, options
    ):
        return
    try:
        read = read_input(path, checker.contract, options.input_format)
        result.format = read.format
        result.sha256, result.size = _hash_file(path)
        for item in read.items:
            if isinstance(item, InputProblem):
                report.add(checker.problem(item, shown))
                continue
            result.records += 1
            for violation in checker.check(item, shown, bulk=read.bulk):
                report.add(violation)
    except UnreadableInputError as exc:
        result.readable = False
        report.add(checker.problem(exc.problem, shown))
    except OSError as exc:
        result.readable = False
        problem = InputProblem(code="file-unreadable", ctx={"reason": exc.strerror or str(exc)})
        report.add(checker.problem(problem, shown))


def validate_with_contract(
    contract: Contract, paths: Sequence[str | Path], options: ValidateOptions | None = None
) -> Report:
    """Validate ``paths`` against an already loaded contract."""
    options = options or ValidateOptions()
    report = Report(
        dataset=contract.dataset,
        version=contract.version,
        contract_uri=contract.uri,
        contract_sha256=contract.sha256,
        fail_on=options.fail_on,
        max_violations=options.max_errors,
    )
    checker = RecordChecker(contract, show_values=options.show_values)
    for given in paths:
        _validate_file(Path(given), str(given), checker, report, options)
    report.sort()
    return report


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
