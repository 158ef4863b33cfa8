"""Indicators as ``evaluasi-integrasi`` records (targets and units from the LAN reference)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kontrak.evaluation.indicators import Indicator, evaluation_id, reference_rows
from kontrak.matching.period import Period

__all__ = ["evaluation_records", "met"]


def met(value: float, target: float, direction: str) -> bool:
    """Whether ``value`` reaches ``target`` in the indicator's direction (naik/turun)."""
    return value >= target if direction == "naik" else value <= target


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def evaluation_records(
    indicators: list[Indicator],
    period: Period,
    today: dt.date,
    *,
    executor: str = "LAN",
    round_id: str = "",
) -> list[dict[str, Any]]:
    """One record per indicator and object."""
    reference = reference_rows()
    records = []
    for item in indicators:
        row = reference[item.code]
        target = float(row["targetBawaan"])
        record: dict[str, Any] = {
            "idEvaluasi": evaluation_id(period),
            "kodeIndikator": item.code,
            "objek": item.subject,
            "periodeMulai": period.start.strftime("%d-%m-%Y"),
            "periodeSelesai": period.end.strftime("%d-%m-%Y"),
            "tanggalEvaluasi": today.strftime("%d-%m-%Y"),
            "pelaksana": executor,
            "satuan": row["satuan"],
            "arah": row["arah"],
            "nilai": _number(item.value),
        }
        if item.numerator is not None and item.denominator is not None:
            record["pembilang"] = item.numerator
            record["penyebut"] = item.denominator
        record |= {
            "target": _number(target),
            "capaian": "tercapai" if met(item.value, target, row["arah"]) else "tidak-tercapai",
            "idPemadanan": round_id if period.semester else "",
            "keterangan": item.note,
        }
        records.append(record)
    return records
