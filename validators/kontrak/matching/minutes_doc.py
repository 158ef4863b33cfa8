"""The minutes as a printable document: Markdown, HTML and PDF from the same content.

The document carries what the record carries (period, datasets, contract versions, input
hashes, counts per class, decisions) plus the roster check and the correction lists, and
signature blocks for both parties. It holds no personal value of the matched data; the
signatories' names and NIPs are printed as on any official minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from kontrak.matching.engine import CLASSES
from kontrak.matching.minutes import Isian, file_digest
from kontrak.matching.render.html_report import page, table
from kontrak.matching.run import MatchRun
from kontrak.matching.summary import CLASS_LABELS

__all__ = ["CorrectionFile", "MinutesDocument", "build_document"]

_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


@dataclass(frozen=True, slots=True)
class CorrectionFile:
    """One correction list written by the round."""

    name: str
    addressee: str
    records: int
    sha256: str


@dataclass(frozen=True, slots=True)
class MinutesDocument:
    """The minutes' sections as rows, rendered to Markdown or HTML."""

    title: str
    opening: str
    datasets: list[list[str]]
    results: list[list[str]]
    roster: list[list[str]]
    decisions: list[list[str]]
    corrections: list[list[str]]
    signatories: dict[str, dict[str, str]]
    draft: bool

    def markdown(self) -> str:
        """The document as Markdown."""
        parts = [f"# {self.title}", "", self.opening, ""]
        if self.draft:
            parts += ["> **DRAF**: penandatangan belum diisi / signatories not filled in.", ""]
        for heading, headers, rows in self.sections():
            parts += [f"## {heading}", "", _md_table(headers, rows), ""]
        parts += [
            "Demikian berita acara ini dibuat dalam rangkap 2 (dua) untuk dipergunakan "
            "sebagaimana mestinya. *These minutes are made in two originals.*",
            "",
            _md_table(["PIHAK KESATU (LAN)", "PIHAK KEDUA (BKN)"], self.signature_rows()),
            "",
        ]
        return "\n".join(parts)

    def html(self) -> str:
        """The document as a standalone HTML page."""
        body = [f"<h1>{escape(self.title)}</h1>", f"<p>{escape(self.opening)}</p>"]
        if self.draft:
            body.append('<p class="notice">DRAF: penandatangan belum diisi.</p>')
        for heading, headers, rows in self.sections():
            body += [f"<h2>{escape(heading)}</h2>", table(headers, rows)]
        body += [
            "<p>Demikian berita acara ini dibuat dalam rangkap 2 (dua) untuk dipergunakan "
            'sebagaimana mestinya. <span class="en">These minutes are made in two '
            "originals.</span></p>",
            self._signature_html(),
        ]
        return page(self.title, "\n".join(body))

    def pdf(self) -> bytes:
        """The document as a PDF (A4)."""
        # fpdf2 takes a sixth of a second to import: only commands that write a PDF pay it
        from kontrak.matching.render.pdf_minutes import render_minutes_pdf  # noqa: PLC0415

        return render_minutes_pdf(self)

    def _signature_html(self) -> str:
        rows = self.signature_rows()
        cells = [
            "<tr><td><strong>PIHAK KESATU (LAN)</strong></td>"
            "<td><strong>PIHAK KEDUA (BKN)</strong></td></tr>",
            f"<tr><td>{escape(rows[0][0])}</td><td>{escape(rows[0][1])}</td></tr>",
            '<tr><td class="space"></td><td class="space"></td></tr>',
            *(f"<tr><td>{escape(a)}</td><td>{escape(b)}</td></tr>" for a, b in rows[3:]),
        ]
        return f'<table class="sign">{"".join(cells)}</table>'

    def sections(self) -> list[tuple[str, list[str], list[list[str]]]]:
        """The numbered sections as (heading, column headers, rows)."""
        classes = [CLASS_LABELS[c][0] for c in CLASSES]
        sections = [
            (
                "1. Data yang dipadankan / datasets matched",
                ["Kontrak LAN", "Kontrak BKN", "sha256 LAN", "sha256 BKN"],
                self.datasets,
            ),
            (
                "2. Hasil pemadanan / results (record LAN / BKN)",
                ["Pasangan", "Record LAN", "Record BKN", *classes],
                self.results,
            ),
        ]
        if self.roster:
            sections.append(
                (
                    "3. Daftar pejabat fungsional / roster check (orang / people)",
                    ["Daftar BKN", "sha256 BKN", "Orang di LAN", "Orang di BKN", *classes],
                    self.roster,
                )
            )
        sections += [
            (
                "4. Keputusan / decisions",
                ["No", "Uraian", "Penanggung jawab", "Batas waktu"],
                self.decisions,
            ),
            (
                "5. Daftar perbaikan / correction lists",
                ["Berkas", "Ditujukan kepada", "Record", "sha256"],
                self.corrections,
            ),
        ]
        return sections

    def signature_rows(self) -> list[list[str]]:
        """The signature block as rows of (LAN, BKN): position, space, sign, name, NIP."""
        lan, bkn = self.signatories.get("LAN", {}), self.signatories.get("BKN", {})
        blank = "…………………………"
        return [
            [lan.get("jabatan", blank), bkn.get("jabatan", blank)],
            ["", ""],
            ["(tanda tangan)", "(tanda tangan)"],
            [lan.get("nama", blank), bkn.get("nama", blank)],
            [f"NIP {lan.get('nip', blank)}", f"NIP {bkn.get('nip', blank)}"],
        ]


