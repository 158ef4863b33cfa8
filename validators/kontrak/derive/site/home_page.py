"""The home page: the agreement in our own words, with its facts taken from ``agreement.yaml``."""

from __future__ import annotations

from kontrak.agreement import Agreement, AgreementDocument
from kontrak.basis import format_basis
from kontrak.derive.headers import markdown_header
from kontrak.derive.markdown import table
from kontrak.derive.site.catalog_page import page_of_version
from kontrak.derive.site.context import SiteContext
from kontrak.derive.site.home_text import HOME_TEXT
from kontrak.derive.site.labels import format_date, label
from kontrak.derive.site.links import relative_link

__all__ = ["HOME_PAGE", "render_home_page"]

HOME_PAGE = "index.md"


def _t(key: str, lang: str) -> str:
    return HOME_TEXT[key][lang]


def _base(context: SiteContext) -> AgreementDocument:
    return context.agreement.document(context.catalog.agreement)


def _intro(context: SiteContext, lang: str) -> str:
    base = _base(context)
    lan, bkn = context.agreement.parties["LAN"], context.agreement.parties["BKN"]
    numbers = ", ".join(f"{party} {number}" for party, number in base.numbers.items())
    return _t("intro", lang).format(
        lan=lan.name,
        bkn=bkn.name,
        title=base.title.get(lang),
        place=base.place or "",
        signed=format_date(base.signed, lang),
        numbers=numbers,
    )


def _downloads(entry_id: str, version: str, context: SiteContext) -> str:
    folder = f"contracts/{entry_id}/{version}/"
    files = [("JSON Schema", "schema.json"), ("Table Schema", "table-schema.json")]
    if (entry_id, version) in context.references:
        files = [("CSV", "data.csv"), ("JSON Schema", "schema.json")]
    present = [
        f"[{name}]({relative_link(HOME_PAGE, folder + file)})"
        for name, file in files
        if (context.catalog.root / entry_id / version / file).is_file()
    ]
    return " · ".join(present)


def _datasets_table(context: SiteContext, lang: str) -> str:
    headers = [label("dataset", lang), label("direction", lang), label("version", lang)]
    headers.append(label("downloads", lang))
    rows = []
    for entry in context.catalog.datasets.values():
        version = entry.current.version
        page = page_of_version(entry, version, context)
        anchor = "#contents" if (entry.id, version) in context.references else "#fields"
        rows.append(
            [
                f"[{entry.title.get(lang)}]({page})<br>`{entry.id}`",
                entry.direction,
                f"[{version}]({page}{anchor})",
                _downloads(entry.id, version, context),
            ]
        )
    return table(headers, rows)


def _parties_table(agreement: Agreement, lang: str) -> str:
    headers = [_t(k, lang) for k in ("party", "role", "system", "contact")]
    rows = []
    for party in agreement.parties.values():
        contact = party.contact
        rows.append(
            [
                f"**{party.key}**: {party.name}",
                party.role,
                party.system,
                f"{contact.unit}<br>{contact.address}<br>{_t('phone', lang)} {contact.phone}"
                f"<br>[{contact.email}](mailto:{contact.email})",
            ]
        )
    return table(headers, rows)


def _scope_table(context: SiteContext, lang: str) -> str:
    """Every clause with a summary, and the datasets that rest on it."""
    users: dict[str, list[str]] = {}
    for entry in context.catalog.datasets.values():
        for short in entry.basis:
            users.setdefault(short, []).append(f"`{entry.id}`")
    headers = [_t("clause", lang), _t("content", lang), label("dataset", lang)]
    rows = [
        [format_basis(short, lang), text.get(lang), ", ".join(users.get(short, [])) or "—"]
        for short, text in context.agreement.provisions.items()
    ]
    return table(headers, rows)


def _term(context: SiteContext, lang: str) -> str:
    agreement, base = context.agreement, _base(context)
    lines = [
        _t("term", lang).format(
            signed=format_date(base.signed, lang),
            years=base.valid_years or 0,
            end=format_date(agreement.initial_term_end(base.id), lang),
            deadline=format_date(agreement.extension_deadline(base.id), lang),
        )
    ]
    extensions = agreement.extensions(base.id)
    if not extensions:
        lines.append(_t("no_extensions", lang))
    for document in extensions:
        until = format_date(document.valid_until, lang) if document.valid_until else "—"
        lines.append(
            _t("extension", lang).format(
                title=document.title.get(lang),
                signed=format_date(document.signed, lang),
                until=until,
            )
        )
    return "\n\n".join(lines) + "\n"


def _changes(context: SiteContext, lang: str) -> str:
    introduced: dict[str, list[str]] = {}
    for entry in context.catalog.datasets.values():
        for version in entry.versions:
            introduced.setdefault(version.introduced_by, []).append(
                f"`{entry.id}` {version.version}"
            )
    rows = [
        [
            f"`{document.id}`",
            f"{document.title.get(lang)} ({document.kind})",
            format_date(document.signed, lang),
            ", ".join(introduced.get(document.id, [])) or "—",
        ]
        for document in sorted(context.agreement.documents.values(), key=lambda d: d.signed)
    ]
    headers = [_t(k, lang) for k in ("document", "title", "signed", "introduced")]
    return f"{_t('changes', lang)}\n\n{table(headers, rows)}"


def _articles_table(agreement: Agreement, lang: str) -> str:
    headers = [_t("article", lang), _t("title", lang), _t("content", lang)]
    rows = [
        [str(a.number), a.title.get(lang), a.summary.get(lang)] for a in agreement.articles.values()
    ]
    return table(headers, rows)


def render_home_page(context: SiteContext, lang: str) -> str:
    """The Markdown of the home page in ``lang``."""
    agreement = context.agreement
    purpose = agreement.articles.get(1)
    return "\n".join(
        [
            f"# {label('home_title', lang)}\n",
            markdown_header("contracts/agreement.yaml and contracts/catalog.yaml"),
            f"{_intro(context, lang)}\n",
            f"## {_t('datasets', lang)} {{#datasets}}\n",
            f"{_t('datasets_intro', lang)}\n",
            _datasets_table(context, lang),
            f"{_t('more_links', lang)}\n",
            f"## {_t('parties', lang)} {{#parties}}\n",
            _parties_table(agreement, lang),
            f"## {_t('purpose', lang)} {{#purpose}}\n",
            f"{purpose.summary.get(lang) if purpose else ''}\n",
            f"## {_t('scope', lang)} {{#scope}}\n",
            f"{_t('scope_intro', lang)}\n",
            _scope_table(context, lang),
            f"## {_t('term_title', lang)} {{#term}}\n",
            _term(context, lang),
            f"## {_t('changes_title', lang)} {{#changes}}\n",
            _changes(context, lang),
            f"## {_t('articles', lang)} {{#articles}}\n",
            f"{_t('articles_intro', lang)}\n",
            _articles_table(agreement, lang),
            f"## {_t('how', lang)} {{#how}}\n",
            f"{_t('how_text', lang)}\n",
        ]
    )
