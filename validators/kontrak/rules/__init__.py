"""Domain rules: checks beyond JSON Schema, implemented once and switched on per contract.

A contract lists the rules it applies under ``x-kontrak.rules`` with a severity and arguments;
:data:`RULES` maps each rule id to its implementation.
"""

from __future__ import annotations

from kontrak.rules.base import DomainRule
from kontrak.rules.credits import CREDIT_SUM, FLAGS_EXCLUSIVE
from kontrak.rules.nik import NIK_MATCHES_PERSON, NIK_STRUCTURE
from kontrak.rules.nip import NIP_STRUCTURE
from kontrak.rules.periods import DATE_ORDER, MONTH_PERIOD_ORDER, YEAR_OF_DATE
from kontrak.rules.person import JENJANG_GOLONGAN, NIP_MATCHES_PERSON

__all__ = ["RULES", "DomainRule"]

RULES: dict[str, DomainRule] = {
    rule.id: rule
    for rule in (
        NIP_STRUCTURE,
        NIP_MATCHES_PERSON,
        JENJANG_GOLONGAN,
        FLAGS_EXCLUSIVE,
        MONTH_PERIOD_ORDER,
        DATE_ORDER,
        YEAR_OF_DATE,
        CREDIT_SUM,
        NIK_STRUCTURE,
        NIK_MATCHES_PERSON,
    )
}
