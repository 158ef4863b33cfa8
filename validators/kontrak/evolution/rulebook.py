"""The catalog of compatibility rules: stable ids, bilingual titles and message templates.

Structure rules follow Confluent Schema Registry's JSON Schema ``Difference.Type`` list (in
kebab-case); metadata rules cover what a data contract adds (classification, personal data,
reference tables, domain rules, deprecation); documentation rules never break anything.
``typical`` is what the rule usually breaks, for the docs; the comparison decides per change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["BOUND_KEYWORDS", "COMPAT_RULES", "CompatRule", "bound_rule_id", "compat_rule"]

Category = Literal["structure", "metadata", "documentation"]


@dataclass(frozen=True, slots=True)
class CompatRule:
    """One kind of change between contract versions."""

    id: str
    category: Category
    typical: str
    title_id: str
    title_en: str
    message_id: str
    message_en: str

    def title(self, lang: str) -> str:
        """Title in ``lang``."""
        return self.title_en if lang == "en" else self.title_id

    def message(self, lang: str, ctx: dict[str, str]) -> str:
        """The message in ``lang`` with ``ctx`` filled in (unknown keys show as ``?``)."""
        template = self.message_en if lang == "en" else self.message_id
        return template.format_map(_Missing(ctx))


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


B, F, BF, NONE = "BACKWARD", "FORWARD", "BACKWARD, FORWARD", "—"

# fmt: off
_RULES: list[CompatRule] = [
    # --------------------------------------------------------------- object content model
    CompatRule("property-added", "structure", F, "Kolom opsional ditambahkan",
               "Optional field added", "Kolom opsional '{name}' ditambahkan.",
               "Optional field '{name}' added."),
    CompatRule("required-property-added", "structure", BF, "Kolom wajib ditambahkan",
               "Required field added", "Kolom wajib '{name}' ditambahkan.",
               "Required field '{name}' added."),
    CompatRule("property-removed", "structure", B, "Kolom dihapus", "Field removed",
               "Kolom '{name}' dihapus.", "Field '{name}' removed."),
    CompatRule("required-property-removed", "structure", BF, "Kolom wajib dihapus",
               "Required field removed", "Kolom wajib '{name}' dihapus.",
               "Required field '{name}' removed."),
    CompatRule("deprecated-property-removed", "structure", B, "Kolom usang dihapus",
               "Deprecated field removed",
               "Kolom usang '{name}' dihapus (usang sejak {since}).",
               "Deprecated field '{name}' removed (deprecated since {since})."),
    CompatRule("required-added", "structure", B, "Kolom menjadi wajib", "Field became required",
               "Kolom '{name}' menjadi wajib.", "Field '{name}' became required."),
    CompatRule("required-removed", "structure", F, "Kolom tidak lagi wajib",
               "Field no longer required", "Kolom '{name}' tidak lagi wajib.",
               "Field '{name}' is no longer required."),
    CompatRule("key-renamed", "structure", BF, "Nama kunci diganti", "Key renamed",
               "Kunci '{old}' diganti menjadi '{new}'.", "Key '{old}' renamed to '{new}'."),
    CompatRule("additional-properties-narrowed", "structure", B, "Model isi objek dipersempit",
               "Content model narrowed", "Kolom tambahan: {old} → {new}.",
               "Additional fields: {old} → {new}."),
    CompatRule("additional-properties-extended", "structure", F, "Model isi objek diperluas",
               "Content model extended", "Kolom tambahan: {old} → {new}.",
               "Additional fields: {old} → {new}."),
    CompatRule("extra-fields-tightened", "structure", B, "Kolom di luar kontrak menjadi galat",
               "Fields outside the contract became errors",
               "x-kontrak.extra-fields: {old} → {new}.", "x-kontrak.extra-fields: {old} → {new}."),
    CompatRule("extra-fields-relaxed", "structure", F, "Kolom di luar kontrak menjadi peringatan",
               "Fields outside the contract became warnings",
               "x-kontrak.extra-fields: {old} → {new}.", "x-kontrak.extra-fields: {old} → {new}."),
    CompatRule("bulk-required-added", "structure", B, "Kolom wajib berkas massal ditambahkan",
               "Bulk-required field added", "Berkas massal kini wajib memuat '{name}'.",
               "Bulk files must now carry '{name}'."),
    CompatRule("bulk-required-removed", "structure", F, "Kolom wajib berkas massal dilepas",
               "Bulk-required field released", "Berkas massal tidak lagi wajib memuat '{name}'.",
               "Bulk files no longer need to carry '{name}'."),
    CompatRule("primary-key-changed", "structure", BF, "Kunci utama berubah",
               "Primary key changed", "Kunci utama: {old} → {new}.", "Primary key: {old} → {new}."),
    # ---------------------------------------------------------------------- types, values
    CompatRule("type-extended", "structure", F, "Tipe diperluas", "Type extended",
               "Tipe: {old} → {new}.", "Type: {old} → {new}."),
    CompatRule("type-narrowed", "structure", B, "Tipe dipersempit", "Type narrowed",
               "Tipe: {old} → {new}.", "Type: {old} → {new}."),
    CompatRule("type-changed", "structure", BF, "Tipe berubah", "Type changed",
               "Tipe: {old} → {new}.", "Type: {old} → {new}."),
    CompatRule("enum-value-added", "structure", F, "Nilai enum ditambahkan", "Enum value added",
               "Nilai ditambahkan ke daftar: {values}.", "Values added to the list: {values}."),
    CompatRule("enum-value-removed", "structure", B, "Nilai enum dihapus", "Enum value removed",
               "Nilai dihapus dari daftar: {values}.", "Values removed from the list: {values}."),
    CompatRule("enum-added", "structure", B, "Daftar nilai ditambahkan", "Enum added",
               "Daftar nilai baru: {new}.", "New list of values: {new}."),
    CompatRule("enum-removed", "structure", F, "Daftar nilai dihapus", "Enum removed",
               "Daftar nilai {old} dihapus.", "List of values {old} removed."),
    CompatRule("const-added", "structure", B, "Nilai tetap ditambahkan", "Const added",
               "Nilai tetap: {new}.", "Const: {new}."),
    CompatRule("const-removed", "structure", F, "Nilai tetap dihapus", "Const removed",
               "Nilai tetap {old} dihapus.", "Const {old} removed."),
    CompatRule("const-changed", "structure", BF, "Nilai tetap berubah", "Const changed",
               "Nilai tetap: {old} → {new}.", "Const: {old} → {new}."),
    CompatRule("pattern-added", "structure", B, "Pola ditambahkan", "Pattern added",
               "Pola baru: {new}.", "New pattern: {new}."),
    CompatRule("pattern-removed", "structure", F, "Pola dihapus", "Pattern removed",
               "Pola {old} dihapus.", "Pattern {old} removed."),
    CompatRule("pattern-changed", "structure", BF, "Pola berubah", "Pattern changed",
               "Pola: {old} → {new}.", "Pattern: {old} → {new}."),
    CompatRule("format-added", "structure", B, "Format ditambahkan", "Format added",
               "Format baru: {new}.", "New format: {new}."),
    CompatRule("format-removed", "structure", F, "Format dihapus", "Format removed",
               "Format {old} dihapus.", "Format {old} removed."),
    CompatRule("format-changed", "structure", BF, "Format berubah", "Format changed",
               "Format: {old} → {new}.", "Format: {old} → {new}."),
    CompatRule("date-format-changed", "structure", BF, "Format tanggal berubah",
               "Date format changed", "Format tanggal: {old} → {new}.",
               "Date format: {old} → {new}."),
    CompatRule("unique-items-added", "structure", B, "uniqueItems ditambahkan",
               "uniqueItems added", "Butir daftar harus unik.", "Array items must be unique."),
    CompatRule("unique-items-removed", "structure", F, "uniqueItems dihapus", "uniqueItems removed",
               "Butir daftar tidak lagi harus unik.", "Array items need no longer be unique."),
    CompatRule("branch-added", "structure", F, "Cabang anyOf/oneOf ditambahkan",
               "anyOf/oneOf branch added", "Cabang {keyword} ditambahkan.",
               "{keyword} branch added."),
    CompatRule("branch-removed", "structure", B, "Cabang anyOf/oneOf dihapus",
               "anyOf/oneOf branch removed", "Cabang {keyword} dihapus.",
               "{keyword} branch removed."),
    CompatRule("all-of-added", "structure", B, "Skema allOf ditambahkan", "allOf schema added",
               "Skema allOf ditambahkan.", "allOf schema added."),
    CompatRule("all-of-removed", "structure", F, "Skema allOf dihapus", "allOf schema removed",
               "Skema allOf dihapus.", "allOf schema removed."),
    CompatRule("constraint-changed", "structure", BF, "Batasan berubah (arah tak pasti)",
               "Constraint changed (direction unknown)",
               "Kata kunci {keyword} berubah; arahnya tidak dapat dipastikan, dianggap memutus.",
               "Keyword {keyword} changed; its direction cannot be proven, so it counts as "
               "breaking."),
    # ------------------------------------------------------------------------- metadata
    CompatRule("classification-raised", "metadata", BF, "Klasifikasi dinaikkan",
               "Classification raised", "Klasifikasi '{name}': {old} → {new}.",
               "Classification of '{name}': {old} → {new}."),
    CompatRule("classification-lowered", "metadata", BF, "Klasifikasi diturunkan",
               "Classification lowered", "Klasifikasi '{name}': {old} → {new}.",
               "Classification of '{name}': {old} → {new}."),
    CompatRule("personal-flag-set", "metadata", BF, "Ditandai data pribadi",
               "Marked as personal data", "'{name}' kini data pribadi (x-personal).",
               "'{name}' is now personal data (x-personal)."),
    CompatRule("personal-flag-cleared", "metadata", BF, "Tanda data pribadi dilepas",
               "Personal-data flag cleared", "'{name}' tidak lagi ditandai data pribadi.",
               "'{name}' is no longer marked as personal data."),
    CompatRule("reference-added", "metadata", B, "Tabel referensi ditambahkan",
               "Reference table added", "Nilai harus ada di {new}.", "Values must be in {new}."),
    CompatRule("reference-removed", "metadata", F, "Tabel referensi dilepas",
               "Reference table removed", "Nilai tidak lagi diperiksa terhadap {old}.",
               "Values are no longer checked against {old}."),
    CompatRule("reference-table-changed", "metadata", BF, "Tabel referensi diganti",
               "Reference table replaced", "Tabel referensi: {old} → {new}.",
               "Reference table: {old} → {new}."),
    CompatRule("reference-narrowed", "metadata", B, "Tabel referensi dipersempit",
               "Reference table narrowed",
               "{old} → {new}: {count} kode dihapus ({values}).",
               "{old} → {new}: {count} codes removed ({values})."),
    CompatRule("reference-extended", "metadata", F, "Tabel referensi diperluas",
               "Reference table extended", "{old} → {new}: {count} kode ditambahkan.",
               "{old} → {new}: {count} codes added."),
    CompatRule("reference-version-changed", "metadata", BF, "Versi tabel referensi berubah",
               "Reference table version changed",
               "{old} → {new}; isi tabel tidak dapat dibandingkan, dianggap memutus.",
               "{old} → {new}; the table contents cannot be compared, so it counts as breaking."),
    CompatRule("reference-match-changed", "metadata", BF, "Pencocokan baris referensi berubah",
               "Reference row matching changed", "Kolom yang dicocokkan: {old} → {new}.",
               "Matched columns: {old} → {new}."),
    CompatRule("reference-codes-removed", "metadata", B, "Kode tabel referensi dihapus",
               "Reference codes removed", "{count} kode dihapus dari tabel: {values}.",
               "{count} codes removed from the table: {values}."),
    CompatRule("reference-codes-added", "metadata", F, "Kode tabel referensi ditambahkan",
               "Reference codes added", "{count} kode ditambahkan ke tabel: {values}.",
               "{count} codes added to the table: {values}."),
    CompatRule("foreign-key-added", "metadata", B, "Kunci asing ditambahkan", "Foreign key added",
               "{fields} harus ada di {datasets} ({severity}).",
               "{fields} must exist in {datasets} ({severity})."),
    CompatRule("foreign-key-removed", "metadata", F, "Kunci asing dihapus", "Foreign key removed",
               "{fields} tidak lagi diperiksa terhadap {datasets}.",
               "{fields} are no longer checked against {datasets}."),
    CompatRule("foreign-key-changed", "metadata", BF, "Kunci asing berubah", "Foreign key changed",
               "{fields}: {old} → {new}.", "{fields}: {old} → {new}."),
    CompatRule("contract-kind-changed", "metadata", BF, "Jenis kontrak berubah",
               "Contract kind changed", "x-kontrak.kind: {old} → {new}.",
               "x-kontrak.kind: {old} → {new}."),
    CompatRule("property-deprecated", "metadata", NONE, "Kolom dinyatakan usang",
               "Field deprecated", "'{name}' usang sejak {since}, dihapus setelah {removed}.",
               "'{name}' deprecated since {since}, removed after {removed}."),
    CompatRule("property-undeprecated", "metadata", NONE, "Status usang dicabut",
               "Deprecation withdrawn", "'{name}' tidak lagi usang.",
               "'{name}' is no longer deprecated."),
    CompatRule("domain-rule-added", "metadata", B, "Aturan domain ditambahkan",
               "Domain rule added", "Aturan {rule} ({severity}) pada {fields} ditambahkan.",
               "Rule {rule} ({severity}) on {fields} added."),
    CompatRule("domain-rule-removed", "metadata", F, "Aturan domain dihapus",
               "Domain rule removed", "Aturan {rule} ({severity}) pada {fields} dihapus.",
               "Rule {rule} ({severity}) on {fields} removed."),
    CompatRule("domain-rule-severity-raised", "metadata", B, "Tingkat aturan dinaikkan",
               "Rule severity raised", "Aturan {rule} pada {fields}: {old} → {new}.",
               "Rule {rule} on {fields}: {old} → {new}."),
    CompatRule("domain-rule-severity-lowered", "metadata", F, "Tingkat aturan diturunkan",
               "Rule severity lowered", "Aturan {rule} pada {fields}: {old} → {new}.",
               "Rule {rule} on {fields}: {old} → {new}."),
    CompatRule("domain-rule-tightened", "metadata", B, "Aturan domain diperketat",
               "Domain rule tightened", "Aturan {rule}: {old} → {new}.",
               "Rule {rule}: {old} → {new}."),
    CompatRule("domain-rule-relaxed", "metadata", F, "Aturan domain dilonggarkan",
               "Domain rule relaxed", "Aturan {rule}: {old} → {new}.",
               "Rule {rule}: {old} → {new}."),
    CompatRule("domain-rule-changed", "metadata", BF, "Argumen aturan berubah",
               "Domain rule arguments changed",
               "Aturan {rule}: {old} → {new}; arahnya tidak dapat dipastikan.",
               "Rule {rule}: {old} → {new}; the direction cannot be proven."),
    CompatRule("basis-changed", "metadata", NONE, "Dasar PKS berubah",
               "Agreement basis changed", "Dasar: {old} → {new}.", "Basis: {old} → {new}."),
    CompatRule("parties-changed", "metadata", BF, "Pihak berubah", "Parties changed",
               "{key}: {old} → {new}.", "{key}: {old} → {new}."),
    CompatRule("codegen-profile-changed", "metadata", NONE, "Profil pembangkitan berubah",
               "Code-generation profile changed", "Profil model: {old} → {new}.",
               "Model profile: {old} → {new}."),
    # -------------------------------------------------------------------- documentation
    CompatRule("documentation-changed", "documentation", NONE, "Dokumentasi berubah",
               "Documentation changed", "Diubah: {keywords}.", "Changed: {keywords}."),
]
# fmt: on

BOUND_KEYWORDS: dict[str, Literal["upper", "lower", "step"]] = {
    "maxLength": "upper",
    "minLength": "lower",
    "maximum": "upper",
    "minimum": "lower",
    "exclusiveMaximum": "upper",
    "exclusiveMinimum": "lower",
    "maxItems": "upper",
    "minItems": "lower",
    "maxProperties": "upper",
    "minProperties": "lower",
    "multipleOf": "step",
}

_VERBS = {
    "added": ("ditambahkan", "added"),
    "removed": ("dihapus", "removed"),
    "increased": ("dinaikkan", "increased"),
    "decreased": ("diturunkan", "decreased"),
    "changed": ("berubah", "changed"),
}


def _kebab(keyword: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in keyword)


def bound_rule_id(keyword: str, verb: str) -> str:
    """Rule id of a bound change, e.g. ``max-length-decreased``."""
    return f"{_kebab(keyword)}-{verb}"


def _bound_typical(kind: str, verb: str) -> str:
    if verb == "changed":
        return BF
    tighter = {"upper": ("added", "decreased"), "lower": ("added", "increased")}
    return B if verb in tighter.get(kind, ("added",)) else F


for _keyword, _kind in BOUND_KEYWORDS.items():
    _verbs = ("added", "removed", "changed") if _kind == "step" else tuple(_VERBS)[:4]
    for _verb in _verbs:
        _id, _en = _VERBS[_verb]
        _RULES.append(
            CompatRule(
                bound_rule_id(_keyword, _verb),
                "structure",
                _bound_typical(_kind, _verb),
                f"{_keyword} {_id}",
                f"{_keyword} {_en}",
                f"{_keyword}: {{old}} → {{new}}.",
                f"{_keyword}: {{old}} → {{new}}.",
            )
        )

COMPAT_RULES: dict[str, CompatRule] = {rule.id: rule for rule in _RULES}


def compat_rule(rule_id: str) -> CompatRule:
    """Return the rule ``rule_id``; an unknown id is a programming error."""
    return COMPAT_RULES[rule_id]
