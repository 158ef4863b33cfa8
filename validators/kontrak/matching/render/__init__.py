"""Renderers of a matching round: text, HTML and Excel, each from the round's plain data."""

from __future__ import annotations

from kontrak.matching.render.html_report import render_html
from kontrak.matching.render.text_report import render_text
from kontrak.matching.render.xlsx_report import write_xlsx

__all__ = ["render_html", "render_text", "write_xlsx"]
