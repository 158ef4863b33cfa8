"""What an evaluation reads: matching reports (``pemadanan.json``) and validation reports.

A matching report carries everything (validated inputs, packages, pairs). A validation report
(``kontrak validate --format json``) adds deliveries that were validated but not matched: it
counts for the validity indicator only.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from kontrak.exceptions import KontrakError
from kontrak.formats import FORMAT_CHECKER
from kontrak.matching.period import Period, parse_period
from kontrak.paths import contracts_root
from kontrak.schema_registry import build_registry, load_json_file

__all__ = ["REPORT_SCHEMA", "load_runs"]

# The published shape of ``pemadanan.json`` (written by kontrak match, read here).
REPORT_SCHEMA = Path("_meta") / "matching-report.schema.json"


def _from_validation(data: dict[str, Any]) -> dict[str, Any]:
    """A validation report in the shape of a matching report (inputs only)."""
    invalid: dict[str, set[int]] = {}
    for violation in data.get("violations", []):
        if violation.get("severity") == "error" and violation.get("record") is not None:
            invalid.setdefault(violation["file"], set()).add(violation["record"])
    inputs = [
        {
            "contract": f"{f['dataset']}@{f['version']}",
            "file": f["path"],
            "sha256": f["sha256"],
            "records": f["records"],
            "invalid_records": len(invalid.get(f["path"], ())),
        }
        for f in data["files"]
        if f.get("readable") and f.get("dataset") and f.get("sha256")
    ]
    package = data.get("package") or {}
    start, _, end = str(package.get("period", "")).partition("/")
    return {
        "round": "",
        "period": {"start": start, "end": end} if start and end else None,
        "inputs": inputs,
        "packages": [],
        "pairs": [],
    }


@cache
def _report_validator() -> Draft202012Validator:
    root = contracts_root()
    schema = load_json_file(root / REPORT_SCHEMA)
    return Draft202012Validator(
        schema, registry=build_registry(root), format_checker=FORMAT_CHECKER
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        msg = f"{path}: bukan laporan JSON / not a JSON report ({exc})"
        raise KontrakError(msg) from None
    if isinstance(data, dict) and "pairs" in data and "inputs" in data:
        errors = sorted(_report_validator().iter_errors(data), key=lambda e: e.json_path)
        if errors:
            msg = (
                f"{path}: laporan pemadanan rusak / malformed matching report: "
                f"{errors[0].json_path}: {errors[0].message}"
            )
            raise KontrakError(msg)
        return data
    if isinstance(data, dict) and "files" in data and "summary" in data:
        try:
            return _from_validation(data)
        except (KeyError, TypeError) as exc:
            msg = f"{path}: laporan validasi rusak / malformed validation report ({exc!r})"
            raise KontrakError(msg) from None
    msg = f"{path}: bukan laporan pemadanan atau validasi / not a matching or validation report"
    raise KontrakError(msg)


def _within(data: dict[str, Any], period: Period) -> bool:
    span = data.get("period")
    if not span:
        return True
    inner = parse_period(f"{span['start']}/{span['end']}")
    return period.contains(inner.start) and period.contains(inner.end)


def load_runs(paths: list[Path], period: Period) -> list[dict[str, Any]]:
    """The matching and validation reports whose period lies within ``period``.

    Raises:
        KontrakError: a file is missing or is neither kind of report.
    """
    return [data for data in (_read(p) for p in paths) if _within(data, period)]
