"""Write everything a round produces into one folder, and validate what has a contract.

Files: ``pemadanan.{json,txt,html,xlsx}`` (the report), ``perbaikan-data-<pengaju>.untuk-<pihak>
.jsonl`` (a correction list per addressee), ``berita-acara-pemadanan.{md,html}`` (the printable
minutes), ``berita-acara-pemadanan.json`` (the minutes record, when signatories are known) and,
for LAN's lists, ``datapackage.json`` bundling the lists and the record as a ``pemadanan``
exchange package.
The correction lists and the minutes record are validated against their own contracts before
the round is reported done.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kontrak.catalog import load_catalog
from kontrak.contract import load_contract
from kontrak.exceptions import KontrakError
from kontrak.matching.corrections import build_corrections, correction_records
from kontrak.matching.minutes import Isian, default_decisions, minutes_record
from kontrak.matching.minutes_doc import CorrectionFile, build_document
from kontrak.matching.render import render_html, render_text
from kontrak.matching.run import MatchRun
from kontrak.matching.summary import round_to_dict
from kontrak.package_build import build_descriptor, write_descriptor
from kontrak.report import Report
from kontrak.validation import validate, validate_package

__all__ = ["RoundOutputs", "WrittenFile", "write_round"]

REPORT_STEM = "pemadanan"
MINUTES_STEM = "berita-acara-pemadanan"


@dataclass(frozen=True, slots=True)
class WrittenFile:
    """One file written, with the contract it was validated against (if any)."""

    path: Path
    kind: str
    contract: str | None = None
    records: int | None = None
    valid: bool | None = None
    report: Report | None = None


@dataclass(slots=True)
class RoundOutputs:
    """What a round wrote and whether the contract outputs are valid."""

    files: list[WrittenFile] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether every output that has a contract validated."""
        return all(f.valid is not False for f in self.files)


def _write(path: Path, text: str | bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    if isinstance(text, bytes):
        temporary.write_bytes(text)
    else:
        temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _checked(path: Path, kind: str, contract: str, records: int) -> WrittenFile:
    report = validate(contract, [path])
    return WrittenFile(path, kind, contract, records, report.valid, report)


def _write_corrections(
    run: MatchRun, outdir: Path, submitter: str, outputs: RoundOutputs
) -> tuple[list[CorrectionFile], list[Any]]:
    corrections = build_corrections(run)
    contract = f"perbaikan-data-{submitter.lower()}"
    written: list[CorrectionFile] = []
    for party, records in correction_records(run, corrections, submitter).items():
        if not records:
            continue
        path = outdir / f"{contract}.untuk-{party.lower()}.jsonl"
        _write(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        outputs.files.append(_checked(path, "perbaikan", contract, len(records)))
        written.append(CorrectionFile(path.name, party, len(records), _sha256(path)))
    return written, corrections


def _write_minutes(
    run: MatchRun,
    outdir: Path,
    isian: Isian,
    corrections: tuple[list[CorrectionFile], list[Any]],
    outputs: RoundOutputs,
) -> None:
    files, items = corrections
    decisions = [dict(d) for d in isian.decisions] or default_decisions(run, items)
    document = build_document(run, isian, decisions, files)
    markdown = outdir / f"{MINUTES_STEM}.md"
    _write(markdown, document.markdown())
    _write(outdir / f"{MINUTES_STEM}.html", document.html())
    _write(outdir / f"{MINUTES_STEM}.pdf", document.pdf())
    outputs.files += [
        WrittenFile(outdir / f"{MINUTES_STEM}{suffix}", "berita-acara")
        for suffix in (".md", ".html", ".pdf")
    ]
    if document.draft:
        outputs.notes.append(
            "berita acara: draf tanpa penandatangan; berikan --isian untuk record yang sah / "
            "draft without signatories; give --isian for a valid record"
        )
        return
    try:
        record = minutes_record(run, isian, decisions, _sha256(markdown))
    except KontrakError as exc:
        outputs.notes.append(f"berita acara: {exc}")
        return
    path = outdir / f"{MINUTES_STEM}.json"
    _write(path, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    outputs.files.append(_checked(path, "berita-acara", "berita-acara-pemadanan", 1))


def write_round(
    run: MatchRun,
    outdir: Path,
    *,
    show_values: bool = False,
    submitter: str = "LAN",
    isian: Isian | None = None,
) -> RoundOutputs:
    """Write the round's report, correction lists and minutes into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    outputs = RoundOutputs()
    data = round_to_dict(run, show_values=show_values)
    report = outdir / REPORT_STEM
    _write(report.with_suffix(".json"), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    _write(report.with_suffix(".txt"), render_text(data))
    _write(report.with_suffix(".html"), render_html(data))
    from kontrak.matching.render.xlsx_report import write_xlsx  # noqa: PLC0415 - openpyxl

    write_xlsx(data, report.with_suffix(".xlsx"))
    outputs.files += [
        WrittenFile(report.with_suffix(s), "laporan") for s in (".json", ".txt", ".html", ".xlsx")
    ]
    if run.refused:
        return outputs
    corrections = _write_corrections(run, outdir, submitter, outputs)
    _write_minutes(run, outdir, isian or Isian(), corrections, outputs)
    if submitter == "LAN":
        _write_package(run, outdir, outputs)
    return outputs


def _write_package(run: MatchRun, outdir: Path, outputs: RoundOutputs) -> None:
    """Bundle LAN's correction lists and the minutes record as a ``pemadanan`` package.

    Validating the package resolves the lists' foreign key to the minutes of the same round.
    """
    bundled = [f for f in outputs.files if f.contract and f.valid]
    if run.period is None or not any(f.kind == "berita-acara" for f in bundled):
        return
    catalog = load_catalog()
    label = run.period.label.lower()
    descriptor = build_descriptor(
        outdir,
        name=f"pemadanan-{label}",
        title=f"Hasil pemadanan LAN–BKN {run.period.label}",
        provider="LAN",
        consumer="BKN",
        period=(run.period.start.isoformat(), run.period.end.isoformat()),
        resources=[(f.path.name, load_contract(str(f.contract), catalog).spec) for f in bundled],
        catalog=catalog,
        kind="pemadanan",
    )
    path = write_descriptor(outdir, descriptor)
    report = validate_package(outdir)
    outputs.files.append(WrittenFile(path, "paket", None, len(bundled), report.valid, report))
