"""Domain rules: checks beyond JSON Schema, implemented once and switched on per contract.

A contract lists the rules it applies under ``x-kontrak.rules`` with a severity and arguments;
:data:`RULES` maps each rule id to its implementation.
"""

from __future__ import annotations

from kontrak.rules.base import DomainRule
from kontrak.rules.credits import CREDIT_SUM, FLAGS_EXCLUSIVE
from kontrak.rules.konversi import KONVERSI_PREDIKAT
from kontrak.rules.nip import NIP_STRUCTURE
from kontrak.rules.periods import MONTH_PERIOD_ORDER

__all__ = ["RULES", "DomainRule"]

RULES: dict[str, DomainRule] = {
    rule.id: rule
    for rule in (NIP_STRUCTURE, FLAGS_EXCLUSIVE, MONTH_PERIOD_ORDER, CREDIT_SUM, KONVERSI_PREDIKAT)
}
