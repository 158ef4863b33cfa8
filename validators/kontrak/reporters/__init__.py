"""Reporters render a :class:`~kontrak.report.Report` in one output format."""

from __future__ import annotations

from collections.abc import Callable

from kontrak.report import Report
from kontrak.reporters.github_report import render_github
from kontrak.reporters.json_report import render_json
from kontrak.reporters.junit_report import render_junit
from kontrak.reporters.sarif_report import render_sarif
from kontrak.reporters.text_report import render_text

__all__ = ["REPORTERS", "Reporter"]

Reporter = Callable[[Report, str], str]

REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "junit": render_junit,
    "sarif": render_sarif,
    "github": render_github,
}
