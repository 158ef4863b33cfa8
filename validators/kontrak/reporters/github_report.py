"""GitHub Actions workflow commands: one annotation per listed violation, then a summary.

``::error file=…,line=…,title=…::message`` puts the violation on the file and line in a pull
request (``warning`` and ``notice`` for the lower severities). Values are escaped as the
workflow-command syntax requires; a JSON Pointer goes into the message when there is no line.
A plain summary follows, then the sha256 of each contract and input, so the log can be cited.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kontrak.report import Report
from kontrak.reporters.junit_report import subject_of_run
from kontrak.reporters.text_report import counted, format_count, location_text
from kontrak.violation import Violation

__all__ = ["escape_data", "escape_property", "iter_github", "render_github"]

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow-command message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(violation: Violation, lang: str) -> str:
    properties = [f"file={escape_property(violation.file)}"]
    line = violation.line or violation.row
    if line is not None:
        properties.append(f"line={line}")
    title = f"kontrak {violation.code} · {location_text(violation, lang)}"
    properties.append(f"title={escape_property(title)}")
    message = violation.message(lang)
    if violation.pointer and line is None:
        message += f" (#{violation.pointer})"
    if violation.value is not None:
        message += f" [{violation.value}]"
    command = _COMMANDS[violation.severity]
    return f"::{command} {','.join(properties)}::{escape_data(message)}"


_SUMMARY = {
    "id": {
        "valid": "sah", "invalid": "tidak sah", "unreadable": "tidak terbaca", "records": "record",
        "errors": "galat", "warnings": "peringatan", "of": "dari", "annotated": "dianotasi",
    },
    "en": {
        "valid": "valid", "invalid": "invalid", "unreadable": "unreadable", "records": "records",
        "errors": "errors", "warnings": "warnings", "of": "of", "annotated": "annotated",
    },
}  # fmt: skip


def render_github(report: Report, lang: str = "id") -> str:
    """Render the report as GitHub Actions annotations and a plain summary."""
    return "".join(iter_github(report, lang))


def iter_github(report: Report, lang: str = "id") -> Iterator[str]:
    """The annotations and the summary, a line at a time."""
    for violation in report.violations:
        yield _annotation(violation, lang) + "\n"
    counts = report.counts_by_severity
    words = _SUMMARY["en" if lang == "en" else "id"]
    verdict = words["unreadable" if report.unreadable else ("valid" if report.valid else "invalid")]
    summary = (
        f"kontrak validate {subject_of_run(report)}: {verdict} (exit {report.exit_code}); "
        f"{counted(report.records, words['records'], lang)}, "
        f"{counted(counts.get('error', 0), words['errors'], lang)}, "
        f"{counted(counts.get('warning', 0), words['warnings'], lang)}, "
        f"{counted(counts.get('info', 0), 'info', lang)}"
    )
    if report.truncated:
        shown, total = format_count(len(report.violations), lang), format_count(report.total, lang)
        summary += f"; {shown} {words['of']} {total} {words['annotated']} (--max-errors)"
    for line in [summary, *_provenance(report)]:
        yield line + "\n"


def _provenance(report: Report) -> list[str]:
    """The contract versions and input hashes the verdict rests on (Pasal 11), one per line."""
    lines = [
        f"  contract {spec} sha256 {sha256}"
        for spec, (_, sha256) in sorted(report.contracts.items())
    ]
    if report.package is not None:
        descriptor = Path(report.package.path) / "datapackage.json"
        lines.append(f"  package {descriptor} sha256 {report.package.sha256}")
    lines.extend(
        f"  input {result.path} sha256 {result.sha256}" for result in report.files if result.sha256
    )
    return lines
