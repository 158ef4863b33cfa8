"""The terminal report of ``kontrak compat``."""

from __future__ import annotations

from kontrak.evolution.model import Comparison, CompatResult
from kontrak.evolution.output.report import (
    VERDICT_MODES,
    CompatReport,
    breaks_text,
    change_message,
    comparisons_in_scope,
    directions_text,
)

__all__ = ["render_text"]

_T = {
    "mode": {"id": "mode", "en": "mode"},
    "warns": {"id": "peringatan", "en": "warns"},
    "no_changes": {"id": "tidak ada perubahan", "en": "no changes"},
    "waived": {"id": "dikecualikan", "en": "waived"},
    "ok": {"id": "KOMPATIBEL", "en": "COMPATIBLE"},
    "bad": {"id": "TIDAK KOMPATIBEL", "en": "NOT COMPATIBLE"},
    "nothing": {
        "id": "Tidak ada versi yang berubah terhadap {ref}.",
        "en": "No version changed against {ref}.",
    },
    "legend": {
        "id": "memutus BACKWARD: data untuk {old} dapat ditolak pembaca {new}; FORWARD: data "
        "untuk {new} dapat ditolak pembaca {old}",
        "en": "breaks BACKWARD: data made for {old} may be rejected by a reader on {new}; "
        "FORWARD: data made for {new} may be rejected by a reader on {old}",
    },
    "summary": {
        "id": "{errors} galat, {warnings} peringatan, {infos} info",
        "en": "{errors} errors, {warnings} warnings, {infos} info",
    },
}


def _t(key: str, lang: str) -> str:
    return _T[key]["en" if lang == "en" else "id"]


def _comparison(comparison: Comparison, result: CompatResult, lang: str) -> list[str]:
    head = f"{comparison.label('old')} → {comparison.label('new')}"
    if not comparison.changes:
        return [f"{head}: {_t('no_changes', lang)}"]
    lines = [f"{head}:"]
    for change in comparison.changes:
        severity = change.severity(result.mode)
        effect = breaks_text(change, lang)
        if change.warns:
            effect += f"; {_t('warns', lang)}: {directions_text(change.warns)}"
        lines.append(f"  [{severity:<7}] {change.rule}  {change.path or '/'}  ({effect})")
        lines.append(f"            {change_message(change, lang)}")
        if change.waiver is not None:
            reason = (
                change.waiver.justification_en if lang == "en" else change.waiver.justification_id
            )
            approved = ", ".join(change.waiver.approved_by)
            lines.append(f"            {_t('waived', lang)} ({approved}): {reason}")
    return lines


def _result(result: CompatResult, lang: str) -> list[str]:
    primary = result.primary
    lines = [
        f"kontrak compat · {result.dataset} {primary.label('old')} → {primary.label('new')} · "
        f"{_t('mode', lang)} {result.mode.value}",
        "  " + "  ".join(f"{m.value} {'✓' if result.verdict(m) else '✗'}" for m in VERDICT_MODES),
        "  " + _t("legend", lang).format(old=primary.old, new=primary.new),
        "",
    ]
    counts = {"error": 0, "warning": 0, "info": 0}
    for comparison in comparisons_in_scope(result):
        lines += _comparison(comparison, result, lang)
        lines.append("")
        for change in comparison.changes:
            counts[change.severity(result.mode)] += 1
    verdict = _t("ok" if result.compatible else "bad", lang)
    summary = _t("summary", lang).format(
        errors=counts["error"], warnings=counts["warning"], infos=counts["info"]
    )
    lines.append(f"{verdict} ({result.mode.value}, exit {result.exit_code}); {summary}")
    return lines


def render_text(report: CompatReport, lang: str = "id") -> str:
    """The report as terminal text in ``lang``."""
    if not report.results:
        return _t("nothing", lang).format(ref=report.against or "?") + "\n"
    blocks = ["\n".join(_result(result, lang)) for result in report.results]
    return "\n\n".join(blocks) + "\n"
