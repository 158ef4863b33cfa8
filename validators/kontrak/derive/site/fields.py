"""The fields table of a contract page: one row per field as it travels on the wire."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

from kontrak.contract import Contract, FieldSpec
from kontrak.derive.markdown import table
from kontrak.derive.site.context import SiteContext
from kontrak.derive.site.labels import classification_text, label
from kontrak.derive.site.links import reference_page, relative_link
from kontrak.derive.site.reference_tables import reference_of
from kontrak.evolution.deprecation import deprecation_note
from kontrak.rules import RULES
from kontrak.versions import version_key

__all__ = ["RULES_ANCHOR", "field_anchor", "fields_table", "html_code", "rules_by_field"]

RULES_ANCHOR = "rules"
_LENGTH_KEYS = ("minLength", "maxLength", "minimum", "maximum")


def field_anchor(name: str) -> str:
    """The HTML id of a field's row: ``nipBaru`` → ``field-nipBaru``."""
    return f"field-{name}"


def _type_text(spec: FieldSpec) -> str:
    types = " | ".join(spec.json_types) or "any"
    items = spec.schema.get("items")
    if "array" in spec.json_types and isinstance(items, Mapping) and "type" in items:
        types = types.replace("array", f"array ({items['type']})")
    fmt = spec.schema.get("format")
    return f"{types}, `{fmt}`" if fmt else types


def _code(value: Any) -> str:
    return html_code(json.dumps(value, ensure_ascii=False))


_MARKDOWN_SPECIAL = {ord(c): f"&#{ord(c)};" for c in "|\\*_`[]"}


def html_code(text: str) -> str:
    """Inline code as HTML whose text Markdown leaves alone (pipes and backslashes too)."""
    return "<code>" + html.escape(text, quote=False).translate(_MARKDOWN_SPECIAL) + "</code>"


def _constraints_text(spec: FieldSpec, lang: str) -> str:
    schema = spec.schema
    parts: list[str] = []
    if "pattern" in schema:
        parts.append(f"{label('pattern', lang)} {html_code(str(schema['pattern']))}")
    if "enum" in schema:
        parts.append(f"{label('values', lang)}: " + ", ".join(_code(v) for v in schema["enum"]))
    if "const" in schema:
        parts.append(f"{label('values', lang)}: {_code(schema['const'])}")
    parts += [f"{label(key, lang)} {schema[key]}" for key in _LENGTH_KEYS if key in schema]
    return "; ".join(parts)


def _required_text(spec: FieldSpec, lang: str) -> str:
    if spec.required:
        return label("yes", lang)
    if spec.bulk_required:
        return label("bulk_only", lang)
    return label("no", lang)


def _classification_cell(spec: FieldSpec, lang: str) -> str:
    text = classification_text(spec.classification, lang)
    return f"{text}<br>**{label('personal', lang)}**" if spec.personal else text


def rules_by_field(contract: Contract) -> dict[str, list[str]]:
    """Field name → ids of the contract's domain rules that read it."""
    found: dict[str, list[str]] = {}
    for spec in contract.rules:
        for name in RULES[spec.rule].fields_of(spec.args):
            found.setdefault(name, []).append(spec.rule)
    return found


def _reference_cell(spec: FieldSpec, page: str, context: SiteContext, lang: str) -> str:
    reference = reference_of(spec.schema)
    if reference is None:
        return ""
    table_id, version, column = reference
    if not version:  # no version named: the newest one published
        known = [v for t, v in context.references if t == table_id]
        version = max(known, key=version_key) if known else ""
    text = f"`{table_id}` {version}".strip()
    if (table_id, version) in context.references:
        text = f"[{text}]({relative_link(page, reference_page(table_id, version))})"
    return f"{text}, {label('column', lang)} `{column}`" if column else text


def _details(spec: FieldSpec, page: str, context: SiteContext, rules: list[str], lang: str) -> str:
    """Title, description and then one labelled line per fact the field has."""
    description = spec.description_en if lang == "en" else spec.description
    lines = [f"**{spec.title}**. {description}"]
    if note := deprecation_note(spec, lang):  # x-deprecated (contract evolution)
        lines.append(f"**{note}**")
    facts = [
        ("example", _code(spec.examples[0]) if spec.examples else ""),
        ("constraints", _constraints_text(spec, lang)),
        ("rules", ", ".join(f"[`{r}`](#{RULES_ANCHOR})" for r in rules)),
        ("reference", _reference_cell(spec, page, context, lang)),
    ]
    lines += [f"*{label(key, lang)}:* {text}" for key, text in facts if text]
    return "<br>".join(lines)


def fields_table(contract: Contract, page: str, context: SiteContext, lang: str) -> str:
    """The fields of ``contract`` as a Markdown table for the page at ``page``."""
    headers = [
        label(k, lang) for k in ("name", "type", "required", "classification", "description")
    ]
    rules = rules_by_field(contract)
    rows = [
        [
            f'<span id="{field_anchor(spec.name)}"></span>`{spec.name}`',
            _type_text(spec),
            _required_text(spec, lang),
            _classification_cell(spec, lang),
            _details(spec, page, context, rules.get(spec.name, []), lang),
        ]
        for spec in contract.fields.values()
    ]
    return table(headers, rows)
