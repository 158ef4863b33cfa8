"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure DevOps).

One test suite per input file. Each listed violation is a test case: a ``<failure>`` when its
severity fails the run (``--fail-on``), a passing case with the message in ``<system-out>``
otherwise. An unreadable file is an ``<error>``; a file without violations is one passing case.
Suite attributes and ``<properties>`` carry the complete counts, the contract version and the
file's sha256, also when ``--max-errors`` shortened the list.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from kontrak.report import FileResult, Report
from kontrak.reporters.text_report import location_text
from kontrak.violation import SEVERITY_ORDER, Violation

__all__ = ["render_junit", "subject_of_run"]


def subject_of_run(report: Report) -> str:
    """What the run checked: ``dataset@version``, or the package's name."""
    if report.dataset and report.version:
        return f"{report.dataset}@{report.version}"
    if report.package is not None:
        return f"package {report.package.name}"
    return "kontrak"


def _fails(violation: Violation, report: Report) -> bool:
    return SEVERITY_ORDER[violation.severity] >= SEVERITY_ORDER[report.fail_on]


def _details(violation: Violation, lang: str) -> str:
    lines = [
        f"code: {violation.code}",
        f"severity: {violation.severity}",
        f"location: {location_text(violation, lang)}",
    ]
    for label, value in (
        ("pointer", violation.pointer),
        ("field", violation.field),
        ("value", violation.value),
        ("record", violation.subject),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


def _case(violation: Violation, report: Report, lang: str, *, readable: bool) -> ET.Element:
    case = ET.Element(
        "testcase",
        {
            "classname": f"{violation.dataset}@{violation.version}.{violation.code}"
            if violation.dataset
            else violation.code,
            "name": f"{location_text(violation, lang)}: {violation.code}",
            "file": violation.file,
        },
    )
    line = violation.line or violation.row
    if line is not None:
        case.set("line", str(line))
    message = violation.message(lang)
    # A reading problem of a file that could not be read is an error of the run, not a finding.
    unread = not readable and violation.layer == "input" and violation.record is None
    tag = "error" if unread else "failure"
    if _fails(violation, report):
        element = ET.SubElement(case, tag, {"type": violation.code, "message": message})
        element.text = _details(violation, lang)
    else:
        out = ET.SubElement(case, "system-out")
        out.text = f"[{violation.severity} {violation.code}] {message}\n{_details(violation, lang)}"
    return case


def _suite(result: FileResult, listed: list[Violation], report: Report, lang: str) -> ET.Element:
    cases = [_case(v, report, lang, readable=result.readable) for v in listed]
    if not cases:
        cases = [
            ET.Element(
                "testcase",
                {
                    "classname": subject_of_run(report),
                    "name": result.path,
                    "file": result.path,
                },
            )
        ]
    failures = sum(1 for c in cases if c.find("failure") is not None)
    errors = sum(1 for c in cases if c.find("error") is not None)
    suite = ET.Element(
        "testsuite",
        {
            "name": result.path,
            "tests": str(len(cases)),
            "failures": str(failures),
            "errors": str(errors),
            "skipped": "0",
        },
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("dataset", result.dataset or report.dataset or ""),
        ("version", result.version or report.version or ""),
        ("contract.sha256", report.contract_sha256 or ""),
        ("format", result.format or ""),
        ("sha256", result.sha256 or ""),
        ("records", str(result.records)),
        ("readable", str(result.readable).lower()),
        ("violations", str(report.counts_by_file.get(result.path, 0))),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": value})
    suite.extend(cases)
    return suite


def render_junit(report: Report, lang: str = "id") -> str:
    """Render the report as JUnit XML."""
    root = ET.Element(
        "testsuites",
        {"name": f"kontrak validate {subject_of_run(report)}"},
    )
    for result in report.files:
        listed = [v for v in report.violations if v.file == result.path]
        root.append(_suite(result, listed, report, lang))
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    root.set("errors", str(sum(int(s.get("errors", "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
