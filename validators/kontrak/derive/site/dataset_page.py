"""The page of one dataset version: facts, downloads, fields, domain rules, samples, changelog."""

from __future__ import annotations

from kontrak.catalog import DatasetEntry
from kontrak.contract import Contract
from kontrak.derive.headers import markdown_header
from kontrak.derive.markdown import table
from kontrak.derive.site.basis_text import basis_text
from kontrak.derive.site.context import SiteContext
from kontrak.derive.site.fields import RULES_ANCHOR, fields_table
from kontrak.derive.site.labels import format_date, label
from kontrak.derive.site.links import changelog_page, dataset_page, relative_link
from kontrak.derive.site.samples_section import samples_section
from kontrak.evolution.changelog import version_anchor
from kontrak.rules import RULES

__all__ = ["render_dataset_page", "schema_links"]

_EXTRA_TEXT = {
    "error": {
        "id": "galat `field-not-agreed` (data LAN harus tepat sesuai Lampiran)",
        "en": "error `field-not-agreed` (LAN data must match the Lampiran exactly)",
    },
    "warning": {
        "id": "peringatan `field-not-agreed` (SIASN menambah kolom dari waktu ke waktu; buang "
        "dengan `kontrak strip` sebelum menyimpan)",
        "en": "warning `field-not-agreed` (SIASN adds fields over time; drop them with "
        "`kontrak strip` before storing)",
    },
}


def schema_links(contract: Contract, page: str) -> tuple[str, str]:
    """Relative links from ``page`` to the contract's JSON Schema and Table Schema on the site.

    The site publishes ``contracts/`` at its root, so each link resolves to the schema's ``$id``.
    """
    folder = f"contracts/{contract.dataset}/{contract.version}/"
    return (
        relative_link(page, folder + "schema.json"),
        relative_link(page, folder + "table-schema.json"),
    )


def _rules_table(contract: Contract, page: str, lang: str) -> str:
    if not contract.rules:
        return label("no_rules", lang) + "\n"
    headers = [label(k, lang) for k in ("rule", "severity", "applies", "description", "codes")]
    galat = relative_link(page, "galat.md")
    rows = []
    for spec in contract.rules:
        rule = RULES[spec.rule]
        applies = ", ".join(f"`{name}`" for name in rule.fields_of(spec.args))
        codes = ", ".join(f"[`{code}`]({galat}#{code})" for code in rule.codes)
        rows.append(
            [f"`{spec.rule}`", label(spec.severity, lang), applies, rule.summary.get(lang), codes]
        )
    return table(headers, rows)


def _facts(
    entry: DatasetEntry, contract: Contract, page: str, context: SiteContext, lang: str
) -> list[tuple[str, str]]:
    version = entry.version(contract.version)
    meta = contract.meta
    facts: list[tuple[str, str]] = [
        (label("dataset", lang), f"`{contract.dataset}` {contract.version}"),
        (label("record", lang), entry.record.get(lang)),
        (label("provider", lang), f"{contract.provider} ({meta['system']})"),
        (label("consumer", lang), contract.consumer),
        (label("wire", lang), f"`{meta['wire']}`"),
        (label("channel", lang), entry.channel.get(lang)),
        (label("basis", lang), basis_text(meta["basis"], context.agreement, lang)),
        (label("primary_key", lang), ", ".join(f"`{k}`" for k in contract.primary_key)),
        (label("extra", lang), _EXTRA_TEXT[contract.extra_fields_severity][lang]),
        (label("status", lang), version.status),
        (label("since", lang), format_date(version.since, lang)),
    ]
    if version.until:
        facts.append((label("until", lang), format_date(version.until, lang)))
    facts.append((label("introduced", lang), f"`{version.introduced_by}`"))
    others = [v.version for v in entry.versions if v.version != contract.version]
    if others:
        links = [f"[{v}]({relative_link(page, dataset_page(entry.id, v))})" for v in others]
        facts.append((label("other_versions", lang), ", ".join(links)))
    if context.page_exists(changelog_page(entry.id)):
        link = (
            relative_link(page, changelog_page(entry.id)) + "#" + version_anchor(contract.version)
        )
        facts.append((label("changelog", lang), f"[{label('changelog', lang)}]({link})"))
    return facts


def render_dataset_page(
    entry: DatasetEntry, contract: Contract, context: SiteContext, lang: str
) -> str:
    """The Markdown of one dataset version page in ``lang``."""
    page = dataset_page(contract.dataset, contract.version)
    meta = contract.meta
    title = contract.title_en if lang == "en" else contract.title
    description = meta["description-en"] if lang == "en" else contract.schema["description"]
    schema_link, table_link = schema_links(contract, page)
    table_uri = contract.uri.rsplit("/", 1)[0] + "/table-schema.json"
    parts = [
        f"# {title} <small>{contract.version}</small>\n",
        markdown_header(f"contracts/{contract.dataset}/{contract.version}/schema.json"),
        f"{description}\n",
        f"## {label('downloads', lang)} {{#downloads}}\n",
        f"- [{label('json_schema', lang)}]({schema_link}): `{contract.uri}`",
        f"- [{label('table_schema', lang)}]({table_link}): `{table_uri}`\n",
        f"## {label('facts', lang)} {{#facts}}\n",
        table(
            [label("item", lang), label("value", lang)],
            _facts(entry, contract, page, context, lang),
        ),
    ]
    bulk_note = meta.get("bulk", {}).get("note")
    if bulk_note:
        parts.append(f'!!! note "{label("bulk_only", lang).capitalize()}"\n    {bulk_note}\n')
    parts += [
        f"## {label('fields', lang)} {{#fields}}\n",
        fields_table(contract, page, context, lang),
        f"## {label('rules', lang)} {{#{RULES_ANCHOR}}}\n",
        _rules_table(contract, page, lang),
        samples_section(contract.dataset, contract.version, page, context, lang),
    ]
    return "\n".join(parts)
