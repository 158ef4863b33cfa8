"""The round as one self-contained HTML page (inline CSS, no script), printable by officials."""

from __future__ import annotations

from html import escape
from typing import Any

from kontrak.matching.engine import CLASSES
from kontrak.matching.summary import CLASS_LABELS

__all__ = ["MAX_HTML_ROWS", "page", "render_html", "table"]

MAX_HTML_ROWS = 5000

_CSS = """
body{font-family:system-ui,'Segoe UI',Arial,sans-serif;margin:2rem;color:#1b1b1b;max-width:72rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
td{overflow-wrap:anywhere}
table.sign{width:100%}table.sign td{border:none;width:50%;text-align:center}
table.sign td.space{height:5rem}
th{background:#eef1f8}td.n{text-align:right;font-variant-numeric:tabular-nums}
.notice{padding:.6rem .8rem;border-left:4px solid #c0392b;background:#fdecea;margin:1rem 0}
.ok{border-left-color:#1e7e34;background:#e9f6ec}
.en{color:#555;font-style:italic}
@media print{body{margin:1cm}.notice{break-inside:avoid}}
"""


def table(headers: list[str], rows: list[list[Any]], numeric: frozenset[int] = frozenset()) -> str:
    """An HTML table; cells are escaped, columns in ``numeric`` are right-aligned."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{escape(str(c))}</td>' if i in numeric else f"<td>{escape(str(c))}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def page(title: str, body: str, lang: str = "id") -> str:
    """A complete HTML document."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>{body}</body></html>\n"
    )


def _privacy(data: dict[str, Any]) -> str:
    if data["contains_personal_data"]:
        return (
            '<p class="notice"><strong>Memuat data pribadi (Pasal 9 PKS).</strong> Nilai pribadi '
            "ditampilkan atas permintaan (--show-values); simpan dan kirim hanya untuk keperluan "
            'perjanjian. <span class="en">Contains personal data (Article 9): values are shown '
            "on request; keep and share only for the agreement.</span></p>"
        )
    return (
        '<p class="notice ok">Nilai pribadi disamarkan; jalankan dengan --show-values untuk '
        'melihatnya. <span class="en">Personal values are masked; run with --show-values to see '
        "them.</span></p>"
    )


def _sections(data: dict[str, Any]) -> list[str]:
    inputs = table(
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
        frozenset({4, 5}),
    )
    counts = table(
        ["Pasangan / pair", "Record LAN", "Record BKN"]
        + [CLASS_LABELS[c][0] for c in CLASSES]
        + ["Kecocokan / match rate"],
        [
            [p["id"], p["lan_records"], p["bkn_records"]]
            + [p["counts"][c] for c in CLASSES]
            + [f"{p['match_rate'] * 100:.1f} %"]
            for p in data["pairs"]
        ],
        frozenset(range(1, 9)),
    )
    items = data["items"][:MAX_HTML_ROWS]
    details = table(
        ["Pasangan", "Kelas / class", "NIP", "Id LAN", "Id BKN", "Kolom berbeda", "Tahap"],
        [
            [
                i["pair"],
                CLASS_LABELS[i["class"]][0],
                i["person"],
                ", ".join(i["lan_ids"]),
                ", ".join(i["bkn_ids"]),
                ", ".join(i["fields"]),
                i["stage"] or "",
            ]
            for i in items
        ],
    )
    diffs = table(
        ["Pasangan", "NIP", "Id LAN", "Id BKN", "Kolom / field", "Nilai LAN", "Nilai BKN"],
        [
            [
                d["pair"],
                d["person"],
                d["lan_id"],
                d["bkn_id"],
                d["field"],
                d["lan_value"] if d["lan_value"] is not None else "(kosong)",
                d["bkn_value"] if d["bkn_value"] is not None else "(kosong)",
            ]
            for d in data["differences"][:MAX_HTML_ROWS]
        ],
    )
    cut = len(data["items"]) > MAX_HTML_ROWS or len(data["differences"]) > MAX_HTML_ROWS
    note = (
        f"<p>Hanya {MAX_HTML_ROWS} baris pertama; selengkapnya di laporan Excel/JSON. "
        f'<span class="en">First {MAX_HTML_ROWS} rows only; see the Excel/JSON report.</span></p>'
        if cut
        else ""
    )
    return [
        '<h2>Masukan <span class="en">/ inputs</span></h2>',
        inputs,
        '<h2>Hasil per pasangan <span class="en">/ result per pair</span></h2>',
        counts,
        '<h2>Rincian <span class="en">/ details</span></h2>',
        note,
        details,
        '<h2>Perbedaan nilai <span class="en">/ differing values</span></h2>',
        diffs,
    ]


def render_html(data: dict[str, Any]) -> str:
    """Render the round's data (see :func:`kontrak.matching.summary.round_to_dict`)."""
    period = data["period"]
    where = f"{period['label']} ({period['start']} – {period['end']})" if period else "-"
    title = f"Laporan pemadanan data {data['round'] or ''}".strip()
    body = [
        f'<h1>{escape(title)} <span class="en">/ data-matching report</span></h1>',
        f"<p>Periode / period: <strong>{escape(where)}</strong> · tanggal / date: "
        f"{escape(data['date'])} · kontrak {escape(data['tool']['version'])}</p>",
        _privacy(data),
    ]
    if data["refused"] or not data["inputs_valid"]:
        codes = "; ".join(
            f"{side}: " + ", ".join(f"{code} {count}" for code, count in state["by_code"].items())
            for side, state in data["validation"].items()
            if not state["valid"]
        )
        body.append(
            '<p class="notice"><strong>Masukan tidak sah.</strong> <span class="en">An input '
            f"is invalid.</span> {escape(codes)}</p>"
        )
    body += _sections(data)
    return page(title, "\n".join(body))
