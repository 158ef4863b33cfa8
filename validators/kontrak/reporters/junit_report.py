"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure DevOps).

One test suite per input file. Each listed violation is a test case: a ``<failure>`` when its
severity fails the run (``--fail-on``), a passing case with the message in ``<system-out>``
otherwise. An unreadable file is an ``<error>``; a file without violations is one passing case.
Suite attributes and ``<properties>`` carry the complete counts, the contract version and the
file's sha256, also when ``--max-errors`` shortened the list.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from kontrak.report import FileResult, Report
from kontrak.reporters.text_report import location_text
from kontrak.violation import SEVERITY_ORDER, Violation

__all__ = ["iter_junit", "render_junit", "subject_of_run"]


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
    tag = "error" if _unread(violation, readable=readable) else "failure"
    if _fails(violation, report):
        element = ET.SubElement(case, tag, {"type": violation.code, "message": message})
        element.text = _details(violation, lang)
    else:
        out = ET.SubElement(case, "system-out")
        out.text = f"[{violation.severity} {violation.code}] {message}\n{_details(violation, lang)}"
    return case


def _unread(violation: Violation, *, readable: bool) -> bool:
    """A reading problem of a file that could not be read: an error of the run, not a finding."""
    return not readable and violation.layer == "input" and violation.record is None


def _suite(
    result: FileResult, listed: list[Violation], report: Report, placeholder: str
) -> ET.Element:
    """The suite of one file; its cases, if it has violations, are one placeholder case."""
    if listed:
        fails = [v for v in listed if _fails(v, report)]
        errors = sum(1 for v in fails if _unread(v, readable=result.readable))
        failures = len(fails) - errors
        cases = [ET.Element("testcase", {"name": placeholder})]
    else:
        failures = errors = 0
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
    suite = ET.Element(
        "testsuite",
        {
            "name": result.path,
            "tests": str(len(listed) or 1),
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
    return "".join(iter_junit(report, lang))


def iter_junit(report: Report, lang: str = "id") -> Iterator[str]:
    """The JUnit XML in pieces: one test case is turned into text at a time.

    The document is laid out (``ET.indent``) with one placeholder case per file that has
    violations; each placeholder is then replaced by that file's cases, each laid out at the
    depth it would have had in the whole tree.
    """
    root = ET.Element(
        "testsuites",
        {"name": f"kontrak validate {subject_of_run(report)}"},
    )
    token = f"kontrak-cases-{uuid.uuid4().hex}"
    listed: dict[str, list[Violation]] = {}
    for violation in report.violations:
        listed.setdefault(violation.file, []).append(violation)
    placeholders: list[tuple[str, FileResult]] = []
    for number, result in enumerate(report.files):
        placeholder = f"{token}-{number}"
        root.append(_suite(result, listed.get(result.path, []), report, placeholder))
        if listed.get(result.path):
            placeholders.append((placeholder, result))
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    root.set("errors", str(sum(int(s.get("errors", "0")) for s in root)))
    ET.indent(root)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    for placeholder, result in placeholders:
        tag = ET.tostring(ET.Element("testcase", {"name": placeholder}), encoding="unicode")
        head, text = text.split(tag, 1)
        yield head
        for at, violation in enumerate(listed[result.path]):
            case = _case(violation, report, lang, readable=result.readable)
            ET.indent(case, level=2)
            yield ("\n    " if at else "") + ET.tostring(case, encoding="unicode")
    yield text
