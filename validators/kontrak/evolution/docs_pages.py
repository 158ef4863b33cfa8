"""Docs pages about contract evolution, registered in the derived-file plan.

- ``docs/kompatibilitas.md``: directions, modes, the version-bump gate, frozen releases,
  waivers, deprecation, and every compatibility rule (from :data:`COMPAT_RULES`).
- ``docs/datasets/<dataset>/perubahan.md``: each dataset's changelog.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kontrak.catalog import Catalog
from kontrak.contract import Contract
from kontrak.derive.headers import markdown_header
from kontrak.derive.markdown import table
from kontrak.evolution.changelog import iter_changelog_pages
from kontrak.evolution.rulebook import COMPAT_RULES
from kontrak.text import LANGUAGES

__all__ = ["RULES_PAGE", "iter_evolution_pages", "rules_page"]

RULES_PAGE = "kompatibilitas"

_TITLE = {"id": "Aturan kompatibilitas", "en": "Compatibility rules"}
_INTRO = {
    "id": """\
Perjanjian berubah hanya lewat adendum (menambah) atau amendemen (mengubah) (Pasal 12); kontrak
mengikutinya dengan versi semantik per dataset.

- **Arah.** BACKWARD: penerima yang memakai versi baru membaca data yang dibuat untuk versi lama.
  FORWARD: penerima yang masih memakai versi lama membaca data yang dibuat untuk versi baru. FULL:
  keduanya. Bentuk TRANSITIVE memeriksa terhadap semua versi sebelumnya, bukan satu saja.
- **Model isi.** Kontrak memakai objek tertutup (`additionalProperties: false`): menambah kolom
  opsional tidak memutus BACKWARD, menghapus kolom memutus BACKWARD. Kontrak SIASN dengan
  `extra-fields: warning` bersifat toleran: kolom asing hanya peringatan.
- **Gerbang versi.** `kontrak check` (dan `kontrak check --against REVISI` di CI) gagal bila
  perubahan yang memutus mode dataset (bawaan BACKWARD_TRANSITIVE) tidak diberi versi mayor,
  perubahan aditif tidak diberi minimal versi minor, atau perubahan dokumentasi tidak diberi
  minimal versi patch. Versi mayor harus diperkenalkan amendemen.
- **Rilis dibekukan.** Berkas versi `active`, `deprecated` dan `retired` tercatat sha256-nya di
  `contracts/released.lock` (`kontrak lock`); mengubahnya membuat CI gagal: buat versi baru.
- **Pengecualian.** Satu-satunya cara menerima perubahan yang memutus tanpa versi mayor adalah entri
  yang ditinjau di `contracts/compat-waivers.yaml` (aturan, dataset, versi, alasan, penyetuju).
  Mode kompatibilitas (`compatibility` di katalog) dataset yang sudah dirilis hanya boleh
  diperketat; `kontrak check --against` menolak mode yang dilonggarkan.
- **Kolom usang.** `x-deprecated` pada kolom ("usang sejak X, dihapus setelah Y") tampil di riwayat
  perubahan, dan validator memberi peringatan `deprecated-field` bila kolom itu dipakai.

Periksa dua versi: `kontrak compat DATASET@LAMA DATASET@BARU`, atau pohon kerja terhadap revisi
git: `kontrak compat --against main` (format `text`, `json`, `junit`, `github`; keluar 0
kompatibel, 1 memutus, 2 penggunaan salah).
""",
    "en": """\
The agreement changes only by addendum (adds) or amendment (changes) (Pasal 12); the contracts
follow it with semantic versions per dataset.

- **Directions.** BACKWARD: a consumer on the new version reads data made for the old one.
  FORWARD: a consumer still on the old version reads data made for the new one. FULL: both. The
  TRANSITIVE forms check against every earlier version, not just one.
- **Content model.** Contracts use closed objects (`additionalProperties: false`): adding an
  optional field does not break BACKWARD, removing a field does. SIASN contracts with
  `extra-fields: warning` are tolerant: unknown fields only warn.
- **Version-bump gate.** `kontrak check` (and `kontrak check --against REVISION` in CI) fails when
  a change that breaks the dataset's mode (default BACKWARD_TRANSITIVE) lacks a major version, an
  additive change lacks at least a minor version, or a documentation change lacks at least a patch
  version. A major version must be introduced by an amendment.
- **Frozen releases.** The files of `active`, `deprecated` and `retired` versions have their
  sha256 in `contracts/released.lock` (`kontrak lock`); changing one fails CI: make a new version.
- **Waivers.** The only way to accept a breaking change without a major version is a reviewed
  entry in `contracts/compat-waivers.yaml` (rule, dataset, versions, justification, approvers).
  The compatibility mode (`compatibility` in the catalog) of a released dataset may only get
  stricter; `kontrak check --against` rejects a laxer one.
- **Deprecated fields.** `x-deprecated` on a field ("deprecated since X, removed after Y") shows in
  the changelog, and the validator warns with `deprecated-field` when the field is used.

Check two versions: `kontrak compat DATASET@OLD DATASET@NEW`, or the working tree against a git
revision: `kontrak compat --against main` (formats `text`, `json`, `junit`, `github`; exit 0
compatible, 1 breaking, 2 usage error).
""",
}
_CATEGORY = {
    "structure": {"id": "Struktur", "en": "Structure"},
    "metadata": {"id": "Metadata kontrak", "en": "Contract metadata"},
    "documentation": {"id": "Dokumentasi", "en": "Documentation"},
}
_HEADERS = {
    "id": ["Aturan", "Judul", "Biasanya memutus"],
    "en": ["Rule", "Title", "Usually breaks"],
}


def rules_page(lang: str) -> str:
    """The compatibility rules page in ``lang``."""
    key = "en" if lang == "en" else "id"
    # The heading comes first: MkDocs takes a page's title only from a leading <h1>.
    parts = [
        f"# {_TITLE[key]}\n",
        markdown_header("validators/kontrak/evolution/rulebook.py"),
        _INTRO[key],
    ]
    for category, names in _CATEGORY.items():
        parts.append(f"## {names[key]}\n")
        rows = [
            [f"`{rule.id}` {{#{rule.id}}}", rule.title(key), rule.typical]
            for rule in COMPAT_RULES.values()
            if rule.category == category
        ]
        parts.append(table(_HEADERS[key], rows))
    return "\n".join(parts)


def iter_evolution_pages(
    catalog: Catalog, contracts: Mapping[tuple[str, str], Contract]
) -> Iterator[tuple[str, str]]:
    """Yield ``(docs-relative path, text)`` of every evolution page in both languages."""
    for lang in LANGUAGES:
        yield f"{RULES_PAGE}{'.md' if lang == 'id' else f'.{lang}.md'}", rules_page(lang)
    yield from iter_changelog_pages(catalog, contracts, LANGUAGES)
