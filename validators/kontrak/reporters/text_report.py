"""The terminal report: violations grouped by file, one line each, then a summary."""

from __future__ import annotations

from itertools import groupby

from kontrak.report import FileResult, Report
from kontrak.violation import Violation

__all__ = ["location_text", "render_text"]

_WORDS = {
    "id": {
        "contract": "kontrak",
        "package": "paket",
        "file": "berkas",
        "records": "record",
        "summary": "Ringkasan",
        "files": "berkas",
        "errors": "galat",
        "warnings": "peringatan",
        "infos": "info",
        "valid": "SAH",
        "invalid": "TIDAK SAH",
        "unreadable": "TIDAK TERBACA",
        "value": "nilai",
        "record": "record",
        "row": "baris",
        "line": "baris",
        "column": "kolom",
        "shown": "ditampilkan",
        "of": "dari",
        "unread": "tidak terbaca",
        "ok": "tidak ada pelanggaran",
    },
    "en": {
        "contract": "contract",
        "package": "package",
        "file": "file",
        "records": "records",
        "summary": "Summary",
        "files": "files",
        "errors": "errors",
        "warnings": "warnings",
        "infos": "info",
        "valid": "VALID",
        "invalid": "INVALID",
        "unreadable": "UNREADABLE",
        "value": "value",
        "record": "record",
        "row": "row",
        "line": "line",
        "column": "column",
        "shown": "listed",
        "of": "of",
        "unread": "not readable",
        "ok": "no violations",
    },
}


def location_text(violation: Violation, lang: str = "id") -> str:
    """Where a violation is, in the form an editor or spreadsheet user can follow."""
    words = _WORDS["en" if lang == "en" else "id"]
    parts: list[str] = []
    if violation.row is not None:
        parts.append(f"{words['row']} {violation.row}")
        if violation.field:
            parts.append(f"{words['column']} {violation.field}")
        return ", ".join(parts)
    if violation.line is not None:
        parts.append(f"{words['line']} {violation.line}")
    if violation.pointer:
        parts.append(f"#{violation.pointer}")
    return " ".join(parts) or f"({words['file']})"


def _heading(report: Report, words: dict[str, str]) -> str:
    if report.package is not None:
        package = report.package
        return (
            f"kontrak validate · {words['package']} {package.name} ({package.provider}→"
            f"{package.consumer}, {package.period}, sha256 {package.sha256[:12]}…)"
        )
    if report.contract_sha256:
        return (
            f"kontrak validate · {report.dataset}@{report.version} "
            f"({words['contract']} sha256 {report.contract_sha256[:12]}…)"
        )
    return f"kontrak validate · {report.dataset}@{report.version}"


def _file_heading(result: FileResult, words: dict[str, str]) -> str:
    if not result.readable:
        return f"{result.path}  ({words['unread']})"
    digest = (result.sha256 or "")[:12]
    spec = f"{result.dataset}@{result.version}, " if result.dataset else ""
    return (
        f"{result.path}  ({spec}{result.format}, {result.records} {words['records']}, "
        f"sha256 {digest}…)"
    )


def _violation_line(violation: Violation, lang: str, words: dict[str, str]) -> str:
    where = location_text(violation, lang)
    line = f"  {where}  [{violation.severity} {violation.code}] {violation.message(lang)}"
    extras = []
    if violation.value is not None:
        extras.append(f"{words['value']}: {violation.value}")
    if violation.subject:
        extras.append(f"{words['record']}: {violation.subject}")
    if extras:
        line += "  (" + "; ".join(extras) + ")"
    return line


def render_text(report: Report, lang: str = "id") -> str:
    """Render the report for a terminal."""
    words = _WORDS["en" if lang == "en" else "id"]
    out = [_heading(report, words), ""]
    by_file = {f: list(vs) for f, vs in groupby(report.violations, key=lambda v: v.file)}
    known = {result.path for result in report.files}
    for path, violations in by_file.items():
        if path not in known:  # e.g. a package descriptor
            out.append(path)
            out += [_violation_line(v, lang, words) for v in violations]
            out.append("")
    for result in report.files:
        out.append(_file_heading(result, words))
        listed = by_file.get(result.path, [])
        out += [_violation_line(v, lang, words) for v in listed]
        if not listed and not report.counts_by_file.get(result.path):
            out.append(f"  ✓ {words['ok']}")
        out.append("")
    counts = report.counts_by_severity
    out.append(
        f"{words['summary']}: {len(report.files)} {words['files']}, {report.records} "
        f"{words['records']}, {counts.get('error', 0)} {words['errors']}, "
        f"{counts.get('warning', 0)} {words['warnings']}, {counts.get('info', 0)} {words['infos']}"
    )
    for code, count in sorted(report.counts_by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"  {code:<28} {count}")
    if report.truncated:
        out.append(f"  ({words['shown']} {len(report.violations)} {words['of']} {report.total})")
    verdict = "unreadable" if report.unreadable else ("valid" if report.valid else "invalid")
    out.append(f"{words[verdict]} (exit {report.exit_code})")
    return "\n".join(out) + "\n"
