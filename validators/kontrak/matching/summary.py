"""The round as plain data: what every report format (JSON, text, Excel, HTML) renders.

Personal values (whatever a contract marks ``x-personal``: NIP, SIASN person id, SK numbers and
dates, credits …) are masked here unless the caller asks to see them (Pasal 9), so no renderer
can leak them by accident.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from kontrak.masking import mask_text
from kontrak.matching.corrections import round_id
from kontrak.matching.engine import CLASSES, PairResult
from kontrak.matching.run import MatchRun
from kontrak.report import Report

__all__ = ["CLASS_LABELS", "FORMAT_VERSION", "round_to_dict"]

FORMAT_VERSION = "1"

CLASS_LABELS: dict[str, tuple[str, str]] = {
    "sama": ("Sama", "Equal"),
    "beda": ("Berbeda", "Different"),
    "hanya-lan": ("Hanya di LAN", "Only at LAN"),
    "hanya-bkn": ("Hanya di BKN", "Only at BKN"),
    "ambigu": ("Ambigu (beberapa kandidat)", "Ambiguous (several candidates)"),
}


class _Masker:
    """Masks the values of one pair's personal fields and record ids."""

    def __init__(self, run: MatchRun, result: PairResult, show_values: bool) -> None:
        pair = result.pair
        self.show = show_values
        contracts = [
            f.contract
            for side, datasets in (("LAN", pair.lan_datasets), ("BKN", pair.bkn_datasets))
            for f in run.input_files(side, datasets)
        ]
        self.personal_fields = {
            rule.name
            for rule in pair.fields
            for contract in contracts
            for name, spec in contract.fields.items()
            if spec.personal and name in (rule.name, rule.lan, rule.bkn)
        } | {pair.person}
        lan_ids = [c for c in contracts if c.provider == "LAN"]
        bkn_ids = [c for c in contracts if c.provider == "BKN"]
        self.lan_id_personal = any(
            c.fields[pair.lan_record_id].personal for c in lan_ids if pair.lan_record_id in c.fields
        )
        self.bkn_id_personal = any(
            c.fields[pair.bkn_record_id].personal for c in bkn_ids if pair.bkn_record_id in c.fields
        )

    def value(self, value: str | None, *, personal: bool) -> str | None:
        if value is None or self.show or not personal:
            return value
        return mask_text(value)

    def ids(self, values: list[str] | None, *, personal: bool) -> list[str]:
        return [self.value(v, personal=personal) or "" for v in values or []]


def _pair_dict(run: MatchRun, result: PairResult) -> dict[str, Any]:
    pair = result.pair
    lan_files = run.input_files("LAN", pair.lan_datasets)
    bkn_files = run.input_files("BKN", pair.bkn_datasets)
    return {
        "id": pair.id,
        "title": {"id": pair.title_id, "en": pair.title_en},
        "authority": pair.authority,
        "corrected_by_default": pair.corrected_by,
        "lan_contracts": sorted({f.spec for f in lan_files}),
        "bkn_contracts": sorted({f.spec for f in bkn_files}),
        "lan_records": result.lan_records,
        "bkn_records": result.bkn_records,
        "counts": {name: result.counts[name] for name in CLASSES},
        "record_counts": {k: list(v) for k, v in result.record_counts.items()},
        "stages": result.stages,
        "match_rate": round(result.match_rate, 6),
    }


def _items(run: MatchRun, result: PairResult, show: bool) -> list[dict[str, Any]]:
    masker = _Masker(run, result, show)
    return [
        {
            "pair": result.pair.id,
            "class": row["class"],
            "stage": row["stage"],
            "person": masker.value(row["person"], personal=True),
            "lan_ids": masker.ids(row["lan_ids"], personal=masker.lan_id_personal),
            "bkn_ids": masker.ids(row["bkn_ids"], personal=masker.bkn_id_personal),
            "fields": row["fields"] or [],
            "source": row["source"],
        }
        for row in result.items.sort("class", "person", maintain_order=True).iter_rows(named=True)
    ]


def _differences(run: MatchRun, result: PairResult, show: bool) -> list[dict[str, Any]]:
    masker = _Masker(run, result, show)
    rows = result.differences.sort("person", "lan_id", "field", nulls_last=True)
    return [
        {
            "pair": result.pair.id,
            "person": masker.value(row["person"], personal=True),
            "lan_id": masker.value(row["lan_id"], personal=masker.lan_id_personal),
            "bkn_id": masker.value(row["bkn_id"], personal=masker.bkn_id_personal),
            "field": row["field"],
            "lan_value": masker.value(
                row["lan_value"], personal=row["field"] in masker.personal_fields
            ),
            "bkn_value": masker.value(
                row["bkn_value"], personal=row["field"] in masker.personal_fields
            ),
        }
        for row in rows.iter_rows(named=True)
    ]


def _inputs(run: MatchRun) -> list[dict[str, Any]]:
    return [
        {
            "side": f.side,
            "contract": f.spec,
            "contract_sha256": f.contract.sha256,
            "file": f.shown,
            "format": f.format,
            "sha256": f.sha256,
            "records": f.records,
            "invalid_records": f.invalid_records,
        }
        for side in run.sides
        for f in side.files
    ]


def _codes(reports: list[Report]) -> Counter[str]:
    total: Counter[str] = Counter()
    for report in reports:
        total.update(report.counts_by_code)
    return total


def round_to_dict(run: MatchRun, *, show_values: bool = False) -> dict[str, Any]:
    """The whole round as JSON-ready data (personal values masked unless ``show_values``)."""
    from kontrak import __version__  # noqa: PLC0415 - avoids an import cycle at load time

    details = [i for r in run.results for i in _items(run, r, show_values)]
    differences = [d for r in run.results for d in _differences(run, r, show_values)]
    period = run.period
    return {
        "format": FORMAT_VERSION,
        "tool": {"name": "kontrak", "version": __version__},
        "round": round_id(run),
        "period": (
            {
                "label": period.label,
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
            }
            if period
            else None
        ),
        "date": run.date.isoformat(),
        "values_masked": not show_values,
        "contains_personal_data": show_values and bool(details or differences),
        "inputs_valid": run.inputs_valid,
        "refused": run.refused,
        "validation": {
            side.side: {
                "valid": side.valid,
                "errors": side.error_count,
                "warnings": sum(r.counts_by_severity.get("warning", 0) for r in side.reports),
                "by_code": dict(sorted(_codes(side.reports).items())),
            }
            for side in run.sides
        },
        "packages": [p for side in run.sides for p in side.packages],
        "inputs": _inputs(run),
        "pairs": [_pair_dict(run, r) for r in run.results],
        "items": details,
        "differences": differences,
    }
