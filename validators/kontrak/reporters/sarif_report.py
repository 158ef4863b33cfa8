"""SARIF 2.1.0, for code-scanning views (GitHub code scanning, Azure DevOps, VS Code).

One run; the tool's rules are the catalog codes that occur, each with its title, description,
severity and a link to its entry in the published error catalog. A result is located by its file
and its line (JSON Lines) or spreadsheet row (CSV, Excel: row 1 is the header, so the row is the
line of a file without multi-line cells), and by its JSON Pointer as a logical location. Each
input file is an artifact with its sha256; so is a package's ``datapackage.json`` when a result
is located in it. Complete counts and the contract version are in the
run's properties. ``tests/acceptance/test_reporters.py`` validates the output against the OASIS
schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from kontrak.error_catalog import error_code
from kontrak.report import Report
from kontrak.reporters.json_stream import iter_json_with_list
from kontrak.violation import Violation

__all__ = ["SARIF_SCHEMA", "iter_sarif", "render_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_DOCS = "https://lan-bkn.github.io/kontrak/"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())


def _rule(code: str, lang: str) -> dict[str, Any]:
    entry = error_code(code)
    page = "en/galat/" if lang == "en" else "galat/"
    return {
        "id": code,
        "name": "".join(part.capitalize() for part in code.split("-")),
        "shortDescription": {"text": entry.title(lang)},
        "fullDescription": {"text": entry.description(lang)},
        "helpUri": f"{_DOCS}{page}#{code}",
        "defaultConfiguration": {"level": _LEVELS[entry.severity]},
        "properties": {"tags": list(entry.tags), "layer": entry.layer},
    }


def _result(
    violation: Violation, rules: dict[str, int], artifacts: dict[str, int], lang: str
) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": _uri(violation.file), "index": artifacts[violation.file]}
    }
    line = violation.line or violation.row
    if line is not None:
        physical["region"] = {"startLine": line}
    location: dict[str, Any] = {"physicalLocation": physical}
    if violation.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": violation.pointer, "kind": "member"}]
    properties = {
        key: value
        for key, value in (
            ("field", violation.field),
            ("row", violation.row),
            ("line", violation.line),
            ("record", violation.record),
            ("pointer", violation.pointer),
            ("subject", violation.subject),
            ("value", violation.value),
            ("dataset", violation.dataset),
            ("version", violation.version),
        )
        if value is not None
    }
    return {
        "ruleId": violation.code,
        "ruleIndex": rules[violation.code],
        "level": _LEVELS[violation.severity],
        "message": {"text": violation.message(lang)},
        "locations": [location],
        "properties": properties,
    }


def _artifacts(report: Report) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Index and describe every file a result can point at: the inputs, then other files.

    A package's results on its descriptor (``hash-mismatch``, ``unsafe-resource-path``) are in
    ``datapackage.json``, which is not a data input; it becomes an artifact with the package's
    descriptor hash.
    """
    descriptor = str(Path(report.package.path) / "datapackage.json") if report.package else None
    index: dict[str, int] = {}
    described: list[dict[str, Any]] = []
    for result in report.files:
        if result.path in index:
            continue
        artifact: dict[str, Any] = {"location": {"uri": _uri(result.path)}}
        if result.sha256:
            artifact["hashes"] = {"sha-256": result.sha256}
        if result.size is not None:
            artifact["length"] = result.size
        index[result.path] = len(described)
        described.append(artifact)
    for path in [*report.counts_by_file, *(v.file for v in report.violations)]:
        if path in index:
            continue
        artifact = {"location": {"uri": _uri(path)}}
        if report.package is not None and path == descriptor:
            artifact["hashes"] = {"sha-256": report.package.sha256}
        index[path] = len(described)
        described.append(artifact)
    return index, described


def render_sarif(report: Report, lang: str = "id") -> str:
    """Render the report as a SARIF 2.1.0 log."""
    return "".join(iter_sarif(report, lang))


def iter_sarif(report: Report, lang: str = "id") -> Iterator[str]:
    """The SARIF 2.1.0 log in pieces: one result is turned into text at a time."""
    from kontrak import __version__  # noqa: PLC0415 - avoids an import cycle at load time

    codes = sorted(report.counts_by_code)
    rules = {code: i for i, code in enumerate(codes)}
    artifacts, artifact_list = _artifacts(report)
    run = {
        "tool": {
            "driver": {
                "name": "kontrak",
                "version": __version__,
                "informationUri": _DOCS,
                "rules": [_rule(code, lang) for code in codes],
            }
        },
        "artifacts": artifact_list,
        "invocations": [
            {
                "executionSuccessful": not report.unreadable,
                "exitCode": report.exit_code,
            }
        ],
        "results": None,  # streamed below
        "properties": {
            "dataset": report.dataset,
            "version": report.version,
            "contracts": [
                {"spec": spec, "uri": uri, "sha256": sha256}
                for spec, (uri, sha256) in sorted(report.contracts.items())
            ],
            "package": report.package.name if report.package else None,
            "valid": report.valid,
            "failOn": report.fail_on,
            "records": report.records,
            "violations": report.total,
            "listed": len(report.violations),
            "truncated": report.truncated,
            "byCode": dict(sorted(report.counts_by_code.items())),
        },
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    results = (_result(v, rules, artifacts, lang) for v in report.violations)
    return iter_json_with_list(log, ("runs", 0, "results"), results)
