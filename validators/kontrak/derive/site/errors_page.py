"""The error code catalog page, generated from ``kontrak.error_catalog``."""

from __future__ import annotations

from kontrak.derive.headers import markdown_header
from kontrak.derive.site.labels import label
from kontrak.error_catalog import ERROR_CATALOG, LAYERS

__all__ = ["render_errors_page"]

_INTRO = {
    "id": "Setiap pelanggaran yang dilaporkan `kontrak` memiliki kode tetap dari katalog ini. "
    "Kode tidak pernah berubah arti; pesan boleh diperbaiki. Nilai pribadi tidak pernah "
    "dimasukkan ke dalam pesan.",
    "en": "Every violation `kontrak` reports carries a stable code from this catalog. A code "
    "never changes meaning; messages may be improved. Personal values are never put into a "
    "message.",
}

_LAYER_TEXT = {
    "input": {"id": "Masukan (membaca berkas)", "en": "Input (reading the file)"},
    "package": {"id": "Paket pertukaran", "en": "Exchange package"},
    "envelope": {"id": "Amplop respons web service", "en": "Web-service response envelope"},
    "structure": {
        "id": "Struktur (JSON Schema / Table Schema)",
        "en": "Structure (JSON Schema / Table Schema)",
    },
    "reference": {
        "id": "Tabel referensi dan kunci asing",
        "en": "Reference tables and foreign keys",
    },
    "domain": {"id": "Aturan domain", "en": "Domain rules"},
    "dataset": {"id": "Aturan dataset", "en": "Dataset rules"},
}


def _layer_title(layer: str, lang: str) -> str:
    texts = _LAYER_TEXT.get(layer)
    return texts[lang] if texts else layer.capitalize()


def render_errors_page(lang: str) -> str:
    """The Markdown of the error catalog page in ``lang``."""
    parts = [
        f"# {label('errors_title', lang)}\n",
        markdown_header("validators/kontrak/error_catalog.py"),
        f"{_INTRO[lang]}\n",
    ]
    for layer in LAYERS:
        parts.append(f"## {_layer_title(layer, lang)}\n")
        for entry in (e for e in ERROR_CATALOG.values() if e.layer == layer):
            parts += [
                f"### `{entry.code}` {{#{entry.code}}}\n",
                f"**{entry.title(lang)}** — {label('severity', lang)}: "
                f"{label(entry.severity, lang)}; {label('tags', lang)}: {', '.join(entry.tags)}\n",
                f"{entry.description(lang)}\n",
                f"{label('message', lang)}: `{entry.template(lang)}`\n",
            ]
    return "\n".join(parts)
