"""The minutes as a PDF (fpdf2, pure Python): the same sections as the Markdown and HTML.

The document uses the PDF core font Helvetica, so no font file is needed; its encoding holds
Latin-1 (every letter of Bahasa Indonesia and the names of officials). The few typographic
signs the text uses beyond Latin-1 are written in their plain forms (``–`` as ``-``, ``…`` as
``...``), and any other sign as ``?``, so a PDF is always written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fpdf import FPDF
from fpdf.enums import TableBordersLayout, WrapMode, XPos, YPos
from fpdf.fonts import FontFace

if TYPE_CHECKING:
    from kontrak.matching.minutes_doc import MinutesDocument

__all__ = ["pdf_text", "render_minutes_pdf"]

_PLAIN = str.maketrans({"–": "-", "—": "-", "…": "...", "·": "-", "≠": "!=", "’": "'", "‘": "'"})
_FONT = "Helvetica"
_LINE = 4.2
_SIGNATURE_HEIGHT = 62.0  # closing sentence and signature block, kept on one page
_PAD = 3.5
_WIDEST = 60.0
_HEADINGS = FontFace(emphasis="BOLD", fill_color=(238, 241, 248))


def pdf_text(text: str) -> str:
    """``text`` in the core font's Latin-1, typographic signs in their plain forms."""
    plain = text.translate(_PLAIN)
    return plain.encode("latin-1", errors="replace").decode("latin-1")


def _widths(pdf: FPDF, headers: list[str], rows: list[list[str]]) -> tuple[float, ...]:
    """Column widths in mm: no header word is broken; the widest columns give up room first."""
    least, wanted, full = [], [], []
    for index, header in enumerate(headers):
        cells = [pdf_text(row[index]) for row in rows if index < len(row)]
        words = [w for text in (header, *cells) for w in text.split() if len(w) < 20]
        least.append(max(pdf.get_string_width(w) for w in words or [header]) + _PAD)
        full.append(max(pdf.get_string_width(t) for t in [pdf_text(header), *cells]) + _PAD)
        wanted.append(min(max(full[-1], least[-1]), _WIDEST))
    room = pdf.epw - 0.1
    longer = [i for i, width in enumerate(full) if width > wanted[i]]
    if longer and sum(wanted) < room:  # long texts take the room left on the line
        extra = (room - sum(wanted)) / len(longer)
        wanted = [min(w + extra, full[i]) if i in longer else w for i, w in enumerate(wanted)]
    while sum(wanted) > room + 0.01:
        spare = [w - m for w, m in zip(wanted, least, strict=True)]
        if sum(spare) <= 0:
            break
        cut = min(sum(wanted) - room, sum(spare))
        wanted = [w - cut * s / sum(spare) for w, s in zip(wanted, spare, strict=True)]
    return tuple(wanted)


def _table(pdf: FPDF, headers: list[str], rows: list[list[str]]) -> None:
    pdf.set_font(_FONT, style="B", size=7.5)
    widths = _widths(pdf, headers, rows)
    pdf.set_font(_FONT, size=7.5)
    with pdf.table(
        col_widths=widths,
        width=min(sum(widths), pdf.epw),
        align="LEFT",
        line_height=_LINE,
        wrapmode=WrapMode.WORD,
        text_align="LEFT",
        headings_style=_HEADINGS,
    ) as table:
        heading = table.row()
        for header in headers:
            heading.cell(pdf_text(header))
        for row in rows:
            line = table.row()
            for value in row:
                line.cell(pdf_text(value))
    pdf.ln(3)


def _signatures(pdf: FPDF, rows: list[list[str]]) -> None:
    pdf.set_font(_FONT, size=9)
    with pdf.table(
        col_widths=(1, 1),
        line_height=5,
        text_align="CENTER",
        borders_layout=TableBordersLayout.NONE,
        headings_style=FontFace(emphasis="BOLD"),
    ) as table:
        head = table.row()
        head.cell("PIHAK KESATU (LAN)")
        head.cell("PIHAK KEDUA (BKN)")
        blank = ["\n\n\n\n", "\n\n\n\n"]  # room for the signatures and seals
        for lan, bkn in [rows[0], blank, *rows[3:]]:
            line = table.row()
            line.cell(pdf_text(lan))
            line.cell(pdf_text(bkn))


def render_minutes_pdf(document: MinutesDocument) -> bytes:
    """The minutes on A4 pages: title, opening, the numbered sections, closing and signatures."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_title(pdf_text(document.title))
    pdf.set_creator("kontrak")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font(_FONT, style="B", size=13)
    pdf.multi_cell(0, 7, pdf_text(document.title), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.set_font(_FONT, size=9.5)
    pdf.multi_cell(0, 5, pdf_text(document.opening), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    if document.draft:
        pdf.set_font(_FONT, style="B", size=9.5)
        pdf.multi_cell(
            0,
            5,
            "DRAF: penandatangan belum diisi / signatories not filled in.",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.ln(2)
    for heading, headers, rows in document.sections():
        pdf.set_font(_FONT, style="B", size=10.5)
        pdf.multi_cell(0, 6, pdf_text(heading), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
        _table(pdf, headers, rows)
    pdf.set_font(_FONT, size=9.5)
    if pdf.will_page_break(_SIGNATURE_HEIGHT):
        pdf.add_page()  # the signatures are never split from the closing sentence
    pdf.multi_cell(
        0,
        5,
        "Demikian berita acara ini dibuat dalam rangkap 2 (dua) untuk dipergunakan sebagaimana "
        "mestinya. / These minutes are made in two originals.",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(4)
    _signatures(pdf, document.signature_rows())
    return bytes(pdf.output())
