"""One matching round: read and validate both sides' inputs, then match every pair they cover.

An input is an exchange package (a folder with ``datapackage.json``) or one file given as
``DATASET[@VERSION]=PATH``. Every input is validated with the validator's own API first; an
invalid input stops the round unless the caller allows it, and is then flagged in every output.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kontrak.catalog import load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.exceptions import KontrakError
from kontrak.matching.engine import PairResult, match_frames
from kontrak.matching.frames import Source, side_frame
from kontrak.matching.pairs import PAIRS, PairSpec
from kontrak.matching.period import Period, parse_period
from kontrak.package import descriptor_path, is_package, load_package
from kontrak.readers import detect_format
from kontrak.report import Report
from kontrak.validation import ValidateOptions, validate, validate_package

__all__ = ["InputFile", "MatchOptions", "MatchRun", "SideInput", "run_matching"]

SIDES = ("LAN", "BKN")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One data file of one side, as validated."""

    side: str
    contract: Contract
    path: Path
    shown: str
    format: str
    sha256: str
    records: int
    invalid_records: int

    @property
    def spec(self) -> str:
        """``dataset@version`` of the file's contract."""
        return self.contract.spec


@dataclass(slots=True)
class SideInput:
    """Everything one party delivered for the round, with its validation reports."""

    side: str
    files: list[InputFile] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    packages: list[dict[str, str]] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether every input passed validation."""
        return all(report.valid for report in self.reports)

    @property
    def error_count(self) -> int:
        """Violations of severity error across the side's inputs."""
        return sum(report.counts_by_severity.get("error", 0) for report in self.reports)

    def files_of(self, datasets: Sequence[str]) -> list[InputFile]:
        """The side's files of the given datasets."""
        return [f for f in self.files if f.contract.dataset in datasets]


@dataclass(frozen=True, slots=True)
class MatchOptions:
    """How to run the round.

    Attributes:
        pairs: pair ids to match; empty = every pair both sides delivered data for.
        period: the period matched; None = the period the packages declare.
        allow_invalid: match even when an input is invalid (flagged in every output).
        today: the date of the round (for the minutes and correction lists).
    """

    pairs: tuple[str, ...] = ()
    period: str | None = None
    allow_invalid: bool = False
    today: dt.date | None = None


@dataclass(slots=True)
class MatchRun:
    """The round: inputs, their validity, the period and the result of every pair."""

    lan: SideInput
    bkn: SideInput
    period: Period | None
    date: dt.date
    results: list[PairResult] = field(default_factory=list)
    refused: bool = False

    @property
    def sides(self) -> tuple[SideInput, SideInput]:
        """LAN's and BKN's inputs."""
        return self.lan, self.bkn

    @property
    def inputs_valid(self) -> bool:
        """Whether both sides' inputs passed validation."""
        return self.lan.valid and self.bkn.valid

    def input_files(self, side: str, datasets: Sequence[str]) -> list[InputFile]:
        """One side's files of ``datasets``."""
        return (self.lan if side == "LAN" else self.bkn).files_of(datasets)


def _invalid_records(report: Report, shown: str) -> int:
    return len(
        {
            v.record
            for v in report.violations
            if v.file == shown and v.severity == "error" and v.record is not None
        }
    )


def _package_meta(path: Path) -> dict[str, str]:
    document = json.loads(descriptor_path(path).read_text(encoding="utf-8"))
    meta = document.get("x-kontrak", {})
    period = meta.get("period", {})
    return {
        "path": str(path),
        "name": str(document.get("name", "")),
        "created": str(document.get("created", "")),
        "provider": str(meta.get("provider", "")),
        "start": str(period.get("start", "")),
        "end": str(period.get("end", "")),
        "sha256": hashlib.sha256(descriptor_path(path).read_bytes()).hexdigest(),
    }


