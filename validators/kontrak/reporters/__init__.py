"""Reporters render a :class:`~kontrak.report.Report` in one output format."""

from __future__ import annotations

from collections.abc import Callable

from kontrak.report import Report
from kontrak.reporters.json_report import render_json
from kontrak.reporters.text_report import render_text

__all__ = ["REPORTERS", "Reporter"]

Reporter = Callable[[Report, str], str]

REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
}