def _md_cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _md_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_md_cell(str(c)) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def build_document(
    run: MatchRun,
    isian: Isian,
    decisions: list[dict[str, str]],
    corrections: list[CorrectionFile],
) -> MinutesDocument:
    """Assemble the minutes' content from the round."""
    day = isian.date or run.date
    period = run.period
    span = f"{period.start:%d-%m-%Y} s.d. {period.end:%d-%m-%Y}" if period else "-"
    opening = (
        f"Nomor LAN: {isian.number_lan} · Nomor BKN: {isian.number_bkn}. Pada hari ini "
        f"{_DAYS[day.weekday()]}, tanggal {day:%d-%m-%Y}, bertempat di {isian.place}, PARA PIHAK "
        "telah melaksanakan pemadanan data sebagaimana dimaksud Pasal 3 ayat (2) angka 4 "
        f"Perjanjian Kerja Sama LAN–BKN untuk periode {span}, dengan hasil sebagai berikut. "
        f"(Data-matching round {period.label if period else ''} under Article 3(2)4.)"
    )
    record_results = [r for r in run.results if not r.pair.roster]
    datasets, results = [], []
    for result in record_results:
        lan = run.input_files("LAN", result.pair.lan_datasets)
        bkn = run.input_files("BKN", result.pair.bkn_datasets)
        datasets.append([lan[0].spec, bkn[0].spec, file_digest(lan), file_digest(bkn)])
        counts = result.record_counts
        results.append(
            [result.pair.id, str(result.lan_records), str(result.bkn_records)]
            + [f"{counts[c][0]} / {counts[c][1]}" for c in CLASSES]
        )
    roster = []
    for result in run.results:
        if not result.pair.roster:
            continue
        files = sorted(
            run.input_files("BKN", result.pair.bkn_datasets), key=lambda f: (f.spec, f.sha256)
        )
        roster.append(
            [
                ", ".join(f.spec for f in files),
                ", ".join(f.sha256 for f in files),
                str(result.lan_records),
                str(result.bkn_records),
            ]
            + [str(result.counts[c]) for c in CLASSES]
        )
    return MinutesDocument(
        title=f"BERITA ACARA HASIL PEMADANAN DATA LAN–BKN {run.period.label if run.period else ''}",
        opening=opening,
        datasets=datasets,
        results=results,
        roster=roster,
        decisions=[
            [str(n), d["uraian"], d["penanggungJawab"], d["batasWaktu"] or "-"]
            for n, d in enumerate(decisions, start=1)
        ],
        corrections=[[c.name, c.addressee, str(c.records), c.sha256] for c in corrections],
        signatories={s["pihak"]: s for s in isian.signatories if "pihak" in s},
        draft=len(isian.signatories) < 2,
    )
