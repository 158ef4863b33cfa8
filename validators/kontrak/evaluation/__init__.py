"""Integration evaluation (evaluasi integrasi): indicators from the rounds of a period."""

from __future__ import annotations

from kontrak.evaluation.indicators import Indicator, compute_indicators, evaluation_id
from kontrak.evaluation.records import evaluation_records

__all__ = ["Indicator", "compute_indicators", "evaluation_id", "evaluation_records"]
