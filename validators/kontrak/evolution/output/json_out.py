"""The JSON report of ``kontrak compat`` that CI jobs parse."""

from __future__ import annotations

import json
from typing import Any

from kontrak.evolution.model import Change, Comparison, CompatResult, Direction, Mode
from kontrak.evolution.output.report import (
    VERDICT_MODES,
    CompatReport,
    change_message,
    comparisons_in_scope,
)
from kontrak.evolution.rulebook import compat_rule

__all__ = ["COMPAT_FORMAT_VERSION", "render_json", "report_to_dict"]

COMPAT_FORMAT_VERSION = "1"


def _change(change: Change, mode: Mode, lang: str) -> dict[str, Any]:
    rule = compat_rule(change.rule)
    waiver = change.waiver
    return {
        "rule": change.rule,
        "category": rule.category,
        "title": rule.title(lang),
        "severity": change.severity(mode),
        "path": change.path,
        "field": change.field,
        "breaks": [d.value for d in Direction if d in change.breaks],
        "warns": [d.value for d in Direction if d in change.warns],
        "message": change_message(change, lang),
        "waiver": None
        if waiver is None
        else {
            "justification": {"id": waiver.justification_id, "en": waiver.justification_en},
            "approved_by": list(waiver.approved_by),
        },
    }


def _comparison(comparison: Comparison, result: CompatResult, lang: str) -> dict[str, Any]:
    return {
        "old": comparison.old,
        "new": comparison.new,
        "old_source": comparison.old_source,
        "new_source": comparison.new_source,
        "in_scope": comparison in comparisons_in_scope(result),
        "compatible": {d.value: comparison.compatible(d) for d in Direction},
        "changes": [_change(c, result.mode, lang) for c in comparison.changes],
    }


def _result(result: CompatResult, lang: str) -> dict[str, Any]:
    return {
        "dataset": result.dataset,
        "old": result.primary.old,
        "new": result.primary.new,
        "old_source": result.primary.old_source,
        "mode": result.mode.value,
        "compatible": result.compatible,
        "exit_code": result.exit_code,
        "verdicts": {m.value: result.verdict(m) for m in VERDICT_MODES},
        "comparisons": [_comparison(c, result, lang) for c in result.comparisons],
    }


def report_to_dict(report: CompatReport, lang: str = "id") -> dict[str, Any]:
    """The whole report as JSON data."""
    from kontrak import __version__  # noqa: PLC0415 - avoids an import cycle at load time

    return {
        "format": COMPAT_FORMAT_VERSION,
        "tool": {"name": "kontrak", "version": __version__},
        "against": report.against,
        "compatible": report.compatible,
        "exit_code": report.exit_code,
        "results": [_result(r, lang) for r in report.results],
    }


def render_json(report: CompatReport, lang: str = "id") -> str:
    """The report as indented JSON text."""
    return json.dumps(report_to_dict(report, lang), ensure_ascii=False, indent=2) + "\n"