def _add_package(target: SideInput, path: Path, against: Sequence[Path]) -> None:
    report = validate_package(path, ValidateOptions(against=tuple(against)))
    target.reports.append(report)
    target.packages.append(_package_meta(path))
    catalog = load_catalog()
    package, _ = load_package(path, catalog)
    if package is None:
        return
    for resource in package.resources:
        if resource.file is None:
            continue
        shown = str(Path(str(path)) / resource.declared_path)
        result = next((f for f in report.files if f.path == shown), None)
        if result is None or not result.readable:
            continue
        target.files.append(
            InputFile(
                side=target.side,
                contract=load_contract(resource.spec, catalog),
                path=resource.file,
                shown=shown,
                format=result.format or detect_format(resource.file),
                sha256=result.sha256 or "",
                records=result.records,
                invalid_records=_invalid_records(report, shown),
            )
        )


def _add_file(target: SideInput, given: str) -> None:
    spec, _, location = given.partition("=")
    if not location:
        msg = (
            f"'{given}': berikan paket atau DATASET[@VERSI]=BERKAS / give a package or "
            "DATASET[@VERSION]=FILE"
        )
        raise KontrakError(msg)
    contract = load_contract(spec)
    report = validate(contract.spec, [location])
    target.reports.append(report)
    result = report.files[0]
    if not result.readable:
        return
    target.files.append(
        InputFile(
            side=target.side,
            contract=contract,
            path=Path(location),
            shown=location,
            format=result.format or detect_format(Path(location)),
            sha256=result.sha256 or "",
            records=result.records,
            invalid_records=_invalid_records(report, location),
        )
    )


def _side(side: str, given: Sequence[str], others: Sequence[str]) -> SideInput:
    target = SideInput(side=side)
    against = [Path(o) for o in others if is_package(Path(o))]
    for item in given:
        if is_package(Path(item)):
            _add_package(target, Path(item), against)
        else:
            _add_file(target, item)
    for file in target.files:
        if file.contract.provider != side:
            msg = (
                f"{file.shown}: {file.spec} disediakan {file.contract.provider}, bukan {side} / "
                f"is provided by {file.contract.provider}, not {side}"
            )
            raise KontrakError(msg)
    if any(report.unreadable for report in target.reports):
        unreadable = [f.path for r in target.reports for f in r.files if not f.readable]
        msg = f"masukan tak terbaca / unreadable input: {', '.join(unreadable)}"
        raise KontrakError(msg)
    return target


def _pairs_to_run(run: MatchRun, wanted: Sequence[str]) -> list[PairSpec]:
    chosen = [p for p in PAIRS if not wanted or p.id in wanted]
    unknown = set(wanted) - {p.id for p in PAIRS}
    if unknown:
        msg = (
            f"pasangan tidak dikenal / unknown pair: {', '.join(sorted(unknown))}; "
            f"known: {', '.join(p.id for p in PAIRS)}"
        )
        raise KontrakError(msg)
    return [
        p for p in chosen if run.lan.files_of(p.lan_datasets) and run.bkn.files_of(p.bkn_datasets)
    ]


def _period(run: MatchRun, given: str | None) -> Period | None:
    if given:
        return parse_period(given)
    for side in run.sides:
        for package in side.packages:
            if package["start"] and package["end"]:
                return parse_period(f"{package['start']}/{package['end']}")
    return None


def run_matching(
    lan: Sequence[str], bkn: Sequence[str], options: MatchOptions | None = None
) -> MatchRun:
    """Validate both sides' inputs and match every pair they cover.

    Raises:
        KontrakError: an input cannot be read, names an unknown contract, or is given on the
            wrong side.
    """
    options = options or MatchOptions()
    run = MatchRun(
        lan=_side("LAN", lan, bkn),
        bkn=_side("BKN", bkn, lan),
        period=None,
        date=options.today or dt.date.today(),
    )
    run.period = _period(run, options.period)
    if not run.inputs_valid and not options.allow_invalid:
        run.refused = True
        return run
    for pair in _pairs_to_run(run, options.pairs):
        sources = [
            Source(f.side, f.contract, f.path, f.format, f.shown)
            for side in run.sides
            for f in side.files
        ]
        result = match_frames(
            pair, side_frame(sources, pair, "LAN"), side_frame(sources, pair, "BKN")
        )
        run.results.append(result)
    return run
