"""The round as terminal text: inputs, validity, counts per pair and class, then the details."""

from __future__ import annotations

from typing import Any

from kontrak.matching.engine import CLASSES

__all__ = ["render_text"]

_MAX_DETAILS = 200


def _inputs(data: dict[str, Any]) -> list[str]:
    lines = ["Masukan / inputs:"]
    for item in data["inputs"]:
        state = (
            "sah/valid"
            if item["invalid_records"] == 0
            else (f"{item['invalid_records']} record TIDAK SAH/invalid")
        )
        lines.append(
            f"  {item['side']}  {item['contract']:<32} {item['file']}  ({item['format']}, "
            f"{item['records']} record, sha256 {item['sha256'][:12]}…)  {state}"
        )
    for side, state in data["validation"].items():
        verdict = "sah/valid" if state["valid"] else "TIDAK SAH/invalid"
        codes = ", ".join(f"{code} {count}" for code, count in state["by_code"].items())
        lines.append(
            f"  validasi {side}: {verdict} ({state['errors']} galat/errors, "
            f"{state['warnings']} peringatan/warnings)" + (f" — {codes}" if codes else "")
        )
    return lines


def _counts(data: dict[str, Any]) -> list[str]:
    head = f"  {'pasangan / pair':<16}" + "".join(f"{c:>11}" for c in CLASSES) + "  kecocokan"
    lines = ["", "Hasil per pasangan / result per pair:", head]
    for pair in data["pairs"]:
        counts = "".join(f"{pair['counts'][c]:>11}" for c in CLASSES)
        lines.append(f"  {pair['id']:<16}{counts}  {pair['match_rate'] * 100:8.1f} %")
    if not data["pairs"]:
        lines.append("  (tidak ada pasangan yang dapat dipadankan / no pair to match)")
    return lines


def _details(data: dict[str, Any]) -> list[str]:
    masked = "disamarkan/masked" if data["values_masked"] else "DITAMPILKAN/shown"
    lines = ["", f"Rincian / details (nilai pribadi {masked}):"]
    by_key: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for diff in data["differences"]:
        by_key.setdefault((diff["pair"], diff["lan_id"] or "", diff["bkn_id"] or ""), []).append(
            diff
        )
    for item in data["items"][:_MAX_DETAILS]:
        lan = ", ".join(item["lan_ids"]) or "-"
        bkn = ", ".join(item["bkn_ids"]) or "-"
        lines.append(
            f"  [{item['class']}] {item['pair']}  NIP {item['person']}  LAN {lan}  BKN {bkn}"
            + (f"  (tahap/stage {item['stage']})" if item["stage"] else "")
        )
        if item["class"] == "beda":
            key = (item["pair"], item["lan_ids"][0], item["bkn_ids"][0])
            for diff in by_key.get(key, []):
                lines.append(
                    f"      {diff['field']}: LAN {diff['lan_value']!r} ≠ BKN {diff['bkn_value']!r}"
                )
    hidden = len(data["items"]) - _MAX_DETAILS
    if hidden > 0:
        lines.append(f"  … {hidden} lagi / more (lihat laporan JSON, Excel, HTML)")
    if not data["items"]:
        lines.append("  (semua record sama / every record is equal)")
    return lines


def render_text(data: dict[str, Any]) -> str:
    """Render the round's data (see :func:`kontrak.matching.summary.round_to_dict`)."""
    period = data["period"]
    where = f"{period['label']} ({period['start']} … {period['end']})" if period else "-"
    lines = [
        f"kontrak match · pemadanan {data['round'] or '-'} · periode/period {where} · "
        f"tanggal/date {data['date']}",
        "",
        *_inputs(data),
    ]
    if data["refused"]:
        lines += [
            "",
            "DITOLAK / REFUSED: masukan tidak sah; perbaiki atau jalankan dengan --allow-invalid "
            "/ an input is invalid; fix it or run with --allow-invalid",
        ]
        return "\n".join(lines) + "\n"
    if not data["inputs_valid"]:
        lines += ["", "PERHATIAN / WARNING: dipadankan walau masukan tidak sah (--allow-invalid)"]
    lines += _counts(data) + _details(data)
    return "\n".join(lines) + "\n"
