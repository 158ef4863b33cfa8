"""Renderers of a matching round: text, HTML and Excel, each from the round's plain data.

The Excel writer (:mod:`~kontrak.matching.render.xlsx_report`) is imported where it is used, so
that commands which write no workbook do not import openpyxl.
"""

from __future__ import annotations

from kontrak.matching.render.html_report import render_html
from kontrak.matching.render.text_report import render_text

__all__ = ["render_html", "render_text"]
