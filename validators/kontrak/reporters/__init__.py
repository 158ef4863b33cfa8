"""Reporters render a :class:`~kontrak.report.Report` in one output format.

:data:`REPORTERS` give the whole text; :data:`STREAMS` give the same text in pieces, so a
report that lists millions of violations is written without being held whole in memory (the
text report is short whatever the count: it lists at most a few violations of each code).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from kontrak.report import Report
from kontrak.reporters.github_report import iter_github, render_github
from kontrak.reporters.json_report import iter_json, render_json
from kontrak.reporters.junit_report import iter_junit, render_junit
from kontrak.reporters.sarif_report import iter_sarif, render_sarif
from kontrak.reporters.text_report import render_text

__all__ = ["REPORTERS", "STREAMS", "Reporter", "StreamReporter"]

Reporter = Callable[[Report, str], str]
StreamReporter = Callable[[Report, str], Iterable[str]]

REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "junit": render_junit,
    "sarif": render_sarif,
    "github": render_github,
}


def _iter_text(report: Report, lang: str = "id") -> Iterator[str]:
    yield render_text(report, lang)


STREAMS: dict[str, StreamReporter] = {
    "text": _iter_text,
    "json": iter_json,
    "junit": iter_junit,
    "sarif": iter_sarif,
    "github": iter_github,
}
