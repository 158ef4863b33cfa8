"""The JSON report that CI jobs of both agencies parse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kontrak.report import Report
from kontrak.reporters.json_stream import iter_json_with_list
from kontrak.violation import Violation

__all__ = [
    "REPORT_FORMAT_VERSION",
    "REPORT_SCHEMA_URI",
    "iter_json",
    "render_json",
    "report_to_dict",
    "violation_to_dict",
]

REPORT_FORMAT_VERSION = "1"
REPORT_SCHEMA_URI = "https://lan-bkn.github.io/kontrak/schemas/report.schema.json"


def violation_to_dict(violation: Violation, lang: str = "id") -> dict[str, Any]:
    """One violation as JSON data."""
    return {
        "code": violation.code,
        "severity": violation.severity,
        "layer": violation.layer,
        "file": violation.file,
        "line": violation.line,
        "row": violation.row,
        "record": violation.record,
        "pointer": violation.pointer,
        "field": violation.field,
        "subject": violation.subject,
        "value": violation.value,
        "message": violation.message(lang),
        "dataset": violation.dataset,
        "version": violation.version,
    }


def report_to_dict(report: Report, lang: str = "id") -> dict[str, Any]:
    """The whole report as JSON data."""
    head = _head(report)
    head["violations"] = [violation_to_dict(v, lang) for v in report.violations]
    return head


def _head(report: Report) -> dict[str, Any]:
    """Everything in the report but the list of violations."""
    from kontrak import __version__  # noqa: PLC0415 - avoids an import cycle at load time

    return {
        "$schema": REPORT_SCHEMA_URI,
        "format": REPORT_FORMAT_VERSION,
        "tool": {"name": "kontrak", "version": __version__},
        "dataset": report.dataset,
        "version": report.version,
        "contract": (
            {"uri": report.contract_uri, "sha256": report.contract_sha256}
            if report.contract_uri
            else None
        ),
        "contracts": [
            {"spec": spec, "uri": uri, "sha256": sha256}
            for spec, (uri, sha256) in sorted(report.contracts.items())
        ],
        "package": (
            {
                "path": report.package.path,
                "name": report.package.name,
                "provider": report.package.provider,
                "consumer": report.package.consumer,
                "period": report.package.period,
                "sha256": report.package.sha256,
            }
            if report.package
            else None
        ),
        "valid": report.valid,
        "exit_code": report.exit_code,
        "fail_on": report.fail_on,
        "summary": {
            "files": len(report.files),
            "records": report.records,
            "errors": report.counts_by_severity.get("error", 0),
            "warnings": report.counts_by_severity.get("warning", 0),
            "infos": report.counts_by_severity.get("info", 0),
            "violations": report.total,
            "listed": len(report.violations),
            "truncated": report.truncated,
            "by_code": dict(sorted(report.counts_by_code.items())),
            "by_file": dict(report.counts_by_file),
        },
        "files": [
            {
                "path": f.path,
                "dataset": f.dataset,
                "version": f.version,
                "format": f.format,
                "sha256": f.sha256,
                "size": f.size,
                "records": f.records,
                "readable": f.readable,
                "violations": report.counts_by_file.get(f.path, 0),
                "by_code": report.file_codes(f.path),
            }
            for f in report.files
        ],
    }


def iter_json(report: Report, lang: str = "id") -> Iterator[str]:
    """The report as indented JSON text, in pieces: one violation is turned into text at a time."""
    listed = (violation_to_dict(v, lang) for v in report.violations)
    return iter_json_with_list(_head(report), ("violations",), listed)


def render_json(report: Report, lang: str = "id") -> str:
    """Render the report as indented JSON text."""
    return "".join(iter_json(report, lang))
