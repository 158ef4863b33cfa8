"""JUnit XML for CI test-report views: one test case per direction the mode requires."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from kontrak.evolution.model import Comparison, CompatResult, Direction
from kontrak.evolution.output.report import (
    CompatReport,
    breaks_text,
    change_message,
    comparisons_in_scope,
)

__all__ = ["render_junit"]


def _case(
    suite: ET.Element, result: CompatResult, comparison: Comparison, direction: Direction, lang: str
) -> bool:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=f"kontrak.compat.{result.dataset}",
        name=f"{direction.value} {comparison.label('old')} → {comparison.label('new')}",
    )
    breaking = [c for c in comparison.changes if c.breaks_in(frozenset({direction}))]
    if not breaking:
        return True
    failure = ET.SubElement(
        case,
        "failure",
        type="incompatible",
        message=", ".join(sorted({c.rule for c in breaking})),
    )
    failure.text = "\n".join(
        f"{c.rule} {c.path or '/'}: {change_message(c, lang)}" for c in breaking
    )
    return False


def _suite(root: ET.Element, result: CompatResult, lang: str) -> tuple[int, int]:
    primary = result.primary
    suite = ET.SubElement(
        root,
        "testsuite",
        name=f"{result.dataset} {primary.label('old')} → {primary.label('new')} "
        f"({result.mode.value})",
    )
    tests = failures = 0
    for comparison in comparisons_in_scope(result):
        for direction in sorted(result.mode.directions):
            tests += 1
            failures += 0 if _case(suite, result, comparison, direction, lang) else 1
    if tests == 0:
        tests = 1
        ET.SubElement(suite, "testcase", classname=f"kontrak.compat.{result.dataset}", name="NONE")
    out = ET.SubElement(suite, "system-out")
    out.text = "\n".join(
        f"{c.old}→{c.new} [{ch.severity(result.mode)}] {ch.rule} {ch.path or '/'} "
        f"({breaks_text(ch, lang)}): {change_message(ch, lang)}"
        for c in result.comparisons
        for ch in c.changes
    )
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    return tests, failures


def render_junit(report: CompatReport, lang: str = "id") -> str:
    """The report as a JUnit XML document."""
    root = ET.Element("testsuites", name="kontrak compat")
    tests = failures = 0
    for result in report.results:
        suite_tests, suite_failures = _suite(root, result, lang)
        tests += suite_tests
        failures += suite_failures
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
