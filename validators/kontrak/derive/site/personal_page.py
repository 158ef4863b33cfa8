"""Which fields of each dataset are personal data (Pasal 9), generated from the contracts."""

from __future__ import annotations

from kontrak.derive.headers import markdown_header
from kontrak.derive.markdown import table
from kontrak.derive.site.context import SiteContext
from kontrak.derive.site.fields import field_anchor
from kontrak.derive.site.labels import classification_text, label
from kontrak.derive.site.links import dataset_page, relative_link

__all__ = ["PERSONAL_PAGE", "render_personal_page"]

PERSONAL_PAGE = "data-pribadi.md"

_T = {
    "intro": {
        "id": "Kolom yang ditandai `x-personal` di kontrak adalah data pribadi: nilainya tidak "
        "pernah dicetak dalam laporan validasi kecuali diminta dengan `--show-values`. Daftar ini "
        "dibangkitkan dari kontrak versi yang berlaku; lihat [Keamanan dan kerahasiaan]"
        "(keamanan.md) untuk kewajiban penerima data.",
        "en": "Fields marked `x-personal` in a contract are personal data: their values never "
        "appear in a validation report unless asked for with `--show-values`. This list is "
        "generated from the current contract versions; see [Security and confidentiality]"
        "(keamanan.md) for what the receiving party must do.",
    },
    "count": {
        "id": "{n} dari {total} kolom adalah data pribadi.",
        "en": "{n} of {total} fields are personal data.",
    },
    "none": {"id": "Tidak ada kolom data pribadi.", "en": "No field is personal data."},
}


def render_personal_page(context: SiteContext, lang: str) -> str:
    """The Markdown of the personal-data page in ``lang``."""
    parts = [
        f"# {label('personal_title', lang)}\n",
        markdown_header("contracts/<dataset>/<version>/schema.json (x-personal)"),
        f"{_T['intro'][lang]}\n",
    ]
    headers = [label(k, lang) for k in ("name", "classification", "description")]
    for entry in context.dataset_entries():
        version = entry.current.version
        contract = context.contracts.get((entry.id, version))
        if contract is None:
            continue
        page = dataset_page(entry.id, version)
        personal = [spec for spec in contract.fields.values() if spec.personal]
        parts.append(
            f"## [{entry.title.get(lang)} {version}]({relative_link(PERSONAL_PAGE, page)})\n"
        )
        parts.append(_T["count"][lang].format(n=len(personal), total=len(contract.fields)) + "\n")
        if not personal:
            parts.append(_T["none"][lang] + "\n")
            continue
        rows = [
            [
                f"[`{spec.name}`]({relative_link(PERSONAL_PAGE, page)}#{field_anchor(spec.name)})",
                classification_text(spec.classification, lang),
                f"**{spec.title}**. {spec.description_en if lang == 'en' else spec.description}",
            ]
            for spec in personal
        ]
        parts.append(table(headers, rows))
    return "\n".join(parts)
