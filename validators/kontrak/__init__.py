"""kontrak: contracts, models and validators for the LAN–BKN data exchange (PKS 2022).

The Python API the CLI uses too::

    import kontrak
    report = kontrak.validate("riwayat-angka-kredit", ["kiriman.jsonl"])
    report.valid, report.exit_code, report.violations
"""

from __future__ import annotations

from kontrak.catalog import Catalog, DatasetEntry, VersionEntry, load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.error_catalog import ERROR_CATALOG
from kontrak.exceptions import KontrakError
from kontrak.report import FileResult, Report
from kontrak.validation import ValidateOptions, validate, validate_with_contract
from kontrak.violation import Violation

__all__ = [
    "ERROR_CATALOG",
    "Catalog",
    "Contract",
    "DatasetEntry",
    "FileResult",
    "KontrakError",
    "Report",
    "ValidateOptions",
    "VersionEntry",
    "Violation",
    "__version__",
    "load_catalog",
    "load_contract",
    "validate",
    "validate_with_contract",
]

__version__ = "0.1.0"
