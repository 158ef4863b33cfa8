"""The evaluation as a readable page: a table and inline SVG bar charts (no chart library).

Each indicator in percent gets a bar from 0 to 100 with its target marked; a chart library
(matplotlib) would add a heavy dependency for what a few SVG rectangles say as well.
"""

from __future__ import annotations

from html import escape
from typing import Any

from kontrak.evaluation.indicators import reference_rows
from kontrak.matching.render.html_report import page, table

__all__ = ["render_evaluation_html", "render_evaluation_markdown", "svg_bars"]

_ROW = 26
_LABEL = 300
_BAR = 360


def svg_bars(records: list[dict[str, Any]]) -> str:
    """Horizontal bars for the percentage indicators, each with its target as a tick."""
    rows = [r for r in records if r["satuan"] == "persen"]
    height = _ROW * len(rows) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_LABEL + _BAR + 80}" '
        f'height="{height}" role="img" aria-label="indikator / indicators">'
    ]
    for index, record in enumerate(rows):
        y = 10 + index * _ROW
        value = min(float(record["nilai"]), 100.0)
        target = min(float(record["target"]), 100.0)
        colour = "#1e7e34" if record["capaian"] == "tercapai" else "#c0392b"
        label = f"{record['kodeIndikator']} · {record['objek']}"
        parts += [
            f'<text x="0" y="{y + 15}" font-size="12">{escape(label)}</text>',
            f'<rect x="{_LABEL}" y="{y}" width="{_BAR}" height="18" fill="#eef1f8"/>',
            f'<rect x="{_LABEL}" y="{y}" width="{_BAR * value / 100:.1f}" height="18" '
            f'fill="{colour}"><title>{record["nilai"]} %</title></rect>',
            f'<line x1="{_LABEL + _BAR * target / 100:.1f}" x2="{_LABEL + _BAR * target / 100:.1f}"'
            f' y1="{y - 2}" y2="{y + 20}" stroke="#1b1b1b" stroke-width="2"/>',
            f'<text x="{_LABEL + _BAR + 6}" y="{y + 15}" font-size="12">{record["nilai"]} %</text>',
        ]
    parts.append(
        f'<text x="{_LABEL}" y="{height - 4}" font-size="11">garis = target / line = target'
        "</text></svg>"
    )
    return "".join(parts)


def _rows(records: list[dict[str, Any]]) -> list[list[Any]]:
    names = reference_rows()
    return [
        [
            r["kodeIndikator"],
            names[r["kodeIndikator"]]["nama"],
            r["objek"],
            f"{r['nilai']} {r['satuan']}",
            f"{r.get('pembilang', '')}/{r.get('penyebut', '')}" if "pembilang" in r else "",
            f"{r['target']} ({r['arah']})",
            r["capaian"],
        ]
        for r in records
    ]


_HEADERS = ["Kode", "Indikator", "Objek", "Nilai", "Pembilang/penyebut", "Target", "Capaian"]


def render_evaluation_html(records: list[dict[str, Any]], title: str) -> str:
    """The evaluation page with chart and table."""
    body = [
        f"<h1>{escape(title)}</h1>",
        '<p>Indikator integrasi data LAN–BKN (Pasal 3(2)4, Pasal 7). <span class="en">'
        "Integration indicators of the LAN–BKN data exchange.</span></p>",
        svg_bars(records),
        table(_HEADERS, _rows(records)),
    ]
    return page(title, "\n".join(body))


def render_evaluation_markdown(records: list[dict[str, Any]], title: str) -> str:
    """The evaluation as a Markdown table."""
    lines = [f"# {title}", "", "| " + " | ".join(_HEADERS) + " |", "|" + "---|" * len(_HEADERS)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in _rows(records)]
    return "\n".join(lines) + "\n"
