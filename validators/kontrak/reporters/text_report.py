"""The terminal report: per file, violations in file order, then counts; a summary table at the end.

A file's list shows at most :data:`SHOWN_PER_CODE` violations of each code (the rest are counted
on one line), so a file with thousands of the same mistake stays readable; ``--format json``
lists them all. Every count is complete, also when ``--max-errors`` shortened the list.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import groupby

from kontrak.error_catalog import error_code
from kontrak.report import FileResult, Report
from kontrak.violation import Violation

__all__ = ["SHOWN_PER_CODE", "counted", "format_count", "location_text", "printable", "render_text"]

SHOWN_PER_CODE = 20

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
        "shown": "dicantumkan",
        "of": "dari",
        "unread": "tidak terbaca",
        "ok": "tidak ada pelanggaran",
        "more": "lagi dengan kode",
        "see_json": "semua tercantum dengan --format json",
        "capped": "daftar dipotong oleh --max-errors",
        "code": "kode",
        "count": "jumlah",
        "title": "judul",
        "in_file": "dalam berkas ini",
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
        "more": "more with code",
        "see_json": "all listed with --format json",
        "capped": "list cut by --max-errors",
        "code": "code",
        "count": "count",
        "title": "title",
        "in_file": "in this file",
    },
}


_SINGULAR_EN = {"records": "record", "files": "file", "errors": "error", "warnings": "warning"}


def counted(number: int, word: str, lang: str = "id") -> str:
    """``number`` and ``word`` (a plural from the word table), singular for one in English."""
    if lang == "en" and number == 1:
        word = _SINGULAR_EN.get(word, word)
    return f"{format_count(number, lang)} {word}"


def format_count(number: int, lang: str = "id") -> str:
    """A count with thousands separators as the language writes them (1.234 / 1,234)."""
    text = f"{number:,}"
    return text.replace(",", ".") if lang != "en" else text


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


def _file_heading(result: FileResult, words: dict[str, str], lang: str) -> str:
    if not result.readable and result.sha256 is None:
        return f"{result.path}  ({words['unread']})"
    digest = (result.sha256 or "")[:12]
    state = f", {words['unread']}" if not result.readable else ""
    records = counted(result.records, words["records"], lang)
    spec = f"{result.dataset}@{result.version}, " if result.dataset else ""
    return f"{result.path}  ({spec}{result.format}, {records}, sha256 {digest}…{state})"


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
    return printable(line)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""``text`` with control characters written as escapes (``\x00``), safe for a terminal.

    A value or key from a payload may hold line breaks, NULs or terminal escape sequences; the
    text report shows them, never sends them.
    """
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def _severity_counts(counts: dict[str, int], words: dict[str, str], lang: str) -> str:
    return (
        f"{counted(counts.get('error', 0), words['errors'], lang)}, "
        f"{counted(counts.get('warning', 0), words['warnings'], lang)}, "
        f"{counted(counts.get('info', 0), words['infos'], lang)}"
    )


def _file_section(
    report: Report, result: FileResult, listed: list[Violation], lang: str, words: dict[str, str]
) -> list[str]:
    out = [_file_heading(result, words, lang)]
    codes = report.file_codes(result.path)
    if not codes:
        out.append(f"  ✓ {words['ok']}")
        return out
    shown: Counter[str] = Counter()
    for violation in listed:
        shown[violation.code] += 1
        if shown[violation.code] <= SHOWN_PER_CODE:
            out.append(_violation_line(violation, lang, words))
    for code, total in codes.items():
        hidden = total - min(shown[code], SHOWN_PER_CODE)
        if hidden > 0:
            out.append(
                f"  … {format_count(hidden, lang)} {words['more']} {code} ({words['see_json']})"
            )
    counts = _severity_counts(report.file_severities(result.path), words, lang)
    by_code = ", ".join(f"{code} {format_count(n, lang)}" for code, n in codes.items())
    out.append(f"  {words['in_file']}: {counts} — {by_code}")
    return out


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
        out += _file_section(report, result, by_file.get(result.path, []), lang, words)
        out.append("")
    records = counted(report.records, words["records"], lang)
    severities = _severity_counts(dict(report.counts_by_severity), words, lang)
    files = counted(len(report.files), words["files"], lang)
    out.append(f"{words['summary']}: {files}, {records}, {severities}")
    ranked = sorted(report.counts_by_code.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked:
        width = max(len(code) for code, _ in ranked)
        out.append(f"  {words['code']:<{width}}  {words['count']:>9}  {words['title']}")
        for code, count in ranked:
            title = error_code(code).title(lang)
            out.append(f"  {code:<{width}}  {format_count(count, lang):>9}  {title}")
    if report.truncated:
        listed = format_count(len(report.violations), lang)
        total = format_count(report.total, lang)
        out.append(f"  ({words['shown']} {listed} {words['of']} {total}: {words['capped']})")
    verdict = "unreadable" if report.unreadable else ("valid" if report.valid else "invalid")
    out.append(f"{words[verdict]} (exit {report.exit_code})")
    return "\n".join(out) + "\n"
