"""GitHub Actions workflow commands: one annotation per error or warning, on the new schema."""

from __future__ import annotations

from kontrak.evolution.output.report import (
    CompatReport,
    breaks_text,
    change_message,
    comparisons_in_scope,
)

__all__ = ["render_github"]

_LEVEL = {"error": "error", "warning": "warning"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: CompatReport, lang: str = "id") -> str:
    """The report as ``::error``/``::warning`` commands plus a closing ``::notice``."""
    lines = []
    for result in report.results:
        for comparison in comparisons_in_scope(result):
            schema = f"contracts/{comparison.dataset}/{comparison.new}/schema.json"
            for change in comparison.changes:
                level = _LEVEL.get(change.severity(result.mode))
                if level is None:
                    continue
                title = f"kontrak compat {change.rule} ({comparison.old} → {comparison.new})"
                breaks = breaks_text(change, lang)
                message = f"{change_message(change, lang)} [{change.path or '/'}; {breaks}]"
                lines.append(
                    f"::{level} file={_property(schema)},title={_property(title)}::{_data(message)}"
                )
        verdict = "compatible" if result.compatible else "NOT compatible"
        lines.append(
            f"::notice title={_property('kontrak compat')}::"
            + _data(
                f"{result.dataset} {result.primary.label('old')} → {result.primary.label('new')}: "
                f"{verdict} ({result.mode.value})"
            )
        )
    return "\n".join(lines) + ("\n" if lines else "")
