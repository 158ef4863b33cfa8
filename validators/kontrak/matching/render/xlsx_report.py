"""The round as an Excel workbook for officials who work in spreadsheets (openpyxl)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kontrak.matching.engine import CLASSES
from kontrak.matching.summary import CLASS_LABELS

__all__ = ["MAX_SHEET_ROWS", "PERSONAL_NOTICE", "write_xlsx"]

MAX_SHEET_ROWS = 1_000_000
PERSONAL_NOTICE = (
    "MEMUAT DATA PRIBADI (Pasal 9 PKS): simpan dan kirim hanya untuk keperluan perjanjian. / "
    "CONTAINS PERSONAL DATA (Article 9): keep and share only for the agreement."
)
MASKED_NOTICE = (
    "Nilai pribadi disamarkan (jalankan dengan --show-values untuk melihatnya). / "
    "Personal values are masked (run with --show-values to see them)."
)
_HEAD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="EEF1F8")
_ALERT = Font(bold=True, color="C0392B")


def _sheet(book: Workbook, title: str, headers: list[str], rows: list[list[Any]]) -> Worksheet:
    sheet: Worksheet = book.create_sheet(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font, cell.fill = _HEAD, _FILL
    for row in rows[:MAX_SHEET_ROWS]:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, header in enumerate(headers, start=1):
        longest = max([len(str(header))] + [len(str(r[index - 1])) for r in rows[:200]])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 10), 60)
    return sheet


def _summary(book: Workbook, data: dict[str, Any]) -> None:
    sheet = book.active
    assert sheet is not None
    sheet.title = "Ringkasan"
    period = data["period"]
    notice = PERSONAL_NOTICE if data["contains_personal_data"] else MASKED_NOTICE
    rows: list[list[Any]] = [
        ["Laporan pemadanan data / data-matching report"],
        [notice],
        [],
        ["Id pemadanan / round", data["round"] or "-"],
        ["Periode / period", f"{period['start']} – {period['end']}" if period else "-"],
        ["Tanggal / date", data["date"]],
        ["Masukan sah / inputs valid", "ya / yes" if data["inputs_valid"] else "TIDAK / NO"],
        [],
        ["Pasangan / pair", "Record LAN", "Record BKN"]
        + [CLASS_LABELS[c][0] for c in CLASSES]
        + ["Kecocokan / match rate (%)"],
    ]
    rows += [
        [p["id"], p["lan_records"], p["bkn_records"]]
        + [p["counts"][c] for c in CLASSES]
        + [round(p["match_rate"] * 100, 2)]
        for p in data["pairs"]
    ]
    for row in rows:
        sheet.append(row)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"].font = _ALERT if data["contains_personal_data"] else Font(italic=True)
    for cell in sheet[9]:
        cell.font, cell.fill = _HEAD, _FILL
    sheet.column_dimensions["A"].width = 28
    for column in "BCDEFGHI":
        sheet.column_dimensions[column].width = 16
    sheet["A2"].alignment = Alignment(wrap_text=False)


def write_xlsx(data: dict[str, Any], path: Path) -> None:
    """Write the round's data (see :func:`kontrak.matching.summary.round_to_dict`) to ``path``."""
    book = Workbook()
    _summary(book, data)
    _sheet(
        book,
        "Masukan",
        ["Pihak", "Kontrak", "Berkas", "Format", "Record", "Tidak sah", "sha256"],
        [
            [
                i["side"],
                i["contract"],
                i["file"],
                i["format"],
                i["records"],
                i["invalid_records"],
                i["sha256"],
            ]
            for i in data["inputs"]
        ],
    )
    _sheet(
        book,
        "Rincian",
        ["Pasangan", "Kelas", "NIP", "Id LAN", "Id BKN", "Kolom berbeda", "Tahap", "Sumber"],
        [
            [
                i["pair"],
                CLASS_LABELS[i["class"]][0],
                i["person"],
                ", ".join(i["lan_ids"]),
                ", ".join(i["bkn_ids"]),
                ", ".join(i["fields"]),
                i["stage"] or "",
                i["source"] or "",
            ]
            for i in data["items"]
        ],
    )
    _sheet(
        book,
        "Perbedaan",
        ["Pasangan", "NIP", "Id LAN", "Id BKN", "Kolom", "Nilai LAN", "Nilai BKN"],
        [
            [
                d["pair"],
                d["person"],
                d["lan_id"],
                d["bkn_id"],
                d["field"],
                d["lan_value"],
                d["bkn_value"],
            ]
            for d in data["differences"]
        ],
    )
    book.properties.title = f"Pemadanan {data['round']}".strip()
    book.properties.subject = PERSONAL_NOTICE if data["contains_personal_data"] else MASKED_NOTICE
    temporary = path.with_name(path.name + ".tmp")
    book.save(temporary)
    temporary.replace(path)
