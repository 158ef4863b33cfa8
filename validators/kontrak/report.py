"""The result of one validation run: what was read, what was found, and the verdict."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kontrak.violation import SEVERITY_ORDER, Violation

__all__ = ["FileResult", "PackageInfo", "Report"]


@dataclass(slots=True)
class FileResult:
    """One input file as read.

    Attributes:
        path: the path as given.
        format: json, jsonl or csv (None when the file could not be opened).
        sha256: hash of the file's bytes, so a report can be reproduced and cited (Pasal 11).
        size: bytes.
        records: records read.
        readable: False when the file could not be read at all.
    """

    path: str
    format: str | None = None
    sha256: str | None = None
    size: int | None = None
    records: int = 0
    readable: bool = True
    dataset: str | None = None
    version: str | None = None


@dataclass(frozen=True, slots=True)
class PackageInfo:
    """The exchange package a report is about."""

    path: str
    name: str
    provider: str
    consumer: str
    period: str
    sha256: str


@dataclass(slots=True)
class Report:
    """Violations of one or more inputs against one contract version."""

    dataset: str | None
    version: str | None
    fail_on: str = "error"
    files: list[FileResult] = field(default_factory=list)
    contracts: dict[str, tuple[str, str]] = field(default_factory=dict)
    package: PackageInfo | None = None
    violations: list[Violation] = field(default_factory=list)
    counts_by_code: Counter[str] = field(default_factory=Counter)
    counts_by_severity: Counter[str] = field(default_factory=Counter)
    counts_by_file: Counter[str] = field(default_factory=Counter)
    counts_by_file_code: Counter[tuple[str, str]] = field(default_factory=Counter)
    counts_by_file_severity: Counter[tuple[str, str]] = field(default_factory=Counter)
    max_violations: int | None = None

    @property
    def contract_uri(self) -> str | None:
        """``$id`` of the contract when the report is about one contract."""
        return next(iter(self.contracts.values()))[0] if len(self.contracts) == 1 else None

    @property
    def contract_sha256(self) -> str | None:
        """sha256 of the contract file when the report is about one contract."""
        return next(iter(self.contracts.values()))[1] if len(self.contracts) == 1 else None

    def add(self, violation: Violation) -> None:
        """Count a violation and keep it; a capped list keeps the first ones in file order.

        With ``max_violations`` set, the list keeps the violations that come first in file order
        (:meth:`Violation.sort_key`), whatever order the engine found them in; memory stays
        bounded by twice the cap.
        """
        self.counts_by_code[violation.code] += 1
        self.counts_by_severity[violation.severity] += 1
        self.counts_by_file[violation.file] += 1
        self.counts_by_file_code[violation.file, violation.code] += 1
        self.counts_by_file_severity[violation.file, violation.severity] += 1
        self.violations.append(violation)
        if self.max_violations is not None and len(self.violations) > 2 * self.max_violations:
            self._trim()

    def count_unlisted(self, file: str, code: str, severity: str, count: int = 1) -> None:
        """Count violations left off a capped list before they reached the report."""
        self.counts_by_code[code] += count
        self.counts_by_severity[severity] += count
        self.counts_by_file[file] += count
        self.counts_by_file_code[file, code] += count
        self.counts_by_file_severity[file, severity] += count

    def _trim(self) -> None:
        self.violations.sort(key=Violation.sort_key)
        if self.max_violations is not None:
            del self.violations[self.max_violations :]

    @property
    def total(self) -> int:
        """Number of violations found, including those left off a capped list."""
        return sum(self.counts_by_severity.values())

    @property
    def truncated(self) -> bool:
        """Whether ``--max-errors`` left violations off the list."""
        return self.total > len(self.violations)

    def file_codes(self, path: str) -> dict[str, int]:
        """Violations of one file by code (complete, whatever the cap)."""
        return {
            code: n for (name, code), n in sorted(self.counts_by_file_code.items()) if name == path
        }

    def file_severities(self, path: str) -> dict[str, int]:
        """Violations of one file by severity (complete, whatever the cap)."""
        return {sev: n for (name, sev), n in self.counts_by_file_severity.items() if name == path}

    @property
    def records(self) -> int:
        """Records read in all files."""
        return sum(f.records for f in self.files)

    @property
    def unreadable(self) -> bool:
        """Whether an input could not be read at all."""
        return any(not f.readable for f in self.files)

    @property
    def valid(self) -> bool:
        """True when nothing at or above the ``fail_on`` severity was found and all was read."""
        threshold = SEVERITY_ORDER[self.fail_on]
        failing = sum(
            n for sev, n in self.counts_by_severity.items() if SEVERITY_ORDER[sev] >= threshold
        )
        return failing == 0 and not self.unreadable

    @property
    def exit_code(self) -> int:
        """0 valid, 1 violations, 2 an input could not be read."""
        if self.unreadable:
            return 2
        return 0 if self.valid else 1

    def sort(self) -> None:
        """Put the kept violations in file order and apply the cap."""
        self._trim()
