"""Domain rules: checks beyond JSON Schema, implemented once and switched on per contract.

A contract lists the rules it applies under ``x-kontrak.rules`` with a severity and arguments;
:data:`RULES` maps each rule id to its implementation.
"""

from __future__ import annotations

from kontrak.rules.base import DomainRule
from kontrak.rules.catalog_refs import CONTRACT_IN_CATALOG, CORRECTION_TARGET
from kontrak.rules.counts import COUNT_SUM, RATIO_VALUE, TARGET_MET
from kontrak.rules.credits import CREDIT_SUM, FLAGS_EXCLUSIVE
from kontrak.rules.konversi import KONVERSI_PLAUSIBLE, KONVERSI_PREDIKAT
from kontrak.rules.nik import NIK_MATCHES_PERSON, NIK_STRUCTURE
from kontrak.rules.nip import NIP_STRUCTURE
from kontrak.rules.periods import DATE_ORDER, MONTH_PERIOD_ORDER, YEAR_OF_DATE
from kontrak.rules.person import JENJANG_GOLONGAN, NIP_MATCHES_PERSON
from kontrak.rules.presence import ANY_FILLED, FILLED_WHEN, PARTIES_COVERED
from kontrak.rules.semester import SEMESTER_PERIOD
from kontrak.rules.training import JP_PLAUSIBLE

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
        # LAN datasets and correction lists
        JP_PLAUSIBLE,
        FILLED_WHEN,
        ANY_FILLED,
        PARTIES_COVERED,
        COUNT_SUM,
        RATIO_VALUE,
        TARGET_MET,
        SEMESTER_PERIOD,
        CONTRACT_IN_CATALOG,
        CORRECTION_TARGET,
        # PermenPANRB 1/2023 annual conversion (contract evolution, riwayat-angka-kredit 1.1.0)
        KONVERSI_PREDIKAT,
        # domain.md §7.3: a conversion credit any rating can give at the level held
        KONVERSI_PLAUSIBLE,
    )
}
