"""All checks on one record, in layer order, producing located, masked violations.

Layers: input marks (repeated keys), structure, bulk columns, domain rules, dataset (primary key).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kontrak.contract import Contract
from kontrak.engine.findings import Finding, StructureChecker
from kontrak.engine.spreadsheet_hints import refine_spreadsheet_finding
from kontrak.engine.structure import StructureEngine, json_type_name
from kontrak.error_catalog import error_code
from kontrak.evolution.deprecation import DeprecationWatch
from kontrak.masking import key_looks_like_data, mask_text, render_value
from kontrak.pointer import join_pointer
from kontrak.readers.base import InputProblem, LocatedRecord
from kontrak.reference_checks import ReferenceChecker
from kontrak.rules import RULES
from kontrak.violation import Severity, Violation

__all__ = ["RecordChecker", "Screened"]

SUBJECT_FIELD = "nipBaru"


@dataclass(frozen=True, slots=True)
class Screened:
    """What a fast engine's screens already established about one record.

    :meth:`RecordChecker.check` then leaves out the work whose result is known; the violations
    are the same as without it.

    Attributes:
        structure: the record's structure findings as :meth:`RecordChecker.structure_findings`
            gives them, when known; None to find them.
        references_pass: the reference layer surely finds nothing on the record.
        rules_pass: by index in the contract's rules, whether the rule surely finds nothing on
            the record (a missing index: not known).
    """

    structure: Sequence[Finding] | None = None
    references_pass: bool = False
    rules_pass: Sequence[bool] = ()


@dataclass(frozen=True, slots=True)
class _Place:
    file: str
    item: LocatedRecord


def _pointer_parts(pointer: str) -> tuple[str, ...]:
    if not pointer:
        return ()
    return tuple(p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/"))


def _holder_place(file: str, item: LocatedRecord) -> tuple[str, str, str]:
    """Where a record is, kept per primary key: (file, kind, position), no record value."""
    if item.row is not None:
        return file, "row", str(item.row)
    if item.line is not None:
        return file, "line", str(item.line)
    return file, "pointer", f"#{item.pointer or '/'}"


def _holder_text(holder: tuple[str, str, str], file: str) -> dict[str, str]:
    """The first holder of a key in each message language; its file when it is another one."""
    holder_file, kind, position = holder
    texts = {
        "row": {"id": f"baris {position}", "en": f"row {position}"},
        "line": {"id": f"baris {position}", "en": f"line {position}"},
        "pointer": {"id": position, "en": position},
    }[kind]
    if holder_file != file:
        texts = {
            "id": f"{texts['id']} berkas {holder_file}",
            "en": f"{texts['en']} of {holder_file}",
        }
    return texts


class RecordChecker:
    """Checks every record of one validation run against one contract."""

    def __init__(
        self,
        contract: Contract,
        *,
        show_values: bool = False,
        structure: StructureChecker | None = None,
    ) -> None:
        self.contract = contract
        self.show_values = show_values
        self._structure: StructureChecker = structure or StructureEngine(contract)
        self._references = ReferenceChecker(contract)
        self._rules = [(spec, RULES[spec.rule]) for spec in contract.rules]
        self._seen_keys: dict[tuple[Any, ...], tuple[str, str, str]] = {}
        self._deprecations = DeprecationWatch(contract)

    @property
    def checks_every_record(self) -> bool:
        """Whether every record must go through :meth:`check` of this very checker.

        True when the contract has deprecated fields, reported once per file by the checker's
        own state: a fast engine cannot then check records in parts (or processes) of its own.
        Coded fields (reference tables) are screened like the domain rules
        (:mod:`kontrak.fast.reference_screens`).
        """
        return self._deprecations.active

    def start_file(self) -> None:
        """Begin a new file: primary keys are unique within one file (one delivery)."""
        self._seen_keys.clear()
        self._deprecations.start_file()

    # ------------------------------------------------------------------ helpers
    def _is_personal(self, field: str | None) -> bool:
        spec = self.contract.fields.get(field) if field else None
        # A field the contract does not know is treated as personal: it is unclassified.
        return spec is None or spec.personal

    def _severity(self, code: str, override: str | None) -> Severity:
        if override in ("error", "warning", "info"):
            return override  # type: ignore[return-value]
        if code == "field-not-agreed":
            return self.contract.extra_fields_severity  # type: ignore[return-value]
        return error_code(code).severity

    def subject_of(self, record: Mapping[str, Any]) -> str | None:
        """A masked hint that finds the record: its NIP, else its primary key."""
        return self._subject(record)

    def _subject(self, record: Mapping[str, Any]) -> str | None:
        value = record.get(SUBJECT_FIELD)
        if not isinstance(value, str) or not value:
            key = [record.get(k) for k in self.contract.primary_key]
            if not all(isinstance(k, str | int) for k in key):
                return None
            text = "/".join(str(k) for k in key)
            personal = any(self._is_personal(k) for k in self.contract.primary_key)
            return text if self.show_values or not personal else mask_text(text)
        return value if self.show_values else mask_text(value)

    def _violation(
        self, finding: Finding, place: _Place, subject: str | None, severity: str | None = None
    ) -> Violation:
        item = place.item
        value = None
        if finding.has_value:
            value = render_value(
                finding.value,
                personal=self._is_personal(finding.field),
                show_values=self.show_values,
            )
        parts, field = finding.parts, finding.field
        unknown = bool(field) and field not in self.contract.fields
        if unknown and not self.show_values and key_looks_like_data(str(field)):
            masked = mask_text(str(field))  # e.g. a payload keyed by NIP (Pasal 9)
            parts = tuple(masked if part == field else part for part in parts)
            field = masked
        return Violation(
            code=finding.code,
            severity=self._severity(finding.code, severity or finding.severity),
            file=place.file,
            pointer=join_pointer(item.pointer, *parts),
            field=field,
            line=item.line,
            row=item.row,
            record=item.index,
            subject=subject,
            value=value,
            ctx=finding.ctx,
            dataset=self.contract.dataset,
            version=self.contract.version,
            engine=finding.engine,
        )

    # ------------------------------------------------------------------- checks
    @staticmethod
    def bare_problem(problem: InputProblem, file: str) -> Violation:
        """Turn a problem found outside any contract (a package descriptor) into a violation."""
        severity = problem.severity if problem.severity in ("warning", "info") else None
        return Violation(
            code=problem.code,
            severity=severity or error_code(problem.code).severity,  # type: ignore[arg-type]
            file=file,
            pointer=problem.pointer,
            field=problem.field,
            line=problem.line,
            row=problem.row,
            ctx=problem.ctx,
            engine="reader",
        )

    def problem(self, problem: InputProblem, file: str) -> Violation:
        """Turn a reader's problem into a violation."""
        severity = problem.severity if problem.severity != "error" else None
        return Violation(
            code=problem.code,
            severity=self._severity(problem.code, severity),
            file=file,
            pointer=problem.pointer,
            field=problem.field,
            line=problem.line,
            row=problem.row,
            ctx=problem.ctx,
            dataset=self.contract.dataset,
            version=self.contract.version,
            engine="reader",
        )

    def structure_findings(self, item: LocatedRecord, *, bulk: bool) -> list[Finding]:
        """The structure findings of one record (repeated keys, schema, bulk columns)."""
        return self._structure_findings(item, bulk)

    def _structure_findings(self, item: LocatedRecord, bulk: bool) -> list[Finding]:
        record = item.value
        findings = [
            Finding(
                code="duplicate-key",
                parts=(*_pointer_parts(pointer), key),
                field=(_pointer_parts(pointer) or (key,))[0],
                engine="reader",
            )
            for pointer, key in item.duplicate_keys
        ]
        seen: set[tuple[str, tuple[str | int, ...]]] = set()
        tabular = item.row is not None  # CSV or Excel: a spreadsheet may have damaged cells
        for raw in self._structure.check(record):
            finding = refine_spreadsheet_finding(raw, self.contract) if tabular else raw
            key = (finding.code, finding.parts)
            if key in seen:
                continue  # e.g. a date that fails both its pattern and its format
            seen.add(key)
            if (
                finding.code == "missing-field"
                and len(finding.parts) == 1
                and finding.field in item.absent_columns
            ):
                continue  # the missing column was reported once, at the header
            findings.append(finding)
        typed = {finding.parts for finding in findings if finding.code == "wrong-type"}
        if typed:  # a value of the wrong type is one problem: its enum/const miss is implied
            findings = [
                finding
                for finding in findings
                if finding.code != "value-not-allowed" or finding.parts not in typed
            ]
        if bulk:
            missing = {f.field for f in findings if f.code == "missing-field"}
            for name in self.contract.bulk_required:
                if name not in record and name not in missing and name not in item.absent_columns:
                    findings.append(Finding(code="missing-field", parts=(name,), field=name))
        return findings

    def _rule_findings(
        self, record: Mapping[str, Any], failed: set[str | None], passing: Sequence[bool] = ()
    ) -> Iterator[tuple[Finding, str]]:
        known = len(passing)
        for number, (spec, rule) in enumerate(self._rules):
            if (number < known and passing[number]) or failed.intersection(
                rule.fields_of(spec.args)
            ):
                continue
            for finding in rule.check(record, spec.args):
                yield finding, spec.severity

    def _key_finding(self, record: Mapping[str, Any], place: _Place) -> Finding | None:
        names = self.contract.primary_key
        key = tuple(record.get(name) for name in names)
        if not all(isinstance(part, str | int) and part != "" for part in key):
            return None
        first = self._seen_keys.get(key)
        if first is None:
            self._seen_keys[key] = _holder_place(place.file, place.item)
            return None
        return Finding(
            code="duplicate-primary-key",
            parts=(names[0],),
            field=names[0],
            ctx={"fields": ", ".join(names), "first": _holder_text(first, place.file)},
            engine="dataset",
        )

    def record_violation(self, finding: Finding, item: LocatedRecord, file: str) -> Violation:
        """Turn a finding about record ``item`` (found by another engine) into a violation."""
        record = item.value
        subject = self._subject(record) if isinstance(record, dict) else None
        return self._violation(finding, _Place(file=file, item=item), subject)

    def check(
        self,
        item: LocatedRecord,
        file: str,
        *,
        bulk: bool,
        dataset: bool = True,
        screened: Screened | None = None,
    ) -> Iterator[Violation]:
        """Yield every violation of one record.

        ``dataset=False`` leaves out the checks across records (primary key), for an engine that
        runs those itself. ``screened`` tells what is already known of the record's layers, so
        that only the rest is checked.
        """
        place = _Place(file=file, item=item)
        record = item.value
        if not isinstance(record, dict):
            finding = Finding(
                code="wrong-type",
                # named as JSON names it (integer, array, null), not as Python does (int, list)
                ctx={"field": "record", "expected": "object", "actual": json_type_name(record)},
                engine="reader",
            )
            yield self._violation(finding, place, None)
            return
        subject = self._subject(record)
        known = screened.structure if screened is not None else None
        findings = self._structure_findings(item, bulk) if known is None else known
        for finding in (*findings, *self._deprecations.findings(record)):
            yield self._violation(finding, place, subject)
        failed = {f.field for f in findings}
        if screened is None or not screened.references_pass:
            for finding in self._references.check(record, failed):
                failed.add(finding.field)
                yield self._violation(finding, place, subject)
        passing = screened.rules_pass if screened is not None else ()
        for finding, severity in self._rule_findings(record, failed, passing):
            yield self._violation(finding, place, subject, severity)
        if dataset:
            yield from self.dataset_violations(item, file)

    def dataset_violations(self, item: LocatedRecord, file: str) -> Iterator[Violation]:
        """Yield the violations of one record found across the file's records (primary key).

        Records must come in file order; :meth:`start_file` starts a new file.
        """
        record = item.value
        if not isinstance(record, dict):
            return
        place = _Place(file=file, item=item)
        key_finding = self._key_finding(record, place)
        if key_finding is not None:
            yield self._violation(key_finding, place, self._subject(record))
